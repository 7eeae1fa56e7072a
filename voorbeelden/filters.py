import django_filters
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from opgaven.models import Aandachtspunt, Opgave
from teams.models import Basisteam, Eenheid

from .models import ZOEK_CONFIG, Partner, Voorbeeld

SORTERINGEN = [
    ("nieuwste", _("Newest first")),
    ("relevantie", _("Most relevant first")),
    ("toegepast", _("Most applied first")),
]


def zoek(queryset, tekst: str):
    """Dutch full-text search with ranking on PostgreSQL; on SQLite every word must occur in
    the title or the text, and a hit in the title ranks first."""
    tekst = tekst.strip()
    if not tekst:
        return queryset
    if connection.vendor == "postgresql":
        query = SearchQuery(tekst, config=ZOEK_CONFIG, search_type="websearch")
        return queryset.filter(zoekvector=query).annotate(
            relevantie=SearchRank(F("zoekvector"), query)
        )
    woorden = tekst.split()
    for woord in woorden:
        queryset = queryset.filter(
            Q(titel__icontains=woord)
            | Q(samenvatting__icontains=woord)
            | Q(aanleiding__icontains=woord)
            | Q(aanpak__icontains=woord)
            | Q(resultaat__icontains=woord)
            | Q(lessen__icontains=woord)
        )
    return queryset.annotate(
        relevantie=Case(
            When(titel__icontains=woorden[0], then=Value(2)),
            When(samenvatting__icontains=woorden[0], then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


class VoorbeeldFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="zoeken", label=_("Search"))
    opgave = django_filters.ModelChoiceFilter(
        queryset=Opgave.objects.only("nummer", "titel", "slug"),
        field_name="opgaven",
        to_field_name="slug",
        label=_("Opgave"),
        empty_label=_("All opgaven"),
    )
    aandachtspunt = django_filters.ModelChoiceFilter(
        queryset=Aandachtspunt.objects.select_related("opgave"),
        field_name="aandachtspunten",
        label=_("Aandachtspunt"),
        empty_label=_("All aandachtspunten"),
    )
    eenheid = django_filters.ModelChoiceFilter(
        queryset=Eenheid.objects.all(),
        to_field_name="slug",
        label=_("Eenheid"),
        empty_label=_("All eenheden"),
    )
    basisteam = django_filters.ModelChoiceFilter(
        queryset=Basisteam.objects.only("naam", "slug"),
        to_field_name="slug",
        label=_("Basisteam"),
        empty_label=_("All basisteams"),
    )
    partner = django_filters.ChoiceFilter(
        field_name="partners__soort",
        choices=Partner.Soort.choices,
        label=_("Kind of partner"),
        empty_label=_("All partners"),
        distinct=True,
    )
    status = django_filters.ChoiceFilter(
        choices=Voorbeeld.Status.choices, label=_("Status"), empty_label=_("All")
    )
    onderbouwing = django_filters.ChoiceFilter(
        choices=Voorbeeld.Onderbouwing.choices, label=_("Evidence"), empty_label=_("All")
    )
    jaar = django_filters.NumberFilter(
        field_name="gepubliceerd_op__year", label=_("Year of publication")
    )
    sortering = django_filters.ChoiceFilter(
        choices=SORTERINGEN, method="sorteren", label=_("Sort"), empty_label=None
    )

    class Meta:
        model = Voorbeeld
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["aandachtspunt"].field.label_from_instance = lambda p: (
            f"{p.opgave.nummer}. {p.tekst}"
        )

    def zoeken(self, queryset, name, value):
        return zoek(queryset, value)

    def sorteren(self, queryset, name, value):
        # Applied in `qs` below, after every filter, so relevance exists when it is needed.
        return queryset

    @property
    def qs(self):
        queryset = super().qs
        data = self.form.cleaned_data if self.form.is_bound and self.is_valid() else {}
        sortering = data.get("sortering") or ("relevantie" if data.get("q") else "nieuwste")
        if sortering == "relevantie" and data.get("q"):
            return queryset.order_by("-relevantie", "-gepubliceerd_op", "pk")
        if sortering == "toegepast":
            return queryset.order_by("-aantal_toepassingen", "-gepubliceerd_op", "pk")
        return queryset.order_by("-gepubliceerd_op", "pk")
