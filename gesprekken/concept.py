"""The server's half of concept.js, which keeps what is typed in a gesprek form in the
browser until the server has it. After a successful save the view names the form here; the
next page that loads concept.js tells it to drop its copy of that form. Without this the
browser cannot tell a save that arrived from one that got lost, when the form shows the
same (empty) text afterwards, as the form for a new afspraak does.

A form is named by the page it is on (`<path>:<key>`). The forms of the gesprek page post to
their own addresses, and that page may be drawn again at such an address after an error:
the script is told the page's own path (`data-concept-pagina`), so a copy keeps one name."""

from django.http import HttpRequest

SESSIE_SLEUTEL = "gesprekken:opgeslagen-concepten"
MAX_GEMELD = 20  # a few saves before a page with concept.js is shown again; never more


def meld_opgeslagen(request: HttpRequest, sleutel: str, pagina: str | None = None) -> None:
    """The form `data-concept="<sleutel>"` of `pagina` (by default the page of this
    request) was saved."""
    gemeld = request.session.get(SESSIE_SLEUTEL, [])
    naam = f"{pagina or request.path}:{sleutel}"
    request.session[SESSIE_SLEUTEL] = [*gemeld, naam][-MAX_GEMELD:]


def haal_opgeslagen(request: HttpRequest) -> list[str]:
    """The saved forms (`<path>:<key>`) not yet passed to concept.js, once."""
    return request.session.pop(SESSIE_SLEUTEL, [])
