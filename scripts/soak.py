"""Soak test: wrk against a running `make serve` for a while, every page of the sitemap
in turn, with the memory of each gunicorn worker before and after.

    GUNICORN_PIDFILE=/tmp/archive.pid make serve        # in another terminal
    .venv/bin/python scripts/soak.py http://127.0.0.1:8000 /tmp/archive.pid

Requests carry ``X-Forwarded-Proto: https``, as from the HTTPS proxy. Prints a Markdown
summary (docs/performance.md, "Soak") and exits 1 on any error or failed response.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

# Pages outside the sitemap that readers ask for often: filtered lists, the feed, search.
EXTRA_PATHS = [
    "/articles/?q=review",
    "/articles/?sort=oldest",
    "/articles/feed/",
    "/timeline/",
    "/healthz",
]
LOCATION = re.compile(r"<loc>([^<]+)</loc>")
# wrk's Lua hooks: cycle through the paths; report the counts as JSON at the end.
WRK_SCRIPT = """
local paths = {%s}
local i = 0
wrk.headers["X-Forwarded-Proto"] = "https"
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'SOAK {"requests": %%d, "seconds": %%.1f, "connect": %%d, "read": %%d, "write": %%d, '
    .. '"status": %%d, "timeout": %%d, "p50_ms": %%.1f, "p99_ms": %%.1f}\\n',
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def fetch(url: str) -> str:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode()


def sitemap_paths(root: str) -> list[str]:
    """Every page the sitemap index lists, as paths (its URLs name the public host)."""
    paths = []
    for section in LOCATION.findall(fetch(root + "/sitemap.xml")):
        pages = LOCATION.findall(fetch(root + urlparse(section).path))
        paths += [urlparse(url).path for url in pages]
    return paths


def worker_rss_kib(pidfile: Path) -> dict[int, int]:
    """Resident memory of each worker (the master's children), in KiB."""
    master = int(pidfile.read_text())
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    memory = {}
    for pid in map(int, children):
        status = Path(f"/proc/{pid}/status").read_text()
        memory[pid] = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
    return memory


def mib(kib: int) -> str:
    return f"{kib / 1024:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", help="the served site, e.g. http://127.0.0.1:8000")
    parser.add_argument("pidfile", type=Path, help="gunicorn's PID file (GUNICORN_PIDFILE)")
    parser.add_argument("--duration", type=int, default=60, help="seconds (default 60)")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    root = args.root.rstrip("/")

    paths = sitemap_paths(root) + EXTRA_PATHS
    before = worker_rss_kib(args.pidfile)
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT % ", ".join(json.dumps(path) for path in paths))
        script.flush()
        run = subprocess.run(
            [
                "wrk",
                f"-t{args.threads}",
                f"-c{args.connections}",
                f"-d{args.duration}s",
                "--timeout",
                "10s",
                "-s",
                script.name,
                root + "/",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    after = worker_rss_kib(args.pidfile)
    found = re.search(r"^SOAK (.*)$", run.stdout, re.MULTILINE)
    if not found:
        print(f"error: wrk printed no summary:\n{run.stdout}{run.stderr}", file=sys.stderr)
        return 1
    result = json.loads(found.group(1))
    errors = sum(result[kind] for kind in ("connect", "read", "write", "status", "timeout"))

    print(
        f"{len(paths)} paths, {args.connections} connections, {args.threads} threads, "
        f"{result['seconds']:.0f} s: {result['requests']} requests "
        f"({result['requests'] / result['seconds']:.0f}/s), {errors} errors "
        f"(connect {result['connect']}, read {result['read']}, write {result['write']}, "
        f"status {result['status']}, timeout {result['timeout']}); "
        f"latency median {result['p50_ms']:.1f} ms, 99th percentile {result['p99_ms']:.1f} ms"
    )
    print()
    print("| Worker | RSS before (MiB) | RSS after (MiB) | Change (MiB) |")
    print("| --- | --- | --- | --- |")
    for pid in sorted(before):
        if pid in after:
            change = after[pid] - before[pid]
            print(f"| {pid} | {mib(before[pid])} | {mib(after[pid])} | {change / 1024:+.1f} |")
        else:
            print(f"| {pid} | {mib(before[pid])} | (restarted) | |")
    return 1 if errors or set(before) != set(after) else 0


if __name__ == "__main__":
    sys.exit(main())
