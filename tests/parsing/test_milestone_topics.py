import pytest

from articles.parsing.milestone_topics import milestone_topic


@pytest.mark.parametrize(
    "title, topic",
    [
        ("Final report published", ("final", "report")),
        ("Call for Evidence closes", ("call", "evidence")),
        ("Delivery phase begins", ("delivery", "phase")),
        ("Evidence Group and Design Group meet", ("evidence", "group", "design")),
        ("Final recommendations", ("final", "recommendations")),  # no verb to drop
        ("Published", ()),
    ],
)
def test_a_topic_is_the_titles_words_without_the_event_verb_and_little_words(title, topic):
    assert milestone_topic(title) == topic
