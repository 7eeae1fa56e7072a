"""One gesprek: its page, its details and its status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from core.forms import meld_conflict
from core.versies import Conflict

from .. import services
from ..access import Recht, get_gesprek_for_user
from ..concept import meld_opgeslagen
from ..forms import GesprekBewerkenForm
from ..models import Gesprek
from .gedeeld import alleen_post, gesprek_kruimels, leden
from .pagina import STATUS, gesprek_status_form, toon_gesprek

AFGEROND_MELDING = gettext_lazy(
    "This gesprek was completed meanwhile, so nothing was saved. What you typed is still "
    "below: copy what you want to keep. To change the gesprek, the teamchef reopens it first."
)


@login_required
@require_safe
def gesprek_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The page only shows; each of its forms posts to its own view (`vastleggen.py`)."""
    return toon_gesprek(request, get_gesprek_for_user(request.user, pk))


def _bewerkform(gesprek: Gesprek, data=None) -> GesprekBewerkenForm:
    initial = {
        "titel": gesprek.titel,
        "datum": gesprek.datum,
        "opgaven": list(gesprek.opgaven.all()),
        "gespreksleider": gesprek.gespreksleider_id,
        "deelnemers": gesprek.deelnemers,
        "zichtbaarheid": gesprek.zichtbaarheid,
        "samenvatting": gesprek.samenvatting,
        "versie": gesprek.versie,
    }
    return GesprekBewerkenForm(data, leden=leden(gesprek.basisteam_id), initial=initial)


@login_required
@require_http_methods(["GET", "POST"])
def gesprek_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = get_gesprek_for_user(request.user, pk, recht=Recht.BEHEREN)
    if gesprek.is_afgerond and request.method != "POST":
        messages.error(request, _("This gesprek is completed. Reopen it to change it."))
        return redirect(gesprek)
    form = _bewerkform(gesprek, request.POST or None)
    # Completed while this teamchef was typing: the form is shown again with what they
    # typed, never thrown away, but it cannot be saved until the gesprek is reopened.
    afgerond = request.method == "POST" and gesprek.is_afgerond
    if request.method == "POST" and not afgerond and form.is_valid():
        velden = {k: v for k, v in form.cleaned_data.items() if k in services.GESPREK_VELDEN}
        try:
            services.werk_gesprek_bij(
                gesprek,
                form.cleaned_data["versie"],
                velden,
                form.cleaned_data["opgaven"],
                door=request.user,
            )
        except services.GesprekAfgerond:
            afgerond = True
        except Conflict as conflict:
            meld_conflict(form, conflict)
        else:
            meld_opgeslagen(request, "gesprek")
            messages.success(request, _("The gesprek has been saved."))
            return redirect(gesprek)
    if afgerond:
        form.add_error(None, AFGEROND_MELDING)
    return render(
        request,
        "gesprekken/gesprek_form.html",
        {
            "team": gesprek.basisteam,
            "gesprek": gesprek,
            "form": form,
            "afgerond": afgerond,
            "titel": _("Edit gesprek"),
            "annuleren": gesprek.get_absolute_url(),
            "kruimels": gesprek_kruimels(gesprek, (_("Edit"), None)),
        },
    )


@alleen_post
def gesprek_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The teamchef moves the gesprek on, or back to reopen it."""
    gesprek = get_gesprek_for_user(request.user, pk, recht=Recht.BEHEREN)
    form = gesprek_status_form(gesprek, request.POST)
    if form.is_valid():
        try:
            services.zet_status(
                gesprek,
                form.cleaned_data["naar"],
                heropenen=True,
                door=request.user,
                versie=form.cleaned_data["versie"],
            )
        except services.OngeldigeOvergang:
            form.add_error("naar", _("This gesprek cannot move to that status."))
        except Conflict as conflict:
            meld_conflict(form, conflict)
        else:
            messages.success(
                request,
                _("The gesprek is now “%(status)s”.") % {"status": gesprek.get_status_display()},
            )
            return redirect(gesprek)
    return toon_gesprek(request, gesprek, gebonden={STATUS: form})
