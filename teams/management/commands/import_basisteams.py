from django.utils.translation import gettext_lazy as _

from teams.management.importcommando import ImportCommando
from teams.resources import BasisteamResource


class Command(ImportCommando):
    help = _(
        "Import basisteams from a CSV or XLSX file: new codes are added, known ones updated. "
        "One error and nothing is saved."
    )
    resource_class = BasisteamResource
