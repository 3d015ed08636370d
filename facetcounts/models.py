"""One row per value of a facet: how many public articles have it, at one archive version.

Written only by ``facetcounts.compute.refresh`` (never by the admin), read by
``facetcounts.read``. This app is outside ``archivecache.triggers.ARCHIVE_APPS`` on
purpose: writing the counts must not change the archive's version they record.
"""

from django.db import models


class EntityCount(models.Model):
    PERSON, ORGANISATION, REVIEW_BODY, OUTLET = "person", "organisation", "review_body", "outlet"
    KIND, HAS_QUOTES, ARTICLES = "kind", "has_quotes", "articles"

    # Whether unreviewed records were left out (settings.ARCHIVE_HIDE_UNREVIEWED).
    hiding = models.BooleanField()
    # The filter's GET parameter (person, outlet, kind…); "articles" is the total's row.
    facet = models.CharField(max_length=20)
    entity_id = models.BigIntegerField(null=True)  # None for kinds and the totals
    value = models.CharField(max_length=320)  # a slug, or a kind's value
    label = models.CharField(max_length=320)
    articles = models.PositiveIntegerField()
    # ArchiveVersion.stamp when counted: the row is current only while that is the stamp.
    stamp = models.CharField(max_length=64)

    class Meta:
        indexes = [
            models.Index(fields=["hiding", "facet", "entity_id"], name="facetcount_entity"),
            models.Index(fields=["hiding", "facet", "-articles"], name="facetcount_top"),
        ]

    def __str__(self):
        return f"{self.facet} {self.value}: {self.articles}"


class DateCount(models.Model):
    """How many public articles have one (start, end, precision) of publication, at one
    archive version: the rows of the unfiltered list's date facet and chart, and of the
    timeline's chart (``facet`` "articles"); and the same of each entity with more articles
    than the facets' window (``facet`` its filter, ``entity_id``), for its list's date facet
    and chart. Written beside the ``EntityCount`` rows, in the same recount."""

    hiding = models.BooleanField()
    facet = models.CharField(max_length=20, default=EntityCount.ARTICLES)
    entity_id = models.BigIntegerField(null=True)  # None for the whole archive's rows
    published = models.DateField(null=True)
    published_end = models.DateField(null=True)
    precision = models.CharField(max_length=10)
    articles = models.PositiveIntegerField()
    stamp = models.CharField(max_length=64)

    class Meta:
        indexes = [
            models.Index(fields=["hiding", "stamp"], name="datecount_current"),
            models.Index(fields=["hiding", "facet", "entity_id"], name="datecount_entity"),
        ]

    def __str__(self):
        return f"{self.published}–{self.published_end} ({self.precision}): {self.articles}"
