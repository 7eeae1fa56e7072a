import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teams.csv_io import exporteer_basisteams


class Command(BaseCommand):
    help = (
        "Exporteer alle basisteams als CSV in het formaat van import_basisteams, op code "
        "gesorteerd; zonder bestand naar de standaarduitvoer."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("bestand", type=Path, nargs="?", help="het CSV-bestand om te maken")

    def handle(self, *args, bestand: Path | None, **options) -> None:
        if bestand is None:
            uitvoer = io.StringIO()
            exporteer_basisteams(uitvoer)
            self.stdout.write(uitvoer.getvalue(), ending="")
            return
        try:
            with open(bestand, "w", encoding="utf-8", newline="") as uitvoer:
                aantal = exporteer_basisteams(uitvoer)
        except OSError as e:
            raise CommandError(f"Het bestand “{bestand}” kan niet geschreven worden: {e}") from e
        self.stdout.write(self.style.SUCCESS(f"{aantal} basisteams geschreven naar {bestand}."))
