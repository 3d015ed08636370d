"""The framework floor: a hello-world Django view, for gunicorn to serve beside the archive.

    gunicorn -c gunicorn.conf.py --chdir bench _floor:application

Django with no apps, no middleware and no database: what a request costs in gunicorn
and Django alone, the ceiling any page of the archive can reach. Self-contained (it does
not read reviewarchive/settings.py), so any benchmark can serve it.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="floor-benchmark-only",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


def hello(request):
    return HttpResponse(b"Hello, world\n", content_type="text/plain")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
