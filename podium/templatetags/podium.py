"""Template helpers shared by every app; loaded as a builtin (see TEMPLATES)."""

from django import template
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _blok(regels: list[str], kop: int) -> str:
    """One block of lines: a sub-heading, a paragraph and a list, in the order written."""
    html: list[str] = []
    tekst: list[str] = []
    items: list[str] = []

    def sluit() -> None:
        if tekst:
            html.append(f"<p>{escape(' '.join(tekst))}</p>")
            tekst.clear()
        if items:
            html.append(f"<ul>{format_html_join('', '<li>{}</li>', ((i,) for i in items))}</ul>")
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


@register.filter
def opmaak(tekst: str, kop: int = 3) -> SafeString:
    """Render an editor's plain text: blank lines separate paragraphs, “- ” starts a list
    item, “### ” a sub-heading at level `kop` (the page decides what fits its outline).
    Everything is escaped; editors never write HTML."""
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


@register.inclusion_tag("includes/field.html")
def field(bound_field):
    """Render one form field the same way everywhere: label, hint and errors, tied to the
    input by the ids Django's aria-describedby points at."""
    return {"field": bound_field}


@register.filter
def attr(obj, naam: str):
    """A field value by name, for templates that loop over a list of field names."""
    return getattr(obj, naam)


@register.filter
def verbose_name(obj, naam: str) -> str:
    return obj._meta.get_field(naam).verbose_name


@register.filter
def veilig(html: str) -> SafeString:
    """Sanitised HTML, once more at display: what was stored is never trusted blindly."""
    from voorbeelden.opmaak import schoon

    return mark_safe(schoon(html))  # noqa: S308 (nh3 removed everything unsafe)
