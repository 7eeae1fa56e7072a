"""Tags of the voorbeelden app, for templates above it (the admin's index)."""

from django import template

from ..models import Voorbeeld

register = template.Library()


@register.simple_tag
def aantal_te_beoordelen() -> int:
    """How many voorbeelden wait for the redactie's review."""
    return Voorbeeld.objects.te_beoordelen().count()
