"""Pages of one invented outlet, all printed in its template: a menu, a sign-up box, a footer.

No general furniture rule knows its chrome lines; only learning across its pages can.
"""

from articles.parsing.authority import OutletProfile

OUTLET = OutletProfile(
    name="Valley Courier", homepage="https://valleycourier.example", signals=("valleycourier",)
)
MENU = ["Home", "Valley life", "Allotments", "Your letters", "What's on"]
SIGN_UP = "Get the Courier's Sunday round-up in your inbox"
FOOTER = (
    "The Valley Courier is delivered free to every care home and library in the valley "
    "by our volunteers."
)
TOPICS = ["fostering allowances", "youth clubs", "school transport", "kinship carers", "respite"]


def template_page(index: int, *, extra: tuple[str, ...] = (), footer: str = FOOTER) -> str:
    """Article ``index`` of the outlet: its own headline, byline, date and body."""
    topic = TOPICS[index % len(TOPICS)]
    body = [
        f"The county council has promised to look again at {topic} after a run of "
        f"complaints from families across the valley ({index}).",
        f"Councillors will hear from parents about {topic} at a meeting next month, "
        f"and officers will report back before the budget is set (item {index}).",
        *extra,
        f"A decision on {topic} is expected in the spring, the council said in "
        f"a statement on its website (ref {index}).",
    ]
    lines = [
        "valleycourier.example",
        *MENU,
        f"Council to rethink {topic} after parents complain (story {index})",
        f"Families say the changes to {topic} left them out of pocket",
        "By Morwenna Tresize",
        f"{index + 1} March 2022",
        *body,
        SIGN_UP,
        footer,
    ]
    return "\n\n".join(lines) + "\n"
