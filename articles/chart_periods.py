"""The periods a coverage chart counts in, and the counting: pure, no database.

A chart counts articles per calendar month, or per week (Monday to Sunday) when
its span is shorter than ``WEEKLY_UNDER_DAYS`` and every article in it is dated
to the day: a weekly chart never hides an article that a monthly one would show.
An article dated only to a season or a year, or not dated, is in no period; the
chart says how many such articles it leaves out.
"""

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass

from articles.parsing.fuzzydate import DAY, MONTH

WEEKLY_UNDER_DAYS = 92
MONTHLY, WEEKLY = "month", "week"


@dataclass(frozen=True)
class Dated:
    """How many articles one query row counts with this publication start and precision."""

    start: datetime.date | None
    precision: str
    count: int


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    grain: str

    @property
    def label(self) -> str:
        """Words for the table and tooltips: "March 2021", "week of 7 June 2021"."""
        if self.grain == MONTHLY:
            return f"{calendar.month_name[self.start.month]} {self.start.year}"
        return f"week of {self.start.day} {calendar.month_name[self.start.month]} {self.start.year}"

    @property
    def serial(self) -> int:
        """Consecutive periods have consecutive serials (ticks are placed on them)."""
        if self.grain == MONTHLY:
            return self.start.year * 12 + self.start.month - 1
        return self.start.toordinal() // 7

    def tick_label(self, step: int) -> str:
        if self.grain == WEEKLY:
            return f"{self.start.day} {calendar.month_abbr[self.start.month]}"
        if step >= 12:
            return str(self.start.year)
        return f"{calendar.month_abbr[self.start.month]} {self.start.year}"


@dataclass(frozen=True)
class LeftOut:
    coarse: int = 0  # dated only to a season or a year
    undated: int = 0

    def sentence(self) -> str:
        parts = []
        if self.coarse:
            parts.append(f"{self.coarse} {_articles(self.coarse)} dated only to a season or a year")
        if self.undated:
            parts.append(f"{self.undated} {_articles(self.undated)} with no known date")
        return f"Not in the chart: {' and '.join(parts)}." if parts else ""


def _articles(count: int) -> str:
    return "article" if count == 1 else "articles"


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def periods_between(first: datetime.date, last: datetime.date, grain: str) -> list[Period]:
    """Every period from the one holding ``first`` to the one holding ``last``."""
    periods = []
    if grain == MONTHLY:
        start = month_start(first)
        while start <= last:
            following = _next_month(start)
            periods.append(Period(start, following - datetime.timedelta(days=1), grain))
            start = following
    else:
        start = week_start(first)
        while start <= last:
            periods.append(Period(start, start + datetime.timedelta(days=6), grain))
            start += datetime.timedelta(days=7)
    return periods


def chartable(rows: list[Dated]) -> list[Dated]:
    return [row for row in rows if row.start is not None and row.precision in (DAY, MONTH)]


def left_out(rows: list[Dated]) -> LeftOut:
    return LeftOut(
        coarse=sum(row.count for row in rows if row.start and row.precision not in (DAY, MONTH)),
        undated=sum(row.count for row in rows if row.start is None),
    )


def choose_grain(rows: list[Dated]) -> str:
    """Weekly for a short span of articles all dated to the day, else monthly."""
    dated = chartable(rows)
    span = max(row.start for row in dated) - min(row.start for row in dated)
    all_days = all(row.precision == DAY for row in dated)
    return WEEKLY if all_days and span.days < WEEKLY_UNDER_DAYS else MONTHLY


def count_per_period(rows: list[Dated], periods: list[Period]) -> list[int]:
    """How many of ``rows`` fall in each period (rows outside every period are dropped)."""
    grain = periods[0].grain
    starts = Counter()
    for row in chartable(rows):
        starts[month_start(row.start) if grain == MONTHLY else week_start(row.start)] += row.count
    return [starts.get(period.start, 0) for period in periods]
