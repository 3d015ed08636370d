"""Files for crawlers."""

from django.http import HttpResponse
from django.urls import reverse


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Downloads and filter combinations are endless; the sitemap lists every page once.
        "Disallow: /*?*format=",
        "Disallow: /articles/feed/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
