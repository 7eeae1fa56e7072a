from pathlib import Path

from django.core.management.base import BaseCommand

from teams.csv_io import importeer_basisteams, rapporteer


class Command(BaseCommand):
    help = (
        "Importeer basisteams uit een CSV-bestand: nieuwe codes worden toegevoegd, bestaande "
        "bijgewerkt. Bij één fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("bestand", type=Path, help="het CSV-bestand (UTF-8, komma's)")
        parser.add_argument(
            "--dry-run", action="store_true", help="alleen controleren, niets opslaan"
        )

    def handle(self, *args, bestand: Path, dry_run: bool, **options) -> None:
        resultaat = importeer_basisteams(bestand, dry_run=dry_run)
        self.stdout.write(self.style.SUCCESS(rapporteer(resultaat, "Basisteams")))
