"""Fetch-and-authorise: every voorbeeld view gets its voorbeeld through one of these."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from teams.models import User

from .models import Redactiestatus, Voorbeeld

BEWERKBAAR = {Redactiestatus.CONCEPT, Redactiestatus.INGEDIEND, Redactiestatus.AFGEWEZEN}


def get_voorbeeld_for_user(user: User, slug: str, *, bewerken: bool = False) -> Voorbeeld:
    """Published voorbeelden for everyone; a concept only for its author and the redactie,
    others get 404 (no leaking that it exists). The author edits their own until it is
    published; after that the redactie does, in the admin."""
    voorbeeld = get_object_or_404(
        Voorbeeld.objects.zichtbaar_voor(user).select_related(
            "eenheid", "basisteam", "contactpersoon", "auteur"
        ),
        slug=slug,
    )
    if bewerken and not (
        voorbeeld.auteur_id == user.pk and voorbeeld.redactiestatus in BEWERKBAAR
    ):
        raise PermissionDenied
    return voorbeeld
