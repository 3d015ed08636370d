"""Precomputed per-entity article counts for the list facets and the index pages."""

from django.apps import AppConfig


class FacetCountsConfig(AppConfig):
    default = True
    name = "facetcounts"
    verbose_name = "Precomputed facet counts"
