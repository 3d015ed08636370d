"""The date facet of an article list: years, then the months of the chosen year.

Each value is a link that sets the date filters to that year or month, and its
count is what that link will show: an article counts in every year and month its
date overlaps, as the date filters match it (a winter 2021 article is in December
2021 and in January and February 2022). Counts ignore the current date filters, so
every year stays visible; the grouped query that the list's chart also uses
(``articles.coverage.list_date_rows``) gives them all.
"""

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass

BAR_WIDTH = 60  # the widest bar, in pixels


@dataclass(frozen=True)
class Bucket:
    label: str
    count: int
    url: str
    selected: bool
    bar: int  # bar length, 1..BAR_WIDTH


@dataclass(frozen=True)
class Histogram:
    years: list[Bucket]
    year: int | None  # the year whose months are shown
    months: list[Bucket]
    clear_url: str | None  # "any date", when a date filter is set


def _overlapped_months(start: datetime.date, end: datetime.date):
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def count_overlaps(rows, months_of: int | None = None) -> tuple[Counter, Counter]:
    """Articles per year, and per (year, month) of the year ``months_of`` (none without
    it: the months of every row cost as much again), from (start, end, count) rows."""
    years, months = Counter(), Counter()
    for start, end, count in rows:
        if start is None:
            continue
        end = end or start  # a row written without its end (bulk) counts on its start
        for year in range(start.year, end.year + 1):
            years[year] += count
        if months_of is not None and start.year <= months_of <= end.year:
            for key in _overlapped_months(start, end):
                if key[0] == months_of:
                    months[key] += count
    return years, months


def chosen_year(data) -> int | None:
    start, end = data.get("date_from"), data.get("date_to")
    if start and end and start.start().year == end.end().year:
        return start.start().year
    return None


def _link(request, date_from: str | None, date_to: str | None) -> str:
    query = request.GET.copy()
    for name in ("page", "format", "date_from", "date_to"):
        query.pop(name, None)
    if date_from:
        query["date_from"], query["date_to"] = date_from, date_to
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


def _is(data, start: datetime.date, end: datetime.date) -> bool:
    chosen_from, chosen_to = data.get("date_from"), data.get("date_to")
    return bool(
        chosen_from and chosen_to and chosen_from.start() == start and chosen_to.end() == end
    )


def _bar(count: int, most: int) -> int:
    return max(1, round(BAR_WIDTH * count / most)) if most else 1


def histogram(filterset, request, counted: tuple[Counter, Counter]) -> Histogram | None:
    """The date facet of a bound, valid ``ArticleFilter``, from the ``count_overlaps`` of
    its list without the date filters, with the months of its ``chosen_year``; None when
    none is dated."""
    data = filterset.form.cleaned_data
    chosen = chosen_year(data)
    years, months = counted
    if not years:
        return None
    most = max(years.values())
    year_buckets = [
        Bucket(
            str(year),
            years[year],
            _link(request, str(year), str(year)),
            _is(data, datetime.date(year, 1, 1), datetime.date(year, 12, 31)),
            _bar(years[year], most),
        )
        for year in sorted(years)
    ]
    month_buckets = []
    if chosen is not None:
        in_year = {month: months[(chosen, month)] for month in range(1, 13)}
        most = max(in_year.values())
        for month, count in in_year.items():
            code = f"{chosen}-{month:02d}"
            last = calendar.monthrange(chosen, month)[1]
            month_buckets.append(
                Bucket(
                    calendar.month_name[month],
                    count,
                    _link(request, code, code),
                    _is(data, datetime.date(chosen, month, 1), datetime.date(chosen, month, last)),
                    _bar(count, most),
                )
            )
    dated = data.get("date_from") or data.get("date_to")
    return Histogram(
        year_buckets, chosen, month_buckets, _link(request, None, None) if dated else None
    )
