"""gunicorn's settings for the archive, read from the working directory by `make serve`
and the systemd unit (README, "Deployment").

Environment: GUNICORN_BIND, WEB_CONCURRENCY, GUNICORN_WORKER_CLASS, GUNICORN_THREADS,
GUNICORN_PIDFILE (the master's PID, for scripts/soak.py)."""

import multiprocessing
import os

wsgi_app = "reviewarchive.wsgi:application"
# The loopback only: the reverse proxy in front terminates HTTPS.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's rule of thumb for synchronous workers: two per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
# Threaded workers: a long download (a CSV of 50,000 articles streams for half a minute
# or more) holds one thread, not a whole worker, and is not killed by the worker timeout,
# which for threaded workers only watches the worker's own heartbeat; a synchronous
# worker is killed after 30 s mid-stream.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# Every worker loads the site itself and refuses to start on a failed system check.
preload_app = False
pidfile = os.environ.get("GUNICORN_PIDFILE")
accesslog = "-"
errorlog = "-"
