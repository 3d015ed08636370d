"""Precomputed per-entity article counts for the list facets and the index pages."""

from django.apps import AppConfig


class FacetCountsConfig(AppConfig):
    default = True
    name = "facetcounts"
    verbose_name = "Precomputed facet counts"

    def ready(self):
        from django.core.signals import request_finished

        from facetcounts.after_writes import RECOUNT_AFTER_WRITES, recount_if_written

        request_finished.connect(recount_if_written, dispatch_uid=RECOUNT_AFTER_WRITES)
