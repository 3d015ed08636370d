"""Recount the precomputed facet counts, once per archive version.

The counts are the direct facet counts of the whole public archive, stored: each
row is what ``articles.facets`` would count for that value on an unfiltered
/articles/ (the same base rows, the same ``curation.visibility`` filters, taken
from the same declarations), plus every listed entity with no article at all (the
index pages list those too) and the total; and the articles counted by date of
publication, for the date facet and the charts (``DateCount``). Django has no
INSERT … SELECT, so the rows are written by one hand-assembled statement per kind
whose SELECTs are compiled from ORM querysets: the counting stays the ORM's, and no
row travels through Python.

A reader finds the counts stale when their stamp is not the archive's current
version (``facetcounts.read``) and calls ``refresh``: under a lock (a transaction
advisory lock on PostgreSQL, SQLite's write lock), it checks again, then replaces
the rows of the current visibility mode. The version is read before anything is
counted, so rows are never labelled with a version newer than what they count:
a write that commits meanwhile leaves them stale, and the next reader recounts.
"""

import zlib

from django.db import connection, transaction
from django.db.models import BigIntegerField, Count, F, Value
from django.db.models.functions import Cast

from archivecache.models import ArchiveVersion
from articles.models import Article
from curation.visibility import hiding_unreviewed, public, reviewed
from facetcounts.models import DateCount, EntityCount

LOCK_ID = zlib.crc32(b"care-review-archive:facetcounts")
FIELDS = ("hiding", "facet", "entity_id", "value", "label", "articles", "stamp")
DATE_FIELDS = (
    "hiding",
    "facet",
    "entity_id",
    "published",
    "published_end",
    "precision",
    "articles",
    "stamp",
)


def _lock() -> None:
    """Serialise recounts: the second waits for the first, then finds the rows current."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_ID])
        else:  # any write statement takes SQLite's one write lock, held until commit
            table = connection.ops.quote_name(EntityCount._meta.db_table)
            cursor.execute(f"UPDATE {table} SET articles = articles WHERE 1 = 0")


def _sql(queryset) -> tuple[str, tuple]:
    return queryset.query.get_compiler(connection=connection).as_sql()


def _listed(declared):
    """The entities an index page lists: every one the public site shows."""
    objects = declared.model.objects.order_by()
    entities = public(objects) if declared.hides_unreviewed else objects.all()
    return entities.values(eid=F("pk"), value=F("slug"), label=F("name"))


def _insert_entities(declared, articles, hiding: bool, stamp: str) -> None:
    """One INSERT … SELECT: every listed entity with the count of articles naming it."""
    visible = reviewed(declared.path) if declared.hides_unreviewed else reviewed()
    grouped = (
        articles.filter(visible, **{f"{declared.path}__isnull": False})
        .values(key=F(declared.path))
        .annotate(n=Count("pk"))
    )
    listed_sql, listed_params = _sql(_listed(declared))
    grouped_sql, grouped_params = _sql(grouped)
    table = connection.ops.quote_name(EntityCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(FIELDS)})"
            " SELECT %s, %s, e.eid, e.value, e.label, COALESCE(g.n, 0), %s"
            f" FROM ({listed_sql}) e LEFT JOIN ({grouped_sql}) g ON g.key = e.eid",
            (hiding, declared.name, stamp, *listed_params, *grouped_params),
        )


def _insert_dates(grouped, facet: str, hiding: bool, stamp: str) -> None:
    """One INSERT … SELECT of ``grouped``: rows of (key, start, end, precision, n), the
    articles counted by date of publication (key: the entity's id, or None)."""
    grouped_sql, grouped_params = _sql(grouped)
    table = connection.ops.quote_name(DateCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(DATE_FIELDS)})"
            " SELECT %s, %s, g.key, g.start, g.finish, g.grain, g.n, %s"
            f" FROM ({grouped_sql}) g",
            (hiding, facet, stamp, *grouped_params),
        )


def _by_date(articles, key=None):
    """``articles`` counted by (start, end, precision) of publication, as
    ``articles.coverage.counted_by_date`` counts a list, and by ``key`` if given."""
    return (
        articles.values(
            key=key if key is not None else Cast(Value(None), BigIntegerField()),
            start=F("published"),
            finish=F("published_end"),
            grain=F("published_precision"),
        )
        .annotate(n=Count("pk"))
        .order_by()
    )


def _entities_by_date(declared, articles, hiding: bool, stamp: str):
    """The articles of each entity with more than the facets' window (whose lists'
    date facets would count every match), by entity and date, or None if there is none;
    the smaller lists are counted directly, cheaply. Reads the entity rows just written."""
    from articles.facets import count_window  # it reads these counts

    visible = reviewed(declared.path) if declared.hides_unreviewed else reviewed()
    large = EntityCount.objects.filter(
        hiding=hiding, stamp=stamp, facet=declared.name, articles__gt=count_window()
    )
    # Their ids as values, not a subquery: the rows just written have no statistics yet,
    # and the planner, expecting one entity, would look every mention's article up alone.
    ids = list(large.values_list("entity_id", flat=True))
    if not ids:
        return None
    mentioning = articles.filter(visible, **{f"{declared.path}__in": ids})
    return _by_date(mentioning, key=F(declared.path))


def _small_rows(articles, hiding: bool, stamp: str) -> list[EntityCount]:
    """The kinds, the tick boxes and the total: a handful of rows."""
    from articles.facets import ARTICLE_FACETS, Choices, Tick  # it reads these counts

    def row(facet, value, count):
        return EntityCount(
            hiding=hiding, facet=facet, value=value, label="", articles=count, stamp=stamp
        )

    rows = [row(EntityCount.ARTICLES, "", articles.count())]
    for declared in ARTICLE_FACETS:
        if isinstance(declared, Choices):
            counted = articles.values_list(declared.path).annotate(n=Count("pk"))
            rows += [row(declared.name, value, count) for value, count in counted]
        elif isinstance(declared, Tick):
            rows.append(row(declared.name, "1", articles.filter(declared.condition()).count()))
    return rows


def is_current(hiding: bool, stamp: str) -> bool:
    return EntityCount.objects.filter(hiding=hiding, stamp=stamp).exists()


def refresh() -> bool:
    """Recount, unless the counts are current; False if the archive has no version row
    (then nothing can be known current, and the readers count directly)."""
    from articles.facets import ARTICLE_FACETS, Entities  # it reads these counts

    hiding = hiding_unreviewed()
    with transaction.atomic():
        _lock()
        stamp = ArchiveVersion.current()
        if stamp is None:
            return False
        if is_current(hiding, stamp):
            return True
        EntityCount.objects.filter(hiding=hiding).delete()
        DateCount.objects.filter(hiding=hiding).delete()
        articles = public(Article.objects).order_by()
        entities = [declared for declared in ARTICLE_FACETS if isinstance(declared, Entities)]
        for declared in entities:
            _insert_entities(declared, articles, hiding, stamp)
        _insert_dates(_by_date(articles), EntityCount.ARTICLES, hiding, stamp)
        for declared in entities:
            if (grouped := _entities_by_date(declared, articles, hiding, stamp)) is not None:
                _insert_dates(grouped, declared.name, hiding, stamp)
        EntityCount.objects.bulk_create(_small_rows(articles, hiding, stamp))
    return True
