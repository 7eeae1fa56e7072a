"""Workflows of the teams app: inviting colleagues, editing a team's context."""

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.versies import werk_bij

from .models import Basisteam, User


@transaction.atomic
def nodig_uit(request: HttpRequest, user: User) -> None:
    """Invite a colleague a beheerder created: a mail with a link to set their password.

    Following that link proves they own the address, so setting the password also verifies
    it (see `markeer_email_geverifieerd`)."""
    if not EmailAddress.objects.filter(user=user, email__iexact=user.email).exists():
        # The beheerder may have changed the address since an earlier invitation.
        EmailAddress.objects.filter(user=user, primary=True).update(primary=False)
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)
    token = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    adapter = get_adapter(request)
    url = adapter.get_reset_password_from_key_url(f"{user_pk_to_url_str(user)}-{token}")
    adapter.send_mail(
        "account/email/uitnodiging",
        user.email,
        {"user": user, "password_reset_url": url, "request": request},
    )


def markeer_email_geverifieerd(sender, request, user: User, **kwargs) -> None:
    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)


REDEN_CONTEXT = _("context edited")


def bewerk_context(
    team: Basisteam, gelezen_versie: int, velden: dict[str, str], *, door: User
) -> bool:
    """Save the context texts if nobody saved since `gelezen_versie` was read (else
    `core.versies.Conflict`); whether anything changed."""
    onbekend = set(velden) - set(Basisteam.CONTEXT_VELDEN)
    if onbekend:
        raise ValueError(f"not context fields: {sorted(onbekend)}")
    return werk_bij(team, gelezen_versie, velden, door=door, reden=REDEN_CONTEXT)
