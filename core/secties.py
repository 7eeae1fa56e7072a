"""Sections that apps higher up contribute to a page of an app lower down.

The team profile belongs to `teams`, yet shows the team agenda (opgaven) and the team's
gesprekken (gesprekken). Rather than teams reaching up, each upper app registers its section
in its `AppConfig.ready()`; the page renders whatever is registered, in registration (that is
INSTALLED_APPS) order. Dependencies keep pointing down.

An *aanvulling* is the same for a list on such a page: what an upper app adds to each of
several objects at once (the agenda and voorbeelden of each similar team on the profile). It
gets all of them in one call, so it asks the database once for the whole list, not once per
object.
"""

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString

Sectie = Callable[[HttpRequest, Any, dict], SafeString]
# (request, the keys of the objects, what the page knows) → key: rendered addition.
Aanvulling = Callable[[HttpRequest, Sequence[Hashable], dict], dict[Hashable, SafeString]]

_secties: dict[str, list[Sectie]] = defaultdict(list)
_aanvullingen: dict[str, list[Aanvulling]] = defaultdict(list)


def registreer_sectie(pagina: str, sectie: Sectie) -> None:
    if sectie not in _secties[pagina]:
        _secties[pagina].append(sectie)


def secties(pagina: str, request: HttpRequest, obj: Any, context: dict) -> list[SafeString]:
    """The rendered sections of `pagina` about `obj`; `context` is what the page already
    knows (so a section need not ask again)."""
    return [sectie(request, obj, context) for sectie in _secties[pagina]]


def registreer_aanvulling(lijst: str, aanvulling: Aanvulling) -> None:
    if aanvulling not in _aanvullingen[lijst]:
        _aanvullingen[lijst].append(aanvulling)


def aanvullingen(
    lijst: str, request: HttpRequest, sleutels: Sequence[Hashable], context: dict
) -> dict[Hashable, list[SafeString]]:
    """Per key in `sleutels`, the rendered additions of `lijst`, in registration order; a
    key an app has nothing for gets nothing from it."""
    per_sleutel: dict[Hashable, list[SafeString]] = {sleutel: [] for sleutel in sleutels}
    if not sleutels:
        return per_sleutel
    for aanvulling in _aanvullingen[lijst]:
        for sleutel, html in aanvulling(request, sleutels, context).items():
            if sleutel in per_sleutel and html:
                per_sleutel[sleutel].append(html)
    return per_sleutel
