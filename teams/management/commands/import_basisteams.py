from teams.management.importcommando import ImportCommando
from teams.resources import BasisteamResource


class Command(ImportCommando):
    resource_class = BasisteamResource
