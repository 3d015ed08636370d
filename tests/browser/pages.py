"""Every kind of public page, each at the address of its fullest example in the archive.

The examples are picked by what the database holds (the article, person, outlet… with
the most mentions), so the checks run on pages with every part filled in.
"""

from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from articles.models import Article, Outlet, Quote
from people.models import Organisation, Person, ReviewBody


def _fullest(queryset, *counted: str):
    annotations = {f"n_{name}": Count(name, distinct=True) for name in counted}
    ordering = [f"-n_{name}" for name in counted]
    return queryset.annotate(**annotations).order_by(*ordering, "pk").first()


def fullest_article() -> Article:
    return _fullest(Article.objects.all(), "quotes", "person_mentions", "milestone_sources")


def most_covered_person() -> Person:
    return _fullest(Person.objects.all(), "mentions", "quotes")


def most_quoted() -> Person:
    return _fullest(Person.objects.all(), "quotes")


def most_covered_outlet() -> Outlet:
    return _fullest(Outlet.objects.all(), "articles")


def _filtered_list() -> str:
    """The article list narrowed by a person and a search: facets, active filters, excerpts."""
    query = urlencode({"person": most_covered_person().slug, "q": "review"})
    return f"{reverse('articles:article-list')}?{query}"


def _invalid_filters() -> str:
    """The article list answering a filter it cannot read, with its error summary."""
    return f"{reverse('articles:article-list')}?date_from=not-a-date"


def _compared() -> str:
    """The two people and the organisation the coverage mentions most, compared."""
    people = Person.objects.annotate(n=Count("mentions")).order_by("-n", "pk")[:2]
    organisation = _fullest(Organisation.objects.all(), "mentions")
    query = urlencode(
        [*(("person", person.slug) for person in people), ("organisation", organisation.slug)]
    )
    return f"{reverse('articles:compare')}?{query}"


def _one_year() -> str:
    """The article list of the first year of coverage: the date facet shows its months."""
    year = Article.objects.filter(published__isnull=False).order_by("published").first()
    query = urlencode({"date_from": year.published.year, "date_to": year.published.year})
    return f"{reverse('articles:article-list')}?{query}"


def _name_search() -> str:
    """The article list searched for a misspelt name: the matching names come first."""
    return f"{reverse('articles:article-list')}?{urlencode({'q': 'MacAllister'})}"


PAGE_TYPES = {
    "home": lambda: reverse("articles:home"),
    "article-list": lambda: reverse("articles:article-list"),
    "article-list-filtered": _filtered_list,
    "article-list-invalid": _invalid_filters,
    "article-list-names": _name_search,
    "article": lambda: fullest_article().get_absolute_url(),
    "article-source": lambda: reverse("articles:article-source", args=[fullest_article().slug]),
    "people": lambda: reverse("people:person-list"),
    "person": lambda: most_covered_person().get_absolute_url(),
    "organisations": lambda: reverse("people:organisation-list"),
    "organisation": lambda: _fullest(Organisation.objects.all(), "mentions").get_absolute_url(),
    "review-bodies": lambda: reverse("people:reviewbody-list"),
    "review-body": lambda: _fullest(ReviewBody.objects.all(), "memberships").get_absolute_url(),
    "outlets": lambda: reverse("articles:outlet-list"),
    "outlet": lambda: most_covered_outlet().get_absolute_url(),
    "timeline": lambda: reverse("articles:timeline"),
    "quotes": lambda: reverse("quotes:quote-list"),
    "quotes-filtered": lambda: (
        f"{reverse('quotes:quote-list')}?{urlencode({'speaker': most_quoted().slug})}"
    ),
    "quote": lambda: Quote.public.order_by("pk").first().get_absolute_url(),
    "compare": _compared,
    "compare-empty": lambda: reverse("articles:compare"),
    "article-list-year": _one_year,
    "not-found": lambda: reverse("articles:article-detail", args=["no-such-article"]),
}
# What a page type answers when not 200 OK.
STATUS = {"not-found": 404}


def page_path(page_type: str) -> str:
    return PAGE_TYPES[page_type]()
