from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .models import Gespreksleidraad, Gespreksvraag, Opgave, Pagina, Soort


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
        {"paginas": Pagina.objects.published(), "kruimels": [(_("About GGP"), None)]},
    )
