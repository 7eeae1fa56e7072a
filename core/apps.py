from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom layer: every app may use it, it uses none of them."""

    name = "core"
    verbose_name = _("Core")
