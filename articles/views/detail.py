"""One article: its reading page and its verbatim source."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from articles import formats, selectors
from articles.models import Article
from articles.parsing.decode import decode_source
from articles.parsing.fuzzydate import DAY, MONTH, YEAR
from articles.parsing.types import SourceError
from articles.views.markup import MentionLinker, is_web_address, json_ld
from curation.visibility import named_speaker, public

SITE_NAME = "Care Review Archive"
# The encodings decoding finds, as HTTP names them.
CHARSETS = {
    "UTF-8": "utf-8",
    "UTF-16": "utf-16",
    "UTF-32": "utf-32",
    "Windows-1252": "windows-1252",
    "Latin-1": "iso-8859-1",
}


def mention_links(article) -> dict[str, str]:
    """Every spelling the article uses for someone or something, with the page it links to."""
    links = {}
    for mentions, field in (
        (article.review_body_mentions.all(), "review_body"),
        (article.organisation_mentions.all(), "organisation"),
        (article.person_mentions.all(), "person"),
    ):
        for mention in mentions:
            target = getattr(mention, field)
            for spelling in {target.name, *mention.spellings}:
                if isinstance(spelling, str) and spelling.strip():
                    links[spelling] = target.get_absolute_url()
    return links


def citation(article, url: str) -> str:
    parts = [article.author] if article.author else []
    parts += [f"“{article.title}”", article.outlet.name, article.date_display]
    return ", ".join(parts) + f". {SITE_NAME}, {url}"


def schema_org(article, absolute_url) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": absolute_url(article.get_absolute_url()),
        "publisher": {"@type": "Organization", "name": article.outlet.name},
        "isAccessibleForFree": True,
    }
    if article.outlet.homepage:
        data["publisher"]["url"] = article.outlet.homepage
    if article.published_precision in (DAY, MONTH, YEAR):
        data["datePublished"] = article.date_edtf  # these EDTF forms are also ISO 8601
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.standfirst:
        data["description"] = article.standfirst
    mentions = [
        {"@type": "Person", "name": m.person.name, "url": absolute_url(m.person.get_absolute_url())}
        for m in article.person_mentions.all()
    ] + [
        {
            "@type": "Organization",
            "name": m.organisation.name,
            "url": absolute_url(m.organisation.get_absolute_url()),
        }
        for m in article.organisation_mentions.all()
    ]
    if mentions:
        data["mentions"] = mentions
    return data


def mentioned(mentions, field) -> list[dict]:
    """Who or what the article mentions, by name, with the other spellings it used."""
    found = []
    for mention in mentions:
        target = getattr(mention, field)
        others = [s for s in mention.spellings if isinstance(s, str) and s != target.name]
        found.append({"target": target, "spellings": others})
    return sorted(found, key=lambda item: item["target"].name)


def article_download(request, slug, fmt):
    """The article as JSON or as a citation: the record its list's export gives."""
    article = public(Article.objects).filter(slug=slug)
    if not article.exists():
        raise Http404("No such article in the archive.")
    return formats.article_download(request, article, fmt, {}, f"care-review-article-{slug}")


def article_detail(request, slug):
    fmt, refused = formats.requested_format(request, formats.ARTICLE_FORMATS)
    if refused:
        return refused
    if fmt is not None:
        return article_download(request, slug, fmt)
    article = selectors.article_page(slug)
    linker = MentionLinker(mention_links(article))
    url = request.build_absolute_uri(article.get_absolute_url())
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "paragraphs": [linker.link(paragraph) for paragraph in article.paragraphs],
            "links": [{"url": link, "web": is_web_address(link)} for link in article.links],
            "mentioned": [
                (heading, items)
                for heading, items in (
                    ("People", mentioned(article.person_mentions.all(), "person")),
                    (
                        "Organisations",
                        mentioned(article.organisation_mentions.all(), "organisation"),
                    ),
                    ("Review bodies", mentioned(article.review_body_mentions.all(), "review_body")),
                )
                if items
            ],
            "quotes": [(quote, named_speaker(quote)) for quote in article.quotes.all()],
            "milestone_sources": article.milestone_sources.all(),
            "citation": citation(article, url),
            "json_ld": json_ld(schema_org(article, request.build_absolute_uri)),
        },
    )


def article_source(request, slug, version=None):
    """A version of the source (the one the article was extracted from, by default): its
    text as the parser read it, where it came from, and the list of every version."""
    article = selectors.article_source(slug)
    versions = selectors.source_versions(article)
    shown = next((v for v in versions if v.pk == (version or article.source_id)), None)
    if version is not None and shown is None:
        raise Http404("No such version of this source.")
    if shown is None or shown.pk == article.source_id:
        text = article.source_text
    else:
        text = _decoded(selectors.source_version(article, shown.pk))
    return render(
        request,
        "articles/article_source.html",
        {
            "article": article,
            "versions": versions,
            "shown": shown,
            "number": versions.index(shown) + 1 if shown else None,
            "text": text,
        },
    )


def article_source_raw(request, slug, version=None):
    """The original bytes of a source version, byte for byte, with their media type.

    A saved web page is served sandboxed (no scripts, no access to the archive's
    origin), so an archived page can never act on the archive's own pages.
    """
    source = selectors.source_version(selectors.article_source(slug), version)
    response = HttpResponse(bytes(source.content), content_type=raw_content_type(source))
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src data:"
    return response


def raw_content_type(source) -> str:
    charset = CHARSETS.get(source.encoding)
    return f"{source.media_type}; charset={charset}" if charset else source.media_type


def _decoded(source) -> str:
    try:
        return decode_source(bytes(source.content), source.original_path)
    except SourceError as error:
        return f"(this version cannot be shown as text: {error})"
