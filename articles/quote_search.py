"""Full-text search within the quotes.

PostgreSQL: the query is read as a web-search expression, as for articles
(``articles.search``), and matched against the quote's text as an English
``tsvector``; migration 0008 indexes exactly that expression (GIN), so the match
reads the index. SQLite, the development fallback: every word must occur in the
quote, case-insensitively.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector

from articles.search import CONFIG, query_terms, uses_full_text


def quote_vector() -> SearchVector:
    return SearchVector("text", config=CONFIG)


def filter_matching(queryset, q: str):
    """Restrict quotes to those whose text matches ``q``."""
    if uses_full_text():
        return queryset.alias(text_vector=quote_vector()).filter(
            text_vector=SearchQuery(q, search_type="websearch", config=CONFIG)
        )
    for term in query_terms(q):
        queryset = queryset.filter(text__icontains=term)
    return queryset
