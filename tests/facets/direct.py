"""Counts of the whole public archive, counted directly, one entity at a time: what the
precomputed counts must equal. Deliberately naive, and independent of facetcounts."""

from django.conf import settings

from articles.models import Article, Outlet, Quote
from curation.visibility import hiding_unreviewed, public
from facetcounts import read
from facetcounts.models import DateCount, EntityCount
from people.models import Organisation, Person, ReviewBody


def direct_counts() -> dict[str, dict]:
    articles = public(Article.objects.all())
    quoted = {quote.article_id for quote in Quote.public.all()}
    counts = {
        "person": {
            p.slug: articles.filter(person_mentions__person=p).count()
            for p in public(Person.objects.all())
        },
        "organisation": {
            o.slug: articles.filter(organisation_mentions__organisation=o).count()
            for o in public(Organisation.objects.all())
        },
        "review_body": {
            b.slug: articles.filter(review_body_mentions__review_body=b).count()
            for b in public(ReviewBody.objects.all())
        },
        "outlet": {o.slug: articles.filter(outlet=o).count() for o in Outlet.objects.all()},
        "kind": {
            kind: articles.filter(kind=kind).count()
            for kind, _ in Article.KIND_CHOICES
            if articles.filter(kind=kind).exists()
        },
        "has_quotes": {"1": sum(1 for a in articles if a.pk in quoted)},
        "articles": {"": articles.count()},
        "dates": _dates_of(articles),
    }
    counts["entity_dates"] = _entity_dates(articles, counts)
    return counts


ENTITY_PATHS = {
    "person": "person_mentions__person__slug",
    "organisation": "organisation_mentions__organisation__slug",
    "review_body": "review_body_mentions__review_body__slug",
    "outlet": "outlet__slug",
}


def _entity_dates(articles, counts) -> dict[tuple, dict]:
    """The dates of each entity with more articles than the facets' window."""
    return {
        (facet, slug): _dates_of(articles.filter(**{path: slug}))
        for facet, path in ENTITY_PATHS.items()
        for slug, n in counts[facet].items()
        if n > settings.ARCHIVE_FACET_WINDOW
    }


def _dates_of(articles) -> dict[tuple, int]:
    found: dict[tuple, int] = {}
    for article in articles:
        key = (article.published, article.published_end, article.published_precision)
        found[key] = found.get(key, 0) + 1
    return found


def stored_counts() -> dict[str, dict]:
    """The precomputed counts, read as the pages read them (recounted first if stale)."""
    assert read.top_values({}, 1) is not None
    found: dict[str, dict[str, int]] = {}
    for row in read.current_rows():
        found.setdefault(row.facet, {})[row.value] = row.articles
    found["dates"] = {tuple(row[:3]): row[3] for row in read.date_rows()}
    found["entity_dates"] = {}
    for facet in ENTITY_PATHS:
        for slug in found.get(facet, {}):
            rows = read.entity_date_rows(facet, slug)
            if rows is not None:
                found["entity_dates"][facet, slug] = {tuple(row[:3]): row[3] for row in rows}
    return found


def assert_current() -> None:
    """The precomputed counts equal the direct ones, and no row of another version is left."""
    assert stored_counts() == direct_counts()
    mode = EntityCount.objects.filter(hiding=hiding_unreviewed())
    assert read.current_rows().count() == mode.count()
    dates = DateCount.objects.filter(hiding=hiding_unreviewed())
    assert dates.exclude(stamp=mode.first().stamp).count() == 0
