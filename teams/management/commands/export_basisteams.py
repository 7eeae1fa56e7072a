from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from teams.bestanden import CSV
from teams.resources import exporteer_basisteams


class Command(BaseCommand):
    help = _(
        "Export all basisteams as CSV in the format of import_basisteams, ordered by code; "
        "to standard output without a file."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("bestand", type=Path, nargs="?", help=_("the CSV file to write"))

    def handle(self, *args, bestand: Path | None, **options) -> None:
        teams = exporteer_basisteams()
        tekst = CSV().export_data(teams)
        if bestand is None:
            self.stdout.write(tekst, ending="")
            return
        try:
            bestand.write_text(tekst, encoding="utf-8", newline="")
        except OSError as fout:
            raise CommandError(
                _("The file “%(bestand)s” cannot be written: %(fout)s")
                % {"bestand": bestand, "fout": fout}
            ) from fout
        melding = ngettext(
            "%(aantal)d basisteam written to %(bestand)s.",
            "%(aantal)d basisteams written to %(bestand)s.",
            len(teams),
        ) % {"aantal": len(teams), "bestand": bestand}
        self.stdout.write(self.style.SUCCESS(melding))
