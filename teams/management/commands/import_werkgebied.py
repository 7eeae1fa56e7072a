from django.utils.translation import gettext_lazy as _

from teams.management.importcommando import ImportCommando
from teams.resources import WerkgebiedResource


class Command(ImportCommando):
    help = _(
        "Import working areas from a CSV or XLSX file: the working area of every basisteam in "
        "the file becomes exactly what the file says. One error and nothing is saved."
    )
    resource_class = WerkgebiedResource
