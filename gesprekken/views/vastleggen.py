"""The forms of the gesprek page, each posting to its own view: an answer, the “drie dingen”
of a top 3 question, a new afspraak, the status of an afspraak, the summary. Each validates,
calls one service and goes back to its place on the page; on an error the page is drawn again
(`pagina.toon_gesprek`) with that form as it was posted, so nothing typed is lost."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from core.forms import meld_conflict
from core.versies import Conflict
from opgaven.models import Gespreksvraag

from .. import services
from ..access import Recht, get_gesprek_for_user
from ..concept import meld_opgeslagen
from ..models import Afspraak, Gesprek
from .gedeeld import alleen_post, getypt, opgaven
from .pagina import (
    NIEUW,
    SAMENVATTING,
    afspraak_form,
    antwoord_form,
    samenvatting_form,
    status_form,
    toon_gesprek,
    top3_forms,
)


def _terug(gesprek: Gesprek, anker: str) -> HttpResponse:
    return redirect(f"{gesprek.get_absolute_url()}#{anker}")


def _opgeslagen(request: HttpRequest, gesprek: Gesprek, sleutel: str, anker: str):
    """Saved: concept.js drops its copy of the form, and the page is shown at its place."""
    meld_opgeslagen(request, sleutel, gesprek.get_absolute_url())
    return _terug(gesprek, anker)


def _bevestig(request: HttpRequest, tekst: str, anker: str) -> str:
    """A confirmation shown in the place `anker` (includes/melding_hier.html) as well as at
    the top; the anchor to return to is the confirmation itself, so the browser moves the
    focus there and a screen reader reads it where the person is working."""
    messages.success(request, tekst, extra_tags=anker)
    return f"{anker}-melding"


def _afgerond(request: HttpRequest, gesprek: Gesprek, sleutel: str, formulieren) -> HttpResponse:
    """The gesprek was completed before this could be saved. Nothing is saved; the page is
    shown as it is now, completed, with what was typed beside the form's place."""
    gesprek.refresh_from_db(fields=["status", "versie"])
    regels = [regel for form in formulieren for regel in getypt(form)]
    if regels:
        melding = _(
            "This gesprek was completed meanwhile, so nothing was saved. What you typed "
            "is shown below: copy what you want to keep. The teamchef can reopen the "
            "gesprek."
        )
    else:
        melding = _("This gesprek is completed; nothing was changed. The teamchef can reopen it.")
    messages.error(request, melding)
    return toon_gesprek(request, gesprek, niet_opgeslagen={sleutel: regels})


@alleen_post
def antwoord(request: HttpRequest, pk: int, antwoord_pk: int) -> HttpResponse:
    gesprek = get_gesprek_for_user(request.user, pk, recht=Recht.VASTLEGGEN)
    antwoord = get_object_or_404(
        gesprek.antwoorden.exclude(soort=Gespreksvraag.Soort.TOP3), pk=antwoord_pk
    )
    sleutel = f"antwoord-{antwoord.pk}"
    form = antwoord_form(antwoord, request.POST)
    if gesprek.is_afgerond:
        return _afgerond(request, gesprek, sleutel, [form])
    if not form.is_valid():
        return toon_gesprek(request, gesprek, gebonden={sleutel: form})
    try:
        gewijzigd = services.leg_antwoord_vast(
            antwoord, request.user, form.cleaned_data["versie"], form.cleaned_data["tekst"]
        )
    except services.GesprekAfgerond:
        return _afgerond(request, gesprek, sleutel, [form])
    except Conflict as conflict:
        meld_conflict(form, conflict)
        return toon_gesprek(request, gesprek, gebonden={sleutel: form})
    anker = f"vraag-{antwoord.pk}"
    if gewijzigd:
        tekst = _("The answer to question %(nummer)s has been saved.")
        anker = _bevestig(request, tekst % {"nummer": antwoord.volgorde}, anker)
    return _opgeslagen(request, gesprek, sleutel, anker)


@alleen_post
def top3(request: HttpRequest, pk: int, antwoord_pk: int) -> HttpResponse:
    """The “drie dingen”: up to three afspraken under a top 3 question, all or none."""
    gesprek = get_gesprek_for_user(request.user, pk, recht=Recht.VASTLEGGEN)
    antwoord = get_object_or_404(
        gesprek.antwoorden.filter(soort=Gespreksvraag.Soort.TOP3).select_related("vraag"),
        pk=antwoord_pk,
    )
    sleutel, anker = f"top3-{antwoord.pk}", f"vraag-{antwoord.pk}"
    bestaand = gesprek.afspraken.filter(vraag_id=antwoord.vraag_id).count()
    forms = top3_forms(antwoord, bestaand, opgaven(), request.POST)
    if gesprek.is_afgerond:
        return _afgerond(request, gesprek, sleutel, forms)
    if not forms:
        messages.error(request, _("This question already has three afspraken."))
        return _terug(gesprek, anker)
    if not all(form.is_valid() for form in forms):
        return toon_gesprek(request, gesprek, gebonden={sleutel: forms})
    regels = [form.cleaned_data for form in forms if form.has_changed()]
    if not regels:
        forms[0].add_error("omschrijving", _("Describe at least one afspraak."))
        return toon_gesprek(request, gesprek, gebonden={sleutel: forms})
    try:
        services.maak_afspraken(gesprek, request.user, regels, vraag=antwoord.vraag)
    except services.GesprekAfgerond:
        return _afgerond(request, gesprek, sleutel, forms)
    except services.TeVeelAfspraken as fout:
        forms[0].add_error(
            None,
            _(
                "Someone else recorded afspraken here meanwhile: %(ruimte)s more fit. "
                "Your text is kept; reload the page to see theirs."
            )
            % {"ruimte": fout.ruimte},
        )
        return toon_gesprek(request, gesprek, gebonden={sleutel: forms})
    return _opgeslagen(
        request,
        gesprek,
        sleutel,
        _bevestig(request, _("The afspraken have been recorded."), anker),
    )


@alleen_post
def afspraak_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = get_gesprek_for_user(request.user, pk, recht=Recht.VASTLEGGEN)
    form = afspraak_form(opgaven(), prefix=NIEUW, data=request.POST)
    if gesprek.is_afgerond:
        return _afgerond(request, gesprek, NIEUW, [form])
    if not form.is_valid():
        return toon_gesprek(request, gesprek, gebonden={NIEUW: form})
    try:
        services.maak_afspraken(gesprek, request.user, [form.cleaned_data])
    except services.GesprekAfgerond:
        return _afgerond(request, gesprek, NIEUW, [form])
    messages.success(request, _("The afspraak has been recorded."))
    return _opgeslagen(request, gesprek, NIEUW, "afspraken")


def _afspraak_op_pagina(gesprek: Gesprek, pk: int, user) -> tuple[Afspraak, bool]:
    """An afspraak the gesprek page shows: one of its own, or one carried over (True)."""
    eigen = gesprek.afspraken.filter(pk=pk).first()
    if eigen is not None:
        return eigen, False
    return get_object_or_404(services.openstaande_afspraken(gesprek, user), pk=pk), True


@alleen_post
def afspraak_status(request: HttpRequest, pk: int, afspraak_pk: int) -> HttpResponse:
    """The quick follow-up of an afspraak on the gesprek page; one carried over from an
    earlier gesprek is followed up in this one."""
    gesprek = get_gesprek_for_user(request.user, pk, recht=Recht.VASTLEGGEN)
    afspraak, eerder = _afspraak_op_pagina(gesprek, afspraak_pk, request.user)
    if eerder and gesprek.is_afgerond:
        messages.error(
            request, _("This gesprek is completed; follow the afspraak up in the next gesprek.")
        )
        return _terug(gesprek, f"afspraak-{afspraak.pk}")
    sleutel = f"afspraak-{afspraak.pk}"
    form = status_form(afspraak, request.POST)
    if not form.is_valid():
        return toon_gesprek(request, gesprek, gebonden={sleutel: form})
    try:
        gewijzigd = services.werk_afspraak_bij(
            afspraak,
            request.user,
            form.cleaned_data["versie"],
            {"status": form.cleaned_data["status"]},
            in_gesprek=gesprek if eerder else None,
        )
    except Conflict as conflict:
        meld_conflict(form, conflict)
        return toon_gesprek(request, gesprek, gebonden={sleutel: form})
    if gewijzigd:
        messages.success(request, _("The status of the afspraak has been saved."))
    return _terug(gesprek, sleutel)


@alleen_post
def samenvatting(request: HttpRequest, pk: int) -> HttpResponse:
    """The summary, written on the gesprek page by whoever may edit its details."""
    gesprek = get_gesprek_for_user(request.user, pk, recht=Recht.BEHEREN)
    form = samenvatting_form(gesprek, request.POST)
    if gesprek.is_afgerond:
        return _afgerond(request, gesprek, SAMENVATTING, [form])
    if not form.is_valid():
        return toon_gesprek(request, gesprek, gebonden={SAMENVATTING: form})
    voor = gesprek.versie
    try:
        services.werk_gesprek_bij(
            gesprek,
            form.cleaned_data["versie"],
            {"samenvatting": form.cleaned_data["samenvatting"]},
            door=request.user,
            reden=services.REDEN_SAMENVATTING,
        )
    except services.GesprekAfgerond:
        return _afgerond(request, gesprek, SAMENVATTING, [form])
    except Conflict as conflict:
        meld_conflict(form, conflict)
        return toon_gesprek(request, gesprek, gebonden={SAMENVATTING: form})
    if gesprek.versie != voor:
        messages.success(request, _("The summary has been saved."))
    return _opgeslagen(request, gesprek, SAMENVATTING, SAMENVATTING)
