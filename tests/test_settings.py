"""The settings module: production safety checks and configuration from the environment."""

import os
import runpy
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

PROJECT_DIR = Path(__file__).resolve().parent.parent
SETTINGS_FILE = PROJECT_DIR / "reviewarchive" / "settings.py"
CONFIG_VARIABLES = (
    "DATABASE_URL",
    "DJANGO_DEBUG",
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_SECURE_SSL_REDIRECT",
    "DJANGO_HSTS_SECONDS",
    "DJANGO_HSTS_PRELOAD",
    "DJANGO_STATIC_ROOT",
    "ARCHIVE_TRUSTED_PROXIES",
    "ARCHIVE_SEARCH_RANKED",
    "DATABASE_PARALLEL_WORKERS",
)
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "example.org",
}


def run_manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh interpreter with only the given configuration variables."""
    env = {name: value for name, value in os.environ.items() if name not in CONFIG_VARIABLES}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def load_settings(monkeypatch, **environment: str) -> dict:
    """Evaluate the settings module afresh under the given configuration variables."""
    for name in CONFIG_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory) -> Path:
    """Static files collected with production settings, as `make serve` does."""
    root = tmp_path_factory.mktemp("collected")
    result = run_manage("collectstatic", "--noinput", **PRODUCTION, DJANGO_STATIC_ROOT=str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def test_production_settings_pass_the_deployment_checks(collected_static):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        DJANGO_STATIC_ROOT=str(collected_static),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_the_deployment_checks_fail_without_collected_static_files(tmp_path):
    result = run_manage("check", "--deploy", **PRODUCTION, DJANGO_STATIC_ROOT=str(tmp_path))

    assert result.returncode != 0
    assert "operations.E001" in result.stderr
    assert "collectstatic" in result.stderr


def start_wsgi(**environment: str) -> subprocess.CompletedProcess:
    """Import the WSGI application, as gunicorn does on start, in a fresh interpreter."""
    env = {name: value for name, value in os.environ.items() if name not in CONFIG_VARIABLES}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", "import reviewarchive.wsgi"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_site_refuses_to_start_without_collected_static_files(tmp_path):
    result = start_wsgi(**PRODUCTION, DJANGO_STATIC_ROOT=str(tmp_path))

    assert result.returncode != 0
    assert "The archive refuses to start" in result.stderr
    assert f"{tmp_path}/staticfiles.json is missing" in result.stderr


def test_the_site_starts_with_collected_static_files(collected_static):
    result = start_wsgi(**PRODUCTION, DJANGO_STATIC_ROOT=str(collected_static))

    assert result.returncode == 0, result.stderr


def test_hsts_preload_only_when_the_operator_asks(monkeypatch):
    assert load_settings(monkeypatch, **PRODUCTION)["SECURE_HSTS_PRELOAD"] is False
    preloaded = load_settings(monkeypatch, **PRODUCTION, DJANGO_HSTS_PRELOAD="1")
    assert preloaded["SECURE_HSTS_PRELOAD"] is True
    assert "security.W021" not in preloaded.get("SILENCED_SYSTEM_CHECKS", [])


def test_trusted_proxies_come_from_the_environment(monkeypatch):
    assert load_settings(monkeypatch, DJANGO_DEBUG="1")["ARCHIVE_TRUSTED_PROXIES"] == 0
    settings = load_settings(monkeypatch, DJANGO_DEBUG="1", ARCHIVE_TRUSTED_PROXIES="1")
    assert settings["ARCHIVE_TRUSTED_PROXIES"] == 1


def test_manage_py_without_any_configuration_is_a_development_checkout():
    result = run_manage("makemigrations", "--check", "--dry-run")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_the_site_itself_never_defaults_to_debug():
    result = start_wsgi()

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("secret_key", [None, ""], ids=["unset", "empty"])
def test_production_refuses_to_start_without_a_secret_key(secret_key):
    environment = {"DJANGO_DEBUG": "0"}
    if secret_key is not None:
        environment["DJANGO_SECRET_KEY"] = secret_key

    result = run_manage("check", **environment)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_settings_module_raises_without_a_secret_key_when_debug_is_off(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        load_settings(monkeypatch, DJANGO_DEBUG="0")


def test_debug_runs_without_a_secret_key(monkeypatch):
    settings = load_settings(monkeypatch, DJANGO_DEBUG="1")

    assert settings["DEBUG"] is True
    assert settings["SECRET_KEY"]


def test_database_defaults_to_sqlite_in_the_project(monkeypatch):
    settings = load_settings(monkeypatch, DJANGO_DEBUG="1")

    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(PROJECT_DIR / "db.sqlite3")


def test_database_url_selects_postgresql(monkeypatch):
    settings = load_settings(
        monkeypatch,
        DJANGO_DEBUG="1",
        DATABASE_URL="postgres://archive:s3cret@db.example.org:5433/carereview",
    )

    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == (
        "carereview",
        "archive",
        "s3cret",
    )
    assert (database["HOST"], database["PORT"]) == ("db.example.org", 5433)


def test_database_url_reaches_a_unix_socket(monkeypatch):
    """The form scripts/with-postgres.sh uses for its throwaway test cluster."""
    settings = load_settings(
        monkeypatch,
        DJANGO_DEBUG="1",
        DATABASE_URL="postgres://postgres@/postgres?host=/tmp/pg-test.AbC123/socket",
    )

    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "postgres"
    assert database["OPTIONS"]["host"] == "/tmp/pg-test.AbC123/socket"


def test_postgresql_runs_without_parallel_workers_unless_told(monkeypatch):
    """Parallel workers take the cores other requests need (docs/performance.md)."""
    url = "postgres://archive@db.example.org/archive"
    default = load_settings(monkeypatch, DJANGO_DEBUG="1", DATABASE_URL=url)
    assert default["DATABASES"]["default"]["OPTIONS"]["options"] == (
        "-c max_parallel_workers_per_gather=0"
    )
    told = load_settings(
        monkeypatch, DJANGO_DEBUG="1", DATABASE_URL=url, DATABASE_PARALLEL_WORKERS="2"
    )
    assert told["DATABASES"]["default"]["OPTIONS"]["options"] == (
        "-c max_parallel_workers_per_gather=2"
    )


def test_options_given_in_the_database_url_are_kept(monkeypatch):
    url = "postgres://archive@db.example.org/archive?options=-c%20statement_timeout%3D5000"
    settings = load_settings(monkeypatch, DJANGO_DEBUG="1", DATABASE_URL=url)
    assert settings["DATABASES"]["default"]["OPTIONS"]["options"] == (
        "-c statement_timeout=5000 -c max_parallel_workers_per_gather=0"
    )


def test_sqlite_has_no_postgresql_options(monkeypatch):
    settings = load_settings(monkeypatch, DJANGO_DEBUG="1")
    assert "options" not in settings["DATABASES"]["default"]["OPTIONS"]


def test_search_ranks_the_newest_thousand_unless_told(monkeypatch):
    assert load_settings(monkeypatch, DJANGO_DEBUG="1")["ARCHIVE_SEARCH_RANKED"] == 1000
    told = load_settings(monkeypatch, DJANGO_DEBUG="1", ARCHIVE_SEARCH_RANKED="0")
    assert told["ARCHIVE_SEARCH_RANKED"] == 0


def test_allowed_hosts_come_from_the_environment(monkeypatch):
    settings = load_settings(
        monkeypatch,
        DJANGO_DEBUG="1",
        DJANGO_ALLOWED_HOSTS=" example.org, www.example.org ,",
    )

    assert settings["ALLOWED_HOSTS"] == ["example.org", "www.example.org"]


def test_the_suite_runs_on_the_database_that_database_url_names():
    """Guards the two-database run in `make test`: DATABASE_URL must reach the suite."""
    expected_vendor = (
        "postgresql"
        if os.environ.get("DATABASE_URL", "").startswith(("postgres:", "postgresql:"))
        else "sqlite"
    )

    assert connection.vendor == expected_vendor
