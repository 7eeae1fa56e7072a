"""The page of the one search, `/zoeken/`; what it finds is decided in `podium.zoeken`."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from . import zoeken as z

PER_PAGINA = 20


class ZoekForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


@login_required
@require_safe
def zoeken(request: HttpRequest) -> HttpResponse:
    """All groups with their first hits, or (`groep=`) one group's hits, page by page."""
    vraag = z.maak_zoekvraag(request.GET.get("q", ""))
    naam = request.GET.get("groep", "")
    context = {
        "zoekvraag": vraag,
        "form": ZoekForm(initial={"q": vraag.tekst}),
        "max_lengte": z.MAX_LENGTE,
        "kruimels": [(_("Search"), None)],
    }
    if naam in z.GROEPEN and z.kan_zoeken(vraag):
        pagina = Paginator(z.gevonden(naam, vraag, request.user), PER_PAGINA).get_page(
            request.GET.get("page")
        )
        context["groep"] = z.Groep(naam, str(z.GROEPEN[naam][0]), totaal=pagina.paginator.count)
        context["groep"].treffers = [z.als_treffer(naam, obj, vraag) for obj in pagina]
        context["pagina"] = pagina
        return render(request, "podium/zoeken.html", context)
    groepen = z.zoek_alles(vraag, request.user)
    totaal = sum(groep.totaal for groep in groepen)
    suggestie = z.suggestie(vraag)
    context.update(
        groepen=[groep for groep in groepen if groep.totaal],
        totaal=totaal,
        suggestie=suggestie,
        suggestie_url=f"{request.path}?{urlencode({'q': suggestie})}" if suggestie else "",
    )
    return render(request, "podium/zoeken.html", context)
