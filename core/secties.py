"""Sections that apps higher up contribute to a page of an app lower down.

The team profile belongs to `teams`, yet shows the team agenda (opgaven) and the team's
gesprekken (gesprekken). Rather than teams reaching up, each upper app registers its section
in its `AppConfig.ready()`; the page renders whatever is registered, in registration (that is
INSTALLED_APPS) order. Dependencies keep pointing down.
"""

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeString

Sectie = Callable[[HttpRequest, Any, dict], SafeString]

_secties: dict[str, list[Sectie]] = defaultdict(list)


def registreer_sectie(pagina: str, sectie: Sectie) -> None:
    if sectie not in _secties[pagina]:
        _secties[pagina].append(sectie)


def secties(pagina: str, request: HttpRequest, obj: Any, context: dict) -> list[SafeString]:
    """The rendered sections of `pagina` about `obj`; `context` is what the page already
    knows (so a section need not ask again)."""
    return [sectie(request, obj, context) for sectie in _secties[pagina]]
