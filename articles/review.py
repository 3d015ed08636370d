"""The review the archive is about, as fixtures/review.toml describes it."""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

REVIEW_PATH = Path(__file__).resolve().parents[1] / "fixtures" / "review.toml"


@dataclass(frozen=True)
class Review:
    name: str
    launched: datetime.date  # milestones wholly before it are earlier events
    window_days: int  # how long after a milestone an article can still be reporting it


def read_review(path: Path) -> Review:
    """The review described in ``path``; a bad file raises one line naming it and the reason."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)["review"]
        review = Review(
            name=data["name"],
            launched=data["launched"],
            window_days=data["reporting"]["window_days"],
        )
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ImproperlyConfigured(f"{path}: cannot be read ({error})") from error
    except (KeyError, TypeError) as error:
        raise ImproperlyConfigured(f"{path}: missing setting {error}") from error
    if type(review.launched) is not datetime.date:
        raise ImproperlyConfigured(f"{path}: launched must be a date (YYYY-MM-DD)")
    if type(review.window_days) is not int or review.window_days < 1:
        raise ImproperlyConfigured(f"{path}: reporting.window_days must be a whole number ≥ 1")
    return review


@cache
def the_review() -> Review:
    return read_review(REVIEW_PATH)
