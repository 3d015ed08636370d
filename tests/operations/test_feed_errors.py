"""Invalid feed filters are the reader's mistake: a 400, logged without a traceback."""

import logging

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    ["person=nonexistent", "date_from=garbage", "outlet=no-such-outlet&date_to=13-13-13"],
)
def test_invalid_feed_filters_answer_400_without_a_traceback(client, caplog, query):
    with caplog.at_level(logging.WARNING):
        response = client.get(f"/articles/feed/?{query}")

    assert response.status_code == 400
    assert b"<feed" not in response.content
    assert caplog.records, "the bad request is still logged, on one line"
    assert all(record.exc_info is None for record in caplog.records), caplog.text
    assert "Traceback" not in caplog.text
