"""backup_archive and restore_archive: a round trip keeps every correction, and changes nothing.

The archive is loaded from the seeds and corrected in every way staff can (a title, a
date and its precision, a role, a quote's speaker, a cleared flag, a rejection, a
conversion, a merge), backed up, emptied and restored; the two exports are identical
and a reload of the seeds changes nothing.
"""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection

from articles.exports.archive import export_archive
from articles.models import Quote
from curation.merges import merge_recorded
from curation.models import MergeRecord, Rejection
from curation.rejections import convert, reject_record
from curation.review_queue import clear_flag
from people.models import Person
from people.services.merge import merge_people
from tests.admin.seeds import copy_seeds, load, seed_article

pytestmark = pytest.mark.django_db(transaction=True)


def correct_everything(editor: User) -> None:
    article = seed_article("002")
    article.title = "Care Review launches the penultimate stage of its work"
    article.save()
    undated = seed_article("001")
    undated.published, undated.published_precision = datetime.date(2021, 3, 1), "month"
    undated.save()
    ray = Person.objects.get(name="Ray Jones")
    ray.role = "Emeritus professor of social work"
    ray.save()
    quote = Quote.objects.filter(speaker__isnull=False).order_by("pk").first()
    quote.speaker = ray
    quote.save()
    clear_flag(Person.objects.filter(needs_review=True).order_by("name").first())
    reject_record(Person.objects.get(name="Charmaine Orchard"), user=editor)
    convert(Person.objects.get(name="Dez Holmes"), user=editor)
    twin = Person.objects.create(name="Jenny Molloy-Smith", slug="jenny-molloy-smith")
    merge_recorded(merge_people, Person.objects.get(name="Jenny Molloy"), [twin], user=editor)


def archive_state() -> dict:
    return {
        "export": json.loads(json.dumps(export_archive(), default=str)),
        "users": list(User.objects.values_list("username", "password", "is_staff")),
        "rejections": list(Rejection.objects.values_list("kind", "text", "becomes")),
        "merges": list(MergeRecord.objects.values_list("summary", flat=True)),
        "history": Person.history.count() + Quote.history.count(),
        "corrected": seed_article("002").corrected_fields(),
    }


def test_a_backup_restores_every_correction_and_a_reload_changes_nothing(tmp_path, capsys):
    seeds = copy_seeds(tmp_path)
    load(seeds)
    editor = User.objects.create_user("editor", password="a-long-test-password-4821")
    correct_everything(editor)
    before = archive_state()
    backup = tmp_path / "archive.backup"

    call_command("backup_archive", str(backup))
    call_command("flush", interactive=False, verbosity=0)
    assert Person.objects.count() == 0
    call_command("restore_archive", str(backup))

    assert archive_state() == before
    assert before["corrected"] == ["title"]
    call_command("load_articles", str(seeds))
    assert "0 loaded, 0 updated, 5 unchanged" in capsys.readouterr().out
    assert archive_state() == before


def test_restore_refuses_a_database_that_holds_an_archive(tmp_path):
    load(copy_seeds(tmp_path))
    backup = tmp_path / "archive.backup"
    call_command("backup_archive", str(backup))
    with pytest.raises(CommandError, match=r"the database is not empty .*5 articles"):
        call_command("restore_archive", str(backup))


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    with pytest.raises(CommandError, match=r"notes\.txt is not a backup of a"):
        call_command("restore_archive", str(bogus))
    with pytest.raises(CommandError, match=r"cannot read .*missing\.backup"):
        call_command("restore_archive", str(tmp_path / "missing.backup"))


def fresh_database_url(tmp_path) -> str:
    """A database that has never been touched: a new SQLite file, or a new PostgreSQL
    database on the test's server."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    name = f"{connection.settings_dict['NAME']}_fresh"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    settings = connection.settings_dict
    host = settings.get("HOST") or settings.get("OPTIONS", {}).get("host", "")
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    port = f":{settings['PORT']}" if settings.get("PORT") else ""
    if host.startswith("/"):
        return f"postgres://{settings['USER']}{password}@{port}/{name}?host={host}"
    return f"postgres://{settings['USER']}{password}@{host}{port}/{name}"


def manage(database_url: str, *args: str) -> str:
    """Run manage.py as an operator would, on another database, and return its output."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, str(Path(django_settings.BASE_DIR) / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_backup_restores_into_a_fresh_database(tmp_path):
    seeds = copy_seeds(tmp_path)
    load(seeds)
    correct_everything(User.objects.create_user("editor", password="a-long-password-0931"))
    exported = json.loads(json.dumps(export_archive(), default=str))
    backup = tmp_path / "archive.backup"
    call_command("backup_archive", str(backup))
    fresh = fresh_database_url(tmp_path)

    assert "Restored the archive" in manage(fresh, "restore_archive", str(backup))
    output = tmp_path / "restored.json"
    manage(fresh, "export_archive", "--output", str(output))

    assert json.loads(output.read_text(encoding="utf-8")) == exported
    assert "0 loaded, 0 updated, 5 unchanged" in manage(fresh, "load_articles", str(seeds))
    manage(fresh, "export_archive", "--output", str(output))
    assert json.loads(output.read_text(encoding="utf-8")) == exported
