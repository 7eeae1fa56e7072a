from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from podium.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the clearly labelled demo teams and accounts (idempotent) and list the accounts."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Load the demo data even with DEBUG off."
        )

    def handle(self, *args, **options) -> None:
        # The demo accounts have a published password: never in production by accident.
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo data is for development (DEBUG=1); use --force to insist.")
        accounts = load_demo()
        self.stdout.write(
            self.style.SUCCESS("Demo-accounts (wachtwoord voor allemaal: ") + DEMO_PASSWORD + ")"
        )
        for account in accounts:
            self.stdout.write(f"  {account.rol:<24} {account.email}")
