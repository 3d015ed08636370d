"""Sources as an archivist keeps them: identity by path, every version's bytes, fixity."""

import hashlib
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article, SourceFile
from articles.services.load_lock import load_lock
from articles.services.loading import load_paths
from tests.loader.test_load_command import SHORT_ARTICLE, run

pytestmark = pytest.mark.django_db

SEEDS = sorted(Path(settings.SEEDS_DIR).glob("*.txt"))

# Inputs whose bytes a normalising store would change: each must come back unchanged.
AWKWARD_BYTES = {
    "crlf.txt": SHORT_ARTICLE.replace("\n", "\r\n").encode(),
    "bom.txt": "\ufeff".encode() + SHORT_ARTICLE.encode(),
    "nbsp.txt": SHORT_ARTICLE.replace("kinship carers", "kinship\u00a0carers", 1).encode(),
    "cp1252.txt": SHORT_ARTICLE.replace("Sam Patel", "Séan Patel").encode("cp1252"),
    "utf16.txt": SHORT_ARTICLE.replace("Sam Patel", "Siân Patel").encode("utf-16"),
}


def sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def raw_url(article: Article, version: SourceFile | None = None) -> str:
    if version is None:
        return reverse("articles:article-source-raw", kwargs={"slug": article.slug})
    return reverse(
        "articles:article-source-version-raw", kwargs={"slug": article.slug, "version": version.pk}
    )


def test_two_files_of_one_name_in_two_folders_are_two_articles(tmp_path, capsys):
    for folder, who in (("a", "Sam Patel"), ("b", "Ruth Okafor")):
        (tmp_path / folder).mkdir()
        text = SHORT_ARTICLE.replace("Sam Patel", who).replace("kinship", f"{folder} kinship")
        (tmp_path / folder / "report.txt").write_text(text, encoding="utf-8")
    out, failed = run(tmp_path, capsys=capsys)
    assert not failed and "Done: 2 loaded, 0 updated" in out.out
    keys = sorted(Article.objects.values_list("source_key", flat=True))
    assert keys == [str((tmp_path / f / "report.txt").resolve()) for f in ("a", "b")]
    assert set(Article.objects.values_list("source_file", flat=True)) == {"report.txt"}
    out, failed = run(tmp_path, capsys=capsys)
    assert "0 loaded, 0 updated, 2 unchanged" in out.out


def test_the_same_bytes_under_another_name_are_one_source(tmp_path, capsys):
    (tmp_path / "one.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    out, failed = run(tmp_path, capsys=capsys)
    assert not failed
    assert f"two.txt: skipped: same content as {tmp_path / 'one.txt'}" in out.out
    assert SourceFile.objects.count() == 1


def test_a_changed_file_is_a_new_version_and_every_version_is_kept(client, tmp_path, capsys):
    path = tmp_path / "council.txt"
    first = SHORT_ARTICLE.encode()
    second = SHORT_ARTICLE.replace("more support", "extra support").encode()
    third = SHORT_ARTICLE.replace("more support", "less support").encode()
    for raw in (first, second, third):
        path.write_bytes(raw)
        run(tmp_path, capsys=capsys)
    article = Article.objects.get()
    versions = list(article.source_versions.order_by("first_seen", "pk"))
    assert [v.sha256 for v in versions] == [sha256(first), sha256(second), sha256(third)]
    assert article.source == versions[-1] and article.sha256 == sha256(third)
    assert "less support" in article.title

    page = client.get(article.get_source_url())
    assert page.status_code == 200
    assert "Versions: 3" in page.content.decode()
    for version, raw in zip(versions, (first, second, third), strict=True):
        old = client.get(version.get_absolute_url())
        assert old.status_code == 200 and escape(raw.decode()) in old.content.decode()
        assert client.get(raw_url(article, version)).content == raw


def test_a_file_changed_back_returns_to_its_earlier_version(tmp_path, capsys):
    path = tmp_path / "council.txt"
    for text in (SHORT_ARTICLE, SHORT_ARTICLE.replace("more", "extra"), SHORT_ARTICLE):
        path.write_text(text, encoding="utf-8")
        _, failed = run(tmp_path, capsys=capsys)
        assert not failed
    article = Article.objects.get()
    assert article.source_versions.count() == 2
    assert article.source.sha256 == sha256(SHORT_ARTICLE.encode()) == article.sha256


@pytest.mark.parametrize("name", sorted(AWKWARD_BYTES))
def test_awkward_bytes_are_stored_and_served_unchanged(client, tmp_path, capsys, name):
    raw = AWKWARD_BYTES[name]
    (tmp_path / name).write_bytes(raw)
    out, failed = run(tmp_path, capsys=capsys)
    assert not failed, out.err
    article = Article.objects.get()
    stored = article.source
    assert bytes(stored.content) == raw
    assert stored.sha256 == article.sha256 == sha256(bytes(stored.content)) == sha256(raw)
    assert stored.size == len(raw)
    assert "Patel" in article.body
    served = client.get(raw_url(article))
    assert served.content == raw


def test_every_seed_is_served_byte_for_byte_with_its_media_type(
    client, capsys, django_assert_max_num_queries
):
    run(capsys=capsys)
    assert Article.objects.count() == len(SEEDS)
    for seed in SEEDS:
        article = Article.objects.get(source_key=str(seed.resolve()))
        with django_assert_max_num_queries(2):
            response = client.get(raw_url(article))
        assert response.status_code == 200
        assert sha256(response.content) == sha256(seed.read_bytes()) == article.source.sha256
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert response["Content-Security-Policy"].startswith("sandbox")


def test_the_article_page_links_to_the_archived_copy(client, tmp_path, capsys):
    (tmp_path / "council.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    run(tmp_path, capsys=capsys)
    article = Article.objects.get()
    page = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{raw_url(article)}"' in page


def test_verify_sources_passes_then_catches_a_tampered_version(tmp_path, capsys):
    for seed in SEEDS[:2]:
        shutil.copy(seed, tmp_path / seed.name)
    run(tmp_path, capsys=capsys)
    call_command("verify_sources")
    assert "2 source version(s) checked, 0 mismatch(es)" in capsys.readouterr().out

    tampered = SourceFile.objects.order_by("pk").first()
    SourceFile.objects.filter(pk=tampered.pk).update(content=b"quietly edited")
    with pytest.raises(CommandError, match="1 mismatch"):
        call_command("verify_sources")
    errors = capsys.readouterr().err.strip().splitlines()
    assert errors == [
        f"{tampered.original_path} (version {tampered.pk}): bytes hash to "
        f"{sha256(b'quietly edited')}, not the stored {tampered.sha256}"
    ]


def test_an_article_loaded_before_bytes_were_kept_is_adopted(tmp_path, capsys):
    (tmp_path / "old.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    run(tmp_path, capsys=capsys)
    article = Article.objects.get()
    # What migration 0006 leaves of an article loaded before it: its name as key, no bytes.
    Article.objects.filter(pk=article.pk).update(source=None, source_key="old.txt")
    SourceFile.objects.all().delete()
    out, failed = run(tmp_path, verbosity=2, capsys=capsys)
    assert not failed
    assert "unchanged: original bytes now kept" in out.out
    article.refresh_from_db()
    assert article.source_key == str((tmp_path / "old.txt").resolve())
    assert bytes(article.source.content) == SHORT_ARTICLE.encode()


def test_bad_inputs_each_have_one_line_naming_the_file_and_the_rest_load(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes(
        SHORT_ARTICLE.replace("council", "borough").encode("utf-16")
    )
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    with (tmp_path / "huge.txt").open("wb") as file:
        file.truncate(6 * 1024 * 1024)

    out, failed = run(tmp_path, "/dev/zero", tmp_path / "missing.txt", capsys=capsys)

    assert failed == ("Done with failures: 2 loaded, 0 updated, 0 unchanged, 0 skipped, 5 failed")
    assert sorted(out.err.strip().splitlines()) == sorted(
        [
            f"{tmp_path / 'huge.txt'}: failed: file is 6,291,456 bytes, over the 5 MB limit",
            f"{tmp_path / 'loop'}: failed: symlink loop: {tmp_path / 'loop'} leads back to "
            f"{tmp_path}",
            f"{tmp_path / 'pipe.txt'}: failed: not a regular file: it is a FIFO (named pipe)",
            "/dev/zero: failed: not a regular file: it is a character device",
            f"{tmp_path / 'missing.txt'}: failed: no such file or directory",
        ]
    )
    assert Article.objects.get(source_file="utf16.txt").source.encoding == "UTF-16"


@contextmanager
def lock_held_elsewhere():
    """The load lock, held by another thread (another database session) for the block."""
    taken, done = threading.Event(), threading.Event()

    def hold():
        try:
            with load_lock():
                taken.set()
                done.wait()
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(timeout=60)
    try:
        yield
    finally:
        done.set()
        holder.join()


def test_a_second_load_while_one_runs_is_refused_with_no_wait(tmp_path, capsys):
    (tmp_path / "council.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    with lock_held_elsewhere(), pytest.raises(CommandError) as error:
        call_command("load_articles", str(tmp_path), "--no-wait", verbosity=0)
    assert str(error.value).startswith("another load_articles is running")
    assert str(error.value).endswith("try again when it has finished")
    assert not Article.objects.exists()
    load_paths([tmp_path])  # the lock is free again
    assert Article.objects.count() == 1
