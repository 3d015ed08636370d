"""The review queue's admin pages: the list of flagged records and clearing a flag."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.admin import AdminSite, ModelAdmin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.generic import TemplateView, View

from . import rejections
from .review_queue import (
    QueueFilter,
    QueueItem,
    clear_flag,
    flagged_outlets,
    model_key,
    queue_counts,
    queue_page,
    reason_counts,
    reviewable,
)

QUEUE_PAGE_SIZE = 50
# What "Reject the selected" does to each kind of queued record.
REJECTERS = {
    "people.Person": rejections.reject_record,
    "people.Organisation": rejections.reject_record,
    "articles.Quote": rejections.reject_quote,
    "articles.Milestone": rejections.reject_milestone,
    "articles.PersonMention": rejections.reject_mention,
    "articles.OrganisationMention": rejections.reject_mention,
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

    def __init__(self, models, counts, filters):
        self.models, self.counts, self.filters = models, counts, filters

    def count(self) -> int:
        return sum(self.counts[model_key(model)] for model in self.models)

    def __getitem__(self, window: slice):
        return queue_page(self.models, self.counts, window.start or 0, window.stop, self.filters)


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
        filters = QueueFilter(
            reason=self.request.GET.get("reason", ""), outlet=self.request.GET.get("outlet", "")
        )
        all_models = [model_admin.model for model_admin in model_admins.values()]
        counts = queue_counts(all_models, filters)
        shown = [model_admins[chosen].model] if chosen else all_models
        page = Paginator(QueueSequence(shown, counts, filters), QUEUE_PAGE_SIZE).get_page(
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
        query = {"type": chosen, "reason": filters.reason, "outlet": filters.outlet}
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
            "chosen_reason": filters.reason,
            "chosen_outlet": filters.outlet,
            "reasons": reason_counts(all_models),
            "outlets": flagged_outlets(),
            "query": urlencode({k: v for k, v in query.items() if v}),
            "total": sum(counts.values()),
        }


class ClearReviewFlagView(ReviewQueueMixin, View):
    """POST ``record=<app_label.model_name>:<pk>`` (one row's button), or several
    ``selected`` ones with ``do=clear`` or ``do=reject``: clear their flags, or reject
    them as "not this" (curation/rejections.py)."""

    http_method_names = ["post"]

    def post(self, request):
        single = request.POST.get("record")
        keys = [single] if single else request.POST.getlist("selected")
        if not keys:
            messages.warning(request, "Select the records to act on first.")
            return HttpResponseRedirect(self.next_url())
        if not single and request.POST.get("do") == "merge":
            return self.merge(keys)
        rejecting = not single and request.POST.get("do") == "reject"
        done = []
        for record, model_admin in [self.queued(key) for key in keys]:
            if rejecting:
                done.append(self.reject(record, model_admin))
            elif self.clear(record, model_admin):
                done.append(f"“{record}”")
        verb = "Rejected (the loader will not extract them again)" if rejecting else "Cleared"
        if any(done):
            messages.success(request, f"{verb}: {', '.join(filter(None, done))}.")
        return HttpResponseRedirect(self.next_url())

    def merge(self, keys: list[str]):
        """Ask, as the list's "Merge selected…" does, which of the selected records to keep."""
        model_keys = {key.partition(":")[0] for key in keys}
        model_admin = self.model_admins().get(model_keys.pop()) if len(model_keys) == 1 else None
        if model_admin is None or not hasattr(model_admin, "merge_selected"):
            messages.warning(
                self.request, "Select two or more people, or two or more organisations, to merge."
            )
            return HttpResponseRedirect(self.next_url())
        if not model_admin.has_merge_permission(self.request):
            raise PermissionDenied
        pks = [record.pk for record, _ in (self.queued(key) for key in keys)]
        queryset = model_admin.get_queryset(self.request).filter(pk__in=pks)
        return model_admin.merge_selected(self.request, queryset) or HttpResponseRedirect(
            self.next_url()
        )

    def queued(self, key: str):
        model_key_, _, pk = key.partition(":")
        model_admin = self.model_admins().get(model_key_)
        if model_admin is None or not pk.isdigit():
            raise Http404("no such record in the review queue")
        record = model_admin.get_object(self.request, pk)
        if record is None:
            raise Http404("no such record in the review queue")
        return record, model_admin

    def clear(self, record, model_admin) -> bool:
        if not model_admin.has_change_permission(self.request, record):
            raise PermissionDenied
        if not record.needs_review:
            return False
        clear_flag(record)
        return True

    def reject(self, record, model_admin) -> str:
        reject = REJECTERS.get(type(record)._meta.label)
        if reject is None:
            messages.warning(
                self.request,
                f"“{record}” cannot be rejected from the queue: correct it on its page.",
            )
            return ""
        if not model_admin.has_delete_permission(self.request, record):
            raise PermissionDenied
        label = f"“{record}”"
        reject(record, user=self.request.user)
        return label

    def next_url(self) -> str:
        target = self.request.POST.get("next", "")
        queue = reverse("admin:review-queue", current_app=self.admin_site.name)
        allowed = url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=False
        )
        return target if target.startswith(queue) and allowed else queue
