"""Gesprekken in the admin, for beheerders. Answers are recorded in the portal, where their
history is kept, so the admin shows them read-only; the histories are records and cannot be
changed at all. An afspraak changed here gets its line in the history like anywhere else."""

from django.contrib import admin

from .models import Afspraak, AfspraakWijziging, Antwoord, AntwoordVersie, Gesprek
from .services import log_afspraak


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
class GesprekAdmin(admin.ModelAdmin):
    list_display = ["titel", "basisteam", "datum", "status", "zichtbaarheid", "gespreksleider"]
    list_filter = ["status", "zichtbaarheid", "leidraad", "basisteam__eenheid"]
    list_select_related = ["basisteam", "gespreksleider"]
    search_fields = ["titel", "basisteam__naam", "deelnemers", "samenvatting"]
    date_hierarchy = "datum"
    autocomplete_fields = ["basisteam", "gespreksleider"]
    filter_horizontal = ["opgaven"]
    readonly_fields = ["leidraad", "versie", "aangemaakt_door", "aangemaakt_op", "bijgewerkt_op"]
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

    def save_model(self, request, obj, form, change):
        # An admin edit is a new version too: a teamchef editing at the same time gets a
        # conflict instead of overwriting it.
        if change:
            obj.versie += 1
        super().save_model(request, obj, form, change)


@admin.register(Antwoord)
class AntwoordAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["vraag_tekst", "gesprek", "bijgewerkt_door", "bijgewerkt_op"]
    list_select_related = ["gesprek", "bijgewerkt_door"]
    search_fields = ["vraag_tekst", "tekst", "gesprek__titel"]


@admin.register(AntwoordVersie)
class AntwoordVersieAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["antwoord", "door", "op", "vervangen_door", "vervangen_op"]
    list_select_related = ["antwoord", "door", "vervangen_door"]
    search_fields = ["tekst", "antwoord__vraag_tekst"]


@admin.register(Afspraak)
class AfspraakAdmin(admin.ModelAdmin):
    list_display = ["omschrijving", "basisteam", "eigenaar", "streefdatum", "status"]
    list_filter = ["status", "opgave", "basisteam__eenheid"]
    list_select_related = ["basisteam"]
    search_fields = ["omschrijving", "eigenaar", "basisteam__naam", "gesprek__titel"]
    fields = ["gesprek", "omschrijving", "opgave", "eigenaar", "streefdatum", "status"]
    readonly_fields = ["gesprek"]

    def has_add_permission(self, request) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        obj.versie += 1
        obj.bijgewerkt_door = request.user
        super().save_model(request, obj, form, change)
        log_afspraak(obj, AfspraakWijziging.Actie.GEWIJZIGD, request.user, None)


@admin.register(AfspraakWijziging)
class AfspraakWijzigingAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["op", "afspraak", "actie", "status", "door"]
    list_filter = ["actie", "status"]
    list_select_related = ["afspraak", "door"]
    search_fields = ["omschrijving", "eigenaar"]
