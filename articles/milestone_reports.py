"""Which articles report each milestone, and which milestones are the review's own.

The loader links a milestone to the articles whose sentence states it (MilestoneSource).
Most coverage of an event does not restate its date ("The review published its final
report today"), so an article also reports a milestone dated to a day when it is dated
to a day on or within ``window_days`` after it and names the milestone's topic
(articles/parsing/milestone_topics.py): the article search (articles/search.py) finds
every word of it, so PostgreSQL reads the matches from its full-text index. The sources
and those matches are one query for every milestone at once (a UNION ALL, one arm per
milestone) that counts each milestone's articles and returns only the first few of
each, and the articles listed one more.

A milestone whose whole date lies before the review's launch (fixtures/review.toml) is
an earlier event, listed apart. Undated milestones stay with the review's.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, IntegerField, Q, Value

from archivecache.memo import once_per_version
from articles import search
from articles.exports.addresses import address_of
from articles.models import Article, Milestone, MilestoneSource
from articles.parsing.fuzzydate import DAY
from articles.parsing.milestone_topics import milestone_topic
from articles.review import Review
from curation.visibility import public

CARD_FIELDS = ("slug", "title", "published", "published_precision", "outlet__name")
# A milestone lists at most this many of its articles on the timeline (the first five
# shown, the rest behind a disclosure); the count says how many report it in all.
REPORTS_LISTED = 20


@dataclass(frozen=True)
class Report:
    """One article listed under a milestone, as the timeline shows it: plain values, kept
    once per archive version (``attach_reports``)."""

    url: str  # the article's address (one ``reverse`` for all: the timeline lists hundreds)
    title: str
    outlet: str
    date: str  # the article's date in words, as precise as it is known
    sentence: str = ""  # the loader's sentence stating the milestone, if it caught one


def is_earlier_event(milestone: Milestone, review: Review) -> bool:
    return milestone.date_end is not None and milestone.date_end < review.launched


def reporting_window(milestone: Milestone, review: Review) -> tuple[datetime.date, datetime.date]:
    return milestone.date, milestone.date + datetime.timedelta(days=review.window_days)


def _topic_matches(milestone: Milestone, review: Review):
    """The day-dated articles in the milestone's window that name its topic, as rows of
    ``_reports``."""
    topic = milestone_topic(milestone.title)
    if milestone.date_precision != DAY or milestone.date is None or not topic:
        return None
    in_window = public(Article.objects).filter(
        published_precision=DAY, published__range=reporting_window(milestone, review)
    )
    return (
        search.filter_matching(in_window, " ".join(topic))
        .order_by()
        .annotate(milestone=Value(milestone.pk), source_pk=Value(None, IntegerField()))
        .values_list("milestone", "pk", "source_pk")
    )


def _reports(milestones: list[Milestone], review: Review):
    """Every article that reports one of ``milestones``: (milestone pk, article pk,
    source pk) rows, the loader's sources and then the date-and-topic matches (their
    source None; one query for all: a UNION ALL), an article once or more per milestone."""
    sources = (
        public(MilestoneSource.objects, "article")
        .filter(milestone__in=milestones)
        .annotate(source_pk=F("pk"))
        .values_list("milestone_id", "article_id", "source_pk")
    )
    arms = [arm for m in milestones if (arm := _topic_matches(m, review)) is not None]
    return sources.union(*arms, all=True) if arms else sources


def _listed_rows(milestones: list[Milestone], review: Review) -> list[tuple]:
    """(milestone pk, article pk, sentence, how many articles report the milestone) for
    the first ``REPORTS_LISTED`` of each milestone's articles, oldest first.

    The database counts and picks them: each article once per milestone (with the
    loader's source when it has one), numbered in date order within its milestone. The
    reporting rows are thousands (32,728 of 50,000 articles); only ids, dates and titles
    are sorted (the sentences, read for the rows listed only, made the sort spill to
    disk), and what comes back is at most ``REPORTS_LISTED`` a milestone.
    """
    try:
        sql, params = (
            _reports(milestones, review).query.get_compiler(connection=connection).as_sql()
        )
    except EmptyResultSet:  # no milestones
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT numbered.milestone_id, numbered.article_id, COALESCE(s.sentence, ''),"
            " numbered.total FROM ("
            " SELECT r.milestone_id, r.article_id, r.source,"
            " COUNT(*) OVER (PARTITION BY r.milestone_id) AS total,"
            " ROW_NUMBER() OVER (PARTITION BY r.milestone_id"
            " ORDER BY a.published ASC NULLS LAST, a.title, a.id) AS position"
            " FROM (SELECT milestone_id, article_id, MAX(source_pk) AS source"
            f" FROM ({sql}) AS reports GROUP BY milestone_id, article_id) AS r"
            f" JOIN {Article._meta.db_table} AS a ON a.id = r.article_id"
            f") AS numbered LEFT JOIN {MilestoneSource._meta.db_table} AS s"
            " ON s.id = numbered.source"
            " WHERE numbered.position <= %s ORDER BY numbered.milestone_id, numbered.position",
            [*params, REPORTS_LISTED],
        )
        return cursor.fetchall()


def attach_reports(milestones: list[Milestone], review: Review) -> None:
    """Give each milestone its ``reports``: the loader's sources (with their sentences)
    and the articles its date and topic find, each article once, oldest first, the
    first ``REPORTS_LISTED`` of them; ``report_count`` counts them all. Two queries, once
    per archive version in a process (archivecache.memo). The listed reports are kept as
    plain values: at 100,000 articles, making their 1,200 articles into models on every
    request cost a third of the timeline's time."""
    listed = once_per_version(
        "timeline-reports",
        (tuple(m.pk for m in milestones), review, REPORTS_LISTED),
        lambda: _listed_reports(milestones, review),
    )
    for milestone in milestones:
        milestone.reports, milestone.report_count = listed.get(milestone.pk, ([], 0))
        milestone.unlisted = milestone.report_count - len(milestone.reports)


def _listed_reports(milestones: list[Milestone], review: Review) -> dict[int, tuple[list, int]]:
    """milestone pk -> (its listed reports, how many articles report it)."""
    rows = _listed_rows(milestones, review)
    wanted = {article_pk for _, article_pk, _, _ in rows}
    articles = Article.objects.select_related("outlet").only(*CARD_FIELDS).in_bulk(wanted)
    article_url = address_of(str, "articles:article-detail", "slug")
    listed: dict[int, tuple[list[Report], int]] = {}
    for milestone_pk, article_pk, sentence, total in rows:
        article = articles[article_pk]
        reports, _ = listed.setdefault(milestone_pk, ([], total))
        reports.append(
            Report(
                article_url(article.slug),
                article.title,
                article.outlet.name,
                article.date_display,
                sentence,
            )
        )
    return listed


def split_earlier(milestones: list[Milestone], review: Review):
    """(the review's milestones, earlier events), each in the order given."""
    earlier = [m for m in milestones if is_earlier_event(m, review)]
    return [m for m in milestones if not is_earlier_event(m, review)], earlier


def review_milestones(queryset, review: Review):
    """``queryset`` without the earlier events."""
    return queryset.filter(Q(date_end__isnull=True) | Q(date_end__gte=review.launched))
