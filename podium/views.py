from django.core.cache import cache
from django.db import connection
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from opgaven.models import AgendaPunt, Opgave, Soort
from teams.models import Basisteam


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    opgaven = list(Opgave.objects.only("nummer", "soort", "titel", "slug", "samenvatting"))
    # A member sees their own team first: its figures and what it works on.
    mijn_teams = (
        Basisteam.objects.van_lid(request.user)
        .met_kengetallen()
        .select_related("eenheid")
        .prefetch_related(
            Prefetch(
                "agendapunten",
                queryset=AgendaPunt.objects.select_related("opgave", "aandachtspunt"),
            )
        )
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "podium/home.html",
        {
            "externe_opgaven": [o for o in opgaven if o.soort == Soort.EXTERN],
            "interne_opgaven": [o for o in opgaven if o.soort == Soort.INTERN],
            "mijn_teams": mijn_teams,
        },
    )


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """For the load balancer: is the database reachable, and the cache?"""
    checks = {}
    try:
        connection.ensure_connection()
        checks["database"] = "ok"
    except Exception:
        checks["database"] = "error"
    try:
        cache.set("podium:health", "ok", 5)
        checks["cache"] = "ok" if cache.get("podium:health") == "ok" else "error"
    except Exception:
        checks["cache"] = "error"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )
