"""Admin parts every app's admin may use."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .versies import CONFLICT_MELDING, Conflict, vergrendel

REDEN_ADMIN = _("edited in the admin")


class VersieAdminForm(forms.ModelForm):
    """Carries the version the form was read at; a stale form gets the page's conflict."""

    gelezen_versie = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["gelezen_versie"].initial = self.instance.versie

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        try:
            # The admin runs a POST in one transaction: the lock holds until save_model.
            self.vergrendeld = vergrendel(
                type(self.instance)._default_manager.all(),
                self.instance.pk,
                cleaned.get("gelezen_versie"),
            )
        except Conflict as conflict:
            # The next save knowingly replaces the newer version.
            data = self.data.copy()
            data[self.add_prefix("gelezen_versie")] = conflict.huidig.versie
            self.data = data
            raise ValidationError(CONFLICT_MELDING, code="conflict") from conflict
        return cleaned


class HistorieAdmin(SimpleHistoryAdmin):
    """An object's history in the admin: to read, never to put back. A revert would skip
    the rules the services keep (settings.SIMPLE_HISTORY_REVERT_DISABLED hides the button;
    this refuses the POST as well)."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class VersieAdmin(HistorieAdmin):
    """The admin of a `Versiebeheerd` model: the same compare-and-set as the pages, and its
    history with who and why."""

    form = VersieAdminForm
    reden = REDEN_ADMIN

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or "gelezen_versie" in flatten_fieldsets(fieldsets):
            return fieldsets
        (naam, opties), *rest = fieldsets
        return [(naam, {**opties, "fields": [*opties["fields"], "gelezen_versie"]}), *rest]

    def save_model(self, request, obj, form, change):
        if change:
            # From the locked row, not from `obj`, which may have been built from an old
            # version.
            obj.versie = form.vergrendeld.versie + 1
        if hasattr(obj, "bijgewerkt_door_id"):
            obj.bijgewerkt_door = request.user
        obj._change_reason = str(self.reden)
        super().save_model(request, obj, form, change)


def vraag_bij_actie(
    model_admin: admin.ModelAdmin, request, queryset, *, template: str, titel: str, form, **extra
) -> TemplateResponse:
    """The page an admin action shows to ask something before it acts (which partner to
    keep, why messages are hidden). `template` extends `admin/actie_vraag.html`, which
    carries the chosen objects and the action along to the answer."""
    return TemplateResponse(
        request,
        template,
        {
            **model_admin.admin_site.each_context(request),
            "title": titel,
            "gekozen": queryset,
            "actie": request.POST.get("action", ""),
            "form": form,
            "opts": model_admin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            **extra,
        },
    )
