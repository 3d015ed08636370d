"""python manage.py export_archive [--output FILE]: the whole archive as JSON."""

import json

from django.core.management.base import BaseCommand

from articles.exports.archive import export_archive


class Command(BaseCommand):
    help = "Write the whole archive as JSON (format: docs/export-format.md) to stdout or a file."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        text = json.dumps(export_archive(), ensure_ascii=False, indent=2) + "\n"
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as output:
                output.write(text)
        else:
            self.stdout.write(text, ending="")
