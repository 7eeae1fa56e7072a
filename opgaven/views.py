from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.forms import VersieForm, meld_conflict
from core.versies import Conflict
from teams.access import get_team_for_user
from teams.kruimels import team_kruimels
from teams.models import Basisteam

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
            "voorbeelden": opgave.voorbeelden.gepubliceerd_voor(request.user).order_by(
                "-gepubliceerd_op", "titel"
            )[:10],
            "leidraden": _leidraden_met_vragen().filter(opgaven=opgave),
            "vorige": buren.filter(nummer__lt=opgave.nummer).order_by("-nummer").first(),
            "volgende": buren.filter(nummer__gt=opgave.nummer).order_by("nummer").first(),
        },
    )


TOOLKIT = "toolkit politiewerk in de wijk"


def _met_toolkit(pagina: Pagina) -> Pagina:
    """The folder names its toolkit without an address; where one is configured, the name
    becomes a link (the editors' [tekst](https://…) syntax, which `opmaak` renders)."""
    if settings.TOOLKIT_URL and TOOLKIT in pagina.tekst:
        pagina.tekst = pagina.tekst.replace(TOOLKIT, f"[{TOOLKIT}]({settings.TOOLKIT_URL})", 1)
    return pagina


@require_safe
def over_ggp(request: HttpRequest) -> HttpResponse:
    paginas = [_met_toolkit(pagina) for pagina in Pagina.objects.gepubliceerd()]
    return render(
        request,
        "opgaven/over_ggp.html",
        {"paginas": paginas, "kruimels": [(_("About GGP"), None)]},
    )


def _agendapunt_form(punt: AgendaPunt, data=None) -> AgendaWijzigenForm:
    return AgendaWijzigenForm(
        data,
        prefix=f"punt-{punt.pk}",
        initial={"versie": punt.versie, "fase": punt.fase, "notitie": punt.notitie},
    )


def _opgaven() -> list[Opgave]:
    return list(Opgave.objects.prefetch_related("aandachtspunten"))


def _historie(team, aantal: int = 50):
    """The team's agenda history, newest first: the rows of all its items, those that are
    gone included, in one query."""
    return AgendaPunt.history.filter(basisteam=team).select_related("history_user")[:aantal]


def _teamagenda(
    request: HttpRequest,
    team,
    *,
    opgaven: list[Opgave] | None = None,
    toevoegen: AgendaToevoegenForm | None = None,
    bewerkt: AgendaWijzigenForm | None = None,
) -> HttpResponse:
    """The agenda page. A POST that did not save draws it again with its form bound (and,
    after a conflict, the item as saved now), so nothing typed is lost."""
    opgaven = _opgaven() if opgaven is None else opgaven
    regels = []
    for punt in team.agendapunten.select_related("opgave", "aandachtspunt"):
        if bewerkt is not None and bewerkt.prefix == f"punt-{punt.pk}":
            regels.append((punt, bewerkt))
        else:
            regels.append((punt, _agendapunt_form(punt)))
    return render(
        request,
        "opgaven/teamagenda.html",
        {
            "team": team,
            "regels": regels,
            "toevoegen": AgendaToevoegenForm(team=team, opgaven=opgaven)
            if toevoegen is None
            else toevoegen,
            "historie": _historie(team),
            "kruimels": team_kruimels(team, (_("Team agenda"), None)),
        },
    )


def _terug(team) -> HttpResponse:
    return redirect("agenda:bewerken", slug=team.slug)


def _agendapunt_view(view: Callable) -> Callable:
    """A view of the form of one agenda item, posted by the team's teamchef: it is called
    with the team and the item. An item that is gone changes nothing: gone before the post
    (or another team's, which is the same to this team), or meanwhile, when the service
    raises `AgendaPunt.DoesNotExist`."""

    @login_required
    @require_POST
    @wraps(view)
    def met_punt(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
        team = get_team_for_user(request.user, slug, bewerken=True)
        try:
            return view(request, team, team.agendapunten.get(pk=pk))
        except AgendaPunt.DoesNotExist:
            messages.error(request, _("That agenda item no longer exists; nothing was changed."))
            return _terug(team)

    return met_punt


@login_required
@require_safe
def teamagenda(request: HttpRequest, slug: str) -> HttpResponse:
    """The teamchef's page to choose what the team works on, at what stage, and how. Each
    of its forms posts to a view of its own, below."""
    return _teamagenda(request, get_team_for_user(request.user, slug, bewerken=True))


@login_required
@require_POST
def agenda_toevoegen(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_team_for_user(request.user, slug, bewerken=True)
    opgaven = _opgaven()
    form = AgendaToevoegenForm(request.POST, team=team, opgaven=opgaven)
    if form.is_valid():
        opgave, aandachtspunt = form.cleaned_data["onderwerp"]
        try:
            zet_op_agenda(
                team,
                request.user,
                opgave,
                aandachtspunt,
                form.cleaned_data["fase"],
                form.cleaned_data["notitie"],
            )
        except IntegrityError:
            # Added by someone else since the form was checked.
            form.add_error("onderwerp", _("This is already on the team agenda."))
        else:
            messages.success(request, _("Added to the team agenda."))
            return _terug(team)
    return _teamagenda(request, team, opgaven=opgaven, toevoegen=form)


@_agendapunt_view
def agenda_wijzigen(request: HttpRequest, team: Basisteam, punt: AgendaPunt) -> HttpResponse:
    form = _agendapunt_form(punt, request.POST)
    if not form.is_valid():
        return _teamagenda(request, team, bewerkt=form)
    try:
        wijzig_agendapunt(
            punt,
            request.user,
            form.cleaned_data["versie"],
            form.cleaned_data["fase"],
            form.cleaned_data["notitie"],
        )
    except Conflict as conflict:
        meld_conflict(form, conflict)
        return _teamagenda(request, team, bewerkt=form)
    messages.success(request, _("The agenda item has been saved."))
    return _terug(team)


@_agendapunt_view
def agenda_verwijderen(request: HttpRequest, team: Basisteam, punt: AgendaPunt) -> HttpResponse:
    """Posted by the item's own form: it carries the version the item was read at."""
    gelezen = VersieForm(request.POST, prefix=f"punt-{punt.pk}")
    try:
        haal_van_agenda(
            punt, request.user, gelezen.cleaned_data["versie"] if gelezen.is_valid() else None
        )
    except Conflict as conflict:
        form = _agendapunt_form(punt, request.POST)
        form.full_clean()
        meld_conflict(form, conflict)
        return _teamagenda(request, team, bewerkt=form)
    messages.success(request, _("Removed from the team agenda."))
    return _terug(team)
