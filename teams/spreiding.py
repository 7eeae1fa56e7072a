"""A team against the national spread, and the teams most like it.

Computed in Python from one query's worth of figures (`Basisteam.objects.met_kengetallen()`
as values), so the profile page costs the same with 17 teams or 1,700."""

import math
import statistics
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

BREEDTE = 100  # positions on a bar are percentages of its width, so it takes any width


@dataclass(frozen=True)
class Kenmerk:
    sleutel: str
    label: str
    eenheid: str
    waarde: float | None
    minimum: float
    p25: float
    mediaan: float
    p75: float
    maximum: float
    aantal: int
    rang: int | None  # 1 = the highest value
    log: bool

    def _x(self, waarde: float) -> float:
        """Where a value falls on the bar, in percent; a log scale for figures that span
        decades."""
        laag, hoog = self.minimum, self.maximum
        if self.log:
            laag, hoog, waarde = (math.log10(max(v, 1e-9)) for v in (laag, hoog, waarde))
        if hoog == laag:
            return BREEDTE / 2
        return round((waarde - laag) / (hoog - laag) * BREEDTE, 1)

    @property
    def x_p25(self) -> float:
        return self._x(self.p25)

    @property
    def x_p75(self) -> float:
        return self._x(self.p75)

    @property
    def breedte_box(self) -> float:
        return round(self.x_p75 - self.x_p25, 1)

    @property
    def x_mediaan(self) -> float:
        return self._x(self.mediaan)

    @property
    def x_waarde(self) -> float | None:
        return None if self.waarde is None else self._x(self.waarde)


KENMERKEN = [
    ("formatie_fte", _("Formation"), "fte", False),
    ("inwoners", _("Inhabitants"), "", True),
    ("oppervlakte_km2", _("Area"), "km²", True),
    ("dichtheid", _("Density"), _("per km²"), True),
    ("bezetting", _("Wijkagenten against the norm"), "%", False),
]


def spreiding(team_pk: int, alle: list[dict]) -> list[Kenmerk]:
    eigen = next(rij for rij in alle if rij["pk"] == team_pk)
    kenmerken = []
    for sleutel, label, eenheid, log in KENMERKEN:
        waarden = sorted(float(rij[sleutel]) for rij in alle if rij[sleutel] is not None)
        if not waarden:
            continue
        waarde = None if eigen[sleutel] is None else float(eigen[sleutel])
        kwartielen = (
            statistics.quantiles(waarden, n=4, method="inclusive")
            if len(waarden) > 1
            else [waarden[0]] * 3
        )
        kenmerken.append(
            Kenmerk(
                sleutel=sleutel,
                label=label,
                eenheid=eenheid,
                waarde=waarde,
                minimum=waarden[0],
                p25=kwartielen[0],
                mediaan=kwartielen[1],
                p75=kwartielen[2],
                maximum=waarden[-1],
                aantal=len(waarden),
                rang=None if waarde is None else sum(1 for w in waarden if w > waarde) + 1,
                log=log,
            )
        )
    return kenmerken


def vergelijkbaar(team_pk: int, alle: list[dict], aantal: int = 5) -> list[dict]:
    """The teams nearest in dichtheid and inwoners (on a log scale: 1,000 against 2,000
    inwoners is as far apart as 100,000 against 200,000)."""
    eigen = next(rij for rij in alle if rij["pk"] == team_pk)
    if not eigen["dichtheid"] or not eigen["inwoners"]:
        return []

    def afstand(rij: dict) -> float:
        return math.hypot(
            math.log10(rij["dichtheid"]) - math.log10(eigen["dichtheid"]),
            math.log10(rij["inwoners"]) - math.log10(eigen["inwoners"]),
        )

    kandidaten = [r for r in alle if r["pk"] != team_pk and r["dichtheid"] and r["inwoners"]]
    return sorted(kandidaten, key=lambda r: (afstand(r), r["naam"]))[:aantal]
