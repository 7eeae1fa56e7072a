"""Template helpers of the gesprekken pages."""

import json

from django import template

from ..concept import haal_opgeslagen

register = template.Library()


@register.filter
def lijst(waarde) -> list:
    """One value as a list, for includes that take a list of forms."""
    return [waarde]


@register.filter
def met_fouten(formulieren) -> list:
    return [form for form in formulieren if form.errors]


@register.simple_tag(takes_context=True)
def opgeslagen_concepten(context) -> str:
    """For concept.js: the forms saved since it last ran, as JSON (see `concept.py`)."""
    request = context.get("request")
    return json.dumps(haal_opgeslagen(request) if request is not None else [])
