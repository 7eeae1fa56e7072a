from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# Django 6.1's empty choice of a select (`django.db.models.fields.BLANK_CHOICE_LABEL`, on the
# portal's forms and in the admin's action menu) is not in Django's Dutch catalogue yet.
# Marked here so that ours, which LOCALE_PATHS puts first, carries its Dutch.
LEGE_KEUZE = gettext_noop("- Select an option -")


class CoreConfig(AppConfig):
    """The bottom layer: every app may use it, it uses none of them."""

    name = "core"
    verbose_name = _("Core")
