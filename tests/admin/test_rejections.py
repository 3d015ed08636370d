"""Staff reject what the loader got wrong, and no reload brings it back."""

from pathlib import Path

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from articles.models import Milestone, PersonMention, Quote
from articles.services.loading import reparse_articles
from curation.models import Rejection
from people.models import Organisation, Person

from .seeds import copy_seeds, load, seed_article

pytestmark = pytest.mark.django_db

# A survey named like a person: the parser, reading it as a reader would at first, takes it
# for one, and staff must be able to say it is not.
SURVEY = "Amber Hope"
SURVEY_PAGE = """Care review survey hears from thousands of children
By Jane Porter
24 May 2022
The review's survey of children in care, known as Amber Hope, heard from more than 2,000 \
children, the review said on Tuesday.
Amber Hope asked children what they wanted from the people who look after them, and what \
would make their lives better.
Josh MacAlister, who chairs the review, said the answers would shape its final report.
The survey closed in March after running for six weeks in schools and children's homes.
"""


@pytest.fixture
def folder(tmp_path):
    seeds = copy_seeds(tmp_path)
    (seeds / "900_survey.txt").write_text(SURVEY_PAGE, encoding="utf-8")
    load(seeds)
    return seeds


def recrawl(folder: Path) -> None:
    """Every source changes a little (as a re-crawl would) and is loaded again."""
    for path in folder.glob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load(folder)


def act(client, model, action: str, records) -> str:
    opts = model._meta
    response = client.post(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        {"action": action, ACTION_CHECKBOX_NAME: [r.pk for r in records]},
        follow=True,
    )
    assert response.status_code == 200
    return response.content.decode()


def test_a_rejected_person_stays_rejected_after_two_reloads(editor_client, folder):
    survey = Person.objects.get(name=SURVEY)
    page = act(editor_client, Person, "reject_people", [survey])
    assert "the loader will not extract them again" in page
    assert not Person.objects.filter(name=SURVEY).exists()

    recrawl(folder)
    recrawl(folder)
    reparse_articles()

    assert not Person.objects.filter(name=SURVEY).exists()
    assert Rejection.objects.get().kind == Rejection.PERSON
    assert Person.objects.filter(name="Josh MacAlister").exists()


def test_a_person_converted_to_an_organisation_stays_one_and_can_be_converted_back(
    editor_client, folder
):
    survey = Person.objects.get(name=SURVEY)
    (article,) = survey.articles.all()
    act(editor_client, Person, "convert_to_organisation", [survey])
    organisation = Organisation.objects.get(name=SURVEY)
    assert list(organisation.articles.all()) == [article]

    recrawl(folder)
    recrawl(folder)

    assert not Person.objects.filter(name=SURVEY).exists()
    organisation = Organisation.objects.get(name=SURVEY)
    assert organisation.mentions.get().article == article
    assert organisation.mentions.get().corrected_fields() == []

    act(editor_client, Organisation, "convert_to_person", [organisation])
    recrawl(folder)
    assert Person.objects.get(name=SURVEY).mentions.get().article == article
    assert not Organisation.objects.filter(name=SURVEY).exists()


def test_a_rejected_quote_milestone_and_link_stay_rejected(editor_client, folder):
    article = seed_article("002")
    quote = article.quotes.order_by("position").first()
    milestone = Milestone.objects.order_by("pk").first()
    link = PersonMention.objects.get(article=article, person__name="Ray Jones")
    quotes_before = Quote.objects.count()

    act(editor_client, Quote, "reject_quotes", [quote])
    act(editor_client, Milestone, "reject_milestones", [milestone])
    act(editor_client, PersonMention, "reject_mentions", [link])
    recrawl(folder)
    recrawl(folder)

    assert not Quote.objects.filter(article=article, text=quote.text).exists()
    assert Quote.objects.count() == quotes_before - 1
    assert not Milestone.objects.filter(key=milestone.key).exists()
    assert not PersonMention.objects.filter(article=article, person__name="Ray Jones").exists()
    assert Person.objects.filter(name="Ray Jones").exists()


def test_readers_cannot_reject(reader_client, folder):
    survey = Person.objects.get(name=SURVEY)
    reader_client.post(
        reverse("admin:people_person_changelist"),
        {"action": "reject_people", ACTION_CHECKBOX_NAME: [survey.pk]},
    )
    assert Person.objects.filter(name=SURVEY).exists()
    assert not Rejection.objects.exists()


def test_the_rejection_list_opens_for_editors(editor_client, folder):
    act(editor_client, Person, "reject_people", [Person.objects.get(name=SURVEY)])
    page = editor_client.get(reverse("admin:curation_rejection_changelist"))
    assert page.status_code == 200
    assert SURVEY in page.content.decode()
