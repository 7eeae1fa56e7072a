from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoorbeeldenConfig(AppConfig):
    """The library of local examples; its models arrive with the voorbeelden issue."""

    name = "voorbeelden"
    verbose_name = _("Voorbeelden")

    def ready(self) -> None:
        from . import signals  # noqa: F401 (connects the receivers)
