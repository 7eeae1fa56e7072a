"""One afspraak: its page, with its history, and the form its teamchef and gespreksleider
change it with."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.forms import meld_conflict
from core.versies import Conflict
from opgaven.models import Opgave

from .. import services
from ..access import Recht, get_afspraak_for_user
from ..concept import meld_opgeslagen
from ..forms import AfspraakBewerkenForm
from ..models import Afspraak, Status
from .gedeeld import SUGGESTIES, afspraken_kruimels, als_tekst, leden, opgaven


def _bewerkform(
    afspraak: Afspraak, keuze: list[Opgave], data=None, *, afgerond: bool
) -> AfspraakBewerkenForm:
    """Once the gesprek is completed (`afgerond`), what was agreed is a record: only how it
    is followed up (status, owner, target date) still changes."""
    initial = {
        "omschrijving": afspraak.omschrijving,
        "status": afspraak.status,
        "eigenaar": afspraak.eigenaar,
        "streefdatum": afspraak.streefdatum,
        "opgave": afspraak.opgave_id,
        "versie": afspraak.versie,
    }
    return AfspraakBewerkenForm(
        data, opgaven=keuze, suggesties=SUGGESTIES, initial=initial, alleen_opvolging=afgerond
    )


def _vastgelegd_getypt(volledig: AfspraakBewerkenForm, post) -> list[tuple[str, str]]:
    """What a post changes of what was agreed (omschrijving, opgave), read through the whole
    form, as (label, text): a completed gesprek no longer takes these changes."""
    vastgelegd = set(services.AFSPRAAK_VELDEN) - set(services.OPVOLG_VELDEN)
    return [
        (volledig[naam].label, als_tekst(volledig[naam]) or "–")
        for naam in volledig.changed_data
        if naam in vastgelegd and naam in post
    ]


def _bewaar(request: HttpRequest, afspraak: Afspraak, keuze: list[Opgave]):
    """Save the posted form: a redirect when done, else what the page shows of the form."""
    gesprek = afspraak.gesprek
    # A form loaded before the gesprek was completed may change what was agreed.
    volledig = _bewerkform(afspraak, keuze, request.POST, afgerond=False)
    vastgelegd = _vastgelegd_getypt(volledig, request.POST)
    if not (gesprek.is_afgerond and vastgelegd):
        form = _bewerkform(afspraak, keuze, request.POST, afgerond=gesprek.is_afgerond)
        if not form.is_valid():
            return {"form": form}
        velden = {k: v for k, v in form.cleaned_data.items() if k in services.AFSPRAAK_VELDEN}
        try:
            gewijzigd = services.werk_afspraak_bij(
                afspraak, request.user, form.cleaned_data["versie"], velden
            )
        except services.GesprekAfgerond:
            gesprek.status = Status.AFGEROND
        except Conflict as conflict:
            meld_conflict(form, conflict)
            return {"form": form}
        else:
            meld_opgeslagen(request, "afspraak")
            if gewijzigd:
                messages.success(request, _("The afspraak has been saved."))
            return redirect(afspraak)
    # Nothing is saved: the follow-up stays in the form, the rest beside it.
    form = _bewerkform(afspraak, keuze, request.POST, afgerond=True)
    form.add_error(
        None,
        _(
            "The gesprek of this afspraak was completed meanwhile: what was agreed is a record "
            "now, so nothing was saved. Your new text is shown below; copy what you want to "
            "keep. The status, owner and target date can still be changed."
        ),
    )
    return {"form": form, "niet_opgeslagen": vastgelegd}


@login_required
@require_http_methods(["GET", "POST"])
def afspraak_detail(request: HttpRequest, pk: int) -> HttpResponse:
    recht = Recht.VASTLEGGEN if request.method == "POST" else Recht.LEZEN
    afspraak = get_afspraak_for_user(request.user, pk, recht=recht)
    gesprek = afspraak.gesprek
    bewerking = {}
    if afspraak.rechten.vastleggen:
        keuze = opgaven()
        if request.method == "POST":
            bewerking = _bewaar(request, afspraak, keuze)
            if isinstance(bewerking, HttpResponse):
                return bewerking
        else:
            bewerking = {"form": _bewerkform(afspraak, keuze, afgerond=gesprek.is_afgerond)}
        bewerking["leden"] = leden(afspraak.basisteam_id)
    historie = afspraak.history.select_related("history_user", "opgevolgd_in")
    return render(
        request,
        "gesprekken/afspraak_detail.html",
        {
            "afspraak": afspraak,
            "gesprek": gesprek,
            "team": gesprek.basisteam,
            "rechten": afspraak.rechten,
            "suggesties": SUGGESTIES,
            "historie": historie,
            "kruimels": afspraken_kruimels(gesprek.basisteam, (_("Afspraak"), None)),
            **bewerking,
        },
    )
