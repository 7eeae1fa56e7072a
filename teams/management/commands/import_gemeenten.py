from django.utils.translation import gettext_lazy as _

from teams.management.importcommando import ImportCommando
from teams.resources import GemeenteResource


class Command(ImportCommando):
    help = _(
        "Import municipalities from a CSV or XLSX file: new CBS codes are added, known ones "
        "updated. One error and nothing is saved."
    )
    resource_class = GemeenteResource
