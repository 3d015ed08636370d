"""The coverage chart's periods and layout (articles/chart_periods.py, articles/views/chart.py;
no database)."""

import datetime
import itertools
from types import SimpleNamespace

import pytest

from articles.chart_periods import (
    MONTHLY,
    WEEKLY,
    Dated,
    choose_grain,
    count_per_period,
    periods_between,
)
from articles.parsing.fuzzydate import DAY, MONTH, SEASON, UNKNOWN
from articles.views.chart import MIN_TICK_SPACING, PLOT_HEIGHT, Series, coverage_chart

D = datetime.date


def milestone(title, date):
    return SimpleNamespace(title=title, date=date, date_display=date.isoformat(), slug=title)


def spaced(values) -> bool:
    """Evenly spaced, give or take the 0.1 unit that positions are rounded to."""
    gaps = [b - a for a, b in itertools.pairwise(values)]
    return max(gaps) - min(gaps) <= 0.1 + 1e-9


def test_months_cross_years_and_weeks_start_on_monday():
    months = periods_between(D(2021, 11, 15), D(2022, 2, 1), MONTHLY)
    assert [(p.start, p.end) for p in months] == [
        (D(2021, 11, 1), D(2021, 11, 30)),
        (D(2021, 12, 1), D(2021, 12, 31)),
        (D(2022, 1, 1), D(2022, 1, 31)),
        (D(2022, 2, 1), D(2022, 2, 28)),
    ]
    weeks = periods_between(D(2022, 5, 25), D(2022, 6, 6), WEEKLY)  # a Wednesday to a Monday
    assert [p.start for p in weeks] == [D(2022, 5, 23), D(2022, 5, 30), D(2022, 6, 6)]
    assert weeks[0].label == "week of 23 May 2022"


@pytest.mark.parametrize(
    ("rows", "grain"),
    [
        ([Dated(D(2022, 5, 1), DAY, 1), Dated(D(2022, 7, 20), DAY, 1)], WEEKLY),  # 80 days
        ([Dated(D(2022, 5, 1), DAY, 1), Dated(D(2022, 8, 20), DAY, 1)], MONTHLY),  # 111 days
        # A month-precise article cannot go in a week: the chart stays monthly.
        ([Dated(D(2022, 5, 1), MONTH, 1), Dated(D(2022, 5, 20), DAY, 1)], MONTHLY),
        # Undated and coarse articles are in no period and do not decide the grain.
        (
            [
                Dated(D(2022, 5, 3), DAY, 1),
                Dated(None, UNKNOWN, 4),
                Dated(D(2021, 3, 1), SEASON, 1),
            ],
            WEEKLY,
        ),
    ],
)
def test_weekly_only_for_a_short_span_dated_to_the_day(rows, grain):
    assert choose_grain(rows) == grain


def test_counts_go_to_the_period_holding_each_date():
    rows = [
        Dated(D(2021, 3, 1), MONTH, 2),
        Dated(D(2021, 3, 31), DAY, 1),
        Dated(D(2021, 5, 2), DAY, 3),
    ]
    periods = periods_between(D(2021, 3, 1), D(2021, 5, 2), MONTHLY)
    assert count_per_period(rows, periods) == [3, 0, 3]


def three_years():
    """Coverage in 36 months, 2021 to 2023, busiest in May 2022."""
    rows = [Dated(D(2021 + m // 12, m % 12 + 1, 10), DAY, 1 + m % 3) for m in range(36)]
    return [*rows, Dated(D(2022, 5, 23), DAY, 20), Dated(None, UNKNOWN, 2)]


def test_bars_and_month_ticks_are_evenly_spaced():
    chart = coverage_chart([Series("Articles", three_years())], [])
    assert len(chart.bars) == 36
    assert spaced([bar.x for bar in chart.bars])
    assert len({bar.width for bar in chart.bars}) == 1
    xs = [tick.x for tick in chart.x_ticks]
    assert spaced(xs) and xs[1] - xs[0] >= MIN_TICK_SPACING
    # Every sixth month from January (every third would crowd): month and year each.
    assert [tick.label for tick in chart.x_ticks] == [
        "Jan 2021",
        "Jul 2021",
        "Jan 2022",
        "Jul 2022",
        "Jan 2023",
        "Jul 2023",
    ]
    assert [tick.major for tick in chart.x_ticks][:4] == [True, False, True, False]
    assert chart.rows[16].label == "May 2022" and chart.rows[16].counts == [22]
    tallest = max(chart.bars, key=lambda bar: bar.height)
    assert tallest.label == "May 2022"
    assert tallest.height == pytest.approx(PLOT_HEIGHT * 22 / 50)  # the axis runs to 50
    assert [value for _, value in chart.y_ticks] == [0, 25, 50]
    assert chart.y_ticks[-1][0] == pytest.approx(chart.top)
    assert "the most in May 2022 (22)" in chart.summary
    assert chart.left_out == "Not in the chart: 2 articles with no known date."


def test_week_ticks_are_evenly_spaced_and_name_the_day():
    rows = [Dated(D(2022, 5, 23) + datetime.timedelta(days=7 * n), DAY, n + 1) for n in range(10)]
    chart = coverage_chart([Series("Articles", rows)], [])
    assert chart.grain == WEEKLY and len(chart.bars) == 10
    assert spaced([tick.x for tick in chart.x_ticks])
    assert chart.x_ticks[0].label in ("23 May", "30 May")
    assert chart.rows[0].label == "week of 23 May 2022"


def test_milestones_are_numbered_in_date_order_and_stacked_when_they_would_touch():
    milestones = [
        milestone("Final report", D(2022, 5, 23)),
        milestone("Government response", D(2022, 6, 1)),  # the next month: too close
        milestone("Strategy", D(2023, 2, 2)),
        milestone("Case for change", D(2021, 6, 17)),
        milestone("Evidence closes", D(2021, 6, 30)),  # same month: shares a badge
        milestone("Munro review", D(2011, 5, 10)),  # before the coverage: left out
    ]
    chart = coverage_chart([Series("Articles", three_years())], milestones, lambda m: f"#{m.slug}")
    assert [(entry.number, entry.title) for entry in chart.key] == [
        (1, "Case for change"),
        (2, "Evidence closes"),
        (3, "Final report"),
        (4, "Government response"),
        (5, "Strategy"),
    ]
    assert [(badge.label, badge.row) for badge in chart.badges] == [
        ("1–2", 0),
        ("3", 0),
        ("4", 1),
        ("5", 0),
    ]
    shared, final, response, _ = chart.badges
    assert shared.width > final.width  # wide enough for "1–2"
    assert response.x - final.x < final.width  # they would overlap in one row
    assert chart.top > response.y + chart.badge_radius  # the plot starts below the badges
    assert chart.rows[5].milestones == [
        "1. Case for change (2021-06-17)",
        "2. Evidence closes (2021-06-30)",
    ]
    assert shared.tooltip == "1. Case for change (2021-06-17); 2. Evidence closes (2021-06-30)"
    assert chart.key[2].url == "#Final report"
    assert "5 milestones marked, numbered as in the key." in chart.summary


def test_the_timeline_reaches_milestones_within_a_year_of_the_coverage():
    rows = [Dated(D(2021, 6, 1), DAY, 1), Dated(D(2021, 9, 1), DAY, 1)]
    milestones = [milestone("Launch", D(2021, 3, 15)), milestone("Munro", D(2011, 5, 10))]
    chart = coverage_chart([Series("Articles", rows)], milestones, reach_milestones=True)
    assert chart.rows[0].label == "March 2021" and chart.rows[0].counts == [0]
    assert [entry.title for entry in chart.key] == ["Launch"]


def test_lines_share_periods_and_differ_by_more_than_colour():
    josh = [Dated(D(2021, 3, 1), DAY, 5), Dated(D(2021, 9, 1), DAY, 2)]
    ian = [
        Dated(D(2021, 3, 1), DAY, 5),
        Dated(D(2021, 9, 1), DAY, 2),
        Dated(D(2021, 12, 1), DAY, 0),
    ]
    dfe = [Dated(D(2021, 6, 1), DAY, 1), Dated(D(2021, 12, 1), DAY, 2)]
    chart = coverage_chart([Series("Josh", josh), Series("Ian", ian), Series("DfE", dfe)], [])
    assert chart.bars == [] and [line.name for line in chart.lines] == ["Josh", "Ian", "DfE"]
    assert all(len(line.points) == 10 for line in chart.lines)  # March to December
    assert len({line.shape for line in chart.lines}) == 3
    assert len({line.markers[0][0][:1] for line in chart.lines}) == 1  # all are paths
    assert chart.lines[0].markers[0][0] != chart.lines[1].markers[0][0]
    assert [line.total for line in chart.lines] == [7, 7, 3]
    # Josh and Ian end on the same point: their direct labels are moved apart.
    label_ys = sorted(line.label_y for line in chart.lines)
    assert all(b - a >= 22 for a, b in itertools.pairwise(label_ys))
    assert chart.rows[0].counts == [5, 5, 0]
    assert "Josh: 7 articles, the most in March 2021 (5); Ian: 7 articles" in chart.summary


def test_nothing_to_chart_without_an_article_dated_to_a_month():
    rows = [Dated(None, UNKNOWN, 3), Dated(D(2022, 3, 1), SEASON, 1)]
    assert coverage_chart([Series("Articles", rows)], []) is None
