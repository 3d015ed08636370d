"""Security headers on every answer, TRACE refused, and the HSTS preload opt-in."""

import pytest

pytestmark = pytest.mark.django_db


def test_pages_carry_a_content_security_policy_without_unsafe_inline(client):
    for path in ("/", "/articles/", "/no-such-page/", "/admin/login/"):
        policy = client.get(path)["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'", path
        assert directives["style-src"] == "'self'", path
        assert directives["object-src"] == "'none'", path
        assert directives["frame-ancestors"] == "'none'", path
        assert "unsafe" not in policy, path


def test_pages_carry_a_permissions_policy(client):
    policy = client.get("/")["Permissions-Policy"]
    assert "camera=()" in policy
    assert "geolocation=()" in policy
    assert "microphone=()" in policy


@pytest.mark.parametrize("path", ["/", "/articles/", "/admin/login/", "/healthz"])
def test_trace_is_refused(client, path):
    response = client.generic("TRACE", path)
    assert response.status_code == 405
    assert "TRACE" not in response["Allow"]
