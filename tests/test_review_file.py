"""fixtures/review.toml: read once, and a bad file is a one-line error naming it."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured

from articles.review import REVIEW_PATH, read_review


def test_the_fixture_gives_the_launch_date_and_the_reporting_window():
    review = read_review(REVIEW_PATH)
    assert review.launched == datetime.date(2021, 1, 15)
    assert review.window_days == 7


@pytest.mark.parametrize(
    "text, reason",
    [
        ("[review]\nname = 'R'\nlaunched = 2021-01-15\n", "missing setting 'reporting'"),
        (
            "[review]\nname = 'R'\nlaunched = 'soon'\n[review.reporting]\nwindow_days = 7\n",
            "launched must be a date",
        ),
        (
            "[review]\nname = 'R'\nlaunched = 2021-01-15\n[review.reporting]\nwindow_days = 0\n",
            "window_days must be a whole number",
        ),
        ("[review\n", "cannot be read"),
    ],
)
def test_a_bad_review_file_names_itself_and_the_reason(tmp_path, text, reason):
    path = tmp_path / "review.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImproperlyConfigured) as raised:
        read_review(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: ") and reason in message and "\n" not in message
