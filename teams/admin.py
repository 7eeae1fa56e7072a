from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin

from core.admin import VersieAdmin

from . import services
from .bestanden import FORMATEN
from .models import Basisteam, Cluster, Eenheid, Gemeente, Lidmaatschap, User, Werkgebied
from .resources import BasisteamResource, GemeenteResource, WerkgebiedResource


class LidmaatschapInline(admin.TabularInline):
    """A user's memberships on the user, a team's on the basisteam: the side the page is
    about is the inline's own key, so the form shows only the other."""

    model = Lidmaatschap
    extra = 0
    autocomplete_fields = ["user", "basisteam"]


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "naam")


class UserChangeFormPodium(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    form = UserChangeFormPodium
    add_form = UserCreationForm
    inlines = [LidmaatschapInline]
    list_display = ["email", "naam", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_active", "groups", "lidmaatschappen__rol"]
    search_fields = ["email", "naam"]
    ordering = ["email"]
    fieldsets = [
        (None, {"fields": ["email", "naam", "password"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "naam", "usable_password", "password1", "password2"],
            },
        )
    ]
    readonly_fields = ["last_login", "date_joined"]
    actions = ["stuur_uitnodiging"]

    @admin.action(description=_("Send an invitation to set a password"), permissions=["change"])
    def stuur_uitnodiging(self, request, queryset):
        for user in queryset:
            services.nodig_uit(request, user)
        aantal = len(queryset)
        self.message_user(
            request,
            ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", aantal)
            % {"count": aantal},
            messages.SUCCESS,
        )


class ImportExportAdmin(ImportExportMixin):
    """Import with preview, dry run and confirm, and export, in CSV and XLSX. An import
    lists every problem in Dutch per regel and kolom, as the commands do. Who may import is
    IMPORT_EXPORT_IMPORT_PERMISSION_CODE (settings): the change permission of the model."""

    formats = FORMATEN
    import_template_name = "admin/teams/import.html"

    def get_import_context_data(self, **kwargs) -> dict:
        return {
            **super().get_import_context_data(**kwargs),
            "uitleg": self.resource_classes[0].uitleg,
        }

    def has_export_permission(self, request) -> bool:
        return self.has_view_permission(request)

    def add_success_message(self, result, request) -> None:
        messages.success(request, result.melding())


@admin.register(Eenheid)
class EenheidAdmin(admin.ModelAdmin):
    list_display = ["naam", "code"]
    search_fields = ["naam", "code"]
    prepopulated_fields = {"slug": ["naam"]}


class WerkgebiedInline(admin.TabularInline):
    model = Werkgebied
    extra = 0
    autocomplete_fields = ["gemeente"]


class ClusterInline(admin.TabularInline):
    """The team's clusters, to read: a cluster is edited on its own admin page (or by the
    teamchef on the team's pages), where its version is checked and its history kept."""

    model = Cluster
    extra = 0
    fields = ["naam", "wijken"]
    readonly_fields = ["naam", "wijken"]
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Basisteam)
class BasisteamAdmin(ImportExportAdmin, VersieAdmin):
    resource_classes = [BasisteamResource]
    list_display = [
        "naam",
        "code",
        "eenheid",
        "district",
        "formatie_fte",
        "inwoners",
        "wijkagenten",
    ]
    list_filter = ["eenheid", "district"]
    list_select_related = ["eenheid"]
    search_fields = ["naam", "code", "district", "werkgebieden__gemeente__naam"]
    prepopulated_fields = {"slug": ["naam"]}
    readonly_fields = ["versie"]
    inlines = [WerkgebiedInline, ClusterInline, LidmaatschapInline]
    fieldsets = [
        (None, {"fields": ["naam", "slug", "code", "eenheid", "district", "versie"]}),
        (
            _("Figures"),
            {"fields": ["formatie_fte", "oppervlakte_km2", "inwoners", "wijkagenten"]},
        ),
        (_("Context"), {"fields": list(Basisteam.CONTEXT_VELDEN)}),
    ]


@admin.register(Gemeente)
class GemeenteAdmin(ImportExportAdmin, admin.ModelAdmin):
    resource_classes = [GemeenteResource]
    list_display = ["naam", "cbs_code"]
    search_fields = ["naam", "cbs_code"]


@admin.register(Werkgebied)
class WerkgebiedAdmin(ImportExportAdmin, admin.ModelAdmin):
    resource_classes = [WerkgebiedResource]
    list_display = ["basisteam", "gemeente", "omvang"]
    list_filter = ["omvang", "basisteam__eenheid"]
    list_select_related = ["basisteam", "gemeente"]
    search_fields = ["basisteam__naam", "basisteam__code", "gemeente__naam", "gemeente__cbs_code"]
    autocomplete_fields = ["basisteam", "gemeente"]


@admin.register(Cluster)
class ClusterAdmin(VersieAdmin):
    list_display = ["naam", "basisteam"]
    list_filter = ["basisteam__eenheid"]
    list_select_related = ["basisteam"]
    search_fields = ["naam", "wijken", "basisteam__naam"]
    autocomplete_fields = ["basisteam"]
    readonly_fields = ["versie"]
    history_list_display = ["leden"]
