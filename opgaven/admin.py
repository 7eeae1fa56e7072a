from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.admin import VersieAdmin

from .models import (
    Aandachtspunt,
    AgendaPunt,
    Gespreksleidraad,
    Gespreksvraag,
    Opgave,
    Pagina,
)


class AandachtspuntInline(admin.StackedInline):
    model = Aandachtspunt
    extra = 1
    fields = ["volgorde", "tekst"]


@admin.register(Opgave)
class OpgaveAdmin(admin.ModelAdmin):
    list_display = ["nummer", "titel", "soort"]
    list_display_links = ["titel"]
    list_filter = ["soort"]
    search_fields = ["titel", "samenvatting", "tekst", "aandachtspunten__tekst"]
    prepopulated_fields = {"slug": ["titel"]}
    inlines = [AandachtspuntInline]
    ordering = ["nummer"]


@admin.register(Aandachtspunt)
class AandachtspuntAdmin(admin.ModelAdmin):
    list_display = ["tekst", "opgave", "volgorde"]
    list_filter = ["opgave"]
    list_select_related = ["opgave"]
    search_fields = ["tekst"]
    ordering = ["opgave__nummer", "volgorde"]


class GespreksvraagInline(admin.StackedInline):
    model = Gespreksvraag
    extra = 1
    fields = ["volgorde", "tekst", "toelichting", "soort", "gearchiveerd"]
    can_delete = False  # archived, never deleted


@admin.register(Gespreksleidraad)
class GespreksleidraadAdmin(admin.ModelAdmin):
    list_display = ["naam", "volgorde"]
    list_filter = ["opgaven__soort", "opgaven"]
    search_fields = ["naam", "vragen__tekst"]
    prepopulated_fields = {"slug": ["naam"]}
    filter_horizontal = ["opgaven"]
    inlines = [GespreksvraagInline]

    def has_delete_permission(self, request, obj=None) -> bool:
        # A guide holds questions, and questions are never deleted.
        return False


ARCHIVERING = {
    True: ngettext_lazy("%(count)d question archived.", "%(count)d questions archived.", "count"),
    False: ngettext_lazy(
        "%(count)d question back in use.", "%(count)d questions back in use.", "count"
    ),
}


@admin.register(Gespreksvraag)
class GespreksvraagAdmin(admin.ModelAdmin):
    list_display = ["tekst", "leidraad", "volgorde", "soort", "gearchiveerd"]
    list_filter = ["leidraad", "soort", "gearchiveerd"]
    list_select_related = ["leidraad"]
    search_fields = ["tekst", "toelichting"]
    actions = ["archiveer", "herstel"]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Answers keep the question as asked; archiving takes it out of use instead.
        return False

    def _zet_gearchiveerd(self, request, queryset, gearchiveerd: bool) -> None:
        aantal = queryset.filter(gearchiveerd=not gearchiveerd).update(gearchiveerd=gearchiveerd)
        self.message_user(request, ARCHIVERING[gearchiveerd] % {"count": aantal}, messages.SUCCESS)

    @admin.action(description=_("Archive the selected questions"), permissions=["change"])
    def archiveer(self, request, queryset):
        self._zet_gearchiveerd(request, queryset, gearchiveerd=True)

    @admin.action(
        description=_("Bring the selected questions back into use"), permissions=["change"]
    )
    def herstel(self, request, queryset):
        self._zet_gearchiveerd(request, queryset, gearchiveerd=False)


@admin.register(Pagina)
class PaginaAdmin(admin.ModelAdmin):
    list_display = ["titel", "volgorde", "gepubliceerd"]
    list_editable = ["volgorde", "gepubliceerd"]
    list_filter = ["gepubliceerd"]
    search_fields = ["titel", "tekst"]
    prepopulated_fields = {"slug": ["titel"]}


@admin.register(AgendaPunt)
class AgendaPuntAdmin(VersieAdmin):
    """An edit here is a version like one on the agenda page, checked against the version the
    form was read at; the history page lists every version with who and why."""

    list_display = ["basisteam", "opgave", "aandachtspunt", "fase", "bijgewerkt_op"]
    list_filter = ["fase", "opgave", "basisteam__eenheid"]
    list_select_related = ["basisteam", "opgave", "aandachtspunt"]
    search_fields = ["basisteam__naam", "notitie"]
    autocomplete_fields = ["basisteam"]
    readonly_fields = ["versie", "bijgewerkt_door", "bijgewerkt_op"]
