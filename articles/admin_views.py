"""The admin's page for adding an article from page text."""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from django import forms
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.generic import FormView

from articles.services.loading import LOADED, UNCHANGED, UPDATED, load_source
from curation.admin_views import change_url

ADDED_BY_STAFF = "added by staff"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
SAVED_MESSAGES = {
    LOADED: "Loaded “{}”: check the article below, then clear its review flag.",
    UPDATED: "Updated “{}” from the new text, keeping staff corrections: check it below.",
    UNCHANGED: "“{}” is already in the archive with exactly this text: nothing changed.",
}


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
