"""System checks that stop a misconfigured site before it answers a request."""

from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core import checks


# A deployment check: collectstatic itself, and commands run before it, must not fail it.
@checks.register(checks.Tags.staticfiles, deploy=True)
def static_files_are_collected(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """With the manifest storage (debug off) every page needs ``collectstatic`` first:
    without its manifest each page, the 404 page too, would answer 500."""
    storage = staticfiles_storage  # lazy: isinstance sees the configured class
    if not isinstance(storage, ManifestFilesMixin):
        return []
    if storage.manifest_storage.exists(storage.manifest_name):
        return []
    manifest = storage.manifest_storage.path(storage.manifest_name)
    return [
        checks.Error(
            f"Static files are not collected: {manifest} is missing.",
            hint="Run `python manage.py collectstatic --noinput` (make serve does).",
            id="operations.E001",
        )
    ]
