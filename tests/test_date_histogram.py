"""The date facet's counting (articles/date_histogram.py), without a database."""

import datetime

from articles.date_histogram import count_overlaps

D = datetime.date
ROWS = [
    (D(2021, 12, 1), D(2022, 2, 28), 2),  # winter 2021: December to February
    (D(2022, 3, 5), D(2022, 3, 5), 1),
    (D(2023, 1, 1), None, 4),  # written without its end: counts on its start
    (None, None, 7),  # undated: in no year
]


def test_years_count_every_year_a_date_overlaps_and_months_only_of_the_year_asked():
    years, months = count_overlaps(ROWS)
    assert years == {2021: 2, 2022: 3, 2023: 4}
    assert months == {}
    assert count_overlaps(ROWS, 2022)[1] == {(2022, 1): 2, (2022, 2): 2, (2022, 3): 1}
    assert count_overlaps(ROWS, 2021)[1] == {(2021, 12): 2}
    assert count_overlaps(ROWS, 2023)[1] == {(2023, 1): 4}
    assert count_overlaps(ROWS, 2024) == (years, {})
