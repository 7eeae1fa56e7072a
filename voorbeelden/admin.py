from django import forms
from django.contrib import admin, messages
from django.db.models import Case, IntegerField, Value, When
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from core.admin import VersieAdmin

from . import services
from .forms import HERKOMST
from .models import Partner, Redactiestatus, Toepassing, Voorbeeld


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort"]
    list_filter = ["soort"]
    search_fields = ["naam"]


class ToepassingInline(admin.TabularInline):
    model = Toepassing
    extra = 0
    autocomplete_fields = ["basisteam"]
    readonly_fields = ["door", "op"]


AANTAL_VERSIES = 20


GELUKT = {
    Redactiestatus.GEPUBLICEERD: ngettext_lazy(
        "%(count)d voorbeeld published.", "%(count)d voorbeelden published.", "count"
    ),
    Redactiestatus.GEARCHIVEERD: ngettext_lazy(
        "%(count)d voorbeeld archived.", "%(count)d voorbeelden archived.", "count"
    ),
    Redactiestatus.AFGEWEZEN: ngettext_lazy(
        "%(count)d voorbeeld rejected.", "%(count)d voorbeelden rejected.", "count"
    ),
}


class AfwijzenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The author receives this by e-mail."),
    )


def _overgang(queryset, request, nieuw: str) -> tuple[int, int]:
    gelukt = mislukt = 0
    for voorbeeld in queryset:
        try:
            services.zet_status(voorbeeld, nieuw, request.user, request.POST.get("reden", ""))
            gelukt += 1
        except services.OngeldigeOvergang:
            mislukt += 1
    return gelukt, mislukt


@admin.register(Voorbeeld)
class VoorbeeldAdmin(VersieAdmin):
    """The redactie's review queue: submitted voorbeelden first. The editorial status only
    changes through the actions, so only valid transitions exist. An edit here is a version
    like one on the page, checked against the version the form was read at."""

    reden = _("edited by the redactie")

    list_display = [
        "titel",
        "redactiestatus",
        "auteur",
        "eenheid",
        "aangemaakt_op",
        "gepubliceerd_op",
    ]
    list_filter = [
        "redactiestatus",
        "opgaven",
        "eenheid",
        "onderbouwing",
        "status",
        "partners__soort",
    ]
    list_select_related = ["auteur", "eenheid"]
    search_fields = ["titel", "samenvatting", "aanpak", "plaats"]
    autocomplete_fields = ["basisteam", "partners", "contactpersoon", "auteur"]
    filter_horizontal = ["opgaven", "aandachtspunten"]
    prepopulated_fields = {"slug": ["titel"]}
    readonly_fields = [
        "redactiestatus",
        "beoordeeld_door",
        "beoordeeld_op",
        "afwijzingsreden",
        "gepubliceerd_op",
        "versie",
        "versies",
    ]
    inlines = [ToepassingInline]
    actions = ["publiceer", "wijs_af", "archiveer"]
    fieldsets = [
        (None, {"fields": ["titel", "slug", "samenvatting"]}),
        (
            _("Problem → approach → result"),
            {"fields": ["aanleiding", "aanpak", "resultaat", "lessen"]},
        ),
        (_("Opgaven"), {"fields": ["opgaven", "aandachtspunten"]}),
        (
            _("Where, with whom, how far"),
            {"fields": HERKOMST},
        ),
        (_("People"), {"fields": ["auteur", "contactpersoon"]}),
        (
            _("Editorial"),
            {
                "fields": [
                    "redactiestatus",
                    "beoordeeld_door",
                    "beoordeeld_op",
                    "afwijzingsreden",
                    "gepubliceerd_op",
                    "bron",
                    "versie",
                ]
            },
        ),
        (_("History"), {"fields": ["versies"]}),
    ]

    def get_ordering(self, request):
        wachtrij = Case(
            When(redactiestatus=Redactiestatus.INGEDIEND, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return [wachtrij.asc(), "-aangemaakt_op"]

    @admin.display(description=_("History"))
    def versies(self, obj: Voorbeeld) -> str:
        """The history at a glance, newest first; the history page shows what changed."""
        if obj.pk is None:
            return "–"
        return render_to_string(
            "admin/voorbeelden/versies.html",
            {"versies": obj.history.select_related("history_user")[:AANTAL_VERSIES]},
        )

    def _ga_naar(self, request, queryset, naar: str) -> None:
        """Move each selected voorbeeld to `naar` where OVERGANGEN allows it; say how it went."""
        gelukt, mislukt = _overgang(queryset, request, naar)
        if gelukt:
            self.message_user(request, GELUKT[naar] % {"count": gelukt}, messages.SUCCESS)
        if mislukt:
            self.message_user(
                request,
                ngettext(
                    "%(count)d voorbeeld skipped: that step is not possible from its status.",
                    "%(count)d voorbeelden skipped: that step is not possible from their status.",
                    mislukt,
                )
                % {"count": mislukt},
                messages.WARNING,
            )

    @admin.action(description=_("Publish the selected voorbeelden"), permissions=["change"])
    def publiceer(self, request, queryset):
        self._ga_naar(request, queryset, Redactiestatus.GEPUBLICEERD)

    @admin.action(description=_("Archive the selected voorbeelden"), permissions=["change"])
    def archiveer(self, request, queryset):
        self._ga_naar(request, queryset, Redactiestatus.GEARCHIVEERD)

    @admin.action(
        description=_("Reject the selected voorbeelden, with a reason"), permissions=["change"]
    )
    def wijs_af(self, request, queryset):
        form = AfwijzenForm(request.POST if "bevestig" in request.POST else None)
        if form.is_valid():
            self._ga_naar(request, queryset, Redactiestatus.AFGEWEZEN)
            return None
        return TemplateResponse(
            request,
            "admin/voorbeelden/afwijzen.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Reject voorbeelden"),
                "voorbeelden": queryset,
                "form": form,
                "opts": self.model._meta,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )
