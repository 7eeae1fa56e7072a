"""Fetch-and-authorise: every voorbeeld view gets its voorbeeld through one of these."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from teams.models import User

from .models import Bericht, Redactiestatus, Voorbeeld

BEWERKBAAR = {Redactiestatus.CONCEPT, Redactiestatus.INGEDIEND, Redactiestatus.AFGEWEZEN}


class InloggenNodig(Exception):
    """The voorbeeld is published for colleagues only: log in to read it, as on every page
    for logged-in colleagues."""


def get_voorbeeld_for_user(
    user: User, slug: str, *, bewerken: bool = False, vragen: bool = False
) -> Voorbeeld:
    """What `Voorbeeld.objects.zichtbaar_voor(user)` holds; an anonymous visitor who asks
    for a published voorbeeld that is not openbaar gets `InloggenNodig`. A concept is there
    only for its author and the redactie, others get 404 (no leaking that it exists). The
    author edits their own until it is published; after that the redactie does, in the
    admin. Questions and replies (`vragen`) are posted under a published voorbeeld only.
    """
    try:
        voorbeeld = (
            Voorbeeld.objects.zichtbaar_voor(user)
            .select_related("eenheid", "basisteam", "contactpersoon", "auteur")
            .get(slug=slug)
        )
    except Voorbeeld.DoesNotExist:
        gepubliceerd = Voorbeeld.objects.gepubliceerd().filter(slug=slug)
        if not user.is_authenticated and gepubliceerd.exists():
            raise InloggenNodig from None
        raise Http404 from None
    if bewerken and not (
        voorbeeld.auteur_id == user.pk and voorbeeld.redactiestatus in BEWERKBAAR
    ):
        raise PermissionDenied
    if vragen and not (user.is_authenticated and voorbeeld.is_gepubliceerd):
        raise PermissionDenied
    return voorbeeld


def get_bericht_for_user(
    user: User, voorbeeld: Voorbeeld, pk: int, *, vraag: bool = False, verbergen: bool = False
) -> Bericht:
    """A message of the thread under `voorbeeld` (which the caller fetched for `user`).
    With `vraag`, a visible question, the only kind one replies to. Hiding one is for the
    redactie (the change permission of messages); anyone else gets 403."""
    if verbergen and not user.has_perm("voorbeelden.change_bericht"):
        raise PermissionDenied
    berichten = voorbeeld.berichten.all()
    if vraag:
        berichten = berichten.vragen().zichtbaar()
    try:
        bericht = berichten.get(pk=pk)
    except Bericht.DoesNotExist:
        raise Http404 from None
    bericht.voorbeeld = voorbeeld
    return bericht
