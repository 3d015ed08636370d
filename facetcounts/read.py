"""Reading the precomputed counts, recounted first when the archive changed since.

Every read keeps only the rows counted at the archive's current version (one
subquery on ``ArchiveVersion``), so a stale count can never be shown: a read that
finds none calls ``facetcounts.compute.refresh`` and reads again. The total's row
is always there when the counts are current, so an empty result means stale.
"""

from collections import defaultdict

from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.functions import RowNumber

from archivecache.models import ROW_ID, ArchiveVersion
from curation.visibility import hiding_unreviewed
from facetcounts.compute import refresh
from facetcounts.models import DateCount, EntityCount

DATE_FIELDS = ("published", "published_end", "precision", "articles")


def _at_current_version(model):
    """``model``'s rows counted at the archive's current version, in this visibility mode."""
    version = ArchiveVersion.objects.filter(pk=ROW_ID).values("stamp")
    return model.objects.filter(hiding=hiding_unreviewed(), stamp=Subquery(version))


def current_rows():
    return _at_current_version(EntityCount)


def _read_current(read):
    found = read()
    if found is None and refresh():
        found = read()
    return found


def top_values(selected: dict[str, list[str]], limit: int) -> dict[str, list[EntityCount]] | None:
    """Every facet's first ``limit`` values with an article (the ``selected`` values
    first, then the most counted, then by label), in one query; None if there is no
    version to count at (then count directly)."""
    chosen = Case(
        *[
            When(facet=name, value__in=values, then=Value(1))
            for name, values in selected.items()
            if values
        ],
        default=Value(0),
    )
    ranked = (
        current_rows()
        .filter(Q(articles__gt=0) | Q(facet=EntityCount.ARTICLES))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=F("facet"),
                order_by=[chosen.desc(), F("articles").desc(), F("label").asc()],
            )
        )
        .filter(rank__lte=limit)
        .order_by("facet", "rank")
    )

    def read():
        facets = defaultdict(list)
        for row in ranked.all():  # a fresh query on each read, not the cached result
            facets[row.facet].append(row)
        return dict(facets) or None

    return _read_current(read)


def date_rows() -> list[tuple] | None:
    """The public articles counted by (start, end, precision) of publication, as
    (published, published_end, precision, articles) rows; None if there is no version
    to count at (then count directly). No row may mean no article, so an empty read is
    told from a stale one by the total's row."""
    rows = _at_current_version(DateCount).filter(facet=EntityCount.ARTICLES)

    def read():
        found = list(rows.values_list(*DATE_FIELDS))
        if found or current_rows().filter(facet=EntityCount.ARTICLES).exists():
            return found
        return None

    return _read_current(read)


def articles_of(facet: str, value: str) -> int | None:
    """The precomputed number of public articles of one facet value (a slug); None if
    the counts cannot say (no version to count at, or a value they do not list)."""
    rows = current_rows().filter(Q(facet=facet, value=value) | Q(facet=EntityCount.ARTICLES))

    def read():
        found = dict(rows.values_list("facet", "articles"))
        return found or None  # the total's row is there whenever the counts are current

    found = _read_current(read)
    return found.get(facet) if found else None


def entity_date_rows(facet: str, value: str) -> list[tuple] | None:
    """``date_rows`` of the public articles of one facet value (a slug), if they were
    precomputed (only entities with more articles than the facets' window are); None
    otherwise, or if stale: then the caller counts directly, which is never wrong. It does
    not recount: the stored total of an unfiltered entity list does (``articles_of``),
    but a date-filtered one reads no total, so stale dates wait for another reader."""
    entity = current_rows().filter(facet=facet, value=value).values("entity_id")[:1]
    rows = _at_current_version(DateCount).filter(facet=facet, entity_id=Subquery(entity))
    return list(rows.values_list(*DATE_FIELDS)) or None


def count_of(facet: str) -> Subquery:
    """An annotation: the precomputed article count of the row's entity (None if stale)."""
    rows = current_rows().filter(facet=facet, entity_id=OuterRef("pk"))
    return Subquery(rows.values("articles")[:1])


def top_entities(facet: str, limit: int):
    """A subquery: the ids of the ``limit`` entities with the most articles (ties by name)."""
    rows = current_rows().filter(facet=facet, articles__gt=0).order_by("-articles", "label")
    return rows.values("entity_id")[:limit]


def listed_or_recounted(rows) -> list:
    """``rows`` (limited to ``top_entities``) as a list; none may mean stale counts, so
    then they are recounted and read again (an empty archive reads twice)."""
    found = list(rows.all())
    if not found and refresh():
        found = list(rows.all())
    return found


def counted_page(rows, field: str = "article_count") -> list:
    """``rows`` (annotated with ``count_of``) as a list, recounted first if stale."""

    def read():
        found = list(rows.all())
        return None if any(getattr(row, field) is None for row in found) else found

    found = _read_current(read)
    return found if found is not None else list(rows.all())
