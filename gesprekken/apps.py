from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GesprekkenConfig(AppConfig):
    """Team conversations; its models arrive with the gesprekken issue."""

    name = "gesprekken"
    verbose_name = _("Gesprekken")
