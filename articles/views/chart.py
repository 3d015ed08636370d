"""Coverage charts laid out in Python and drawn as SVG by includes/chart_figure.html.

One layout serves every chart: bars for one series (a list, a person, the whole
archive), lines for up to four series side by side (the compare page). Periods
are evenly spaced; tick labels fall on every ``step``-th period, counted from a
round serial (January, every other month, a quarter, a half, a year…), so they
are evenly spaced too. Every other tick is "major": at phone width only the
major ticks are shown, in larger type (static/css/archive.css), so the axis text
is at least 12 px on a 375 px screen. Milestones are numbered badges on their
month, stacked in rows where they would touch, with a key of their titles under
the chart.
"""

import datetime
from dataclasses import dataclass, field

from articles.chart_periods import (
    MONTHLY,
    WEEKLY,
    Dated,
    Period,
    chartable,
    choose_grain,
    count_per_period,
    left_out,
    periods_between,
)

WIDTH = 720
LEFT, RIGHT, BOTTOM, PLOT_HEIGHT = 64, 16, 56, 200
LINE_LABEL_SPACE = 200  # right margin for a line chart's direct labels
BADGE_RADIUS, BADGE_ROW, BADGE_TOP = 19, 42, 6
BADGE_CHAR_WIDTH = 16  # a digit or dash at the phone-size 26 units, roughly
MIN_TICK_SPACING = 84  # user units between labelled ticks at desktop size
TICK_STEPS = {MONTHLY: (1, 2, 3, 6, 12, 24, 48), WEEKLY: (1, 2, 4, 8, 16)}
SHAPES = ("circle", "square", "triangle", "diamond")  # one per line
MAX_SERIES = len(SHAPES)
YEAR = datetime.timedelta(days=366)


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    major: bool


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    count: int


@dataclass(frozen=True)
class Line:
    index: int  # 0-3: colour, dash pattern and marker shape (static/css/archive.css)
    name: str
    total: int
    points: list[Point]
    label_y: float
    shape: str

    @property
    def polyline(self) -> str:
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)

    @property
    def markers(self) -> list[tuple[str, Point]]:
        """An SVG path of this line's marker shape at each point."""
        return [(marker_path(self.shape, point.x, point.y), point) for point in self.points]

    @property
    def legend_marker(self) -> str:
        """The marker in the legend's 44 by 16 sample of the line."""
        return marker_path(self.shape, 22, 8, size=5)


def marker_path(shape: str, x: float, y: float, size: float = 6) -> str:
    """A filled marker centred on (x, y): a circle, square, triangle or diamond."""
    if shape == "circle":
        return (
            f"M{x - size:.1f},{y:.1f}a{size},{size} 0 1,0 {2 * size},0"
            f"a{size},{size} 0 1,0 {-2 * size},0Z"
        )
    corners = {
        "square": [(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)],
        "triangle": [(0, -1.2), (1, 0.8), (-1, 0.8)],
        "diamond": [(0, -1.2), (1, 0), (0, 1.2), (-1, 0)],
    }[shape]
    return "M" + "L".join(f"{x + dx * size:.1f},{y + dy * size:.1f}" for dx, dy in corners) + "Z"


@dataclass(frozen=True)
class KeyEntry:
    number: int
    title: str
    when: str
    url: str


@dataclass(frozen=True)
class Badge:
    """The mark of the milestones of one period: "3", or "3–5" for several."""

    label: str
    position: int  # of its period
    x: float
    y: float
    row: int
    half_width: float
    entries: list[KeyEntry]

    @property
    def left(self) -> float:
        return self.x - self.half_width

    @property
    def top(self) -> float:
        return self.y - BADGE_RADIUS

    @property
    def width(self) -> float:
        return 2 * self.half_width

    @property
    def tooltip(self) -> str:
        return "; ".join(f"{entry.number}. {entry.title} ({entry.when})" for entry in self.entries)


@dataclass(frozen=True)
class Row:
    label: str
    counts: list[int]
    milestones: list[str]


@dataclass
class Chart:
    title: str
    summary: str
    grain: str
    series_names: list[str]
    top: float
    baseline: float
    plot_right: float
    height: float
    width: int = WIDTH
    left: int = LEFT
    badge_radius: int = BADGE_RADIUS
    badge_height: int = 2 * BADGE_RADIUS
    bars: list[Bar] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    badges: list[Badge] = field(default_factory=list)
    key: list[KeyEntry] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[tuple[float, int]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    left_out: str = ""


@dataclass(frozen=True)
class Series:
    name: str
    rows: list[Dated]


def nice_max(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is at least ``value``."""
    scale = 1
    while True:
        for factor in (1, 2, 5):
            if factor * scale >= value:
                return factor * scale
        scale *= 10


def centre(position: int, step_width: float) -> float:
    """The x of the middle of the period at ``position``."""
    return round(LEFT + step_width * (position + 0.5), 1)


def x_ticks(periods: list[Period], step_width: float) -> list[Tick]:
    """Evenly spaced labels: every ``step``-th period from a round serial."""
    grain = periods[0].grain
    steps = TICK_STEPS[grain]
    step = next((s for s in steps if s * step_width >= MIN_TICK_SPACING), steps[-1])
    ticks = []
    for position, period in enumerate(periods):
        if period.serial % step == 0:
            ticks.append(
                Tick(
                    centre(position, step_width),
                    period.tick_label(step),
                    major=len(ticks) % 2 == 0,
                )
            )
    return ticks


def milestones_in(milestones, periods: list[Period]) -> list[tuple[int, object]]:
    """(period position, milestone) for the milestones dated inside ``periods``, in order."""
    found = []
    for milestone in sorted(milestones, key=lambda m: (m.date, m.title)):
        position = next(
            (i for i, p in enumerate(periods) if p.start <= milestone.date <= p.end), None
        )
        if position is not None:
            found.append((position, milestone))
    return found


def badge_half_width(label: str) -> float:
    """Half the width of a badge, wide enough for its label in the phone-size type."""
    return max(BADGE_RADIUS, len(label) * BADGE_CHAR_WIDTH / 2 + 8)


def place_badges(placed, step_width: float, url_of) -> list[Badge]:
    """One badge per period holding ``placed`` milestones, numbered in date order;
    badges that would touch are stacked in rows."""
    by_position: dict[int, list[KeyEntry]] = {}
    for number, (position, milestone) in enumerate(placed, start=1):
        entry = KeyEntry(number, milestone.title, milestone.date_display, url_of(milestone))
        by_position.setdefault(position, []).append(entry)
    badges, row_ends = [], []
    for position, entries in by_position.items():
        first, last = entries[0].number, entries[-1].number
        label = str(first) if first == last else f"{first}–{last}"
        half = badge_half_width(label)
        x = centre(position, step_width)
        row = next((i for i, end in enumerate(row_ends) if x - half - end >= 4), None)
        if row is None:
            row = len(row_ends)
            row_ends.append(0.0)
        row_ends[row] = x + half
        y = BADGE_TOP + BADGE_RADIUS + row * BADGE_ROW
        badges.append(Badge(label, position, x, y, row, half, entries))
    return badges


def _spread(wanted: list[float], gap: float, lowest: float) -> list[float]:
    """Move label positions apart by at least ``gap``, keeping their order."""
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = list(wanted)
    previous = None
    for i in order:
        if previous is not None and placed[i] - previous < gap:
            placed[i] = previous + gap
        previous = placed[i]
    overflow = max(0.0, max(placed, default=0) - lowest)
    return [y - overflow for y in placed]


def coverage_chart(
    series: list[Series], milestones, url_of=lambda m: "", reach_milestones: bool = False
) -> Chart | None:
    """The chart of ``series`` (bars for one, lines for several), or None with no data.

    ``milestones`` have ``date``, ``title`` and ``date_display``; those dated inside
    the chart's periods are numbered on it. ``url_of`` gives a milestone's link. With
    ``reach_milestones`` the periods stretch to the milestones up to a year beyond the
    coverage (the timeline); older ones, background such as an earlier review, stay out.
    """
    every_row = [row for one in series for row in one.rows]
    dated = chartable(every_row)
    if not dated:
        return None
    grain = choose_grain(every_row)
    first, last = min(row.start for row in dated), max(row.start for row in dated)
    if reach_milestones:
        near = [m.date for m in milestones if first - YEAR <= m.date <= last + YEAR]
        first, last = min([first, *near]), max([last, *near])
    periods = periods_between(first, last, grain)
    counts = [count_per_period(one.rows, periods) for one in series]
    as_lines = len(series) > 1
    plot_right = WIDTH - RIGHT - (LINE_LABEL_SPACE if as_lines else 0)
    step_width = (plot_right - LEFT) / len(periods)
    placed = milestones_in(milestones, periods)
    badges = place_badges(placed, step_width, url_of)
    top = BADGE_TOP + max((badge.row + 1 for badge in badges), default=0) * BADGE_ROW + 10
    baseline = top + PLOT_HEIGHT
    highest = nice_max(max(max(one) for one in counts))

    def y_of(count: int) -> float:
        return round(baseline - PLOT_HEIGHT * count / highest, 1)

    chart = Chart(
        title=f"Articles per {grain}",
        summary="",
        grain=grain,
        series_names=[one.name for one in series],
        top=top,
        baseline=baseline,
        plot_right=plot_right,
        height=baseline + BOTTOM,
        badges=badges,
        key=[entry for badge in badges for entry in badge.entries],
        x_ticks=x_ticks(periods, step_width),
        left_out="" if as_lines else left_out(series[0].rows).sentence(),
    )
    shares = (0, 0.5, 1) if highest % 2 == 0 else (0, 1)
    chart.y_ticks = [(y_of(highest * share), int(highest * share)) for share in shares]
    if as_lines:
        label_ys = [round(y, 1) for y in _spread([y_of(one[-1]) for one in counts], 22, baseline)]
        for index, (one, line_counts) in enumerate(zip(series, counts, strict=True)):
            points = [
                Point(centre(i, step_width), y_of(count), period.label, count)
                for i, (period, count) in enumerate(zip(periods, line_counts, strict=True))
            ]
            chart.lines.append(
                Line(index, one.name, sum(line_counts), points, label_ys[index], SHAPES[index])
            )
    else:
        chart.bars = [
            Bar(
                round(centre(i, step_width) - step_width * 0.4, 1),
                y_of(count),
                round(step_width * 0.8, 1),
                round(baseline - y_of(count), 1),
                period.label,
                count,
            )
            for i, (period, count) in enumerate(zip(periods, counts[0], strict=True))
        ]
    by_period = {
        badge.position: [f"{e.number}. {e.title} ({e.when})" for e in badge.entries]
        for badge in badges
    }
    chart.rows = [
        Row(period.label, [one[i] for one in counts], by_period.get(i, []))
        for i, period in enumerate(periods)
    ]
    chart.summary = _summary(chart, series, counts, periods)
    return chart


def _summary(chart: Chart, series, counts, periods) -> str:
    span = f"from {periods[0].label} to {periods[-1].label}"
    if len(periods) == 1:
        span = f"in {periods[0].label}"
    described = []
    for one, line_counts in zip(series, counts, strict=True):
        busiest = max(range(len(periods)), key=lambda i: line_counts[i])
        total = sum(line_counts)
        named = f"{one.name}: " if len(series) > 1 else ""
        described.append(
            f"{named}{total} article{'s' if total != 1 else ''}"
            f", the most in {periods[busiest].label} ({line_counts[busiest]})"
        )
    marked = len(chart.key)
    return (
        f"Articles per {chart.grain} {span}. {'; '.join(described)}. "
        f"{marked} milestone{'s' if marked != 1 else ''} marked, numbered as in the key."
    )
