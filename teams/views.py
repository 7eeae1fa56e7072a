from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.forms import meld_conflict
from core.secties import aanvullingen, secties
from core.versies import Conflict

from . import services
from .access import get_cluster_for_user, get_team_for_user, mag_team_bewerken
from .filters import teamfilter
from .forms import ClusterBewerkenForm, ClusterForm, ContextForm
from .historie import leden_namen
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
    filterset = teamfilter()(request.GET, queryset=teams)
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
    andere = vergelijkbaar(team.pk, alle)
    # What the apps above know of each similar team, asked once for all of them.
    extra = aanvullingen("vergelijkbare teams", request, [t["pk"] for t in andere], {})
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
            "vergelijkbaar": [{**t, "aanvullingen": extra[t["pk"]]} for t in andere],
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


# --- A team's clusters: its teamchef keeps them ------------------------------------------------


def _clusters_kruimels(team: Basisteam, *verder) -> list:
    url = reverse("teams:clusters", kwargs={"slug": team.slug})
    return team_kruimels(team, (_("Clusters"), url), *verder)


@login_required
@require_safe
def cluster_list(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_team_for_user(request.user, slug, bewerken=True)
    leden = Lidmaatschap.objects.select_related("user").order_by("user__naam", "user__email")
    clusters = team.clusters.prefetch_related(Prefetch("lidmaatschappen", queryset=leden))
    return render(
        request,
        "teams/cluster_list.html",
        {
            "team": team,
            "clusters": clusters.order_by("naam"),
            "zonder_cluster": team.lidmaatschappen.filter(cluster__isnull=True).count(),
            "kruimels": _clusters_kruimels(team),
        },
    )


def _cluster_pagina(request, team, form, cluster=None) -> HttpResponse:
    historie = []
    if cluster is not None:
        historie = cluster.history.select_related("history_user").order_by("-history_id")
    titel = _("Edit cluster") if cluster else _("New cluster")
    return render(
        request,
        "teams/cluster_form.html",
        {
            "team": team,
            "cluster": cluster,
            "form": form,
            "titel": titel,
            "historie": historie,
            "kruimels": _clusters_kruimels(team, (titel, None)),
        },
    )


def _naam_bezet(form) -> None:
    # Saved meanwhile by someone else under the same name (the database's constraint).
    form.add_error("naam", _("The team already has a cluster with this name."))


@login_required
@require_http_methods(["GET", "POST"])
def cluster_nieuw(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_team_for_user(request.user, slug, bewerken=True)
    form = ClusterForm(request.POST or None, team=team)
    if request.method == "POST" and form.is_valid():
        try:
            services.maak_cluster(team, request.user, **form.cleaned_data)
        except IntegrityError:
            _naam_bezet(form)
        else:
            messages.success(request, _("The cluster has been created."))
            return redirect("teams:clusters", slug=team.slug)
    return _cluster_pagina(request, team, form)


@login_required
@require_http_methods(["GET", "POST"])
def cluster_bewerken(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    team, cluster = get_cluster_for_user(request.user, slug, pk)
    initial = {
        "naam": cluster.naam,
        "wijken": cluster.wijken,
        "leden": list(cluster.lidmaatschappen.values_list("pk", flat=True)),
        "versie": cluster.versie,
    }
    form = ClusterBewerkenForm(request.POST or None, team=team, cluster=cluster, initial=initial)
    if request.method == "POST" and form.is_valid():
        velden = {k: form.cleaned_data[k] for k in ("naam", "wijken", "leden")}
        try:
            services.werk_cluster_bij(
                cluster, form.cleaned_data["versie"], door=request.user, **velden
            )
        except Conflict as conflict:
            meld_conflict(form, conflict)
            form.opgeslagen_leden = leden_namen(conflict.huidig)
        except IntegrityError:
            _naam_bezet(form)
        else:
            messages.success(request, _("The cluster has been saved."))
            return redirect("teams:clusters", slug=team.slug)
    return _cluster_pagina(request, team, form, cluster)
