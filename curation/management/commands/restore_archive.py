"""python manage.py restore_archive FILE: a backup_archive snapshot into an empty database."""

from django.core.management.base import BaseCommand, CommandError

from curation.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a snapshot written by backup_archive into this database, which must hold no"
        " archive (no articles, people, organisations or users): SQLite's backup API, or"
        " pg_restore on PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup to restore")

    def handle(self, *args, file, **options):
        try:
            restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the archive from {file}.")
