"""The coverage-per-month chart, laid out in Python and drawn as SVG by a template.

Only articles dated to a day or a month have a month; the caller says how many
others there are. Months without coverage inside the period are shown as zero.
The period runs from the first month of coverage to the last month of coverage
or of a milestone, and starts earlier for milestones up to a year before the
coverage; older milestones (background such as an earlier review) are left out.
"""

import calendar
import datetime
from dataclasses import dataclass, field

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 16, 44
QUARTER_TICKS_UP_TO = 36


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True)
class Marker:
    x: float
    label: str


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    milestones: list[str]


@dataclass
class Chart:
    bars: list[Bar] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, int]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    summary: str = ""
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: float = HEIGHT - BOTTOM
    plot_right: int = WIDTH - RIGHT


def month_label(month: datetime.date) -> str:
    return f"{calendar.month_name[month.month]} {month.year}"


def months_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _nice_max(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is at least ``value``."""
    scale = 1
    while True:
        for factor in (1, 2, 5):
            if factor * scale >= value:
                return factor * scale
        scale *= 10


def _ticked(position: int, month: datetime.date, count: int) -> bool:
    """Label the first month, then each January (or each quarter on a short chart)."""
    if position == 0:
        return True
    starts = (1, 4, 7, 10) if count <= QUARTER_TICKS_UP_TO else (1,)
    return month.month in starts and position > 2


def coverage_chart(monthly: list[tuple[datetime.date, int]], milestones) -> Chart:
    """Bars for ``monthly`` counts; markers for the ``milestones`` dated inside the period."""
    if not monthly:
        return Chart(summary="No article is dated to a month yet, so there is nothing to chart.")
    counts = {month.replace(day=1): count for month, count in monthly}
    first, last = min(counts), max(counts)
    lead_in = first.replace(year=first.year - 1)
    months_of_milestones = [
        milestone.date.replace(day=1) for milestone in milestones if milestone.date >= lead_in
    ]
    months = months_between(min([first, *months_of_milestones]), max([last, *months_of_milestones]))
    top = _nice_max(max(counts.values()))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_width / len(months)
    index = {month: position for position, month in enumerate(months)}

    in_month: dict[datetime.date, list[str]] = {}
    markers = []
    for milestone in milestones:
        month = milestone.date.replace(day=1)
        if month in index:
            in_month.setdefault(month, []).append(f"{milestone.title} ({milestone.date_display})")
            markers.append(Marker(LEFT + step * (index[month] + 0.5), milestone.title))

    chart = Chart(markers=markers)
    for position, month in enumerate(months):
        count = counts.get(month, 0)
        height = plot_height * count / top
        x = LEFT + step * position
        chart.bars.append(
            Bar(
                x + step * 0.1,
                TOP + plot_height - height,
                step * 0.8,
                height,
                month_label(month),
                count,
            )
        )
        if _ticked(position, month, len(months)):
            chart.x_ticks.append((x + step / 2, f"{calendar.month_abbr[month.month]} {month.year}"))
        chart.rows.append(Row(month_label(month), count, in_month.get(month, [])))
    shares = (0, 0.5, 1) if top % 2 == 0 else (0, 1)
    chart.y_ticks = [(TOP + plot_height * (1 - share), int(top * share)) for share in shares]
    busiest = max(chart.rows, key=lambda row: row.count)
    chart.summary = (
        f"Articles per month from {chart.rows[0].label} to {chart.rows[-1].label}: "
        f"{sum(counts.values())} articles in all, the most in {busiest.label} ({busiest.count}). "
        f"{len(markers)} milestone{'s' if len(markers) != 1 else ''} marked as vertical lines."
    )
    return chart
