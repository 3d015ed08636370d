"""The load_articles command: bad input, idempotency, progress and its summary."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from articles.management.commands import load_articles
from articles.models import Article, PersonMention, Quote
from articles.services import loading, writing
from people.models import Person

pytestmark = pytest.mark.django_db

SEEDS = sorted(Path(settings.SEEDS_DIR).glob("*.txt"))

SHORT_ARTICLE = """Council pledges more support for kinship carers

Families raising relatives' children will get more help, the council says.

By Jane Doe
15 January 2021

The council has pledged more support for kinship carers after a review of its services.

Councillor Sam Patel said: “We will do more for the families who step in when parents cannot.”

The new support begins in April, and the council will report on it next year.
"""


def run(*paths, verbosity=1, capsys=None):
    """Run the command; return (stdout, stderr, failed?)."""
    try:
        call_command("load_articles", *map(str, paths), verbosity=verbosity)
        failed = False
    except CommandError as error:
        failed = str(error)
    out = capsys.readouterr() if capsys else None
    return out, failed


def copy_seeds(tmp_path, names=None):
    for seed in SEEDS:
        if names is None or seed.name in names:
            shutil.copy(seed, tmp_path / seed.name)
    return tmp_path


def test_loads_the_seeds_by_default(capsys):
    out, failed = run(capsys=capsys)
    assert not failed
    assert Article.objects.count() == len(SEEDS) == 5
    assert "Done: 5 loaded, 0 updated, 0 unchanged, 0 skipped, 0 failed" in out.out


def test_a_second_run_changes_nothing(capsys):
    run(capsys=capsys)
    counts = [m.objects.count() for m in (Article, Person, Quote)]
    out, failed = run(capsys=capsys)
    assert not failed
    assert "0 loaded, 0 updated, 5 unchanged" in out.out
    assert [m.objects.count() for m in (Article, Person, Quote)] == counts


def test_a_changed_file_updates_its_article(tmp_path, capsys):
    (tmp_path / "council.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    run(tmp_path, capsys=capsys)
    changed = SHORT_ARTICLE.replace("more support", "extra support")
    (tmp_path / "council.txt").write_text(changed, encoding="utf-8")
    out, failed = run(tmp_path, capsys=capsys)
    assert not failed and "1 updated" in out.out
    article = Article.objects.get()
    assert article.title == "Council pledges extra support for kinship carers"
    assert "extra support" in article.source_text


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"], ids=["windows-1252", "latin-1"])
def test_files_that_are_not_utf8_are_decoded(tmp_path, capsys, encoding):
    text = SHORT_ARTICLE.replace("Sam Patel", "Séan Patel")
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"')
    (tmp_path / "legacy.txt").write_bytes(text.encode(encoding))
    out, failed = run(tmp_path, capsys=capsys)
    assert not failed, out.err
    article = Article.objects.get()
    assert "Séan Patel" in article.body
    assert article.source_text == text


def test_bad_files_are_reported_one_line_each_and_the_rest_still_load(tmp_path, capsys):
    copy_seeds(tmp_path, {SEEDS[0].name, SEEDS[2].name})
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "furniture.txt").write_text(
        "top of page\nMost popular articles today\nSponsored Content\n£33,945- £36,648\n"
        "Featured event\nbottom of page\n",
        encoding="utf-8",
    )
    (tmp_path / "huge.txt").write_bytes(b"A line of text that goes on and on.\n" * 600_000)
    shutil.copy(SEEDS[0], tmp_path / "copy-of-first.txt")

    out, failed = run(tmp_path, capsys=capsys)

    assert failed and "2 loaded" in failed and "1 skipped" in failed and "4 failed" in failed
    errors = out.err.strip().splitlines()
    assert len(errors) == 4
    by_file = {Path(line.split(":", 1)[0]).name: line for line in errors}
    assert set(by_file) == {"empty.txt", "image.txt", "furniture.txt", "huge.txt"}
    assert "empty" in by_file["empty.txt"]
    assert "binary" in by_file["image.txt"]
    assert "furniture" in by_file["furniture.txt"]
    assert "MB" in by_file["huge.txt"]
    assert f"same content as {tmp_path / SEEDS[0].name}" in out.out
    assert Article.objects.count() == 2


def test_a_file_that_fails_half_way_leaves_nothing_behind(tmp_path, capsys, monkeypatch):
    copy_seeds(tmp_path, {SEEDS[1].name, SEEDS[2].name})
    real_write_quotes = writing._write_quotes

    def fail_on_second_seed(article, *args):
        if article.source_file == SEEDS[2].name:
            raise RuntimeError("disk on fire")
        real_write_quotes(article, *args)

    monkeypatch.setattr(writing, "_write_quotes", fail_on_second_seed)
    out, failed = run(tmp_path, capsys=capsys)
    assert failed and "1 failed" in failed
    assert f"{SEEDS[2].name}: failed: unexpected error: RuntimeError: disk on fire" in out.err
    assert list(Article.objects.values_list("source_file", flat=True)) == [SEEDS[1].name]
    assert not Person.objects.filter(name="Ray Jones", mentions__isnull=False).exists()


def test_a_file_failing_in_a_batch_is_reported_alone_and_the_others_load(
    tmp_path, capsys, monkeypatch, started_pools
):
    """With workers, files are written in batches: the failing one rolls its batch back,
    and the batch is written again file by file."""
    copy_seeds(tmp_path)
    real_write_quotes = writing._write_quotes
    batches = []
    real_write_batch = loading._write_batch

    def fail_on_second_seed(article, *args):
        if article.source_file == SEEDS[2].name:
            raise RuntimeError("disk on fire")
        real_write_quotes(article, *args)

    def recording_write_batch(batch, *args):
        batches.append(len(batch))
        return real_write_batch(batch, *args)

    monkeypatch.setattr(writing, "_write_quotes", fail_on_second_seed)
    monkeypatch.setattr(loading, "_write_batch", recording_write_batch)
    out, failed = run(tmp_path, capsys=capsys)
    assert started_pools and batches == [len(SEEDS)]
    assert failed and f"{len(SEEDS) - 1} loaded" in failed and "1 failed" in failed
    assert out.err.count("failed") == 1
    assert f"{SEEDS[2].name}: failed: unexpected error: RuntimeError: disk on fire" in out.err
    loaded = {seed.name for seed in SEEDS} - {SEEDS[2].name}
    assert set(Article.objects.values_list("source_file", flat=True)) == loaded
    assert not Person.objects.filter(name="Ray Jones", mentions__isnull=False).exists()


def test_a_missing_path_is_reported_and_the_others_still_load(tmp_path, capsys):
    copy_seeds(tmp_path, {SEEDS[1].name})
    out, failed = run("/nowhere", tmp_path, capsys=capsys)
    assert failed and "1 loaded" in failed and "1 failed" in failed
    assert out.err.strip() == "/nowhere: failed: no such file or directory"
    assert Article.objects.get().source_file == SEEDS[1].name


def test_long_runs_show_progress(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(load_articles, "PROGRESS_EVERY", 2)
    copy_seeds(tmp_path)
    out, failed = run(tmp_path, capsys=capsys)
    assert not failed
    assert f"Loading {tmp_path}…" in out.out
    assert "2/5 files" in out.out and "4/5 files" in out.out


def test_many_files_are_parsed_in_worker_processes_with_the_same_results(
    tmp_path, capsys, started_pools
):
    copy_seeds(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    out, failed = run(tmp_path, capsys=capsys)
    assert started_pools, "no worker pool was started"
    assert failed and "5 loaded" in failed and "1 failed" in failed
    assert out.err.startswith(f"{tmp_path / 'empty.txt'}: failed:")
    article = Article.objects.get(source_file=SEEDS[2].name)
    assert article.author == "Fiona Simpson"
    assert "Ian Dickson" in article.people.values_list("name", flat=True)
    # A second run parses nothing: every stored file is unchanged.
    out, failed = run(tmp_path, capsys=capsys)
    assert "0 loaded, 0 updated, 5 unchanged" in failed


def archive_rows():
    """What the loader wrote for each article, by file name."""
    return {
        article.source_file: (
            sorted(article.person_mentions.values_list("person__name", "count")),
            sorted(article.organisation_mentions.values_list("organisation__name", "count")),
            list(article.quotes.order_by("position").values_list("text", "speaker__name")),
            sorted(article.milestone_sources.values_list("milestone__key", flat=True)),
            sorted(article.review_body_facts.values_list("text", flat=True)),
        )
        for article in Article.objects.all()
    }


def test_writing_in_batches_gives_what_writing_file_by_file_gives(
    tmp_path, capsys, monkeypatch, started_pools
):
    copy_seeds(tmp_path)
    monkeypatch.setattr(loading, "BATCH_FILES", 1)  # every file written on its own
    run(tmp_path)
    by_file = archive_rows()
    Article.objects.all().delete()
    monkeypatch.setattr(loading, "BATCH_FILES", 50)
    out, failed = run(tmp_path, capsys=capsys)
    assert f"{len(SEEDS)} loaded" in out.out + (failed or "")
    assert archive_rows() == by_file
    assert all(
        PersonMention.history.filter(id=pk).exists()
        for pk in PersonMention.objects.values_list("pk", flat=True)
    )
    # A batch with a new article before a changed one: the new one's rows are written
    # before the changed one is compared with the archive.
    (tmp_path / "0_new.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    changed = tmp_path / SEEDS[2].name
    lines = changed.read_text(encoding="utf-8").splitlines()
    at = len(lines) // 3
    quote = "Councillor Rhiannon Price said: “Kinship carers need far more help than this.”"
    changed.write_text("\n".join([*lines[:at], "", quote, "", *lines[at:]]), encoding="utf-8")
    out, failed = run(tmp_path, capsys=capsys)
    assert f"1 loaded, 1 updated, {len(SEEDS) - 1} unchanged" in out.out + (failed or "")
    new = Article.objects.get(source_file="0_new.txt")
    assert "Sam Patel" in new.people.values_list("name", flat=True)
    assert new.quotes.exists()
    assert "Rhiannon Price" in Article.objects.get(source_file=SEEDS[2].name).people.values_list(
        "name", flat=True
    )


def test_a_dead_parser_worker_means_parsing_in_this_process_not_failing(tmp_path):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    seed = copy_seeds(tmp_path, {SEEDS[2].name}) / SEEDS[2].name
    broken = Future()
    broken.set_exception(BrokenProcessPool("worker killed"))
    source = loading._source(seed)
    source.future = broken
    outcome = loading._finish(source, {}, loading.default_authority())
    assert outcome.status == "loaded", outcome
    assert outcome.article.author == "Fiona Simpson"
