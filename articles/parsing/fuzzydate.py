"""Dates that are only as precise as the source: a day, a month, a season or a year.

Seasons are meteorological and northern-hemisphere (spring = March to May), and
use the Extended Date/Time Format (EDTF) season codes 21-24.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

DAY, MONTH, SEASON, YEAR, UNKNOWN = "day", "month", "season", "year", "unknown"
PRECISIONS = (DAY, MONTH, SEASON, YEAR, UNKNOWN)

SEASONS = ("spring", "summer", "autumn", "winter")
SEASON_START_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
SEASON_EDTF_CODE = {"spring": 21, "summer": 22, "autumn": 23, "winter": 24}


@dataclass(frozen=True, order=True)
class FuzzyDate:
    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None

    def __post_init__(self):
        if self.season is not None:
            if self.season not in SEASONS or self.month is not None or self.day is not None:
                raise ValueError(f"invalid season date: {self!r}")
        elif self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            datetime.date(self.year, self.month, self.day)  # raises on 31 February
        elif self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"invalid month: {self.month}")

    @property
    def precision(self) -> str:
        if self.day is not None:
            return DAY
        if self.month is not None:
            return MONTH
        if self.season is not None:
            return SEASON
        return YEAR

    def start(self) -> datetime.date:
        if self.season is not None:
            return datetime.date(self.year, SEASON_START_MONTH[self.season], 1)
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def end(self) -> datetime.date:
        """The last day this date could mean (a winter runs into the next year)."""
        if self.day is not None:
            return self.start()
        if self.month is not None:
            return datetime.date(
                self.year, self.month, calendar.monthrange(self.year, self.month)[1]
            )
        if self.season is not None:
            first = self.start()
            last_month = first.month + 2
            year = self.year + (last_month - 1) // 12
            last_month = (last_month - 1) % 12 + 1
            return datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])
        return datetime.date(self.year, 12, 31)

    def edtf(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        if self.season is not None:
            return f"{self.year:04d}-{SEASON_EDTF_CODE[self.season]}"
        return f"{self.year:04d}"

    def display(self) -> str:
        """British style: "3 March 2021", "March 2021", "spring 2022", "2011"."""
        if self.day is not None:
            return f"{self.day} {calendar.month_name[self.month]} {self.year}"
        if self.month is not None:
            return f"{calendar.month_name[self.month]} {self.year}"
        if self.season is not None:
            return f"{self.season} {self.year}"
        return str(self.year)

    @classmethod
    def from_start(cls, start: datetime.date, precision: str) -> FuzzyDate:
        """Rebuild a date from its first day and precision (how the database stores it)."""
        if precision == DAY:
            return cls(start.year, start.month, start.day)
        if precision == MONTH:
            return cls(start.year, start.month)
        if precision == SEASON:
            season = {v: k for k, v in SEASON_START_MONTH.items()}.get(start.month)
            if season is None:
                raise ValueError(f"{start} does not start a season")
            return cls(start.year, season=season)
        if precision == YEAR:
            return cls(start.year)
        raise ValueError(f"unknown precision: {precision!r}")

    @classmethod
    def from_edtf(cls, text: str) -> FuzzyDate:
        parts = text.split("-")
        year = int(parts[0])
        if len(parts) == 1:
            return cls(year)
        second = int(parts[1])
        if len(parts) == 2 and 21 <= second <= 24:
            return cls(year, season=SEASONS[second - 21])
        if len(parts) == 2:
            return cls(year, second)
        return cls(year, second, int(parts[2]))


def display_date(start: datetime.date | None, precision: str) -> str:
    """Display a stored (start, precision) pair; no date is "date unknown"."""
    if start is None or precision == UNKNOWN:
        return "date unknown"
    return FuzzyDate.from_start(start, precision).display()


def edtf_or_none(start: datetime.date | None, precision: str) -> str | None:
    if start is None or precision == UNKNOWN:
        return None
    return FuzzyDate.from_start(start, precision).edtf()
