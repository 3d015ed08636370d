"""What every archive model's admin shares: history with revert, and staff corrections shown.

History comes from django-simple-history (SimpleHistoryAdmin) rather than the
admin's own log, because it records every ORM save: the loader's writes,
merges and flag clearing as well as admin edits, each with who and why, and
any version can be reverted from the object's history page.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from curation.tracking import LoaderTracked

# Curation state rather than content: clearing a flag is not a correction.
REVIEW_FIELDS = ("needs_review", "review_reason")


def corrected_labels(record: LoaderTracked) -> list[str]:
    """The names of the fields staff changed from what the loader wrote."""
    fields = {field.attname: field for field in type(record)._meta.concrete_fields}
    return [
        str(fields[attname].verbose_name) if attname in fields else attname
        for attname in record.corrected_fields()
        if attname not in REVIEW_FIELDS
    ]


class ArchiveModelForm(forms.ModelForm):
    """Saving a form changes only the text staff actually edited.

    Browsers send a textarea's line breaks as CRLF and form fields strip
    surrounding spaces, so an untouched body would otherwise differ from what
    the loader wrote and count as a staff correction, freezing it for good.
    """

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if not isinstance(value, str):
                continue
            value = value.replace("\r\n", "\n")
            stored = getattr(self.instance, name, None)
            if isinstance(stored, str) and value.strip() == stored.replace("\r\n", "\n").strip():
                value = stored
            cleaned[name] = value
        return cleaned


class ArchiveTabularInline(admin.TabularInline):
    form = ArchiveModelForm
    extra = 0


class ArchiveStackedInline(admin.StackedInline):
    form = ArchiveModelForm
    extra = 0


class ArchiveModelAdmin(SimpleHistoryAdmin):
    form = ArchiveModelForm
    list_per_page = 50
    # Count columns of the list, e.g. {"mention_count": Count("mentions")}: computed for the
    # list only, so autocomplete and change pages never pay for them.
    list_counts: dict = {}

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        opts = self.model._meta
        match = request.resolver_match
        on_list = (
            match is not None and match.url_name == f"{opts.app_label}_{opts.model_name}_changelist"
        )
        if self.list_counts and on_list:
            # An aggregate drops Meta.ordering, which pagination needs.
            queryset = queryset.annotate(**self.list_counts).order_by(*opts.ordering)
        return queryset

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if issubclass(self.model, LoaderTracked) and "corrected_by_staff" not in readonly:
            readonly.append("corrected_by_staff")
        return readonly

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting is changing: simple_history saves any POST without asking."""
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    @admin.display(description="Corrected by staff")
    def corrected_by_staff(self, obj) -> str:
        labels = corrected_labels(obj) if obj is not None and obj.pk else []
        return ", ".join(labels) or "—"
