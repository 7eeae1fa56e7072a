from teams.management.importcommando import ImportCommando
from teams.resources import GemeenteResource


class Command(ImportCommando):
    resource_class = GemeenteResource
