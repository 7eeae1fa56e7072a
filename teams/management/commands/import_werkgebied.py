from pathlib import Path

from django.core.management.base import BaseCommand

from teams.csv_io import importeer_werkgebied, rapporteer


class Command(BaseCommand):
    help = (
        "Importeer werkgebieden uit een CSV-bestand: het werkgebied van elk basisteam in het "
        "bestand wordt precies wat het bestand zegt. Bij één fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("bestand", type=Path, help="het CSV-bestand (UTF-8, komma's)")
        parser.add_argument(
            "--dry-run", action="store_true", help="alleen controleren, niets opslaan"
        )

    def handle(self, *args, bestand: Path, dry_run: bool, **options) -> None:
        resultaat = importeer_werkgebied(bestand, dry_run=dry_run)
        self.stdout.write(self.style.SUCCESS(rapporteer(resultaat, "Werkgebieden")))
