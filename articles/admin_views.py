"""The admin's own pages: the review queue and adding an article from page text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.contrib import messages
from django.contrib.admin import AdminSite, ModelAdmin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView, TemplateView, View

from articles.services.loading import LOADED, UNCHANGED, UPDATED, load_source
from people.review_queue import (
    QueueItem,
    clear_flag,
    model_key,
    queue_counts,
    queue_page,
    reviewable,
)

QUEUE_PAGE_SIZE = 50
ADDED_BY_STAFF = "added by staff"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
SAVED_MESSAGES = {
    LOADED: "Loaded “{}”: check the article below, then clear its review flag.",
    UPDATED: "Updated “{}” from the new text, keeping staff corrections: check it below.",
    UNCHANGED: "“{}” is already in the archive with exactly this text: nothing changed.",
}


def change_url(admin_site: AdminSite, record) -> str:
    opts = record._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_change",
        args=[record.pk],
        current_app=admin_site.name,
    )


@dataclass(frozen=True)
class QueueRow:
    item: QueueItem
    change_url: str
    can_clear: bool


class QueueSequence:
    """The flagged records of several models as one sliceable list, for a Paginator."""

    def __init__(self, models, counts):
        self.models, self.counts = models, counts

    def count(self) -> int:
        return sum(self.counts[model_key(model)] for model in self.models)

    def __getitem__(self, window: slice):
        return queue_page(self.models, self.counts, window.start or 0, window.stop)


class ReviewQueueMixin:
    admin_site: AdminSite = None

    def model_admins(self) -> dict[str, ModelAdmin]:
        """The admins of the reviewable models this user may see, in a stable order."""
        request = self.request
        visible = [
            (model, model_admin)
            for model, model_admin in self.admin_site._registry.items()
            if reviewable(model) and model_admin.has_view_or_change_permission(request)
        ]
        visible.sort(key=lambda pair: (pair[0]._meta.app_label, pair[0]._meta.verbose_name))
        return {model_key(model): model_admin for model, model_admin in visible}


class ReviewQueueView(ReviewQueueMixin, TemplateView):
    """Every flagged record, with its reason, a link to correct it and a button to clear it."""

    template_name = "admin/review_queue.html"

    def get_context_data(self, **kwargs):
        model_admins = self.model_admins()
        chosen = self.request.GET.get("type", "")
        if chosen and chosen not in model_admins:
            raise Http404("no such record type in the review queue")
        all_models = [model_admin.model for model_admin in model_admins.values()]
        counts = queue_counts(all_models)
        shown = [model_admins[chosen].model] if chosen else all_models
        page = Paginator(QueueSequence(shown, counts), QUEUE_PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        can_clear = {
            key: model_admin.has_change_permission(self.request)
            for key, model_admin in model_admins.items()
        }
        rows = [
            QueueRow(item, change_url(self.admin_site, item.record), can_clear[item.model_key])
            for item in page.object_list
        ]
        types = [
            (key, model_admin.model._meta.verbose_name_plural, counts[key])
            for key, model_admin in model_admins.items()
        ]
        return {
            **super().get_context_data(**kwargs),
            **self.admin_site.each_context(self.request),
            "title": "Review queue",
            "rows": rows,
            "page_obj": page,
            "types": types,
            "chosen_type": chosen,
            "total": sum(counts.values()),
        }


class ClearReviewFlagView(ReviewQueueMixin, View):
    """POST ``record=<app_label.model_name>:<pk>``: mark one record as checked."""

    http_method_names = ["post"]

    def post(self, request):
        key, _, pk = request.POST.get("record", "").partition(":")
        model_admin = self.model_admins().get(key)
        if model_admin is None or not pk.isdigit():
            raise Http404("no such record in the review queue")
        record = model_admin.get_object(request, pk)
        if record is None:
            raise Http404("no such record in the review queue")
        if not model_admin.has_change_permission(request, record):
            raise PermissionDenied
        if record.needs_review:
            clear_flag(record)
            messages.success(request, f"Cleared the review flag on “{record}”.")
        return HttpResponseRedirect(self.next_url())

    def next_url(self) -> str:
        target = self.request.POST.get("next", "")
        queue = reverse("admin:review-queue", current_app=self.admin_site.name)
        allowed = url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=False
        )
        return target if target.startswith(queue) and allowed else queue


class PageTextForm(forms.Form):
    text = forms.CharField(
        label="Page text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100}),
        help_text="Paste the whole text of the web page, furniture and all: "
        "the loader removes what is not the article.",
    )
    upload = forms.FileField(
        label="Or upload a .txt file",
        required=False,
        help_text="A page-text dump like the files in fixtures/seeds/.",
    )
    source_name = forms.CharField(
        label="Source file name",
        required=False,
        max_length=200,
        help_text="The name the source is stored under; loading the same name again updates "
        "that article. Defaults to the uploaded file's name, or a name made from the text.",
    )

    def clean(self):
        data = super().clean()
        text, upload = data.get("text", ""), data.get("upload")
        if bool(text.strip()) == bool(upload):
            raise forms.ValidationError("Paste the page text or upload a file (one of the two).")
        if upload is not None:
            if not upload.name.lower().endswith(".txt"):
                self.add_error("upload", "Upload a plain-text .txt file.")
            elif upload.size > MAX_UPLOAD_BYTES:
                self.add_error("upload", "The file is larger than 5 MB.")
        return data

    def source_bytes(self) -> bytes:
        upload = self.cleaned_data.get("upload")
        return upload.read() if upload else self.cleaned_data["text"].encode("utf-8")

    def source_file_name(self, raw: bytes) -> str:
        upload = self.cleaned_data.get("upload")
        given = self.cleaned_data.get("source_name", "").strip() or (upload.name if upload else "")
        name = PurePath(given.replace("\\", "/")).name
        return name or f"staff-{hashlib.sha256(raw).hexdigest()[:16]}.txt"


class AddArticleFromTextView(FormView):
    """Raw page text in, through the loader, into the review queue ("added by staff")."""

    model_admin: ModelAdmin = None
    form_class = PageTextForm
    template_name = "admin/articles/article/add_from_text.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        raw = form.source_bytes()
        outcome = load_source(form.source_file_name(raw), raw, review_reason=ADDED_BY_STAFF)
        name = outcome.source_file
        if outcome.status in SAVED_MESSAGES:
            level = messages.WARNING if outcome.status == UNCHANGED else messages.SUCCESS
            messages.add_message(self.request, level, SAVED_MESSAGES[outcome.status].format(name))
            return redirect(change_url(self.model_admin.admin_site, outcome.article))
        form.add_error(None, f"“{name}” was not loaded: {outcome.message}.")
        return self.form_invalid(form)

    def get_context_data(self, **kwargs):
        admin_site = self.model_admin.admin_site
        return {
            **super().get_context_data(**kwargs),
            **admin_site.each_context(self.request),
            "title": "Add an article from page text",
            "opts": self.model_admin.model._meta,
        }
