"""The framework floor of bench/scale_bench.py: a Django settings module and URLconf with
one hello-world view, no middleware and no database, served under the same gunicorn as
the archive (``DJANGO_SETTINGS_MODULE=_floor``, app ``django.core.wsgi:get_wsgi_application()``).
"""

from django.http import HttpResponse
from django.urls import path

DEBUG = False
SECRET_KEY = "benchmark-floor-only"
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
ROOT_URLCONF = __name__
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
DATABASES: dict = {}


def hello(request):
    return HttpResponse("Hello, world.\n", content_type="text/plain")


urlpatterns = [path("", hello)]
