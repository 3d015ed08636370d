"""WSGI entry point: refuses to serve when a system check fails (static files not
collected, for one), as a 500 on every page would be worse than not starting."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reviewarchive.settings")
application = get_wsgi_application()

from operations.startup import refuse_to_serve_on_errors  # noqa: E402  (needs Django set up)

refuse_to_serve_on_errors()
