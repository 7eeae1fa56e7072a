"""The thread under a voorbeeld: asking a question, replying to one, and the redactie
hiding a message. Each form posts to its own view, which validates, calls one service and
goes back to its place on the page; on an error the page is drawn again with that form as
it was posted (`pagina.toon_voorbeeld`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .access import get_bericht_for_user, get_voorbeeld_for_user
from .forms import BerichtForm, ReactieForm, VerbergForm
from .pagina import VRAAG, reactie_prefix, toon_voorbeeld, verberg_prefix

# Per colleague and hour: the contact person should not be flooded with e-mail, and a
# thread not with replies (a contact person answering a busy week stays well under it).
VRAGEN_PER_UUR = 5
REACTIES_PER_UUR = 30


def _te_veel(user, soort: str, maximum: int) -> bool:
    sleutel = f"podium:{soort}:{user.pk}"
    cache.add(sleutel, 0, timeout=3600)
    return cache.incr(sleutel) > maximum


@login_required
@require_http_methods(["GET", "POST"])
def voorbeeld_vraag(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask a question under the voorbeeld. The old page of this address (a private
    e-mail) is now the thread on the voorbeeld's page: a GET goes there."""
    if request.method != "POST":
        voorbeeld = get_voorbeeld_for_user(request.user, slug)
        return redirect(f"{voorbeeld.get_absolute_url()}#vragen")
    voorbeeld = get_voorbeeld_for_user(request.user, slug, vragen=True)
    form = BerichtForm(request.POST, prefix=VRAAG)
    if form.is_valid() and _te_veel(request.user, "vraag", VRAGEN_PER_UUR):
        form.add_error(
            None,
            _("You have asked %(n)d questions in the past hour; try again later.")
            % {"n": VRAGEN_PER_UUR},
        )
    if not form.is_valid():
        return toon_voorbeeld(request, voorbeeld, {VRAAG: form})
    vraag = services.stel_vraag(voorbeeld, request.user, form.cleaned_data["tekst"])
    # The same words whether or not the contact person turned their e-mail off: that
    # choice is theirs, not something to tell the one who asks.
    messages.success(
        request,
        _(
            "Your question is under the voorbeeld, where the contact person and other "
            "colleagues can answer it."
        ),
    )
    return redirect(vraag.get_absolute_url())


@login_required
@require_POST
def vraag_reageren(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    voorbeeld = get_voorbeeld_for_user(request.user, slug, vragen=True)
    vraag = get_bericht_for_user(request.user, voorbeeld, pk, vraag=True)
    prefix = reactie_prefix(vraag.pk)
    form = ReactieForm(request.POST, prefix=prefix)
    if form.is_valid() and _te_veel(request.user, "reactie", REACTIES_PER_UUR):
        form.add_error(
            None,
            _("You have posted %(n)d replies in the past hour; try again later.")
            % {"n": REACTIES_PER_UUR},
        )
    if not form.is_valid():
        return toon_voorbeeld(request, voorbeeld, {prefix: form})
    reactie = services.reageer(vraag, request.user, form.cleaned_data["tekst"])
    messages.success(request, _("Your reply has been posted."))
    return redirect(reactie.get_absolute_url())


@login_required
@require_POST
def bericht_verbergen(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The redactie hides a message from colleagues, with a reason kept in its history."""
    voorbeeld = get_voorbeeld_for_user(request.user, slug)
    bericht = get_bericht_for_user(request.user, voorbeeld, pk, verbergen=True)
    prefix = verberg_prefix(bericht.pk)
    form = VerbergForm(request.POST, prefix=prefix)
    if not form.is_valid():
        return toon_voorbeeld(request, voorbeeld, {prefix: form})
    if services.verberg(bericht, request.user, form.cleaned_data["reden"]):
        messages.success(request, _("The message is hidden from colleagues."))
    return redirect(bericht.get_absolute_url())
