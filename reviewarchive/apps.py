"""The archive's own admin site replaces Django's default one."""

from django.contrib.admin.apps import AdminConfig


class ArchiveAdminConfig(AdminConfig):
    default_site = "reviewarchive.admin_site.ArchiveAdminSite"
