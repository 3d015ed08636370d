#!/usr/bin/env python
"""Django's command-line utility for the Care Review Archive."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reviewarchive.settings")
    # A checkout with no secret key is a development machine: its commands run in debug
    # mode unless DJANGO_DEBUG says otherwise. The site itself (wsgi/asgi) never defaults.
    if not os.environ.get("DJANGO_SECRET_KEY"):
        os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
