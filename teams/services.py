"""Workflows around accounts that touch more than one model."""

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest

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


class Conflict(Exception):
    """Someone else saved the same thing after this person started editing."""


def werk_context_bij(team_pk: int, versie: int, velden: dict[str, str]) -> int:
    """Save the context texts if nobody saved since `versie` was read; return the new
    version. Raises Conflict otherwise, so the second of two editors never silently
    overwrites the first."""
    bijgewerkt = Basisteam.objects.filter(pk=team_pk, versie=versie).update(
        **velden, versie=F("versie") + 1
    )
    if not bijgewerkt:
        raise Conflict
    return versie + 1
