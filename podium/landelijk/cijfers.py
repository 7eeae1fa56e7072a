"""The figures of the landelijk beeld: a fixed handful of aggregate queries (GROUP BY with
conditional counts), however many teams, opgaven or gesprekken there are, and a short-lived
cache keyed on the filters that every change to the counted objects invalidates.

Only ids, dates, stages and statuses are read from the agenda, the gesprekken and the
afspraken: nothing a team wrote can reach the page or its downloads."""

import datetime
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Case, Count, IntegerField, Max, Q, When
from django.db.models.functions import Coalesce, ExtractQuarter, ExtractYear

from gesprekken.models import OPENSTAAND, Afspraak, AfspraakStatus, Gesprek, over_tijd_voorwaarde
from opgaven.models import Aandachtspunt, AgendaPunt, Fase, Opgave
from teams.models import Basisteam, Eenheid
from voorbeelden.models import Voorbeeld

from .filters import Periode

CACHE_SECONDEN = 300
VERSIE_SLEUTEL = "landelijk-beeld:versie"
FASEN = [fase.value for fase in Fase]  # in the order a team goes through them


@dataclass(frozen=True)
class EenheidKeuze:
    pk: int
    slug: str
    naam: str
    code: str


@dataclass
class Afspraken:
    totaal: int = 0
    open: int = 0  # open or in progress
    klaar: int = 0
    over_tijd: int = 0  # of the open ones, past their target date

    def tel_op(self, rij: dict) -> None:
        self.totaal += rij["totaal"]
        self.open += rij["open"]
        self.klaar += rij["klaar"]
        self.over_tijd += rij["over_tijd"]


def _geen_fasen() -> dict[str, int]:
    return dict.fromkeys(FASEN, 0)


@dataclass
class OpgaveCijfers:
    pk: int
    nummer: int
    titel: str
    fasen: dict[str, int] = field(default_factory=_geen_fasen)  # teams per furthest stage
    voorbeelden: int = 0
    toegepast_door: int = 0  # teams that apply a published voorbeeld on it
    gesprekken: int = 0
    afspraken: Afspraken = field(default_factory=Afspraken)

    @property
    def teams(self) -> int:
        return sum(self.fasen.values())


@dataclass
class AandachtspuntCijfers:
    pk: int
    opgave_nummer: int
    tekst: str
    fasen: dict[str, int] = field(default_factory=_geen_fasen)
    voorbeelden: int = 0
    toegepast_door: int = 0

    @property
    def teams(self) -> int:
        return sum(self.fasen.values())


@dataclass
class EenheidCijfers:
    pk: int
    naam: str
    code: str
    teams: int = 0
    teams_met_agenda: int = 0
    voorbeelden: int = 0
    gesprekken: int = 0
    afspraken: Afspraken = field(default_factory=Afspraken)
    per_opgave: dict[int, int] = field(default_factory=dict)  # opgave pk → teams


@dataclass
class KwartaalCijfers:
    jaar: int
    kwartaal: int
    gesprekken: int = 0
    afspraken: Afspraken = field(default_factory=Afspraken)


@dataclass
class Beeld:
    """Everything the page shows, as plain numbers and names (cached as it is)."""

    periode: Periode
    opgaven: list[OpgaveCijfers]
    aandachtspunten: list[AandachtspuntCijfers]
    eenheden: list[EenheidCijfers]
    kwartalen: list[KwartaalCijfers]
    voorbeelden: int = 0

    @property
    def teams(self) -> int:
        return sum(e.teams for e in self.eenheden)

    @property
    def teams_met_agenda(self) -> int:
        return sum(e.teams_met_agenda for e in self.eenheden)

    @property
    def gesprekken(self) -> int:
        return sum(k.gesprekken for k in self.kwartalen)

    @property
    def afspraken(self) -> Afspraken:
        totaal = Afspraken()
        for e in self.eenheden:
            totaal.tel_op(vars(e.afspraken))
        return totaal

    @property
    def is_leeg(self) -> bool:
        """Nothing the teams did yet (the folder's voorbeelden are there from the start)."""
        return not (self.teams_met_agenda or self.gesprekken)


def eenheden() -> list[EenheidKeuze]:
    return [
        EenheidKeuze(**rij)
        for rij in Eenheid.objects.order_by("naam").values("pk", "slug", "naam", "code")
    ]


def _van(pad: str, eenheid: EenheidKeuze | None) -> Q:
    """Only what belongs to the chosen eenheid, along `pad` (e.g. `basisteam__eenheid`)."""
    return Q() if eenheid is None else Q(**{pad: eenheid.pk})


def _agenda(beeld: Beeld, eenheid: EenheidKeuze | None) -> None:
    """Teams per opgave in the furthest stage of their items on it (an opgave and its
    aandachtspunten are one line of the bar chart), per eenheid too; teams per
    aandachtspunt and stage."""
    stap = Case(*(When(fase=f, then=i) for i, f in enumerate(FASEN)), output_field=IntegerField())
    rijen = (
        AgendaPunt.objects.filter(_van("basisteam__eenheid", eenheid))
        .values("basisteam__eenheid_id", "basisteam_id", "opgave_id")
        .annotate(stap=Max(stap))
        .order_by()
    )
    opgaven = {o.pk: o for o in beeld.opgaven}
    eenheden = {e.pk: e for e in beeld.eenheden}
    teams_met_agenda: dict[int, set[int]] = defaultdict(set)
    for rij in rijen:
        opgaven[rij["opgave_id"]].fasen[FASEN[rij["stap"]]] += 1
        van = eenheden[rij["basisteam__eenheid_id"]]
        van.per_opgave[rij["opgave_id"]] = van.per_opgave.get(rij["opgave_id"], 0) + 1
        teams_met_agenda[van.pk].add(rij["basisteam_id"])
    for pk, teams in teams_met_agenda.items():
        eenheden[pk].teams_met_agenda = len(teams)
    punten = {a.pk: a for a in beeld.aandachtspunten}
    for rij in (
        AgendaPunt.objects.filter(_van("basisteam__eenheid", eenheid), aandachtspunt__isnull=False)
        .values("aandachtspunt_id", "fase")
        .annotate(n=Count("basisteam_id"))
        .order_by()
    ):
        punten[rij["aandachtspunt_id"]].fasen[rij["fase"]] += rij["n"]


def _voorbeelden(beeld: Beeld, eenheid: EenheidKeuze | None) -> None:
    """Published voorbeelden (of the eenheid), and the teams (of the eenheid) that apply a
    published voorbeeld, per opgave and per aandachtspunt; published ones per eenheid."""
    gepubliceerd = Voorbeeld.objects.gepubliceerd().order_by()
    # A voorbeeld names its eenheid, or only its basisteam.
    van_eenheid = (
        Q(eenheid=eenheid.pk) | Q(eenheid__isnull=True, basisteam__eenheid=eenheid.pk)
        if eenheid
        else None
    )
    tellingen = {
        "voorbeelden": Count("pk", distinct=True, filter=van_eenheid),
        "teams": Count(
            "toepassingen__basisteam",
            distinct=True,
            filter=Q(toepassingen__basisteam__eenheid=eenheid.pk) if eenheid else None,
        ),
    }
    for veld, doelen in (("opgaven", beeld.opgaven), ("aandachtspunten", beeld.aandachtspunten)):
        per_pk = {d.pk: d for d in doelen}
        for rij in gepubliceerd.values(veld).annotate(**tellingen):
            if rij[veld] is not None:
                doel = per_pk[rij[veld]]
                doel.voorbeelden, doel.toegepast_door = rij["voorbeelden"], rij["teams"]
    eenheden = {e.pk: e for e in beeld.eenheden}
    for rij in (
        gepubliceerd.filter(van_eenheid or Q())
        .annotate(e=Coalesce("eenheid_id", "basisteam__eenheid_id"))
        .values("e")
        .annotate(n=Count("pk"))
    ):
        beeld.voorbeelden += rij["n"]
        if rij["e"] in eenheden:
            eenheden[rij["e"]].voorbeelden = rij["n"]


def _gesprekken(beeld: Beeld, eenheid: EenheidKeuze | None) -> None:
    """Gesprekken dated in the period: per opgave, and per eenheid and quarter; the
    afspraken made in them per eenheid, opgave and quarter, with their status now."""
    periode = beeld.periode
    in_periode = Q(gesprek__datum__range=(periode.van, periode.tot))
    opgaven = {o.pk: o for o in beeld.opgaven}
    for rij in (
        Gesprek.opgaven.through.objects.filter(
            in_periode, _van("gesprek__basisteam__eenheid", eenheid)
        )
        .values("opgave_id")
        .annotate(n=Count("gesprek_id"))
        .order_by()
    ):
        opgaven[rij["opgave_id"]].gesprekken = rij["n"]
    eenheden = {e.pk: e for e in beeld.eenheden}
    kwartalen = {(k.jaar, k.kwartaal): k for k in beeld.kwartalen}
    for rij in (
        Gesprek.objects.filter(
            _van("basisteam__eenheid", eenheid), datum__range=(periode.van, periode.tot)
        )
        .annotate(j=ExtractYear("datum"), k=ExtractQuarter("datum"))
        .values("basisteam__eenheid_id", "j", "k")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        eenheden[rij["basisteam__eenheid_id"]].gesprekken += rij["n"]
        kwartalen[(rij["j"], rij["k"])].gesprekken += rij["n"]
    for rij in (
        Afspraak.objects.filter(_van("basisteam__eenheid", eenheid), in_periode)
        .annotate(j=ExtractYear("gesprek__datum"), k=ExtractQuarter("gesprek__datum"))
        .values("basisteam__eenheid_id", "opgave_id", "j", "k")
        .annotate(
            totaal=Count("pk"),
            open=Count("pk", filter=Q(status__in=OPENSTAAND)),
            klaar=Count("pk", filter=Q(status=AfspraakStatus.KLAAR)),
            over_tijd=Count("pk", filter=over_tijd_voorwaarde()),
        )
        .order_by()
    ):
        eenheden[rij["basisteam__eenheid_id"]].afspraken.tel_op(rij)
        kwartalen[(rij["j"], rij["k"])].afspraken.tel_op(rij)
        if rij["opgave_id"] is not None:
            opgaven[rij["opgave_id"]].afspraken.tel_op(rij)


def bereken(eenheid: EenheidKeuze | None, periode: Periode, alle: list[EenheidKeuze]) -> Beeld:
    """The figures of one filter state, straight from the database."""
    gekozen = [eenheid] if eenheid else alle
    beeld = Beeld(
        periode=periode,
        opgaven=[
            OpgaveCijfers(**rij)
            for rij in Opgave.objects.order_by("nummer").values("pk", "nummer", "titel")
        ],
        aandachtspunten=[
            AandachtspuntCijfers(
                pk=rij["pk"], opgave_nummer=rij["opgave__nummer"], tekst=rij["tekst"]
            )
            for rij in Aandachtspunt.objects.order_by("opgave__nummer", "volgorde", "pk").values(
                "pk", "opgave__nummer", "tekst"
            )
        ],
        eenheden=[EenheidCijfers(pk=e.pk, naam=e.naam, code=e.code) for e in gekozen],
        kwartalen=[KwartaalCijfers(jaar=j, kwartaal=k) for j, k in periode.kwartalen],
    )
    per_eenheid = {e.pk: e for e in beeld.eenheden}
    for rij in (
        Basisteam.objects.filter(_van("eenheid", eenheid))
        .values("eenheid_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        per_eenheid[rij["eenheid_id"]].teams = rij["n"]
    _agenda(beeld, eenheid)
    _voorbeelden(beeld, eenheid)
    _gesprekken(beeld, eenheid)
    return beeld


def _versie() -> int:
    versie = cache.get(VERSIE_SLEUTEL)
    if versie is None:
        # A fresh number, never one used before the cache lost it: no stale entry matches.
        versie = time.time_ns()
        cache.add(VERSIE_SLEUTEL, versie, None)
    return versie


def vervallen(action: str = "", **kwargs) -> None:
    """Signal receiver: something counted changed, so every cached beeld is stale."""
    if action.startswith("pre_"):  # m2m_changed says it twice; once is enough
        return
    try:
        cache.incr(VERSIE_SLEUTEL)
    except ValueError:
        cache.set(VERSIE_SLEUTEL, time.time_ns(), None)


def sleutel(eenheid: EenheidKeuze | None, periode: Periode, vandaag: datetime.date) -> str:
    """The cache key of one filter state as of now: a change to anything counted gives a
    new version, and overdue counts depend on the day, so the day is part of it too."""
    return (
        f"landelijk-beeld:{_versie()}:{vandaag.isoformat()}:{eenheid.slug if eenheid else ''}:"
        f"{periode.van.isoformat()}:{periode.tot.isoformat()}"
    )


def uit_cache[T](sleutel: str, maak: Callable[[], T]) -> T:
    gevonden = cache.get(sleutel)
    if gevonden is None:
        gevonden = maak()
        cache.set(sleutel, gevonden, CACHE_SECONDEN)
    return gevonden
