"""Text as editors and colleagues type it, turned into safe HTML when it is shown.

What people type is stored as they typed it, and rendered at display:
- plain text that editors fill in (opgave texts, pagina's): `opmaak` renders it, escaping
  everything; a blank line starts a paragraph, “- ” a list item, “### ” a sub-heading,
  “[tekst](https://…)” a link;
- text colleagues submit (voorbeelden) follows the same convention and may carry links and
  emphasis as a small safe subset of HTML: `schoon` renders it, sanitised with nh3.

`als_getypt` turns HTML that an earlier version stored back into that typed form.
"""

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser

import nh3
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

TAGS = {"p", "br", "ul", "ol", "li", "a", "strong", "em", "b", "i"}
# Inside a paragraph or list item of typed text: links and emphasis only.
INLINE_TAGS = {"a", "strong", "em", "b", "i", "br"}
ATTRIBUTEN = {"a": {"href", "title"}}
SCHEMAS = {"http", "https", "mailto"}
REL = "noopener noreferrer nofollow"

# Paragraph or list markup: HTML stored before texts were kept as typed (or put there by
# hand) is sanitised as HTML, so it still shows as it did.
_BLOK_HTML = re.compile(r"<\s*/?\s*(p|ul|ol|li)\b", re.IGNORECASE)


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


def _blok(regels: list[str], kop: int, inline: Callable[[str], str]) -> str:
    """One block of lines: a sub-heading, a paragraph and a list, in the order written."""
    html_: list[str] = []
    tekst: list[str] = []
    items: list[str] = []

    def sluit() -> None:
        if tekst:
            html_.append(f"<p>{inline(' '.join(tekst))}</p>")
            tekst.clear()
        if items:
            html_.append("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for regel in regels:
        if regel.startswith("### "):
            sluit()
            html_.append(f"<h{kop}>{inline(regel[4:].strip())}</h{kop}>")
        elif regel.startswith("- "):
            if tekst:
                sluit()
            items.append(regel[2:].strip())
        else:
            if items:
                sluit()
            tekst.append(regel)
    sluit()
    return "\n".join(html_)


def _blokken(tekst: str) -> list[list[str]]:
    """The typed text's blocks (separated by blank lines), each a list of its lines."""
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
    return blokken


def _render(tekst: str, kop: int, inline: Callable[[str], str]) -> str:
    return "\n".join(_blok(blok, kop, inline) for blok in _blokken(tekst))


def opmaak(tekst: str, kop: int = 3) -> SafeString:
    """Render an editor's plain text: blank lines separate paragraphs, “- ” starts a list
    item, “### ” a sub-heading at level `kop` (the page decides what fits its outline),
    “[tekst](https://…)” a link. Everything is escaped; editors never write HTML."""
    return mark_safe(_render(tekst, kop, _regel))  # noqa: S308 (escaped above)


def _nh3(html_: str, tags: set[str]) -> str:
    return nh3.clean(
        html_,
        tags=tags,
        attributes=ATTRIBUTEN,
        url_schemes=SCHEMAS,
        link_rel=REL,
        strip_comments=True,
    ).strip()


def _inline(tekst: str) -> str:
    """Links and emphasis inside a colleague's paragraph: their HTML, or the editors'
    [tekst](https://…), through nh3."""
    met_links = _LINK.sub(lambda link: f'<a href="{escape(link[2])}">{link[1]}</a>', tekst)
    return _nh3(met_links, INLINE_TAGS)


def schoon(tekst: str, kop: int = 3) -> SafeString:
    """Sanitised HTML of what a colleague typed: the portal's convention (blank line:
    paragraph, “- ”: list item) for the blocks, links and emphasis as HTML inside them;
    everything else is removed (script, event handlers, javascript: links never render).
    Text that holds paragraph or list markup is sanitised as HTML to the subset."""
    if not tekst or not tekst.strip():
        return mark_safe("")
    if _BLOK_HTML.search(tekst):
        return mark_safe(_nh3(tekst, TAGS))  # noqa: S308 (nh3 removed everything unsafe)
    return mark_safe(_render(tekst, kop, _inline))  # noqa: S308 (each block through nh3)


def _letterlijk(tekst: str) -> str:
    """`tekst` as it must be typed to read as itself: “&” and “<” escaped only where they
    would otherwise start a character reference or a tag ("R&D" and "a < b" stay)."""
    delen = tekst.split("&")
    uit = delen[0]
    for deel in delen[1:]:
        uit += ("&amp;" if html.unescape("&" + deel) != "&" + deel else "&") + deel
    return re.sub(r"<(?=[A-Za-z/!?])", "&lt;", uit)


class _Getypt(HTMLParser):
    """Reads HTML sanitised to TAGS back into typed text (see `als_getypt`)."""

    INLINE = {"a", "strong", "em", "b", "i"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blokken: list[str] = []
        self.lijst: list[str] = []  # the items of the list being read
        self.buffer: list[str] = []  # the paragraph or item being read
        self.diepte = 0  # nested ul/ol

    def _tekst(self) -> str:
        regels = "".join(self.buffer).split("\n")
        self.buffer = []
        # Only HTML's own whitespace: a no-break space the text holds stays.
        regels = [re.sub(r"[ \t\r\n\f]+", " ", regel).strip(" ") for regel in regels]
        return "\n".join(regel for regel in regels if regel)

    def _sluit_alinea(self) -> None:
        tekst = self._tekst()
        if not tekst:
            return
        if self.diepte:
            self.lijst.append("- " + tekst.replace("\n", " "))
        else:
            self.blokken.append(tekst)

    def _sluit_lijst(self) -> None:
        self._sluit_alinea()
        if self.lijst:
            self.blokken.append("\n".join(self.lijst))
            self.lijst = []

    def _sluit_item_of_lijst(self) -> None:
        # A nested list's items join the outer list: the convention has one level.
        if self.diepte:
            self._sluit_alinea()
        else:
            self._sluit_lijst()

    def handle_starttag(self, tag, attrs) -> None:
        if tag in {"p", "li"}:
            self._sluit_alinea()
        elif tag in {"ul", "ol"}:
            self._sluit_item_of_lijst()
            self.diepte += 1
        elif tag == "br":
            self.buffer.append("\n")
        elif tag in self.INLINE:
            attributen = "".join(
                f' {naam}="{_letterlijk(waarde or "").replace(chr(34), "&quot;")}"'
                for naam, waarde in attrs
                if naam in ATTRIBUTEN.get(tag, ())
            )
            self.buffer.append(f"<{tag}{attributen}>")

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag) -> None:
        if tag in {"p", "li"}:
            self._sluit_alinea()
        elif tag in {"ul", "ol"}:
            self.diepte = max(0, self.diepte - 1)
            self._sluit_item_of_lijst()
        elif tag in self.INLINE:
            self.buffer.append(f"</{tag}>")

    def handle_data(self, data) -> None:
        # HTML's whitespace is one space; a line end is only what <br> made.
        self.buffer.append(_letterlijk(re.sub(r"[ \t\r\n\f]+", " ", data)))

    def resultaat(self) -> str:
        self.close()
        self._sluit_lijst()
        return "\n\n".join(self.blokken)


def als_getypt(html_: str) -> str:
    """The typed form of HTML stored by an earlier version: paragraphs separated by a
    blank line, list items as “- ” lines, links and emphasis kept as HTML. Text without
    paragraph or list markup is already typed and comes back unchanged."""
    if not html_ or not _BLOK_HTML.search(html_):
        return html_
    lezer = _Getypt()
    # What display would remove (scripts, event handlers, javascript: links) goes first.
    lezer.feed(nh3.clean(html_, tags=TAGS, attributes=ATTRIBUTEN, url_schemes=SCHEMAS))
    return lezer.resultaat()
