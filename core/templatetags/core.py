"""Template helpers shared by every app; loaded as a builtin (see TEMPLATES)."""

from urllib.parse import urlsplit

from django import template
from django.core.exceptions import DisallowedHost
from django.db import models
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString

from core import opmaak as _opmaak

register = template.Library()


@register.filter
def opmaak(tekst: str, kop: int = 3) -> SafeString:
    """An editor's plain text as HTML (see `core.opmaak.opmaak`)."""
    return _opmaak.opmaak(tekst, kop)


@register.filter
def veilig(tekst: str) -> SafeString:
    """A colleague's text as typed, rendered and sanitised at display (see
    `core.opmaak.schoon`): what was stored is never trusted."""
    return _opmaak.schoon(tekst)


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
def als_opgeslagen(obj, naam: str) -> str:
    """A field of a saved object as a reader would say it: the label of a choice, the name
    of a related object, a date in words, the items of a many-to-many field."""
    veld = obj._meta.get_field(naam)
    if veld.many_to_many:
        waarde = ", ".join(str(item) for item in getattr(obj, naam).all())
    elif veld.choices:
        waarde = getattr(obj, f"get_{naam}_display")()
    elif isinstance(veld, models.DateField) and not isinstance(veld, models.DateTimeField):
        waarde = date_format(getattr(obj, naam), "j F Y") if getattr(obj, naam) else ""
    else:
        waarde = getattr(obj, naam)
    return "" if waarde is None else str(waarde)


@register.filter
def vorige_pagina(request) -> str:
    """The page of this site the visitor came from (its Referer), as a way back from an
    error page; empty without a request, from another site, or for the same page."""
    verwijzer = getattr(request, "META", {}).get("HTTP_REFERER", "")
    if not verwijzer:
        return ""
    try:
        host = request.get_host()
    except DisallowedHost:  # the 400 of a request for another host
        return ""
    if not url_has_allowed_host_and_scheme(verwijzer, {host}, require_https=request.is_secure()):
        return ""
    pad = urlsplit(verwijzer)
    terug = pad.path + (f"?{pad.query}" if pad.query else "")
    return "" if terug == request.get_full_path() else terug


@register.filter
def actieve_filters(form, zonder: str = "") -> int:
    """How many fields of a filter form narrow the list: those with a value, except the
    comma-separated names in `zonder` (a sort order narrows nothing)."""
    weg = set(zonder.split(","))
    return sum(
        1
        for veld in form.visible_fields()
        if veld.name not in weg and veld.data not in (None, "", [], False)
    )
