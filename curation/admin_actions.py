"""Admin actions that reject what the loader extracted, or turn a person into an organisation."""

from django.contrib import admin, messages

from . import rejections


def _action(service, name: str, description: str, done: str):
    """A changelist action applying ``service`` to every selected record."""

    def action(modeladmin, request, queryset):
        records = list(queryset)
        for record in records:
            service(record, user=request.user)
        listed = ", ".join(f"“{record}”" for record in records)
        modeladmin.message_user(request, f"{done}: {listed}.", messages.SUCCESS)

    action.__name__ = name
    return admin.action(description=description, permissions=["delete"])(action)


NOT_AGAIN = "the loader will not extract them again"

reject_people = _action(
    rejections.reject_record, "reject_people", "Reject: not a person", f"Rejected ({NOT_AGAIN})"
)
reject_organisations = _action(
    rejections.reject_record,
    "reject_organisations",
    "Reject: not an organisation",
    f"Rejected ({NOT_AGAIN})",
)
convert_to_organisation = _action(
    rejections.convert,
    "convert_to_organisation",
    "Convert to organisation",
    "Converted to organisations, and read as organisations by every later load",
)
convert_to_person = _action(
    rejections.convert,
    "convert_to_person",
    "Convert to person",
    "Converted to people, and read as people by every later load",
)
reject_quotes = _action(
    rejections.reject_quote, "reject_quotes", "Reject: not a quote", f"Rejected ({NOT_AGAIN})"
)
reject_milestones = _action(
    rejections.reject_milestone,
    "reject_milestones",
    "Reject: not a milestone",
    f"Rejected ({NOT_AGAIN})",
)
reject_mentions = _action(
    rejections.reject_mention,
    "reject_mentions",
    "Reject: wrong link (the article does not name them)",
    f"Rejected ({NOT_AGAIN} from these articles)",
)
