from functools import partial

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from opgaven.models import Aandachtspunt, Opgave
from teams.models import Basisteam, Eenheid

from .models import ZOEK_CONFIG, Bericht, Partner, Voorbeeld

SORTERINGEN = [
    ("nieuwste", _("Newest first")),
    ("relevantie", _("Most relevant first")),
    ("toegepast", _("Most applied first")),
    ("open_vragen", _("Most unanswered questions first")),
]


def ziet_open_vragen(user) -> bool:
    """The filter and sort on unanswered questions are for those who answer them: the
    redactie, and whoever answers the questions of some voorbeeld (its contact person, or
    its author when it names none). For anyone else they are not there, and ignored."""
    if not user.is_authenticated:
        return False
    # The cheap question first: the redactie's permissions cost two queries to load.
    return Voorbeeld.objects.beantwoord_door(user).exists() or (
        user.is_staff and user.has_perm("voorbeelden.change_voorbeeld")
    )


def zoek(queryset, tekst: str):
    """Dutch full-text search with ranking on PostgreSQL; on SQLite every word must occur in
    the title, the text or what the voorbeeld is linked to (`zoektekst`: opgaven,
    aandachtspunten, partners, plaats, basisteam, eenheid), and a hit in the title ranks
    first."""
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
            | Q(zoektekst__icontains=woord)
        )
    return queryset.annotate(
        relevantie=Case(
            When(titel__icontains=woorden[0], then=Value(2)),
            When(samenvatting__icontains=woorden[0], then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


# The filters whose options say how many voorbeelden they would give, and the field each
# counts on (the value of an option, or the pk of its object).
TELLINGEN = {
    "opgave": "opgaven",
    "aandachtspunt": "aandachtspunten",
    "eenheid": "eenheid",
    "basisteam": "basisteam",
    "partner": "partners__soort",
    "status": "status",
    "onderbouwing": "onderbouwing",
}


class VoorbeeldFilterForm(forms.Form):
    def clean_opgave(self):
        opgave = self.cleaned_data.get("opgave")
        if opgave is not None:
            # Fields are cleaned in the order declared: the aandachtspunt, cleaned next, must
            # be one of this opgave's, and the form offers only those.
            veld = self.fields["aandachtspunt"]
            veld.queryset = opgave.aandachtspunten.select_related("opgave")
            veld.error_messages["invalid_choice"] = _(
                "That aandachtspunt belongs to another opgave, so it was left out. "
                "Choose one of this opgave's aandachtspunten."
            )
        return opgave

    def clean(self):
        # A choice that is not offered is dropped from what the selects show, so they say
        # “all” again (also when htmx refreshes only their options); the error stays.
        weg = [naam for naam in self.errors if isinstance(self.fields[naam].widget, forms.Select)]
        if weg:
            self.data = self.data.copy()
            for naam in weg:
                self.data.pop(self.add_prefix(naam), None)
        return super().clean()


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
    open_vragen = django_filters.BooleanFilter(
        method="met_open_vragen",
        widget=forms.CheckboxInput,
        label=_("With unanswered questions"),
    )
    sortering = django_filters.ChoiceFilter(
        choices=SORTERINGEN, method="sorteren", label=_("Sort"), empty_label=None
    )

    class Meta:
        model = Voorbeeld
        fields: list[str] = []
        form = VoorbeeldFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Per filter: option (pk or value) → number of voorbeelden; filled by `tel`.
        self.tellingen: dict[str, dict] = {}
        for naam in ("opgave", "aandachtspunt", "eenheid", "basisteam"):
            self.filters[naam].field.label_from_instance = partial(self._label, naam)
        if self.request is None or not ziet_open_vragen(self.request.user):
            del self.filters["open_vragen"]
            self.filters["sortering"].extra["choices"] = [
                keuze for keuze in SORTERINGEN if keuze[0] != "open_vragen"
            ]
            if self.data.get("sortering") == "open_vragen":
                # Ignored, not an error: a shared link may carry it.
                self.data = self.data.copy()
                self.data.pop("sortering")

    def _label(self, naam: str, obj) -> str:
        tekst = f"{obj.opgave.nummer}. {obj.tekst}" if naam == "aandachtspunt" else str(obj)
        return self._met_aantal(naam, obj.pk, tekst)

    def _met_aantal(self, naam: str, sleutel, tekst) -> str:
        if naam not in self.tellingen:
            return tekst
        aantal = number_format(self.tellingen[naam].get(sleutel, 0), force_grouping=True)
        return f"{tekst} ({aantal})"

    def _gefilterd_zonder(self, weg: str):
        """The voorbeelden every active filter but `weg` leaves."""
        queryset = self.queryset.all()
        for naam, waarde in self._gegevens().items():
            if naam not in (weg, "sortering"):
                queryset = self.filters[naam].filter(queryset, waarde)
        return queryset

    def _gegevens(self) -> dict:
        """What the form validated; an invalid field is simply not applied."""
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 (validates the form once)
        return self.form.cleaned_data

    def tel(self) -> None:
        """Put behind every option of the select filters how many voorbeelden it would
        give with the other filters as they are (the usual facets): one grouped query per
        filter, however many options and voorbeelden there are."""
        for naam, veld in TELLINGEN.items():
            # Distinct: the joins of the other filters (partners) may repeat a voorbeeld.
            rijen = (
                self._gefilterd_zonder(naam)
                .order_by()
                .values_list(veld)
                .annotate(aantal=Count("pk", distinct=True))
            )
            self.tellingen[naam] = dict(rijen)
        for naam in ("partner", "status", "onderbouwing"):
            # Set after validation: a choice field checks its value against its choices.
            self.form.fields[naam].choices = [
                (waarde, self._met_aantal(naam, waarde, label))
                for waarde, label in self.filters[naam].extra["choices"]
            ]

    def querystring(self, *zonder: str) -> str:
        """The query string of this search without the parameters `zonder` (nor the page)."""
        data = self.data.copy()
        for naam in (*zonder, "page"):
            data.pop(naam, None)
        return data.urlencode()

    def ongeldige_keuzes(self) -> list[str]:
        """The select filters whose value was dropped, e.g. an aandachtspunt of another
        opgave: the refreshed selects no longer show them, so neither should the URL."""
        self._gegevens()
        return [naam for naam in TELLINGEN if naam in self.form.errors]

    def actieve_filters(self) -> list[dict]:
        """Each filter in use, in words ("Evidence: evaluated independently"), with the
        query string that lets go of exactly that filter."""
        actief = []
        # A choice that was dropped does not come back with a link that lets go of another.
        weg = self.ongeldige_keuzes()
        for naam, waarde in self._gegevens().items():
            if naam == "sortering" or waarde in (None, "") or waarde is False:
                continue
            filter_ = self.filters[naam]
            if "choices" in filter_.extra:
                tekst = dict(filter_.extra["choices"]).get(waarde, waarde)
            else:
                tekst = str(waarde)
            actief.append(
                {
                    "naam": naam,
                    "label": filter_.label,
                    "waarde": tekst,
                    "zonder": self.querystring(naam, *weg),
                }
            )
        return actief

    def zoeken(self, queryset, name, value):
        return zoek(queryset, value)

    def met_open_vragen(self, queryset, name, value):
        if not value:
            return queryset
        open_ = Bericht.objects.onbeantwoord().filter(voorbeeld=OuterRef("pk"))
        return queryset.filter(Exists(open_))

    def sorteren(self, queryset, name, value):
        # Applied in `qs` below, after every filter, so relevance exists when it is needed.
        return queryset

    @property
    def qs(self):
        queryset = super().qs
        # The valid fields count even when another one is not.
        data = self._gegevens()
        sortering = data.get("sortering") or ("relevantie" if data.get("q") else "nieuwste")
        if sortering == "relevantie" and data.get("q"):
            return queryset.order_by("-relevantie", "-gepubliceerd_op", "pk")
        if sortering == "open_vragen" and "open_vragen" in self.filters:
            return queryset.met_open_vragen().order_by("-open_vragen", "-gepubliceerd_op", "pk")
        if sortering == "toegepast":
            return queryset.order_by("-aantal_toepassingen", "-gepubliceerd_op", "pk")
        return queryset.order_by("-gepubliceerd_op", "pk")
