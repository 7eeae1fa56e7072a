"""What a team works on, as filters of the basisteam list (`/teams/`).

The list belongs to teams, the agenda to opgaven; opgaven registers this FilterSet with
`teams.filters.registreer_filters` in its `AppConfig.ready()` and the list mixes it in."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from .models import Aandachtspunt, AgendaPunt, Fase, Opgave

# The filters, named after the AgendaPunt fields they ask for.
AGENDAVELDEN = ("opgave", "aandachtspunt", "fase")


class AandachtspuntVeld(ModelChoiceField):
    def label_from_instance(self, obj: Aandachtspunt) -> str:
        # The opgave's number tells apart aandachtspunten of different opgaven.
        return f"{obj.opgave.nummer}. {obj.tekst}"


class AandachtspuntFilter(django_filters.ModelChoiceFilter):
    field_class = AandachtspuntVeld


class TeamAgendaFilterForm(forms.Form):
    def clean(self) -> dict:
        gegevens = super().clean()
        opgave, punt = gegevens.get("opgave"), gegevens.get("aandachtspunt")
        if opgave is not None and punt is not None and punt.opgave_id != opgave.pk:
            self.add_error(
                "aandachtspunt",
                _(
                    "That aandachtspunt belongs to another opgave. Choose one of this "
                    "opgave's aandachtspunten, or all opgaven."
                ),
            )
        return gegevens


class TeamAgendaFilter(django_filters.FilterSet):
    opgave = django_filters.ModelChoiceFilter(
        queryset=Opgave.objects.only("nummer", "titel", "slug"),
        to_field_name="slug",
        method="op_de_agenda",
        label=_("Opgave on the agenda"),
        empty_label=_("All opgaven"),
        help_text=_("Also when the team chose one of its aandachtspunten."),
    )
    aandachtspunt = AandachtspuntFilter(
        queryset=Aandachtspunt.objects.select_related("opgave"),
        method="op_de_agenda",
        label=_("Aandachtspunt on the agenda"),
        empty_label=_("All aandachtspunten"),
    )
    fase = django_filters.ChoiceFilter(
        choices=Fase.choices,
        method="op_de_agenda",
        label=_("Stage"),
        empty_label=_("All"),
        help_text=_("With an opgave or aandachtspunt: the stage of that item on the agenda."),
    )

    def get_form_class(self):
        # Mixed into whatever form the list's FilterSet builds, like the filters themselves.
        return type(
            TeamAgendaFilterForm.__name__, (TeamAgendaFilterForm, super().get_form_class()), {}
        )

    def op_de_agenda(self, queryset, name, value):
        # Applied together in `filter_queryset`: one and the same agenda item must match
        # the opgave, the aandachtspunt and the stage (“opgave 3, verankerd”).
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        gegevens = self.form.cleaned_data
        voorwaarden = {
            veld: gegevens[veld] for veld in AGENDAVELDEN if gegevens.get(veld) not in (None, "")
        }
        if not voorwaarden:
            return queryset
        # A subquery, not a join: a team with several matching items is listed once, and
        # counting and paging the list stay cheap.
        agenda = AgendaPunt.objects.filter(basisteam=OuterRef("pk"), **voorwaarden)
        return queryset.filter(Exists(agenda))
