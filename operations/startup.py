"""The checks the WSGI server runs before serving, as ``runserver`` does for development."""

from django.core import checks
from django.core.management.base import SystemCheckError


def refuse_to_serve_on_errors() -> None:
    """Raise, naming every problem, when a system check reports an error."""
    found = checks.run_checks(include_deployment_checks=True)
    serious = [message for message in found if message.level >= checks.ERROR]
    if serious:
        lines = [f"{message.id}: {message.msg} {message.hint or ''}".strip() for message in serious]
        raise SystemCheckError("The archive refuses to start:\n" + "\n".join(lines))
