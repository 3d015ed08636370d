"""/healthz: 200 with the database answering, 503 without it."""

import pytest
from django.db import OperationalError
from django.test import Client

from operations import views

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_the_database_does(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


class _UnreachableDatabase:
    def cursor(self):
        raise OperationalError("connection refused")


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    monkeypatch.setattr(views, "connection", _UnreachableDatabase())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_healthz_is_reachable_over_plain_http_for_a_local_monitor():
    """The HTTPS redirect spares it: a monitor on the loopback polls it directly."""
    assert Client().get("/healthz").status_code == 200


def test_healthz_only_reads(client):
    assert client.post("/healthz").status_code == 405
