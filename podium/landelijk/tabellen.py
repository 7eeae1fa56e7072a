"""The figures of the landelijk beeld as tables: the page shows them (the accessible
equivalent of each chart) and the CSV and XLSX downloads hold exactly the same rows."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from opgaven.models import Fase

from .cijfers import FASEN, Afspraken, Beeld

TITELS = {
    "agenda": gettext_lazy("Teams per opgave and stage"),
    "opgaven": gettext_lazy("Voorbeelden and gesprekken per opgave"),
    "afspraken": gettext_lazy("Afspraken per opgave"),
    "aandachtspunten": gettext_lazy("Teams and voorbeelden per aandachtspunt"),
    "eenheden": gettext_lazy("Figures per eenheid"),
    "agendas": gettext_lazy("Teams with the opgave on their agenda, per eenheid"),
    "kwartalen": gettext_lazy("Gesprekken and afspraken per quarter"),
}


@dataclass(frozen=True)
class Tabel:
    """A caption, column headers and rows; the first cell of a row is its header."""

    naam: str  # its address: /landelijk-beeld/<naam>.csv
    titel: str
    kop: list[str]
    rijen: list[list]


def kwartaal_label(jaar: int, kwartaal: int) -> str:
    return _("Q%(kwartaal)s %(jaar)s") % {"kwartaal": kwartaal, "jaar": jaar}


def opgave_label(nummer: int, titel: str) -> str:
    return f"{nummer}. {titel}"


def _fasen_kop() -> list[str]:
    return [str(Fase(f).label) for f in FASEN]


def _afspraken_kop() -> list[str]:
    return [_("Afspraken"), _("Open"), _("Done"), _("Overdue")]


def _afspraken(a: Afspraken) -> list[int]:
    return [a.totaal, a.open, a.klaar, a.over_tijd]


def _tabel(naam: str, kop: list[str], rijen: list[list]) -> Tabel:
    return Tabel(naam=naam, titel=str(TITELS[naam]), kop=kop, rijen=rijen)


def tabellen(beeld: Beeld) -> dict[str, Tabel]:
    """Every table of the page, by the name of its download."""
    opgaven = [(opgave_label(o.nummer, o.titel), o) for o in beeld.opgaven]
    return {
        "agenda": _tabel(
            "agenda",
            [_("Opgave"), *_fasen_kop(), _("Teams in total")],
            [[label, *o.fasen.values(), o.teams] for label, o in opgaven],
        ),
        "opgaven": _tabel(
            "opgaven",
            [_("Opgave"), _("Published voorbeelden"), _("Teams that apply one"), _("Gesprekken")],
            [[label, o.voorbeelden, o.toegepast_door, o.gesprekken] for label, o in opgaven],
        ),
        "afspraken": _tabel(
            "afspraken",
            [_("Opgave"), *_afspraken_kop()],
            [[label, *_afspraken(o.afspraken)] for label, o in opgaven],
        ),
        "aandachtspunten": _tabel(
            "aandachtspunten",
            [
                _("Aandachtspunt"),
                *_fasen_kop(),
                _("Teams in total"),
                _("Published voorbeelden"),
                _("Teams that apply one"),
            ],
            [
                [
                    f"{a.opgave_nummer}. {a.tekst}",
                    *a.fasen.values(),
                    a.teams,
                    a.voorbeelden,
                    a.toegepast_door,
                ]
                for a in beeld.aandachtspunten
            ],
        ),
        "eenheden": _tabel(
            "eenheden",
            [
                _("Eenheid"),
                _("Basisteams"),
                _("With an agenda"),
                _("Published voorbeelden"),
                _("Gesprekken"),
                *_afspraken_kop(),
            ],
            [
                [
                    e.naam,
                    e.teams,
                    e.teams_met_agenda,
                    e.voorbeelden,
                    e.gesprekken,
                    *_afspraken(e.afspraken),
                ]
                for e in beeld.eenheden
            ],
        ),
        "agendas": _tabel(
            "agendas",
            [
                _("Eenheid"),
                *(_("Opgave %(nummer)s") % {"nummer": o.nummer} for o in beeld.opgaven),
            ],
            [
                [e.naam, *(e.per_opgave.get(o.pk, 0) for o in beeld.opgaven)]
                for e in beeld.eenheden
            ],
        ),
        "kwartalen": _tabel(
            "kwartalen",
            [_("Quarter"), _("Gesprekken"), *_afspraken_kop()],
            [
                [kwartaal_label(k.jaar, k.kwartaal), k.gesprekken, *_afspraken(k.afspraken)]
                for k in beeld.kwartalen
            ],
        ),
    }
