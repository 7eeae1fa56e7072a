from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoorbeeldenConfig(AppConfig):
    """The library of local examples; its models arrive with the voorbeelden issue."""

    name = "voorbeelden"
    verbose_name = _("Voorbeelden")
