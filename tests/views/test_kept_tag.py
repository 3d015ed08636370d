"""``{% kept %}`` (archivecache/templatetags/kept.py): a fragment kept per kept version
and its vary values, rendered afresh when the version changes, when nothing may be kept,
or when its flag says not to; a malformed tag is a clear template error."""

import itertools

import pytest
from django.template import Context, Template, TemplateSyntaxError

from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

_names = itertools.count()


@pytest.fixture(autouse=True)
def _a_version():
    """The archive has a version once something is written (archivecache/triggers.py)."""
    factories.make_outlet("The Guardian")


def counting_template(tag: str) -> tuple[Template, list]:
    """A template whose fragment appends to the returned list each time it renders."""
    renders: list = []
    source = "{% load kept %}{% " + tag.format(name=f"test_fragment_{next(_names)}") + " %}"
    return Template(source + "{{ item }}{{ render }}{% endkept %}"), renders


def render(template: Template, renders: list, **context) -> str:
    return template.render(Context({"render": lambda: renders.append(1) or "", **context}))


def test_kept_until_the_version_changes():
    template, renders = counting_template("kept {name}")
    assert render(template, renders, item="a") == "a"
    assert render(template, renders, item="b") == "a"  # kept: the same for every reader
    factories.make_outlet("Community Care")  # a write: a new version
    assert render(template, renders, item="b") == "b"
    assert len(renders) == 2


def test_kept_apart_by_its_vary_values():
    template, renders = counting_template("kept {name} item")
    assert [render(template, renders, item=x) for x in "aba"] == ["a", "b", "a"]
    assert len(renders) == 2


@pytest.mark.parametrize(
    ("flag", "value", "kept"),
    [("if on", True, True), ("if on", False, False), ("unless on", True, False)],
)
def test_a_flag_says_whether_to_keep(flag, value, kept):
    template, renders = counting_template("kept {name} " + flag)
    render(template, renders, item="a", on=value)
    assert render(template, renders, item="b", on=value) == ("a" if kept else "b")


def test_rendered_every_time_when_nothing_may_be_kept(settings):
    settings.ARCHIVE_VERSION_MEMO = False
    template, renders = counting_template("kept {name}")
    assert [render(template, renders, item=x) for x in "ab"] == ["a", "b"]


def test_a_fragment_needs_a_name():
    with pytest.raises(TemplateSyntaxError, match="'kept' needs the fragment's name"):
        Template("{% load kept %}{% kept %}x{% endkept %}")
