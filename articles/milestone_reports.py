"""Which articles report each milestone, and which milestones are the review's own.

The loader links a milestone to the articles whose sentence states it (MilestoneSource).
Most coverage of an event does not restate its date ("The review published its final
report today"), so an article also reports a milestone dated to a day when it is dated
to a day on or within ``window_days`` after it and names the milestone's topic
(articles/parsing/milestone_topics.py): the article search (articles/search.py) finds
every word of it, so PostgreSQL reads the matches from its full-text index. Those matches
are one query for every milestone at once (a UNION ALL, one arm per milestone), and the
articles found one more.

A milestone whose whole date lies before the review's launch (fixtures/review.toml) is
an earlier event, listed apart. Undated milestones stay with the review's.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, Value

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
    article: Article
    url: str  # the article's address (one ``reverse`` for all: the timeline lists hundreds)
    sentence: str = ""  # the loader's sentence stating the milestone, if it caught one


def is_earlier_event(milestone: Milestone, review: Review) -> bool:
    return milestone.date_end is not None and milestone.date_end < review.launched


def reporting_window(milestone: Milestone, review: Review) -> tuple[datetime.date, datetime.date]:
    return milestone.date, milestone.date + datetime.timedelta(days=review.window_days)


def _topic_matches(milestone: Milestone, review: Review):
    """The day-dated articles in the milestone's window that name its topic, as rows of
    ``_report_rows`` gives them."""
    topic = milestone_topic(milestone.title)
    if milestone.date_precision != DAY or milestone.date is None or not topic:
        return None
    in_window = public(Article.objects).filter(
        published_precision=DAY, published__range=reporting_window(milestone, review)
    )
    return (
        search.filter_matching(in_window, " ".join(topic))
        .order_by()
        .annotate(milestone=Value(milestone.pk), sentence=Value(""))
        .values_list("pk", "published", "title", "milestone", "sentence")
    )


def _report_rows(milestones: list[Milestone], review: Review) -> list[tuple]:
    """(article pk, published, title, milestone pk, sentence) for every article that
    reports a milestone: the loader's sources, then the date-and-topic matches. Plain
    rows, not model instances: an archive has thousands of them, and only the first
    ``REPORTS_LISTED`` of each milestone become articles on the page."""
    sources = public(MilestoneSource.objects, "article").filter(milestone__in=milestones)
    rows = list(
        sources.values_list(
            "article_id", "article__published", "article__title", "milestone_id", "sentence"
        )
    )
    arms = [arm for m in milestones if (arm := _topic_matches(m, review)) is not None]
    if arms:
        rows += list(arms[0].union(*arms[1:], all=True)) if len(arms) > 1 else list(arms[0])
    return rows


def _oldest_first(row: tuple):
    _, published, title, _, _ = row
    return (published is None, published or datetime.date.min, title)


def attach_reports(milestones: list[Milestone], review: Review) -> None:
    """Give each milestone its ``reports``: the loader's sources (with their sentences)
    and the articles its date and topic find, each article once, oldest first, the
    first ``REPORTS_LISTED`` of them; ``report_count`` counts them all. Three queries."""
    by_milestone: dict[int, dict[int, tuple]] = defaultdict(dict)
    for row in _report_rows(milestones, review):
        by_milestone[row[3]].setdefault(row[0], row)
    listed = {}
    for milestone in milestones:
        ordered = sorted(by_milestone[milestone.pk].values(), key=_oldest_first)
        milestone.report_count = len(ordered)
        listed[milestone.pk] = ordered[:REPORTS_LISTED]
        milestone.unlisted = len(ordered) - len(listed[milestone.pk])
    wanted = {row[0] for rows in listed.values() for row in rows}
    articles = Article.objects.select_related("outlet").only(*CARD_FIELDS).in_bulk(wanted)
    article_url = address_of(str, "articles:article-detail", "slug")
    for milestone in milestones:
        milestone.reports = [
            Report(articles[pk], article_url(articles[pk].slug), sentence)
            for pk, _, _, _, sentence in listed[milestone.pk]
        ]


def split_earlier(milestones: list[Milestone], review: Review):
    """(the review's milestones, earlier events), each in the order given."""
    earlier = [m for m in milestones if is_earlier_event(m, review)]
    return [m for m in milestones if not is_earlier_event(m, review)], earlier


def review_milestones(queryset, review: Review):
    """``queryset`` without the earlier events."""
    return queryset.filter(Q(date_end__isnull=True) | Q(date_end__gte=review.launched))
