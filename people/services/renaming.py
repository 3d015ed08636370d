"""When staff rename a person or organisation, the old name and address keep working."""

from people.models import Organisation, Person

from .aliases import add_alias
from .redirects import redirect_slug


def keep_old_identity(record: Person | Organisation, *, old_name: str, old_slug: str) -> None:
    """The old name becomes an alias (the loader still resolves it); the old slug redirects."""
    if old_name and old_name != record.name:
        add_alias(record, old_name, f"renamed from “{old_name}”"[:100])
    if old_slug and old_slug != record.slug:
        redirect_slug(old_slug, record)
