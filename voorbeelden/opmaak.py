"""The small, safe subset of formatting voorbeelden may carry: paragraphs, lists, links and
emphasis. Everything else (scripts, event handlers, javascript: links, styles) is removed
on save, and once more on display."""

import re

import nh3

from podium.templatetags.podium import opmaak

TAGS = {"p", "br", "ul", "ol", "li", "a", "strong", "em", "b", "i"}
ATTRIBUTEN = {"a": {"href", "title"}}
SCHEMAS = {"http", "https", "mailto"}

_HTML = re.compile(r"<\s*/?\s*[a-zA-Z]")


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
