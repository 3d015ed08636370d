"""A server process for one measurement: started, waited for, checked and stopped.

Each page of bench/scale_bench.py gets a freshly started server, so a slow page's
requests still queued when wrk stops cannot spill into the next page's measurement.
"""

import http.client
import os
import signal
import socket
import subprocess
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

START_TIMEOUT_S = 120
STOP_TIMEOUT_S = 30


@dataclass(frozen=True)
class ServerSpec:
    """How to start one server: its command, working directory and extra environment."""

    command: list[str]
    cwd: Path
    port: int
    env: dict[str, str] = field(default_factory=dict)


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def serving(spec: ServerSpec, log: Path):
    """Run ``spec`` until the block ends; its output is appended to ``log``."""
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while _listening(spec.port):  # a server of the last measurement may be going yet
        if time.monotonic() > deadline:
            raise RuntimeError(f"port {spec.port} is already in use")
        time.sleep(0.1)
    with log.open("ab") as output:
        process = subprocess.Popen(
            spec.command,
            cwd=spec.cwd,
            env={**os.environ, **spec.env},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _listening(spec.port):
            if process.poll() is not None:
                raise RuntimeError(f"{spec.command[0]} exited with {process.returncode}; see {log}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{spec.command[0]} did not listen in {START_TIMEOUT_S} s")
            time.sleep(0.1)
        yield process
    finally:
        # SIGINT: gunicorn's and uvicorn's quick shutdown (no waiting for slow requests).
        process.send_signal(signal.SIGINT)
        with suppress(subprocess.TimeoutExpired):
            process.wait(STOP_TIMEOUT_S)
        # A worker still streaming a download outlives its master and keeps the port
        # (a scale run stopped so, with the next server unable to listen): end them all.
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def fetch(port: int, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    """GET ``path`` once, following no redirect: its status and body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()
