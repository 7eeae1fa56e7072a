"""Workflows around accounts that touch more than one model."""

from allauth.account.forms import ResetPasswordForm
from allauth.account.models import EmailAddress
from django.http import HttpRequest

from .models import User


def nodig_uit(request: HttpRequest, user: User) -> None:
    """Invite a colleague a beheerder created: a mail with a link to set their password.

    Following that link proves they own the address, so setting the password also verifies
    it (see `markeer_email_geverifieerd`)."""
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": False}
    )
    form = ResetPasswordForm(data={"email": user.email})
    if form.is_valid():
        form.save(request)


def markeer_email_geverifieerd(sender, request, user: User, **kwargs) -> None:
    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
