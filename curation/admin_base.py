"""What every archive model's admin shares: history with revert, and staff corrections shown.

History comes from django-simple-history (SimpleHistoryAdmin) rather than the
admin's own log, because it records every ORM save: the loader's writes,
merges and flag clearing as well as admin edits, each with who and why, and
any version can be reverted from the object's history page.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import connection
from simple_history.admin import SimpleHistoryAdmin

from articles.parsing.fuzzydate import UNKNOWN, FuzzyDate

from .concurrency import FORM_FIELD, stale_message
from .forms import FuzzyDateField, settle_precision
from .tracking import LoaderTracked

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


def tracked(model) -> bool:
    return issubclass(model, LoaderTracked)


class ArchiveModelForm(forms.ModelForm):
    """Saving a form changes only the text staff actually edited, and only the latest version.

    Browsers send a textarea's line breaks as CRLF and form fields strip
    surrounding spaces, so an untouched body would otherwise differ from what
    the loader wrote and count as a staff correction, freezing it for good.

    A loader-tracked record's form carries the version it was opened on; saved
    over a newer version, it is refused (curation/concurrency.py).
    """

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []  # what saving changed beyond what was typed
        self._typed_dates()
        if tracked(type(self.instance)):
            self.fields[FORM_FIELD].initial = self.instance.version
        else:
            del self.fields[FORM_FIELD]

    def _typed_dates(self) -> None:
        """A fuzzy-dated record's date is typed as text, shown as precisely as it is known."""
        name = getattr(self.instance, "date_field", None)
        if name not in self.fields:
            return
        old = self.fields[name]
        self.fields[name] = FuzzyDateField(required=old.required, label=old.label)
        start, precision = self.instance._date_parts()
        if start is not None and precision != UNKNOWN:
            self.initial[name] = FuzzyDate.from_start(start, precision).edtf()

    def _settle_dates(self, cleaned: dict) -> None:
        name = getattr(self.instance, "date_field", None)
        typed = cleaned.get(name)
        if not isinstance(typed, FuzzyDate):
            return
        precision_field = f"{name}_precision"
        try:
            precision, note = settle_precision(typed, cleaned.get(precision_field, UNKNOWN))
        except forms.ValidationError as error:
            self.add_error(name, error)
            return
        cleaned[name], cleaned[precision_field] = typed.start(), precision
        if note:
            self.notes.append(note)

    def clean(self):
        cleaned = super().clean()
        self._settle_dates(cleaned)
        if FORM_FIELD in self.fields and not self.instance._state.adding:
            seen = cleaned.get(FORM_FIELD)
            if seen != self.instance.version:
                raise forms.ValidationError(stale_message(self.instance, seen), code="stale")
        for name, value in cleaned.items():
            if not isinstance(value, str):
                continue
            value = value.replace("\r\n", "\n")
            stored = getattr(self.instance, name, None)
            if isinstance(stored, str) and value.strip() == stored.replace("\r\n", "\n").strip():
                value = stored
            cleaned[name] = value
        return cleaned


def with_version_field(model, fieldsets):
    """The fieldsets, with the hidden version field in the last one of a tracked model only.

    Fieldsets the admin makes from the form list every form field, this one too.
    """
    fieldsets = [
        (name, {**options, "fields": [f for f in options["fields"] if f != FORM_FIELD]})
        for name, options in fieldsets
    ]
    if not tracked(model) or not fieldsets:
        return fieldsets
    *first, (name, options) = fieldsets
    return [*first, (name, {**options, "fields": [*options["fields"], FORM_FIELD]})]


class VersionedFieldsets:
    def get_fieldsets(self, request, obj=None):
        return with_version_field(self.model, super().get_fieldsets(request, obj))


class ArchiveTabularInline(VersionedFieldsets, admin.TabularInline):
    form = ArchiveModelForm
    extra = 0


class ArchiveStackedInline(VersionedFieldsets, admin.StackedInline):
    form = ArchiveModelForm
    extra = 0


class ArchiveModelAdmin(VersionedFieldsets, SimpleHistoryAdmin):
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
        if getattr(request, "lock_for_update", False):
            queryset = queryset.select_for_update(of=("self",))
        if self.list_counts and on_list:
            # An aggregate drops Meta.ordering, which pagination needs.
            queryset = queryset.annotate(**self.list_counts).order_by(*opts.ordering)
        return queryset

    def get_object(self, request, object_id, from_field=None):
        """On a save, the record is locked (PostgreSQL) until the form's version check is done."""
        request.lock_for_update = request.method == "POST" and connection.in_atomic_block
        try:
            return super().get_object(request, object_id, from_field)
        finally:
            request.lock_for_update = False

    def get_form(self, request, obj=None, **kwargs):
        if getattr(request, "reverting", False) and obj is not None and tracked(self.model):
            # The form to revert to an old version is opened on the current one.
            obj.version = self.model.objects.values_list("version", flat=True).get(pk=obj.pk)
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        notes = [*getattr(form, "notes", []), *getattr(obj, "save_notes", list)()]
        super().save_model(request, obj, form, change)
        for note in notes:
            self.message_user(request, note, messages.WARNING)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if issubclass(self.model, LoaderTracked) and "corrected_by_staff" not in readonly:
            readonly.append("corrected_by_staff")
        return readonly

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Reverting is changing: simple_history saves any POST without asking."""
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        request.reverting = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    @admin.display(description="Corrected by staff")
    def corrected_by_staff(self, obj) -> str:
        labels = corrected_labels(obj) if obj is not None and obj.pk else []
        return ", ".join(labels) or "—"
