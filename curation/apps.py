"""The curation app, and the archive's own admin site replacing Django's default one."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CurationConfig(AppConfig):
    default = True
    name = "curation"
    verbose_name = "Curation"


class ArchiveAdminConfig(admin_apps.AdminConfig):
    default = False  # named explicitly in INSTALLED_APPS
    default_site = "curation.admin_site.ArchiveAdminSite"
