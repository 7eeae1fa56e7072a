"""Gesprekken in the admin, for beheerders. A gesprek and an afspraak are edited through
`core.admin.VersieAdmin`: the same version check as the pages, and a history row with who
and why. Answers are recorded in the portal, so the admin shows them, and their history,
read-only; no history can be changed here."""

from django.contrib import admin

from core.admin import HistorieAdmin, VersieAdmin

from .models import Afspraak, Antwoord, Gesprek


class AlleenLezen:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class AntwoordInline(AlleenLezen, admin.TabularInline):
    model = Antwoord
    fields = ["volgorde", "vraag_tekst", "tekst", "bijgewerkt_door", "bijgewerkt_op"]
    readonly_fields = fields
    extra = 0
    show_change_link = True


class AfspraakInline(AlleenLezen, admin.TabularInline):
    model = Afspraak
    fields = ["omschrijving", "eigenaar", "streefdatum", "status"]
    readonly_fields = fields
    extra = 0
    show_change_link = True


@admin.register(Gesprek)
class GesprekAdmin(VersieAdmin):
    list_display = ["titel", "basisteam", "datum", "status", "zichtbaarheid", "gespreksleider"]
    list_filter = ["status", "zichtbaarheid", "leidraad", "basisteam__eenheid"]
    list_select_related = ["basisteam", "gespreksleider"]
    search_fields = ["titel", "basisteam__naam", "deelnemers", "samenvatting"]
    date_hierarchy = "datum"
    autocomplete_fields = ["basisteam", "gespreksleider"]
    filter_horizontal = ["opgaven"]
    readonly_fields = [
        "leidraad",
        "versie",
        "aangemaakt_door",
        "aangemaakt_op",
        "bijgewerkt_door",
        "bijgewerkt_op",
    ]
    inlines = [AntwoordInline, AfspraakInline]

    def has_add_permission(self, request) -> bool:
        # A gesprek starts on its team's page, where its questions are laid out.
        return False

    def get_readonly_fields(self, request, obj=None):
        # Its afspraken carry the team too (Afspraak.basisteam), and its answers were given
        # by that team: moving a gesprek to another team would split the record.
        if obj is not None:
            return [*self.readonly_fields, "basisteam"]
        return self.readonly_fields


@admin.register(Antwoord)
class AntwoordAdmin(AlleenLezen, HistorieAdmin):
    list_display = ["vraag_tekst", "gesprek", "bijgewerkt_door", "bijgewerkt_op"]
    list_select_related = ["gesprek", "bijgewerkt_door"]
    search_fields = ["vraag_tekst", "tekst", "gesprek__titel"]


@admin.register(Afspraak)
class AfspraakAdmin(VersieAdmin):
    list_display = ["omschrijving", "basisteam", "eigenaar", "streefdatum", "status"]
    list_filter = ["status", "opgave", "basisteam__eenheid"]
    list_select_related = ["basisteam"]
    search_fields = ["omschrijving", "eigenaar", "basisteam__naam", "gesprek__titel"]
    fields = ["gesprek", "omschrijving", "opgave", "eigenaar", "streefdatum", "status"]
    readonly_fields = ["gesprek"]

    def has_add_permission(self, request) -> bool:
        return False
