"""The page cache: after every migrate, the version triggers are checked (triggers.py)."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_version_triggers(using, **kwargs):
    from django.db import connections

    from archivecache import triggers

    triggers.ensure_triggers(connections[using])


class ArchiveCacheConfig(AppConfig):
    default = True
    name = "archivecache"
    verbose_name = "Page cache"

    def ready(self):
        post_migrate.connect(_ensure_version_triggers, sender=self)
