"""The archive served over HTTP in a thread, with its static files served as in production.

Django's own live server serves static files itself, from the finders (unhashed names)
or from STATIC_ROOT. Here every request goes to the site, so WhiteNoise serves the
collected, hashed files exactly as it does behind a real web server.
"""

import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler

HOST = "localhost"


class _OneRequestPerConnection(QuietWSGIRequestHandler):
    """No keep-alive: a request's thread ends with its response, not when the browser
    happens to drop an idle connection."""

    def handle(self):
        self.handle_one_request()
        with suppress(OSError):
            self.connection.shutdown(socket.SHUT_WR)


class _JoiningServer(ThreadedWSGIServer):
    """Closing the server waits for the requests in flight."""

    daemon_threads = False
    block_on_close = True


class _ServerThread(LiveServerThread):
    server_class = _JoiningServer

    def _create_server(self, connections_override=None):
        return self.server_class(
            (self.host, self.port),
            _OneRequestPerConnection,
            allow_reuse_address=False,
            connections_override=connections_override,
        )


def _whole_site(application):
    """The live server's static handler: serves nothing itself."""
    return application


@dataclass(frozen=True)
class LiveServer:
    root: str
    _shared: dict

    @contextmanager
    def sharing_connections(self) -> Iterator[None]:
        """Answer requests on the calling thread's in-memory SQLite connection.

        Such a database lives in one connection, so the server must use the very one
        the test uses (and is in a transaction on). It is looked up when the test
        starts: Django keeps a thread's connections apart from those of code running
        beside an event loop, such as Playwright's, in the same thread.
        """
        current = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in current.values():
            conn.inc_thread_sharing()
        self._shared.update(current)
        try:
            yield
        finally:
            self._shared.clear()
            for conn in current.values():
                conn.dec_thread_sharing()


@contextmanager
def live_archive_server() -> Iterator[LiveServer]:
    """Serve the site on a free port of localhost."""
    shared = {}  # filled while a test runs; read by the server on every request
    thread = _ServerThread(HOST, _whole_site, connections_override=shared)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    try:
        if thread.error:
            raise thread.error
        yield LiveServer(f"http://{HOST}:{thread.port}", shared)
    finally:
        thread.terminate()
