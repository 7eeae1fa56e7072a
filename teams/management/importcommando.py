"""The import commands share everything but their resource: arguments, report, exit code."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from teams.importeren import BestandResource, Uitkomst, importeer


class ImportCommando(BaseCommand):
    """`manage.py import_… bestand [--dry-run]`: one error and nothing is saved, every error
    is listed, and the command exits non-zero."""

    resource_class: type[BestandResource]

    @property
    def help(self) -> str:
        return str(self.resource_class.uitleg)

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "bestand", type=Path, help=gettext_lazy("the file: CSV (UTF-8, commas) or XLSX")
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=gettext_lazy("only check, save nothing")
        )

    def handle(self, *args, bestand: Path, dry_run: bool, **options) -> None:
        uitkomst = importeer(self.resource_class, bestand, dry_run=dry_run)
        self.stdout.write(self.style.SUCCESS(rapport(uitkomst, dry_run=dry_run)))


def rapport(uitkomst: Uitkomst, *, dry_run: bool) -> str:
    """The line a command prints, or a CommandError with every error, one per line."""
    if fouten := uitkomst.foutmeldingen():
        kop = ngettext(
            "%(aantal)d error found; nothing has been saved.",
            "%(aantal)d errors found; nothing has been saved.",
            len(fouten),
        ) % {"aantal": len(fouten)}
        raise CommandError("\n".join([kop, *(f"  {fout}" for fout in fouten)]))
    if dry_run:
        return _(
            "Dry run (--dry-run), nothing has been saved. %(onderwerp)s: %(samenvatting)s."
        ) % {
            "onderwerp": uitkomst.onderwerp,
            "samenvatting": uitkomst.samenvatting(),
        }
    return uitkomst.melding()
