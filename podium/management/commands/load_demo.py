from django.core.management.base import BaseCommand

from podium.demo import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load the clearly labelled demo teams and accounts (idempotent) and list the accounts."

    def handle(self, *args, **options) -> None:
        accounts = load_demo()
        self.stdout.write(
            self.style.SUCCESS("Demo-accounts (wachtwoord voor allemaal: ") + DEMO_PASSWORD + ")"
        )
        for account in accounts:
            self.stdout.write(f"  {account.rol:<24} {account.email}")
