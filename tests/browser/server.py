"""The archive served over HTTP in a thread, with its static files served as in production.

Django's own live server serves static files itself, from the finders (unhashed names)
or from STATIC_ROOT. Here every request goes to the site, so WhiteNoise serves the
collected, hashed files exactly as it does behind a real web server.
"""

import socket
from contextlib import contextmanager, suppress

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
    """Closing the server waits for the requests in flight (they may share a connection
    to the in-memory database, which must outlive them)."""

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


def _shared_connections() -> dict:
    """In-memory SQLite lives in one connection, which the server's threads must share."""
    return {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }


@contextmanager
def live_archive_server():
    """Serve the site on a free port of localhost; yield its root URL without the slash."""
    shared = _shared_connections()
    for conn in shared.values():
        conn.inc_thread_sharing()
    thread = _ServerThread(HOST, _whole_site, connections_override=shared)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    try:
        if thread.error:
            raise thread.error
        yield f"http://{HOST}:{thread.port}"
    finally:
        thread.terminate()
        for conn in shared.values():
            conn.dec_thread_sharing()
