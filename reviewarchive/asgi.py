"""ASGI entry point: refuses to serve when a system check fails, as wsgi.py does."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reviewarchive.settings")
application = get_asgi_application()

from operations.startup import refuse_to_serve_on_errors  # noqa: E402  (needs Django set up)

refuse_to_serve_on_errors()
