"""The detail page of a voorbeeld, drawn by its own view and again by the thread's form
views when a posted form has an error (with that form as posted, so nothing typed is lost)."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from teams.models import Basisteam

from .forms import BerichtForm, ReactieForm, ToepassenForm, VerbergForm
from .models import Voorbeeld

# The prefixes of the thread's forms, so that each field has an id of its own.
VRAAG = "vraag"


def reactie_prefix(vraag_pk: int) -> str:
    return f"reactie-{vraag_pk}"


def verberg_prefix(bericht_pk: int) -> str:
    return f"verberg-{bericht_pk}"


def _draad(request: HttpRequest, voorbeeld: Voorbeeld, gebonden: dict) -> dict:
    """The questions and replies, for logged-in colleagues only (also under an openbaar
    voorbeeld), with the forms this user may use on them."""
    if not request.user.is_authenticated:
        return {}
    vragen = voorbeeld.draad()
    schrijven = voorbeeld.is_gepubliceerd
    verbergen = request.user.has_perm("voorbeelden.change_bericht")
    for vraag in vragen:
        vraag.reactieform = None
        if schrijven and not vraag.verborgen:
            prefix = reactie_prefix(vraag.pk)
            vraag.reactieform = gebonden.get(prefix) or ReactieForm(prefix=prefix)
        for bericht in [vraag, *vraag.antwoorden]:
            bericht.verbergform = None
            if verbergen and not bericht.verborgen:
                prefix = verberg_prefix(bericht.pk)
                bericht.verbergform = gebonden.get(prefix) or VerbergForm(prefix=prefix)
    return {
        "vragen": vragen,
        "vraagform": (gebonden.get(VRAAG) or BerichtForm(prefix=VRAAG)) if schrijven else None,
        "beantwoorder_id": getattr(voorbeeld.beantwoorder, "pk", None),
    }


def toon_voorbeeld(
    request: HttpRequest, voorbeeld: Voorbeeld, gebonden: dict | None = None
) -> HttpResponse:
    punten = list(voorbeeld.aandachtspunten.select_related("opgave"))
    verwant = (
        Voorbeeld.objects.gepubliceerd_voor(request.user)
        .filter(aandachtspunten__in=punten)
        .exclude(pk=voorbeeld.pk)
        .annotate(gedeeld=Count("aandachtspunten"))
        .order_by("-gedeeld", "-gepubliceerd_op")[:5]
    )
    toepassingen = list(voorbeeld.toepassingen.select_related("basisteam"))
    mijn_teams = list(Basisteam.objects.van_lid(request.user))
    toegepast = {t.basisteam_id for t in toepassingen}
    nog_niet = [team.pk for team in mijn_teams if team.pk not in toegepast]
    return render(
        request,
        "voorbeelden/voorbeeld_detail.html",
        {
            "voorbeeld": voorbeeld,
            "opgaven": voorbeeld.opgaven.all(),
            "aandachtspunten": punten,
            "partners": voorbeeld.partners.all(),
            "toepassingen": toepassingen,
            # The teams of this user that may undo theirs.
            "eigen_teams": {team.pk for team in mijn_teams},
            "verwant": verwant,
            "toepassen": ToepassenForm(teams=Basisteam.objects.filter(pk__in=nog_niet))
            if nog_niet
            else None,
            "redactie": request.user.has_perm("voorbeelden.change_voorbeeld"),
            "mag_bewerken": request.user.is_authenticated
            and voorbeeld.auteur_id == request.user.pk
            and not voorbeeld.is_gepubliceerd,
            "kruimels": [
                (_("Voorbeelden"), reverse("voorbeelden:list")),
                (voorbeeld.titel, None),
            ],
            **_draad(request, voorbeeld, gebonden or {}),
        },
    )
