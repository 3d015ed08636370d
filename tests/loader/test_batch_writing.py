"""A batch of new articles: its records looked up once and created together, in bulk.

The batch is written through ``_write_batch`` with parses already finished (futures
holding their result), as the workers hand them over, so what is measured does not
depend on how fast the workers are.
"""

from concurrent.futures import Future
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from articles.intake.extract import extract_file
from articles.intake.files import source_digest
from articles.models import Article, Milestone
from articles.services import batch, loading
from articles.services.slugs import unique_slugs
from people.models import Membership, Person

pytestmark = pytest.mark.django_db

SEEDS = sorted(Path(settings.SEEDS_DIR).glob("*.txt"))
NAMES = ["Amira Okafor", "Ben Lindqvist", "Chloe Brennan", "Daniel Chaudhry", "Ellen Walsh"]


def distinct_pages(folder: Path, count: int, first: int = 0) -> list[Path]:
    """``count`` distinct articles made from the seeds: a new title, speaker and date each."""
    folder.mkdir(exist_ok=True)
    paths = []
    for index in range(first, first + count):
        lines = SEEDS[index % len(SEEDS)].read_text(encoding="utf-8").splitlines()
        name = NAMES[index % len(NAMES)]
        extra = [
            f"{name}, a director of children's services, said: “Report {index} shows the"
            " review has listened to families across England.”",
            f"The consultation will close on {index % 28 + 1} March 2022, the review said.",
        ]
        at = max(2, len(lines) // 3)
        path = folder / f"page_{index:03d}.txt"
        path.write_text(
            "\n".join([f"{lines[0]} (report {index})", *lines[1:at], *extra, *lines[at:]]) + "\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def write_batch(paths: list[Path]) -> list[loading.LoadOutcome]:
    """Write ``paths`` as one batch of a load, their parses finished already."""
    authority = loading.default_authority()
    sources = []
    for path in paths:
        source = loading._source(path)
        source.digest, source.size = source_digest(path), path.stat().st_size
        source.future = Future()
        source.future.set_result(extract_file(path, authority))
        sources.append(source)
    return loading._write_batch(sources, {}, authority)


def queries_to_write(paths: list[Path]) -> int:
    loading.sync_authority(loading.default_authority())  # as every load does, first
    with CaptureQueriesContext(connection) as queries:
        outcomes = write_batch(paths)
    assert [o.status for o in outcomes] == ["loaded"] * len(paths)
    return len(queries)


def test_a_batch_costs_about_the_same_queries_whatever_its_number_of_articles(tmp_path):
    small = queries_to_write(distinct_pages(tmp_path / "small", 8))
    large = queries_to_write(distinct_pages(tmp_path / "large", 32, first=100))
    # Written one at a time, an article cost 27 queries; a batch costs a few per kind of
    # record (46 here for 8 articles and for 32), whatever its number of articles.
    assert large <= small + 4, (small, large)
    assert large < 60


def named(values: dict, record) -> dict:
    """``loader_values`` with each id in it replaced by whether it is the record's own
    (ids differ between two loads on PostgreSQL, whose sequences no rollback rewinds)."""
    return {
        name: getattr(record, name) == value if name.endswith("_id") else value
        for name, value in values.items()
    }


def what_was_written() -> list:
    """Every article as the public site and staff see it, without ids and timestamps."""
    rows = []
    for article in Article.objects.order_by("source_file").select_related("outlet", "source"):
        rows.append(
            (
                article.source_file,
                article.slug,
                article.outlet.name,
                article.outlet.loader_values,
                article.title,
                str(article.published),
                str(article.published_end),
                named(article.loader_values, article),
                article.source.sha256,
                article.source.article_id == article.pk,
                sorted(
                    (m.person.name, m.person.slug, m.count, m.loader_values)
                    for m in article.person_mentions.select_related("person")
                ),
                sorted(
                    (m.organisation.name, m.count)
                    for m in article.organisation_mentions.select_related("organisation")
                ),
                [
                    (
                        q.position,
                        q.text,
                        q.speaker.name if q.speaker else None,
                        named(q.loader_values, q),
                    )
                    for q in article.quotes.order_by("position").select_related("speaker")
                ],
                sorted(
                    (s.milestone.key, s.milestone.slug, str(s.milestone.date_end))
                    for s in article.milestone_sources.select_related("milestone")
                ),
                article.history.count(),
            )
        )
    people = sorted(
        (p.name, p.slug, p.role, p.loader_values, p.history.count()) for p in Person.objects.all()
    )
    memberships = sorted((m.person.name, m.body.name, m.role) for m in Membership.objects.all())
    milestones = sorted((m.key, m.slug, m.loader_values) for m in Milestone.objects.all())
    return [rows, people, memberships, milestones]


class _Undo(Exception):
    pass


def test_a_batch_writes_what_writing_each_article_alone_writes(tmp_path):
    paths = distinct_pages(tmp_path, 12)
    try:
        with transaction.atomic():
            for path in paths:
                write_batch([path])  # a batch of one is written alone
            alone = what_was_written()
            raise _Undo
    except _Undo:
        pass
    assert not Article.objects.exists()
    write_batch(paths)
    assert what_was_written() == alone
    assert len(alone[0]) == len(paths)


def test_slugs_chosen_together_are_unique_among_themselves_and_in_the_table():
    Person.objects.create(name="Sam Lee", slug="sam-lee")
    assert unique_slugs(Person, ["Sam Lee", "Sam Lee", "Ann Cole", "sam  lee"]) == [
        "sam-lee-2",
        "sam-lee-3",
        "ann-cole",
        "sam-lee-4",
    ]
    assert unique_slugs(Person, []) == []


def test_a_batch_whose_records_cannot_be_created_is_written_file_by_file(tmp_path, monkeypatch):
    real_create = batch.create_history
    calls = []

    def fail_the_first_time(model, rows, reason):
        calls.append(model)
        if len(calls) == 1:
            raise RuntimeError("bulk insert refused")
        return real_create(model, rows, reason)

    monkeypatch.setattr(batch, "create_history", fail_the_first_time)
    paths = distinct_pages(tmp_path, 3)
    outcomes = write_batch(paths)
    assert [o.status for o in outcomes] == ["loaded"] * 3
    assert sorted(Article.objects.values_list("source_file", flat=True)) == [p.name for p in paths]
