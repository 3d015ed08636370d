"""wrk, run and read: requests/s, latency percentiles and every error it reports.

wrk prints a text report and has no machine-readable output without a Lua script, so
the few lines scale_bench needs are read here with regular expressions.
"""

import re
import subprocess
from dataclasses import dataclass

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
PERCENTILE = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", re.M)
REQUESTS = re.compile(r"^\s*(\d+) requests in ")
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.M)
SOCKET_ERRORS = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", re.M
)
NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)", re.M)


@dataclass(frozen=True)
class WrkResult:
    requests_per_s: float
    p50_ms: float | None  # None when no request completed
    p99_ms: float | None
    requests: int
    socket_errors: int  # connect, read, write and timeouts together
    non_2xx: int

    @property
    def errors(self) -> int:
        return self.socket_errors + self.non_2xx


def parse(report: str) -> WrkResult:
    """Read wrk's ``--latency`` report."""
    percentiles = {int(p): float(v) * UNITS_MS[unit] for p, v, unit in PERCENTILE.findall(report)}
    requests = next((int(m.group(1)) for m in map(REQUESTS.match, report.splitlines()) if m), 0)
    rate = RATE.search(report)
    sockets = SOCKET_ERRORS.search(report)
    non_2xx = NON_2XX.search(report)
    if rate is None:
        raise ValueError(f"not a wrk report:\n{report}")
    completed = requests > 0
    return WrkResult(
        requests_per_s=float(rate.group(1)),
        p50_ms=percentiles.get(50) if completed else None,
        p99_ms=percentiles.get(99) if completed else None,
        requests=requests,
        socket_errors=sum(map(int, sockets.groups())) if sockets else 0,
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
    )


def run_wrk(
    url: str,
    *,
    duration: str,
    threads: int,
    connections: int,
    timeout: str,
    headers: dict[str, str],
    script=None,
) -> tuple[WrkResult, str]:
    """Load ``url`` with wrk (``script``: a Lua script of wrk's, if any); return the
    result and wrk's own report."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}", f"--timeout={timeout}"]
    if script is not None:
        command += ["-s", str(script)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    report = subprocess.run(
        [*command, "--latency", url], capture_output=True, text=True, check=True
    ).stdout
    return parse(report), report
