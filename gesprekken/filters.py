import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from opgaven.models import Opgave

from .models import OPENSTAAND, Afspraak, AfspraakStatus

OPENSTAAND_KEUZE = "openstaand"
GEEN_EIGENAAR = "-"


class AfspraakFilter(django_filters.FilterSet):
    """The team's afspraken page. An unknown value is a form error, never a 500."""

    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(OPENSTAAND_KEUZE, _("open or in progress")), *AfspraakStatus.choices],
        method="filter_status",
        empty_label=_("All"),
    )
    opgave = django_filters.ModelChoiceFilter(
        label=_("Opgave"),
        queryset=Opgave.objects.all(),
        to_field_name="slug",
        empty_label=_("All opgaven"),
    )
    eigenaar = django_filters.ChoiceFilter(
        label=_("Owner"), method="filter_eigenaar", empty_label=_("Everyone")
    )
    over_tijd = django_filters.BooleanFilter(
        label=_("Only overdue afspraken"), method="filter_over_tijd", widget=forms.CheckboxInput
    )

    class Meta:
        model = Afspraak
        fields = []

    def __init__(self, *args, eigenaren: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["eigenaar"].extra["choices"] = [
            (GEEN_EIGENAAR, _("Nobody named")),
            *((naam, naam) for naam in eigenaren),
        ]

    def filter_status(self, queryset, name, value):
        if value == OPENSTAAND_KEUZE:
            return queryset.filter(status__in=OPENSTAAND)
        return queryset.filter(status=value)

    def filter_eigenaar(self, queryset, name, value):
        return queryset.filter(eigenaar="" if value == GEEN_EIGENAAR else value)

    def filter_over_tijd(self, queryset, name, value):
        return queryset.over_tijd() if value else queryset
