from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from core.admin import HistorieAdmin, VersieAdmin, vraag_bij_actie

from . import services
from .forms import HERKOMST, VerbergForm
from .models import Bericht, Partner, Redactiestatus, Toepassing, Voorbeeld


class SamenvoegenForm(forms.Form):
    doel = forms.ModelChoiceField(
        queryset=Partner.objects.none(),
        label=_("Keep this partner"),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doel"].queryset = partners


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    """Authors add partners that are not in the list yet; the redactie merges the ones
    that turn out to be the same."""

    list_display = ["naam", "soort"]
    list_filter = ["soort"]
    search_fields = ["naam"]
    actions = ["voeg_samen"]

    @admin.action(description=_("Merge the selected partners"), permissions=["change"])
    def voeg_samen(self, request, queryset):
        form = SamenvoegenForm(
            request.POST if "bevestig" in request.POST else None, partners=queryset
        )
        if form.is_valid():
            doel = form.cleaned_data["doel"]
            aantal = services.voeg_partners_samen(doel, queryset.exclude(pk=doel.pk))
            self.message_user(
                request,
                ngettext(
                    "%(count)d partner merged into %(doel)s.",
                    "%(count)d partners merged into %(doel)s.",
                    aantal,
                )
                % {"count": aantal, "doel": doel},
                messages.SUCCESS,
            )
            return None
        return vraag_bij_actie(
            self,
            request,
            queryset,
            template="admin/voorbeelden/samenvoegen.html",
            titel=_("Merge partners"),
            form=form,
        )


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


# The buttons on the change page of a submitted voorbeeld: the same steps as the actions.
PUBLICEREN, AFWIJZEN = "_publiceren", "_afwijzen"


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
    changes through the actions (and, on the change page of a submitted one, the buttons
    Publiceren and Afwijzen), so only valid transitions exist. An edit here is a version
    like one on the page, checked against the version the form was read at. Nobody deletes
    a voorbeeld: it is archived, with its history and the teams that apply it."""

    reden = _("edited by the redactie")

    list_display = [
        "titel",
        "redactiestatus",
        "openbaar",
        "auteur",
        "eenheid",
        "aangemaakt_op",
        "gepubliceerd_op",
    ]
    list_filter = [
        "redactiestatus",
        "openbaar",
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
                    "openbaar",
                    "bron",
                    "versie",
                ]
            },
        ),
        (_("History"), {"fields": ["versies"]}),
    ]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Not even a superuser: archiving keeps the history and the teams that apply it.
        return False

    def get_urls(self):
        return [
            path(
                "<path:object_id>/afwijzen/",
                self.admin_site.admin_view(self.afwijzen_view),
                name="voorbeelden_voorbeeld_afwijzen",
            ),
            *super().get_urls(),
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["te_beoordelen"] = (
            obj is not None
            and obj.redactiestatus == Redactiestatus.INGEDIEND
            and self.has_change_permission(request, obj)
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        # Publishing or rejecting without editing adds no “edited” version before it.
        besluit = PUBLICEREN in request.POST or AFWIJZEN in request.POST
        if change and besluit and not form.has_changed():
            return
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        """The buttons save what was edited first, then decide, as the actions do."""
        if PUBLICEREN in request.POST:
            self._ga_naar(request, [obj], Redactiestatus.GEPUBLICEERD)
            return redirect("admin:voorbeelden_voorbeeld_changelist")
        if AFWIJZEN in request.POST:
            return redirect("admin:voorbeelden_voorbeeld_afwijzen", obj.pk)
        return super().response_change(request, obj)

    def afwijzen_view(self, request, object_id):
        """The reason for rejecting one voorbeeld, asked as the action asks it."""
        voorbeeld = self.get_object(request, object_id)
        if voorbeeld is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, voorbeeld):
            raise PermissionDenied
        form = AfwijzenForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            self._ga_naar(request, [voorbeeld], Redactiestatus.AFGEWEZEN)
            return redirect("admin:voorbeelden_voorbeeld_changelist")
        return TemplateResponse(
            request,
            "admin/voorbeelden/afwijzen.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Reject voorbeelden"),
                "voorbeelden": [voorbeeld],
                "form": form,
                "opts": self.model._meta,
                "terug": reverse("admin:voorbeelden_voorbeeld_change", args=[voorbeeld.pk]),
            },
        )

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


@admin.register(Bericht)
class BerichtAdmin(HistorieAdmin):
    """The questions and replies under the voorbeelden, to read. The redactie hides one
    with the action, which asks the reason and keeps it in the history with who hid it;
    colleagues then see only that it was hidden. Nobody edits, adds or deletes one here."""

    list_display = [
        "__str__",
        "voorbeeld",
        "soort",
        "aangemaakt_door",
        "aangemaakt_op",
        "verborgen",
    ]
    list_filter = ["verborgen", ("vraag", admin.EmptyFieldListFilter)]
    list_select_related = ["voorbeeld", "aangemaakt_door"]
    search_fields = ["tekst", "voorbeeld__titel"]
    fields = [
        "voorbeeld",
        "vraag",
        "aangemaakt_door",
        "aangemaakt_op",
        "tekst",
        "verborgen",
        "verborgen_reden",
        "versie",
    ]
    actions = ["verberg"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        # The change permission is the right to hide (the action, on the list); one
        # message's page only shows it.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("kind"))
    def soort(self, obj: Bericht) -> str:
        return _("question") if obj.is_vraag else _("reply")

    @admin.action(
        description=_("Hide the selected messages, with a reason"), permissions=["change"]
    )
    def verberg(self, request, queryset):
        form = VerbergForm(request.POST if "bevestig" in request.POST else None)
        if form.is_valid():
            aantal = sum(
                services.verberg(bericht, request.user, form.cleaned_data["reden"])
                for bericht in queryset
            )
            self.message_user(
                request,
                ngettext("%(count)d message hidden.", "%(count)d messages hidden.", aantal)
                % {"count": aantal},
                messages.SUCCESS,
            )
            return None
        return vraag_bij_actie(
            self,
            request,
            queryset,
            template="admin/voorbeelden/verbergen.html",
            titel=_("Hide messages"),
            form=form,
        )
