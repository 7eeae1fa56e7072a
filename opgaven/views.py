from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from teams.access import get_team_for_user

from .forms import AgendaToevoegenForm, AgendaWijzigenForm
from .models import AgendaPunt, Gespreksleidraad, Gespreksvraag, Opgave, Pagina, Soort
from .services import haal_van_agenda, wijzig_agendapunt, zet_op_agenda


def _leidraden_met_vragen():
    return Gespreksleidraad.objects.prefetch_related(
        Prefetch("vragen", queryset=Gespreksvraag.objects.actief(), to_attr="actieve_vragen")
    )


@require_safe
def opgave_list(request: HttpRequest) -> HttpResponse:
    opgaven = list(Opgave.objects.prefetch_related("aandachtspunten"))
    return render(
        request,
        "opgaven/opgave_list.html",
        {
            "kruimels": [(_("The eight opgaven"), None)],
            "groepen": [
                (Soort.EXTERN, [o for o in opgaven if o.soort == Soort.EXTERN]),
                (Soort.INTERN, [o for o in opgaven if o.soort == Soort.INTERN]),
            ],
        },
    )


@require_safe
def opgave_detail(request: HttpRequest, slug: str) -> HttpResponse:
    opgave = get_object_or_404(Opgave, slug=slug)
    buren = Opgave.objects.only("nummer", "titel", "slug")
    return render(
        request,
        "opgaven/opgave_detail.html",
        {
            "opgave": opgave,
            "kruimels": [(_("The eight opgaven"), reverse("opgaven:list")), (opgave.titel, None)],
            "aandachtspunten": opgave.aandachtspunten.all(),
            # Through the reverse relation's manager: opgaven does not import the voorbeelden
            # app, and what “published” means stays with it.
            "voorbeelden": opgave.voorbeelden.gepubliceerd().order_by(
                "-gepubliceerd_op", "titel"
            )[:10],
            "leidraden": _leidraden_met_vragen().filter(opgaven=opgave),
            "vorige": buren.filter(nummer__lt=opgave.nummer).order_by("-nummer").first(),
            "volgende": buren.filter(nummer__gt=opgave.nummer).order_by("nummer").first(),
        },
    )


@require_safe
def over_ggp(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "opgaven/over_ggp.html",
        {"paginas": Pagina.objects.gepubliceerd(), "kruimels": [(_("About GGP"), None)]},
    )


def _agendapunt_form(punt: AgendaPunt, data=None) -> AgendaWijzigenForm:
    return AgendaWijzigenForm(
        data,
        prefix=f"punt-{punt.pk}",
        initial={
            "punt": punt.pk,
            "gezien": punt.bijgewerkt_op,
            "fase": punt.fase,
            "notitie": punt.notitie,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def teamagenda(request: HttpRequest, slug: str) -> HttpResponse:
    """The teamchef's page to choose what the team works on, at what stage, and how."""
    team = get_team_for_user(request.user, slug, bewerken=True)
    opgaven = list(Opgave.objects.prefetch_related("aandachtspunten"))
    punten = {p.pk: p for p in team.agendapunten.select_related("opgave", "aandachtspunt")}
    toevoegen = AgendaToevoegenForm(team=team, opgaven=opgaven)
    formulieren = {pk: _agendapunt_form(punt) for pk, punt in punten.items()}

    if request.method == "POST":
        actie, _sep, pk_tekst = request.POST.get("actie", "").partition("-")
        punt = punten.get(int(pk_tekst)) if pk_tekst.isdigit() else None
        if actie == "toevoegen":
            toevoegen = AgendaToevoegenForm(request.POST, team=team, opgaven=opgaven)
            if toevoegen.is_valid():
                opgave, aandachtspunt = toevoegen.cleaned_data["onderwerp"]
                zet_op_agenda(
                    team,
                    request.user,
                    opgave,
                    aandachtspunt,
                    toevoegen.cleaned_data["fase"],
                    toevoegen.cleaned_data["notitie"],
                )
                messages.success(request, _("Added to the team agenda."))
                return redirect("agenda:bewerken", slug=team.slug)
        elif actie in {"wijzigen", "verwijderen"} and punt is None:
            messages.error(request, _("That agenda item no longer exists; nothing was changed."))
            return redirect("agenda:bewerken", slug=team.slug)
        elif actie == "verwijderen":
            haal_van_agenda(punt, request.user)
            messages.success(request, _("Removed from the team agenda."))
            return redirect("agenda:bewerken", slug=team.slug)
        elif actie == "wijzigen":
            form = _agendapunt_form(punt, request.POST)
            formulieren[punt.pk] = form
            if form.is_valid():
                if form.cleaned_data["gezien"] != punt.bijgewerkt_op:
                    form.add_error(
                        None,
                        _(
                            "Someone else changed this item while you were editing it: now "
                            "“%(fase)s”, “%(notitie)s”. Your choice is kept below; save again "
                            "to replace it."
                        )
                        % {"fase": punt.get_fase_display(), "notitie": punt.notitie},
                    )
                    # The next save knowingly replaces the newer version.
                    data = request.POST.copy()
                    data[form.add_prefix("gezien")] = punt.bijgewerkt_op.isoformat()
                    form.data = data
                else:
                    wijzig_agendapunt(
                        punt, request.user, form.cleaned_data["fase"], form.cleaned_data["notitie"]
                    )
                    messages.success(request, _("The agenda item has been saved."))
                    return redirect("agenda:bewerken", slug=team.slug)

    return render(
        request,
        "opgaven/teamagenda.html",
        {
            "team": team,
            "regels": [(punt, formulieren[pk]) for pk, punt in punten.items()],
            "toevoegen": toevoegen,
            "historie": team.agendawijzigingen.select_related("door")[:50],
            "kruimels": [
                (_("Basisteams"), reverse("teams:list")),
                (team.naam, team.get_absolute_url()),
                (_("Team agenda"), None),
            ],
        },
    )
