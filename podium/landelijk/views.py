"""The landelijk beeld's page and its downloads: read the filters, fetch the figures."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from gesprekken.verslag import export_response

from . import cijfers, grafieken
from .filters import LandelijkFilterForm, Periode
from .tabellen import tabellen


@dataclass(frozen=True)
class Keuze:
    """A valid filter state: its cache key and its canonical query string."""

    sleutel: str
    querystring: str
    eenheid: cijfers.EenheidKeuze | None
    periode: Periode
    eenheden: list[cijfers.EenheidKeuze]

    def beeld(self) -> cijfers.Beeld:
        return cijfers.uit_cache(
            f"{self.sleutel}:cijfers",
            lambda: cijfers.bereken(self.eenheid, self.periode, self.eenheden),
        )


def _filters(request: HttpRequest) -> tuple[LandelijkFilterForm, Keuze | None]:
    vandaag = timezone.localdate()
    eenheden = cijfers.eenheden()
    form = LandelijkFilterForm(
        request.GET, eenheden=[(e.slug, e.naam) for e in eenheden], vandaag=vandaag
    )
    if not form.is_valid():
        return form, None
    gekozen = next((e for e in eenheden if e.slug == form.cleaned_data["eenheid"]), None)
    periode = form.actieve_periode()
    querystring = urlencode({k: v for k, v in form.cleaned_data.items() if v})
    sleutel = cijfers.sleutel(gekozen, periode, vandaag)
    return form, Keuze(sleutel, querystring, gekozen, periode, eenheden)


def _pagina(request: HttpRequest, keuze: Keuze) -> tuple[cijfers.Beeld, str]:
    """The figures and their charts and tables as HTML: drawn once per filter state."""
    beeld = keuze.beeld()
    context = {
        "beeld": beeld,
        "querystring": keuze.querystring,
        "tabellen": tabellen(beeld),
        "fasen": grafieken.fasen_staven(beeld),
        "warmtekaart": grafieken.warmtekaart(beeld),
        "trend": grafieken.trendlijn(beeld),
    }
    return beeld, render_to_string("podium/landelijk_beeld.html#cijfers", context, request)


@login_required
@require_safe
def landelijk_beeld(request: HttpRequest) -> HttpResponse:
    form, keuze = _filters(request)
    beeld = html = None
    if keuze is not None:
        beeld, html = cijfers.uit_cache(
            f"{keuze.sleutel}:pagina:{translation.get_language()}",
            lambda: _pagina(request, keuze),
        )
    context = {"form": form, "beeld": beeld, "cijfers": html}
    return render(request, "podium/landelijk_beeld.html", context)


@login_required
@require_safe
def landelijk_beeld_export(request: HttpRequest, tabel: str, formaat: str) -> HttpResponse:
    """One table of the page, with the page's filters, as CSV or XLSX: the same rows."""
    _form, keuze = _filters(request)
    if keuze is None:
        raise BadRequest(_("These filters cannot be used."))
    gekozen = tabellen(keuze.beeld()).get(tabel)
    if gekozen is None:
        raise Http404
    return export_response(
        formaat, f"landelijk-beeld-{tabel}", gekozen.titel, gekozen.kop, gekozen.rijen
    )
