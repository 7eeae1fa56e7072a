from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.forms import meld_conflict
from core.secties import secties
from core.versies import Conflict

from . import services
from .access import get_team_for_user, mag_team_bewerken
from .filters import BasisteamFilter
from .forms import ContextForm
from .kruimels import team_kruimels
from .models import Basisteam, Lidmaatschap, Werkgebied
from .spreiding import spreiding, vergelijkbaar

PER_PAGINA = 25


def _werkgebieden():
    return Prefetch("werkgebieden", queryset=Werkgebied.objects.select_related("gemeente"))


@login_required
@require_safe
def team_list(request: HttpRequest) -> HttpResponse:
    teams = (
        Basisteam.objects.met_kengetallen()
        .select_related("eenheid")
        .prefetch_related(_werkgebieden())
        .order_by("naam")
    )
    filterset = BasisteamFilter(request.GET, queryset=teams)
    pagina = Paginator(filterset.qs, PER_PAGINA).get_page(request.GET.get("page"))
    return render(
        request,
        "teams/team_list.html",
        {
            "filter": filterset,
            "pagina": pagina,
            "sortering": request.GET.get("o", ""),
            "kruimels": [(_("Basisteams"), None)],
        },
    )


@login_required
@require_safe
def team_detail(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_team_for_user(request.user, slug)
    alle = list(
        Basisteam.objects.met_kengetallen().values(
            "pk",
            "naam",
            "slug",
            "eenheid__naam",
            "formatie_fte",
            "inwoners",
            "oppervlakte_km2",
            "dichtheid",
            "bezetting",
        )
    )
    kenmerken = spreiding(team.pk, alle)
    leden = team.lidmaatschappen.select_related("user", "cluster").order_by("rol", "user__naam")
    mag_bewerken = mag_team_bewerken(request.user, team)
    return render(
        request,
        "teams/team_detail.html",
        {
            "team": team,
            "werkgebieden": team.werkgebieden.select_related("gemeente"),
            "clusters": team.clusters.all(),
            "teamchefs": [lid for lid in leden if lid.rol == Lidmaatschap.Rol.TEAMCHEF],
            "collegas": [lid for lid in leden if lid.rol == Lidmaatschap.Rol.COLLEGA],
            "spreiding": kenmerken,
            "vergelijkbaar": vergelijkbaar(team.pk, alle),
            "mag_bewerken": mag_bewerken,
            "secties": secties("teamprofiel", request, team, {"mag_bewerken": mag_bewerken}),
            "kruimels": team_kruimels(team),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def team_bewerken(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_team_for_user(request.user, slug, bewerken=True)
    form = ContextForm(request.POST or None, instance=team, initial={"versie": team.versie})
    if request.method == "POST" and form.is_valid():
        velden = {veld: form.cleaned_data[veld] for veld in Basisteam.CONTEXT_VELDEN}
        try:
            services.bewerk_context(team, form.cleaned_data["versie"], velden, door=request.user)
        except Conflict as conflict:
            meld_conflict(form, conflict)
        else:
            messages.success(request, _("The team profile has been saved."))
            return redirect(team)
    return render(
        request,
        "teams/team_form.html",
        {"team": team, "form": form, "kruimels": team_kruimels(team, (_("Edit context"), None))},
    )
