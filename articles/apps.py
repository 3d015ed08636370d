"""The articles app: after every migrate, the SQLite full-text triggers are checked (fts.py)."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_full_text_triggers(using, **kwargs):
    from django.db import connections

    from articles import fts

    fts.ensure_triggers(connections[using])


class ArticlesConfig(AppConfig):
    default = True
    name = "articles"

    def ready(self):
        post_migrate.connect(_ensure_full_text_triggers, sender=self)
