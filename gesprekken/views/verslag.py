"""The report of a gesprek: to print, as PDF, and as CSV or XLSX. Each shows only the earlier
afspraken the reader may see."""

import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from teams.models import User

from .. import services
from ..access import get_gesprek_for_user
from ..models import Gesprek
from ..verslag import export_response, maak_pdf
from .gedeeld import gesprek_kruimels

logger = logging.getLogger(__name__)


def _verslag_context(gesprek: Gesprek, user: User) -> dict:
    """The report as `user` may read it: only the earlier afspraken they may see."""
    antwoorden = list(gesprek.antwoorden.select_related("bijgewerkt_door"))
    afspraken = list(
        gesprek.afspraken.select_related("opgave", "bijgewerkt_door")
        .met_vraag_als_gesteld()
        .order_by("pk")
    )
    for antwoord in antwoorden:
        antwoord.top3_afspraken = [a for a in afspraken if a.vraag_id == antwoord.vraag_id]
    return {
        "gesprek": gesprek,
        "team": gesprek.basisteam,
        "opgaven": list(gesprek.opgaven.all()),
        "antwoorden": antwoorden,
        "afspraken": afspraken,
        "eerdere": list(services.openstaande_afspraken(gesprek, user)),
        "vandaag": timezone.localdate(),
    }


@login_required
@require_safe
def verslag(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = get_gesprek_for_user(request.user, pk)
    context = _verslag_context(gesprek, request.user) | {
        "kruimels": gesprek_kruimels(gesprek, (_("Report"), None))
    }
    return render(request, "gesprekken/verslag.html", context)


@login_required
@require_safe
def verslag_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = get_gesprek_for_user(request.user, pk)
    html = render_to_string(
        "gesprekken/verslag_pdf.html", _verslag_context(gesprek, request.user), request
    )
    try:
        pdf = maak_pdf(html)
    except (ImportError, OSError):
        # WeasyPrint or the system libraries it loads (Pango) are missing or broken: a
        # problem of the server, not of the report. The print view needs neither.
        logger.exception("The PDF of gesprek %s could not be made", gesprek.pk)
        return render(
            request,
            "gesprekken/verslag_pdf_fout.html",
            {
                "gesprek": gesprek,
                "team": gesprek.basisteam,
                "kruimels": gesprek_kruimels(gesprek, (_("Report as PDF"), None)),
            },
            status=503,
        )
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="verslag-gesprek-{gesprek.pk}.pdf"',
        },
    )


@login_required
@require_safe
def gesprek_export(request: HttpRequest, pk: int, formaat: str) -> HttpResponse:
    """The gesprek as a table, `formaat` csv or xlsx: the same rows either way."""
    gesprek = get_gesprek_for_user(request.user, pk)
    c = _verslag_context(gesprek, request.user)
    leeg = [""] * 6

    def gegeven(label, waarde):
        return [_("Gesprek"), label, waarde, *leeg]

    rijen = [
        gegeven(_("Basisteam"), gesprek.basisteam.naam),
        gegeven(_("Title"), gesprek.titel),
        gegeven(_("Date"), gesprek.datum),
        gegeven(_("Status"), gesprek.get_status_display()),
        gegeven(_("Conversation guide"), gesprek.leidraad.naam),
        gegeven(_("Conversation leader"), gesprek.gespreksleider),
        gegeven(_("Participants"), gesprek.deelnemers),
        gegeven(_("Opgaven"), "; ".join(str(o) for o in c["opgaven"])),
        gegeven(_("Who may read it"), gesprek.get_zichtbaarheid_display()),
        gegeven(_("Summary"), gesprek.samenvatting),
    ]
    rijen += [
        [_("Antwoord"), a.vraag_tekst, a.tekst, *leeg[:4], a.bijgewerkt_door, a.bijgewerkt_op]
        for a in c["antwoorden"]
    ]
    for soort, afspraken in (
        (_("Afspraak"), c["afspraken"]),
        (_("Afspraak from an earlier gesprek"), c["eerdere"]),
    ):
        rijen += [
            [
                soort,
                getattr(a, "vraag_als_gesteld", None) or "",
                a.omschrijving,
                a.eigenaar,
                a.streefdatum,
                a.get_status_display(),
                a.opgave,
                a.bijgewerkt_door,
                a.bijgewerkt_op,
            ]
            for a in afspraken
        ]
    kop = [
        _("Part"),
        _("Question or field"),
        _("Text"),
        _("Owner"),
        _("Target date"),
        _("Status"),
        _("Opgave"),
        _("Updated by"),
        _("Updated at"),
    ]
    naam = f"gesprek-{gesprek.pk}-{gesprek.datum.isoformat()}"
    return export_response(formaat, naam, _("Gesprek"), kop, rijen)
