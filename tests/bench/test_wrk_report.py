"""bench/_wrk.py reads wrk's text report: the numbers scale_bench puts in its table."""

import importlib.util
from pathlib import Path

import pytest

SPEC = importlib.util.spec_from_file_location(
    "bench_wrk", Path(__file__).resolve().parents[2] / "bench" / "_wrk.py"
)
wrk = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(wrk)

# A slow page, as wrk 4.1 printed it (percentiles in seconds, with a trailing space).
SLOW = """Running 20s test @ http://127.0.0.1:8101/articles/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     7.49s     2.59s   10.60s    72.22%
    Req/Sec     0.22      0.65     2.00     88.89%
  Latency Distribution
     50%    8.37s\x20
     75%    9.65s\x20
     90%   10.12s\x20
     99%   10.60s\x20
  18 requests in 20.07s, 1.07MB read
Requests/sec:      0.90
Transfer/sec:     54.61KB
"""

# A fast one with errors: microseconds and milliseconds, socket errors, non-2xx answers.
FAULTY = """Running 3s test @ http://127.0.0.1:8190/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.22ms    1.30ms  21.47ms   84.17%
    Req/Sec     1.86k   663.66     3.62k    83.33%
  Latency Distribution
     50%  860.00us
     75%    2.38ms
     90%    4.03ms
     99%    6.56ms
  11154 requests in 3.01s, 1.82MB read
  Socket errors: connect 0, read 3, write 1, timeout 12
  Non-2xx or 3xx responses: 5
Requests/sec:   3708.43
Transfer/sec:    619.28KB
"""

# Nothing answered within the run: wrk still prints a distribution, of zeros.
NOTHING = """Running 2s test @ http://127.0.0.1:8101/people/x/?format=csv
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     0.00us    0.00us   0.00us    -nan%
    Req/Sec     0.00      0.00     0.00      -nan%
  Latency Distribution
     50%    0.00us
     75%    0.00us
     90%    0.00us
     99%    0.00us
  0 requests in 2.01s, 0.00B read
  Socket errors: connect 0, read 0, write 0, timeout 8
Requests/sec:      0.00
Transfer/sec:       0.00B
"""


def test_a_slow_page_in_seconds():
    result = wrk.parse(SLOW)
    assert (result.requests_per_s, result.requests) == (0.90, 18)
    assert (result.p50_ms, result.p99_ms) == (8370.0, 10600.0)
    assert result.errors == 0


def test_errors_and_units_below_a_second():
    result = wrk.parse(FAULTY)
    assert result.p50_ms == pytest.approx(0.86)
    assert result.p99_ms == pytest.approx(6.56)
    assert (result.socket_errors, result.non_2xx, result.errors) == (16, 5, 21)


def test_no_completed_request_has_no_latency():
    result = wrk.parse(NOTHING)
    assert (result.requests, result.p50_ms, result.p99_ms) == (0, None, None)
    assert result.errors == 8


def test_anything_else_is_refused():
    with pytest.raises(ValueError, match="not a wrk report"):
        wrk.parse("wrk: invalid URL\n")
