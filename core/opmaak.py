"""Text as editors and colleagues type it, turned into safe HTML.

Two kinds of text exist in Podium:
- plain text that editors fill in (opgave texts, pagina's): `opmaak` renders it, escaping
  everything; a blank line starts a paragraph, “- ” a list item, “### ” a sub-heading,
  “[tekst](https://…)” a link;
- text colleagues submit (voorbeelden), which may carry a small safe subset of HTML:
  `schoon` reduces it to paragraphs, lists, links and emphasis, on save and again on display.
"""

import re

import nh3
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

TAGS = {"p", "br", "ul", "ol", "li", "a", "strong", "em", "b", "i"}
ATTRIBUTEN = {"a": {"href", "title"}}
SCHEMAS = {"http", "https", "mailto"}

_HTML = re.compile(r"<\s*/?\s*[a-zA-Z]")
# [tekst](https://…): a link, to an http(s) address only (no javascript:, no data:).
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(((?i:https?)://[^\s()<>\"']+)\)")


def _regel(tekst: str) -> str:
    """One line of an editor's text, escaped, with its [tekst](https://…) links."""
    delen: list[str] = []
    positie = 0
    for link in _LINK.finditer(tekst):
        delen.append(escape(tekst[positie : link.start()]))
        delen.append(format_html('<a href="{}">{}</a>', link[2], link[1]))
        positie = link.end()
    delen.append(escape(tekst[positie:]))
    return "".join(delen)


def _blok(regels: list[str], kop: int) -> str:
    """One block of lines: a sub-heading, a paragraph and a list, in the order written."""
    html: list[str] = []
    tekst: list[str] = []
    items: list[str] = []

    def sluit() -> None:
        if tekst:
            html.append(f"<p>{_regel(' '.join(tekst))}</p>")
            tekst.clear()
        if items:
            html.append(f"<ul>{''.join(f'<li>{_regel(i)}</li>' for i in items)}</ul>")
            items.clear()

    for regel in regels:
        if regel.startswith("### "):
            sluit()
            html.append(f"<h{kop}>{escape(regel[4:].strip())}</h{kop}>")
        elif regel.startswith("- "):
            if tekst:
                sluit()
            items.append(regel[2:].strip())
        else:
            if items:
                sluit()
            tekst.append(regel)
    sluit()
    return "\n".join(html)


def opmaak(tekst: str, kop: int = 3) -> SafeString:
    """Render an editor's plain text: blank lines separate paragraphs, “- ” starts a list
    item, “### ” a sub-heading at level `kop` (the page decides what fits its outline),
    “[tekst](https://…)” a link. Everything is escaped; editors never write HTML."""
    blokken: list[list[str]] = []
    huidig: list[str] = []
    for ruwe_regel in (tekst or "").splitlines():
        regel = ruwe_regel.strip()
        if not regel:
            if huidig:
                blokken.append(huidig)
            huidig = []
            continue
        # A list item that continues on the next line belongs to the item before it.
        if huidig and huidig[-1].startswith("- ") and not regel.startswith(("- ", "### ")):
            huidig[-1] = f"{huidig[-1]} {regel}"
        else:
            huidig.append(regel)
    if huidig:
        blokken.append(huidig)
    return mark_safe("\n".join(_blok(blok, kop) for blok in blokken))  # noqa: S308 (escaped above)


def schoon(tekst: str) -> str:
    """Sanitised HTML from what a colleague typed: plain text follows the portal's
    convention (blank line: paragraph, “- ”: list item), HTML is reduced to the subset."""
    if not tekst or not tekst.strip():
        return ""
    html = tekst if _HTML.search(tekst) else str(opmaak(tekst))
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTEN,
        url_schemes=SCHEMAS,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()
