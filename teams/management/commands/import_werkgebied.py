from teams.management.importcommando import ImportCommando
from teams.resources import WerkgebiedResource


class Command(ImportCommando):
    resource_class = WerkgebiedResource
