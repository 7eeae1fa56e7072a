from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from podium.demo import DEMO_PASSWORD, load_demo


class Opvangen(BaseEmailBackend):
    """Keeps the e-mails that loading the demo sends (publishing the demo voorbeeld mails
    its author): they go to made-up addresses, and the console backend of a first run
    would print each as a raw MIME message above the accounts."""

    opgevangen: list = []

    def send_messages(self, messages) -> int:
        type(self).opgevangen.extend(messages)
        return len(messages)


OPVANGEN = f"{Opvangen.__module__}.{Opvangen.__qualname__}"


class Command(BaseCommand):
    help = (
        "Load the clearly labelled demo teams and accounts (idempotent) and list the accounts, "
        "with the portal's address from SITE_ROOT (`make run PORT=8123` sets it)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Load the demo data even with DEBUG off."
        )

    def handle(self, *args, **options) -> None:
        # The demo accounts have a published password: never in production by accident.
        if not settings.DEBUG and not options["force"]:
            raise CommandError("Demo data is for development (DEBUG=1); use --force to insist.")
        Opvangen.opgevangen = []
        with override_settings(MAILERS={"default": {"BACKEND": OPVANGEN}}):
            accounts = load_demo()
        adres = settings.SITE_ROOT
        self.stdout.write(self.style.SUCCESS(f"Podium (demo): {adres}/"))
        self.stdout.write(f"Inloggen: {adres}/accounts/login/")
        self.stdout.write(
            self.style.SUCCESS("Demo-accounts (wachtwoord voor allemaal: ") + DEMO_PASSWORD + ")"
        )
        for account in accounts:
            self.stdout.write(f"  {account.rol:<24} {account.email}")
        if Opvangen.opgevangen:
            self.stdout.write(
                f"{len(Opvangen.opgevangen)} e-mail(s) van de demo niet verstuurd "
                "(naar verzonnen adressen):"
            )
            for bericht in Opvangen.opgevangen:
                self.stdout.write(f"  aan {', '.join(bericht.to)}: {bericht.subject}")
