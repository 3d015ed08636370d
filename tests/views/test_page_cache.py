"""The whole-page cache (archivecache): what it serves, what it never serves, and that
every write to the archive, whatever makes it, changes the pages at once.

These tests commit their writes (a transactional database): on PostgreSQL the
archive's version changes when a writing transaction commits.
"""

import shutil
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.models import F
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import reverse

from archivecache import triggers
from archivecache.middleware import HEADER, cacheable_response
from archivecache.models import ArchiveVersion
from articles.models import Article, LearnedChromeLine, PersonMention, Quote, SourceFile
from curation.models import MergeRecord, Rejection
from people.models import Person, ReviewBody
from tests import factories
from tests.admin.payloads import article_form
from tests.conftest import HttpsClient

pytestmark = [pytest.mark.page_cache, pytest.mark.django_db(transaction=True)]

SEEDS = sorted(Path(settings.SEEDS_DIR).glob("*.txt"))


def public_urls(archive) -> list[str]:
    article = Article.objects.get(title="Care Review announces partnership")
    return [
        "/",
        "/articles/",
        "/articles/?q=partnership",
        "/articles/?person=ian-dickson&sort=oldest",
        article.get_absolute_url(),
        Person.objects.get(name="Ian Dickson").get_absolute_url(),
        "/people/",
        "/outlets/",
        "/timeline/",
        "/articles/feed/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
    ]


@pytest.fixture
def staff_client(db):
    user = User.objects.create_superuser("cache-admin", password="a-long-test-password-4821")
    client = HttpsClient()
    client.force_login(user)
    return client


def test_a_second_anonymous_request_is_served_from_the_cache_with_one_query(
    client, archive, django_assert_num_queries
):
    for url in public_urls(archive):
        first = client.get(url)
        assert first.status_code == 200, url
        assert first[HEADER] == "miss", url
        with django_assert_num_queries(1):  # the archive's version
            second = client.get(url)
        assert second[HEADER] == "hit", url
        assert second.content == first.content, url
        assert second["Content-Type"] == first["Content-Type"], url


def test_head_requests_are_answered_from_the_cache_too(client, archive):
    client.get("/articles/")
    assert client.head("/articles/")[HEADER] == "hit"


def test_an_admin_correction_changes_every_page_at_once(client, archive, staff_client):
    urls = public_urls(archive)
    before = {url: client.get(url).content for url in urls}
    article = Article.objects.get(title="Care Review announces partnership")
    response = staff_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(article, title="Care Review announces a corrected partnership"),
    )
    assert response.status_code == 302
    for url in urls:
        after = client.get(url)
        assert after[HEADER] == "miss", f"{url} was served from before the correction"
    assert "corrected partnership" in client.get("/articles/").text
    assert "corrected partnership" in client.get(article.get_absolute_url()).text
    assert client.get("/articles/").content != before["/articles/"]


def test_a_load_changes_the_pages_at_once(client, tmp_path):
    shutil.copy(SEEDS[0], tmp_path / SEEDS[0].name)
    call_command("load_articles", str(tmp_path), verbosity=0)
    listed = client.get("/articles/")
    assert client.get("/articles/")[HEADER] == "hit"
    shutil.copy(SEEDS[1], tmp_path / SEEDS[1].name)
    call_command("load_articles", str(tmp_path), verbosity=0)
    relisted = client.get("/articles/")
    assert relisted[HEADER] == "miss"
    new = Article.objects.get(source_key__endswith=SEEDS[1].name)
    assert new.title not in listed.content.decode()
    assert new.title in relisted.content.decode()


def test_an_unchanged_reload_still_renews_the_source_pages_last_seen(client, tmp_path):
    shutil.copy(SEEDS[0], tmp_path / SEEDS[0].name)
    call_command("load_articles", str(tmp_path), verbosity=0)
    source_page = Article.objects.get().get_absolute_url() + "source/"
    assert client.get(source_page).status_code == 200
    assert client.get(source_page)[HEADER] == "hit"
    seen = SourceFile.objects.get().last_seen
    call_command("load_articles", str(tmp_path), verbosity=0)
    assert SourceFile.objects.get().last_seen > seen  # "last seen" is on the page
    assert client.get(source_page)[HEADER] == "miss"


def test_a_staff_user_never_gets_nor_fills_a_cached_page(client, archive, staff_client):
    staff_first = staff_client.get("/articles/")
    assert HEADER not in staff_first
    assert client.get("/articles/")[HEADER] == "miss"
    staff_again = staff_client.get("/articles/")
    assert staff_again.status_code == 200
    assert HEADER not in staff_again


def test_any_cookie_but_the_csrf_cookie_bypasses_the_cache(client, archive):
    client.get("/articles/")
    client.cookies[settings.CSRF_COOKIE_NAME] = "x" * 32
    assert client.get("/articles/")[HEADER] == "hit"
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-session"
    assert HEADER not in client.get("/articles/")
    del client.cookies[settings.SESSION_COOKIE_NAME]
    client.cookies["messages"] = "flashed"
    assert HEADER not in client.get("/articles/")


def test_the_admin_is_never_cached(client, archive):
    for _ in range(2):
        response = client.get(reverse("admin:login"))
        assert response.status_code == 200
        assert HEADER not in response


def test_exports_stream_and_are_never_cached(client, archive):
    for _ in range(2):
        response = client.get("/articles/?format=csv")
        assert response.status_code == 200
        assert response.streaming
        assert HEADER not in response


def test_error_pages_are_not_cached(client, archive):
    for _ in range(2):
        assert HEADER not in client.get("/articles/?page=999")


def test_hiding_unreviewed_records_is_part_of_the_key(client, archive, settings):
    Article.objects.filter(title="Care Review announces partnership").update(needs_review=True)
    shown = client.get("/articles/")
    assert "Care Review announces partnership" in shown.text
    settings.ARCHIVE_HIDE_UNREVIEWED = True
    hidden = client.get("/articles/")
    assert hidden[HEADER] == "miss"
    assert "Care Review announces partnership" not in hidden.text
    settings.ARCHIVE_HIDE_UNREVIEWED = False
    assert client.get("/articles/")[HEADER] == "hit"


def test_turned_off_it_serves_nothing(client, archive, settings):
    settings.ARCHIVE_PAGE_CACHE = False
    for _ in range(2):
        assert HEADER not in client.get("/articles/")


def test_a_missing_version_row_means_no_caching(client, archive):
    ArchiveVersion.objects.all().delete()
    for _ in range(2):
        assert HEADER not in client.get("/articles/")
    factories.make_outlet("Brand new outlet")
    assert ArchiveVersion.current() is not None


# Which responses may be stored: pure, no database.


@pytest.mark.parametrize(
    ("response", "stored"),
    [
        (HttpResponse("page"), True),
        (HttpResponse("page", status=404), False),
        (HttpResponse(status=301), False),
        (StreamingHttpResponse(iter([b"a"])), False),
        (HttpResponse("page", headers={"Vary": "Accept-Encoding, Cookie"}), False),
        (HttpResponse("page", headers={"Vary": "*"}), False),
        (HttpResponse("page", headers={"Cache-Control": "private, max-age=60"}), False),
        (HttpResponse("page", headers={"Cache-Control": "no-store"}), False),
        (HttpResponse("page", headers={"Cache-Control": "max-age=0, no-cache"}), False),
        (HttpResponse("page", headers={"Cache-Control": "max-age=60"}), True),
        (
            HttpResponse("a,b", headers={"Content-Disposition": 'attachment; filename="a.csv"'}),
            False,
        ),
        (HttpResponse("page", headers={"Content-Disposition": "inline"}), True),
    ],
)
def test_only_plain_successful_responses_are_stored(response, stored):
    assert cacheable_response(response) is stored


def test_a_response_that_sets_a_cookie_is_not_stored():
    response = HttpResponse("page")
    response.set_cookie("csrftoken", "x")
    assert cacheable_response(response) is False


# The version: every write to every archive table changes it.


def test_every_table_of_the_archive_has_its_triggers():
    tables = triggers.archive_tables()
    assert Article._meta.db_table in tables
    assert Rejection._meta.db_table in tables
    assert "articles_historicalarticle" not in tables
    assert triggers.installed(connection) == set(tables)


def _one_of_every_archive_model(tmp_path):
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    call_command("load_articles", str(tmp_path), verbosity=0)
    article = Article.objects.first()
    person = Person.objects.first()
    body = ReviewBody.objects.first() or factories.make_review_body("A board")
    factories.make_membership(person, body)
    factories.make_fact(body, article)
    factories.make_redirect("an-old-slug", person=person)
    factories.make_milestone("A milestone", articles=[article])
    factories.make_quote(article, speaker=person)
    LearnedChromeLine.objects.create(
        outlet=article.outlet, fingerprint="f" * 16, line="Share this", articles=3
    )
    Rejection.objects.create(kind=Rejection.KIND_CHOICES[0][0], text="Not a name", match_key="x")
    MergeRecord.objects.create(
        kind=Rejection.KIND_CHOICES[0][0],
        survivor_name=person.name,
        merged_names="Someone",
        summary="",
        before={},
        after={},
    )


def test_a_write_to_any_archive_model_changes_the_version(tmp_path):
    _one_of_every_archive_model(tmp_path)
    models = [
        model
        for label in ("articles", "people", "curation")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model.__name__.startswith("Historical")  # written beside their records
    ]
    assert len(models) >= 20
    for model in models:
        table = model._meta.db_table
        row = model.objects.order_by("pk").first()
        assert row is not None, f"{model.__name__}: no row to write; add one above"
        field = next(f for f in model._meta.concrete_fields if not f.primary_key)
        before = ArchiveVersion.current()
        model.objects.filter(pk=row.pk).update(**{field.attname: F(field.attname)})
        assert ArchiveVersion.current() != before, f"writing {table} left the version alone"


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda: factories.make_outlet("Created"), id="create"),
        pytest.param(lambda: Quote.objects.first().delete(), id="delete"),
        pytest.param(lambda: PersonMention.objects.all().delete(), id="queryset-delete"),
        pytest.param(
            lambda: Person.objects.bulk_create([Person(name="Bulk", slug="bulk")]), id="bulk"
        ),
        pytest.param(lambda: Article.objects.update(title=F("title")), id="queryset-update"),
        pytest.param(lambda: _raw("DELETE FROM articles_quote"), id="raw-sql"),
    ],
)
def test_every_kind_of_write_changes_the_version(archive, write):
    before = ArchiveVersion.current()
    write()
    assert ArchiveVersion.current() != before


def _raw(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


def test_a_write_that_is_rolled_back_leaves_the_version_alone(archive):
    from django.db import transaction

    before = ArchiveVersion.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.make_outlet("Never")
        raise RuntimeError
    assert ArchiveVersion.current() == before


def test_missing_triggers_are_put_back_after_migrate():
    table = Article._meta.db_table
    if connection.vendor == "sqlite":
        _raw(f"DROP TRIGGER {triggers.sqlite_trigger_name(table, 'update')}")
    else:
        _raw(f"DROP TRIGGER {triggers.PG_TRIGGER} ON {table}")
    assert table not in triggers.installed(connection)
    before = ArchiveVersion.current()
    assert triggers.ensure_triggers(connection) == [table]
    assert ArchiveVersion.current() != before
    assert triggers.installed(connection) == set(triggers.archive_tables())
