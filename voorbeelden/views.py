from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.forms import meld_conflict
from core.versies import Conflict
from teams.models import Basisteam

from . import services
from .access import InloggenNodig, get_voorbeeld_for_user
from .filters import VoorbeeldFilter
from .forms import ToepassenForm, VoorbeeldForm, herkomst_van
from .models import Voorbeeld
from .pagina import toon_voorbeeld

PER_PAGINA = 20


def _kruimels(*extra):
    return [(_("Voorbeelden"), reverse("voorbeelden:list")), *extra]


@require_safe
def voorbeeld_list(request: HttpRequest) -> HttpResponse:
    voorbeelden = (
        Voorbeeld.objects.gepubliceerd_voor(request.user)
        .met_aantal_toepassingen()
        .select_related("eenheid", "basisteam")
        .prefetch_related("opgaven")
    )
    filterset = VoorbeeldFilter(request.GET, queryset=voorbeelden, request=request)
    pagina = Paginator(filterset.qs, PER_PAGINA).get_page(request.GET.get("page"))
    filterset.tel()
    context = {
        "filter": filterset,
        "pagina": pagina,
        "kruimels": [(_("Voorbeelden"), None)],
    }
    if request.htmx and not request.htmx.history_restore_request:
        # htmx swaps only the results (and the options of the selects, out of band); the
        # URL it pushes is the same shareable filter state, without a choice the refreshed
        # selects dropped. Going back restores the whole page, so a history restore gets
        # all of it.
        response = render(request, "voorbeelden/voorbeeld_list.html#resultaten", context)
        if weg := filterset.ongeldige_keuzes():
            response["HX-Push-Url"] = f"{request.path}?{filterset.querystring(*weg)}"
        return response
    return render(request, "voorbeelden/voorbeeld_list.html", context)


@require_safe
def voorbeeld_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        voorbeeld = get_voorbeeld_for_user(request.user, slug)
    except InloggenNodig:
        return redirect_to_login(request.get_full_path())
    return toon_voorbeeld(request, voorbeeld)


def _unieke_slug(titel: str) -> str:
    basis = slugify(titel)[:180] or "voorbeeld"
    slug, n = basis, 2
    # "nieuw" and "feed" are pages of their own under /voorbeelden/.
    while slug in {"nieuw", "feed"} or Voorbeeld.objects.filter(slug=slug).exists():
        slug, n = f"{basis}-{n}", n + 1
    return slug


def _formulier(
    request: HttpRequest, form: VoorbeeldForm, voorbeeld: Voorbeeld | None = None, titel: str = ""
) -> HttpResponse:
    """The form page: a new voorbeeld, or `voorbeeld` edited, under its `titel` as it read
    before this post."""
    if voorbeeld is None:
        kruimels = _kruimels((_("Share a voorbeeld"), None))
    else:
        kruimels = _kruimels((titel, voorbeeld.get_absolute_url()), (_("Edit"), None))
    context = {"form": form, "voorbeeld": voorbeeld, "titel": titel, "kruimels": kruimels}
    return render(request, "voorbeelden/voorbeeld_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def voorbeeld_nieuw(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = VoorbeeldForm(request.POST)
    else:
        form = VoorbeeldForm(initial=herkomst_van(request.user))
    if request.method == "POST" and form.is_valid():
        voorbeeld = form.save(commit=False)
        voorbeeld.slug = _unieke_slug(voorbeeld.titel)
        indienen = request.POST.get("actie") == "indienen"
        services.maak_aan(
            voorbeeld,
            request.user,
            indienen=indienen,
            koppelingen=form.save_m2m,
            nieuwe_partner=form.getypte_partner(),
        )
        messages.success(
            request,
            _("Thank you! The redactie reviews your voorbeeld before it is published.")
            if indienen
            else _("Saved as a draft. Only you and the redactie can see it."),
        )
        return redirect(voorbeeld)
    return _formulier(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def voorbeeld_bewerken(request: HttpRequest, slug: str) -> HttpResponse:
    voorbeeld = get_voorbeeld_for_user(request.user, slug, bewerken=True)
    titel = voorbeeld.titel
    form = VoorbeeldForm(request.POST or None, instance=voorbeeld)
    if request.method == "POST" and form.is_valid():
        try:
            services.werk_bij(
                form.save(commit=False),
                request.user,
                form.cleaned_data["versie"],
                indienen=request.POST.get("actie") == "indienen",
                koppelingen=form.save_m2m,
                nieuwe_partner=form.getypte_partner(),
            )
        except Conflict as conflict:
            meld_conflict(form, conflict)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(voorbeeld)
    return _formulier(request, form, voorbeeld, titel)


# What “wij passen dit toe” and its undo say: done, and already so.
TOEPASSEN = {
    True: (
        gettext_lazy("Recorded: %(team)s applies this voorbeeld."),
        gettext_lazy("Your basisteam had already recorded this."),
    ),
    False: (
        gettext_lazy("Removed: %(team)s no longer applies this voorbeeld."),
        gettext_lazy("Your basisteam had not recorded this."),
    ),
}


@login_required
@require_POST
def voorbeeld_toepassen(request: HttpRequest, slug: str, toepassen: bool = True) -> HttpResponse:
    """“Wij passen dit toe” for a team of one's own, or (`toepassen=False`) its undo."""
    voorbeeld = get_voorbeeld_for_user(request.user, slug)
    form = ToepassenForm(request.POST, teams=Basisteam.objects.van_lid(request.user))
    if (toepassen and not voorbeeld.is_gepubliceerd) or not form.is_valid():
        messages.error(request, _("Choose one of your own basisteams."))
        return redirect(voorbeeld)
    team = form.cleaned_data["basisteam"]
    if toepassen:
        gedaan = services.pas_toe(voorbeeld, team, request.user)
    else:
        gedaan = services.pas_niet_meer_toe(voorbeeld, team)
    melding, al_zo = TOEPASSEN[toepassen]
    if gedaan:
        messages.success(request, melding % {"team": team})
    else:
        messages.info(request, al_zo)
    return redirect(voorbeeld)


class VoorbeeldenFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Podium: new voorbeelden")
    subtitle = gettext_lazy("Newly published local voorbeelden of community policing.")
    link = reverse_lazy("voorbeelden:list")

    def items(self):
        # Read outside the police, without logging in: only what the redactie opened.
        return Voorbeeld.objects.openbaar().order_by("-gepubliceerd_op")[:20]

    def item_title(self, item: Voorbeeld) -> str:
        return item.titel

    def item_description(self, item: Voorbeeld) -> str:
        return strip_tags(item.samenvatting)

    def item_pubdate(self, item: Voorbeeld):
        return item.gepubliceerd_op

    def item_updateddate(self, item: Voorbeeld):
        return item.bijgewerkt_op
