"""A team's gesprekken and afspraken, under /teams/<slug>/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from teams.models import Basisteam

from .. import services
from ..access import get_team_voor_nieuw_gesprek, mag_gesprek_aanmaken
from ..concept import meld_opgeslagen
from ..filters import AfspraakFilter
from ..forms import GesprekForm
from ..models import OPENSTAAND, Afspraak, Gesprek
from ..verslag import export_response
from .gedeeld import PER_PAGINA, afspraken_kruimels, gesprekken_kruimels, leden


def _team_lijst(
    request: HttpRequest, template: str, team: Basisteam, titel: str, rijen, **context
) -> HttpResponse:
    """A team's list page (`gesprekken/team_lijst.html`): the heading `titel` with the
    team's name for `%(naam)s`, and `rijen` a page at a time."""
    context |= {
        "team": team,
        "titel": titel % {"naam": team.naam},
        "pagina": Paginator(rijen, PER_PAGINA).get_page(request.GET.get("page")),
    }
    return render(request, template, context)


@login_required
@require_safe
def gesprek_list(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_object_or_404(Basisteam, slug=slug)
    gesprekken = (
        Gesprek.objects.zichtbaar_voor(request.user)
        .filter(basisteam=team)
        .select_related("gespreksleider", "leidraad")
        .annotate(
            aantal_afspraken=Count("afspraken"),
            open_afspraken=Count("afspraken", filter=Q(afspraken__status__in=OPENSTAAND)),
        )
        .order_by("-datum", "-pk")
    )
    return _team_lijst(
        request,
        "gesprekken/gesprek_list.html",
        team,
        _("Gesprekken of %(naam)s"),
        gesprekken,
        mag_aanmaken=mag_gesprek_aanmaken(request.user, team),
        kruimels=gesprekken_kruimels(team),
    )


@login_required
@require_http_methods(["GET", "POST"])
def gesprek_nieuw(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_team_voor_nieuw_gesprek(request.user, slug)
    team_leden = leden(team.pk)
    form = GesprekForm(
        request.POST or None,
        leden=team_leden,
        initial={
            "datum": timezone.localdate(),
            "gespreksleider": request.user.pk if request.user in team_leden else None,
        },
    )
    if request.method == "POST" and form.is_valid():
        gesprek = services.maak_gesprek(team, request.user, **form.cleaned_data)
        meld_opgeslagen(request, "gesprek")
        messages.success(
            request, _("The gesprek has been created. Record the answers below as you talk.")
        )
        return redirect(gesprek)
    return render(
        request,
        "gesprekken/gesprek_form.html",
        {
            "team": team,
            "form": form,
            "titel": _("New gesprek"),
            "annuleren": reverse("teamgesprekken:list", kwargs={"slug": team.slug}),
            "kruimels": gesprekken_kruimels(team, (_("New gesprek"), None)),
        },
    )


def _team_afspraken(request: HttpRequest, team: Basisteam) -> AfspraakFilter:
    zichtbaar = Afspraak.objects.zichtbaar_voor(request.user).filter(basisteam=team)
    eigenaren = list(
        zichtbaar.exclude(eigenaar="")
        .order_by("eigenaar")
        .values_list("eigenaar", flat=True)
        .distinct()
    )
    afspraken = (
        zichtbaar.select_related("gesprek", "opgave")
        .met_vraag_als_gesteld()
        .order_by(F("streefdatum").asc(nulls_last=True), "-gesprek__datum", "pk")
    )
    return AfspraakFilter(request.GET, queryset=afspraken, eigenaren=eigenaren)


@login_required
@require_safe
def afspraak_list(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_object_or_404(Basisteam, slug=slug)
    filterset = _team_afspraken(request, team)
    return _team_lijst(
        request,
        "gesprekken/afspraak_list.html",
        team,
        _("Afspraken of %(naam)s"),
        filterset.qs,
        filter=filterset,
        querystring=request.GET.urlencode(),
        kruimels=afspraken_kruimels(team),
    )


@login_required
@require_safe
def afspraak_export(request: HttpRequest, slug: str, formaat: str) -> HttpResponse:
    """The afspraken as filtered on the list, `formaat` csv or xlsx: the same rows."""
    team = get_object_or_404(Basisteam, slug=slug)
    afspraken = _team_afspraken(request, team).qs.select_related("bijgewerkt_door")
    kop = [
        _("Gesprek"),
        _("Date of the gesprek"),
        _("Question"),
        _("Afspraak"),
        _("Opgave"),
        _("Owner"),
        _("Target date"),
        _("Status"),
        _("Overdue"),
        _("Updated by"),
        _("Updated at"),
    ]
    rijen = (
        [
            a.gesprek.titel,
            a.gesprek.datum,
            a.vraag_als_gesteld or "",
            a.omschrijving,
            a.opgave,
            a.eigenaar,
            a.streefdatum,
            a.get_status_display(),
            _("yes") if a.is_over_tijd else _("no"),
            a.bijgewerkt_door,
            a.bijgewerkt_op,
        ]
        for a in afspraken
    )
    return export_response(formaat, f"afspraken-{team.slug}", _("Afspraken"), kop, rijen)
