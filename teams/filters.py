from functools import cache

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .models import Basisteam, Eenheid, Inbedding

INWONERS_BANDEN = {
    "tot-20000": (_("fewer than 20,000"), None, 20_000),
    "20000-50000": (_("20,000 – 50,000"), 20_000, 50_000),
    "50000-100000": (_("50,000 – 100,000"), 50_000, 100_000),
    "100000-200000": (_("100,000 – 200,000"), 100_000, 200_000),
    "vanaf-200000": (_("200,000 or more"), 200_000, None),
}
FTE_BANDEN = {
    "tot-60": (_("fewer than 60 fte"), None, 60),
    "60-100": (_("60 – 100 fte"), 60, 100),
    "100-150": (_("100 – 150 fte"), 100, 150),
    "150-200": (_("150 – 200 fte"), 150, 200),
    "vanaf-200": (_("200 fte or more"), 200, None),
}
# The folder's basisteams span 2 to 1,850 km² and 46 to 25,000 inwoners per km².
OPPERVLAKTE_BANDEN = {
    "tot-50": (_("less than 50 km²"), None, 50),
    "50-200": (_("50 – 200 km²"), 50, 200),
    "200-500": (_("200 – 500 km²"), 200, 500),
    "vanaf-500": (_("500 km² or more"), 500, None),
}
DICHTHEID_BANDEN = {
    "tot-250": (_("less than 250 per km²"), None, 250),
    "250-1000": (_("250 – 1,000 per km²"), 250, 1_000),
    "1000-2500": (_("1,000 – 2,500 per km²"), 1_000, 2_500),
    "vanaf-2500": (_("2,500 per km² or more"), 2_500, None),
}


class BandFilter(django_filters.ChoiceFilter):
    """A choice of ranges (“50 – 200 km²”) of one of the team's figures; each band holds
    its lower edge. Dichtheid is the annotation of `met_kengetallen()`: derived, never
    stored."""

    def __init__(self, banden: dict, **kwargs):
        self.banden = banden
        kwargs.setdefault("empty_label", _("All"))
        super().__init__(choices=[(k, v[0]) for k, v in banden.items()], **kwargs)

    def filter(self, queryset, value):
        if value in (None, ""):
            return queryset
        _label, laag, hoog = self.banden[value]
        if laag is not None:
            queryset = queryset.filter(**{f"{self.field_name}__gte": laag})
        if hoog is not None:
            queryset = queryset.filter(**{f"{self.field_name}__lt": hoog})
        return queryset


class OnbekendLaatstOrderingFilter(django_filters.OrderingFilter):
    """Teams with an unknown figure go last whichever way a column is sorted, then by name."""

    def get_ordering_value(self, param: str):
        aflopend = param.startswith("-")
        veld = self.param_map.get(param.lstrip("-"), param.lstrip("-"))
        return F(veld).desc(nulls_last=True) if aflopend else F(veld).asc(nulls_last=True)

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "naam") if value else qs


class BasisteamFilter(django_filters.FilterSet):
    """Filters on the annotated queryset of `Basisteam.objects.met_kengetallen()`."""

    q = django_filters.CharFilter(method="zoek", label=_("Search by name or municipality"))
    eenheid = django_filters.ModelChoiceFilter(
        queryset=Eenheid.objects.all(),
        field_name="eenheid",
        to_field_name="slug",
        label=_("Eenheid"),
        empty_label=_("All eenheden"),
    )
    inbedding = django_filters.ChoiceFilter(
        choices=Inbedding.choices, label=_("Administrative embedding"), empty_label=_("All")
    )
    inwoners = BandFilter(INWONERS_BANDEN, field_name="inwoners", label=_("Inhabitants"))
    formatie = BandFilter(FTE_BANDEN, field_name="formatie_fte", label=_("Formation"))
    oppervlakte = BandFilter(OPPERVLAKTE_BANDEN, field_name="oppervlakte_km2", label=_("Area"))
    dichtheid = BandFilter(DICHTHEID_BANDEN, field_name="dichtheid", label=_("Density"))
    onder_norm = django_filters.BooleanFilter(
        method="onder_de_norm",
        label=_("Only teams with fewer wijkagenten than the norm"),
        widget=forms.CheckboxInput,
    )
    o = OnbekendLaatstOrderingFilter(
        fields=[
            ("naam", "naam"),
            ("eenheid__naam", "eenheid"),
            ("formatie_fte", "formatie"),
            ("inwoners", "inwoners"),
            ("oppervlakte_km2", "oppervlakte"),
            ("dichtheid", "dichtheid"),
            ("bezetting", "bezetting"),
        ],
        label=_("Sort by"),
    )

    class Meta:
        model = Basisteam
        fields = []

    def zoek(self, queryset, name, value):
        woorden = value.split()
        for woord in woorden:
            queryset = queryset.filter(
                Q(naam__icontains=woord) | Q(werkgebieden__gemeente__naam__icontains=woord)
            )
        return queryset.distinct() if woorden else queryset

    def onder_de_norm(self, queryset, name, value):
        return queryset.filter(bezetting__lt=100) if value else queryset


# What a team works on (its agenda) lives in `opgaven`, above teams, so teams cannot declare
# those filters itself. As with the profile's sections (`core.secties`), the upper app
# registers a FilterSet of its own in its `AppConfig.ready()`, and the list uses
# BasisteamFilter with every registered one mixed in: its filters come after teams' own in
# the form and in the URL, its methods (and a form of its own) take part like teams' own.
_aanvullingen: list[type[django_filters.FilterSet]] = []


def registreer_filters(filterset: type[django_filters.FilterSet]) -> None:
    if filterset not in _aanvullingen:
        _aanvullingen.append(filterset)
        teamfilter.cache_clear()


@cache
def teamfilter() -> type[BasisteamFilter]:
    """BasisteamFilter with the registered filters of the apps above; built once."""
    if not _aanvullingen:
        return BasisteamFilter
    return type("TeamFilter", (BasisteamFilter, *_aanvullingen), {"__module__": __name__})
