"""The archive served over HTTP in a thread, with its static files served as in production.

Django's own live server serves static files itself, from the finders (unhashed names)
or from STATIC_ROOT. Here every request goes to the site, so WhiteNoise serves the
collected, hashed files exactly as it does behind a real web server.
"""

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from django.core.servers.basehttp import ThreadedWSGIServer
from django.core.signals import request_finished
from django.db import connections
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler

from facetcounts.after_writes import RECOUNT_AFTER_WRITES, recount_if_written

HOST = "localhost"


class _JoiningServer(ThreadedWSGIServer):
    """A thread per connection, with keep-alive, as the browser expects of HTTP/1.1.

    Answering one request per connection while the responses announce a persistent
    connection (HTTP/1.1, no ``Connection: close``) made clients send their next request
    on a connection the server was closing: ECONNRESET, most often on a busy machine.

    Closing the server, or the end of a test (``close_connections``), waits for the
    requests in flight; the connections the browser keeps idle are shut for reading
    first, so that their threads end instead of waiting for a request that never comes.
    No connection outlives its test, nor the database connection it was given.
    """

    daemon_threads = False
    # Room for a page's burst of asset requests while the accepting thread waits for
    # the CPU (socketserver's default backlog is 5, Django's 10).
    request_queue_size = 128

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._open_lock = threading.Lock()
        self._open = {}  # each open connection's socket and the thread serving it

    def process_request(self, request, client_address):
        """ThreadingMixIn's, with the thread recorded before it starts."""
        thread = threading.Thread(
            target=self.process_request_thread, args=(request, client_address)
        )
        with self._open_lock:
            self._open[request] = thread
        thread.start()

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._open_lock:
                self._open.pop(request, None)

    def close_connections(self) -> None:
        """End every connection: let its request in flight finish, then its thread."""
        with self._open_lock:
            open_now = dict(self._open)
        for request in open_now:
            with suppress(OSError):
                request.shutdown(socket.SHUT_RD)
        for thread in open_now.values():
            thread.join()

    def server_close(self):
        self.close_connections()
        super().server_close()


class _ServerThread(LiveServerThread):
    server_class = _JoiningServer

    def _create_server(self, connections_override=None):
        return self.server_class(
            (self.host, self.port),
            QuietWSGIRequestHandler,
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
    _server: _JoiningServer

    @contextmanager
    def sharing_connections(self) -> Iterator[None]:
        """Answer requests on the calling thread's in-memory SQLite connection.

        Such a database lives in one connection, so the server must use the very one
        the test uses (and is in a transaction on). It is looked up when the test
        starts: Django keeps a thread's connections apart from those of code running
        beside an event loop, such as Playwright's, in the same thread.

        While it is shared, a writing request does not recount the facet counts after
        its response (facetcounts/after_writes.py): the recount would run in a
        transaction on that one connection beside the browser's next request, which
        would read the counts half rewritten. Readers recount instead, as they do for
        any stale counts.
        """
        current = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        for conn in current.values():
            conn.inc_thread_sharing()
        self._shared.update(current)
        if current:
            request_finished.disconnect(dispatch_uid=RECOUNT_AFTER_WRITES)
        try:
            yield
        finally:
            # Connections opened in this test were given its database connection.
            self._server.close_connections()
            self._shared.clear()
            for conn in current.values():
                conn.dec_thread_sharing()
            if current:
                request_finished.connect(recount_if_written, dispatch_uid=RECOUNT_AFTER_WRITES)


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
        yield LiveServer(f"http://{HOST}:{thread.port}", shared, thread.httpd)
    finally:
        thread.terminate()
