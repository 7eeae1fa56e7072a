"""What the gesprekken views share: breadcrumbs, the lists a form chooses from, what was
typed in a form that could not be saved, and the shape of a form's view on the gesprek
page."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from opgaven.models import Opgave
from teams.kruimels import team_kruimels
from teams.models import Basisteam, User

from ..models import Gesprek

PER_PAGINA = 25
SUGGESTIES = "eigenaar-suggesties"  # id of the datalist of team members


def gesprekken_kruimels(team: Basisteam, *verder) -> list:
    url = reverse("teamgesprekken:list", kwargs={"slug": team.slug})
    return team_kruimels(team, (_("Gesprekken"), url), *verder)


def gesprek_kruimels(gesprek: Gesprek, *verder) -> list:
    return gesprekken_kruimels(
        gesprek.basisteam, (gesprek.titel, gesprek.get_absolute_url()), *verder
    )


def afspraken_kruimels(team: Basisteam, *verder) -> list:
    url = reverse("teamgesprekken:afspraken", kwargs={"slug": team.slug})
    return team_kruimels(team, (_("Afspraken"), url), *verder)


def leden(team_id: int) -> list[User]:
    return list(
        User.objects.filter(lidmaatschappen__basisteam_id=team_id).order_by("naam", "email")
    )


def opgaven() -> list[Opgave]:
    return list(Opgave.objects.only("pk", "nummer", "titel"))


def als_tekst(veld) -> str:
    """What was typed in a bound field, as text; a choice shows its label."""
    waarde = veld.value()
    keuzes = getattr(veld.field, "choices", None)
    if keuzes is not None:
        waarde = {str(k): label for k, label in keuzes}.get(str(waarde or ""), waarde)
    return "" if waarde is None else str(waarde)


def getypt(form) -> list[tuple[str, str]]:
    """What was typed in a bound form, as (label, text) for every field that is not empty.
    For showing, read-only, what could not be saved."""
    return [
        (veld.label, als_tekst(veld))
        for veld in form.visible_fields()
        if veld.value() not in (None, "")
    ]


def alleen_post(view: Callable) -> Callable:
    """A form's view of the gesprek page takes a POST. A GET (a bookmark of the page drawn
    there after an error, a login's `next`) goes to the gesprek page."""

    @login_required
    @wraps(view)
    def alleen(request: HttpRequest, pk: int, *args, **kwargs) -> HttpResponse:
        if request.method in ("GET", "HEAD"):
            return redirect("gesprekken:detail", pk=pk)
        if request.method != "POST":
            return HttpResponseNotAllowed(["GET", "POST"])
        return view(request, pk, *args, **kwargs)

    return alleen
