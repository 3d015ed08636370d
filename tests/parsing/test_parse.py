"""The whole parser on a page of an outlet that writes dates month first."""

from articles.parsing.authority import Authority, OutletProfile
from articles.parsing.parse import parse_article

AMERICAN_STYLE = Authority(
    outlets=(
        OutletProfile(
            name="Transatlantic Times",
            signals=("Transatlantic Times",),
            date_order="mdy",
        ),
    )
)

PAGE = """Review sets a deadline for evidence

The review wants to hear from researchers before the spring.

04/05/2021

The Call for Evidence will close on 03/06/2021, the review's chair said.

Researchers welcomed the longer window for submissions to the review.

© Transatlantic Times
"""


def test_an_outlets_date_order_applies_to_its_milestones_too():
    parsed = parse_article(PAGE, AMERICAN_STYLE)
    assert parsed.page.outlet == "Transatlantic Times"
    assert parsed.page.published.edtf() == "2021-04-05"
    assert "2021-03-06" in {m.date.edtf() for m in parsed.milestones}
