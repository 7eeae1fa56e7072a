"""The landelijk beeld's page and its downloads: read the filters, fetch the figures."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from gesprekken.verslag import export_response

from . import cijfers, grafieken
from .filters import LandelijkFilterForm
from .tabellen import tabellen


def _filters(request: HttpRequest) -> tuple[LandelijkFilterForm, cijfers.Beeld | None]:
    """The filter form and, when it is valid, the figures it selects."""
    vandaag = timezone.localdate()
    eenheden = cijfers.eenheden()
    form = LandelijkFilterForm(
        request.GET, eenheden=[(e.slug, e.naam) for e in eenheden], vandaag=vandaag
    )
    if not form.is_valid():
        return form, None
    gekozen = next((e for e in eenheden if e.slug == form.cleaned_data["eenheid"]), None)
    return form, cijfers.beeld(gekozen, form.actieve_periode(), eenheden, vandaag)


@login_required
@require_safe
def landelijk_beeld(request: HttpRequest) -> HttpResponse:
    form, beeld = _filters(request)
    context = {"form": form, "beeld": beeld, "querystring": request.GET.urlencode()}
    if beeld is not None:
        context |= {
            "tabellen": tabellen(beeld),
            "fasen": grafieken.fasen_staven(beeld),
            "warmtekaart": grafieken.warmtekaart(beeld),
            "trend": grafieken.trendlijn(beeld),
        }
    return render(request, "podium/landelijk_beeld.html", context)


@login_required
@require_safe
def landelijk_beeld_export(request: HttpRequest, tabel: str, formaat: str) -> HttpResponse:
    """One table of the page, with the page's filters, as CSV or XLSX: the same rows."""
    _form, beeld = _filters(request)
    if beeld is None:
        raise BadRequest(_("These filters cannot be used."))
    gekozen = tabellen(beeld).get(tabel)
    if gekozen is None:
        raise Http404
    return export_response(
        formaat, f"landelijk-beeld-{tabel}", gekozen.titel, gekozen.kop, gekozen.rijen
    )
