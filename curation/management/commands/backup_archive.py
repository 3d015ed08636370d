"""python manage.py backup_archive FILE: a consistent snapshot of the whole database."""

from django.core.management.base import BaseCommand, CommandError

from curation.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write a consistent snapshot of the whole database (every table) to FILE: SQLite's"
        " online backup, or pg_dump's custom format on PostgreSQL. Restore it with"
        " restore_archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the backup")

    def handle(self, *args, file, **options):
        try:
            backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the archive to {file}.")
