"""Which e-mails a colleague gets: the setting on the account pages, and the signed link in
such an e-mail that turns it off without logging in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services
from .forms import MeldingenForm


@login_required
@require_http_methods(["GET", "POST"])
def meldingen(request: HttpRequest) -> HttpResponse:
    form = MeldingenForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.zet_mail_over_vragen(request.user, form.cleaned_data["mail_over_vragen"])
        messages.success(request, _("Your e-mail settings have been saved."))
        return redirect("meldingen")
    return render(request, "account/meldingen.html", {"form": form})


# The signed token is what authorises this, not a session: a mail client's one-click
# unsubscribe (RFC 8058) posts it without a CSRF token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def afmelden(request: HttpRequest, token: str) -> HttpResponse:
    """A GET asks to confirm (a link checker that opens every link in an e-mail must not
    unsubscribe anyone); a POST, from that page or from the mail client, turns it off."""
    user = services.user_van_afmeldtoken(token)
    if user is None:
        raise Http404
    if request.method == "POST":
        services.zet_mail_over_vragen(user, False)
    return render(
        request, "account/afmelden.html", {"afgemeld": request.method == "POST", "token": token}
    )
