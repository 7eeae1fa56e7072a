"""The filters of the landelijk beeld: an eenheid and a period of whole quarters."""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

AFGELOPEN_JAAR = "jaar"
AFGELOPEN_TWEE_JAAR = "2jaar"
JAREN_TERUG = 5  # the current calendar year and the four before it


@dataclass(frozen=True)
class Periode:
    """Whole quarters, `van` to `tot` inclusive; `kwartalen` as (year, quarter), oldest first."""

    van: datetime.date
    tot: datetime.date
    kwartalen: tuple[tuple[int, int], ...]


def _kwartaal_terug(jaar: int, kwartaal: int, stappen: int) -> tuple[int, int]:
    index = jaar * 4 + kwartaal - 1 - stappen
    return index // 4, index % 4 + 1


def _kwartalen(van: tuple[int, int], tot: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    begin, eind = van[0] * 4 + van[1] - 1, tot[0] * 4 + tot[1] - 1
    return tuple((i // 4, i % 4 + 1) for i in range(begin, eind + 1))


def _laatste_dag(jaar: int, kwartaal: int) -> datetime.date:
    volgend = _kwartaal_terug(jaar, kwartaal, -1)
    return datetime.date(volgend[0], volgend[1] * 3 - 2, 1) - datetime.timedelta(days=1)


def periode(code: str, vandaag: datetime.date) -> Periode:
    """The quarters of a period choice: the last four (or eight) quarters up to and including
    this one, or one calendar year."""
    if code in (AFGELOPEN_JAAR, AFGELOPEN_TWEE_JAAR):
        nu = (vandaag.year, (vandaag.month - 1) // 3 + 1)
        van = _kwartaal_terug(*nu, 3 if code == AFGELOPEN_JAAR else 7)
    else:
        van, nu = (int(code), 1), (int(code), 4)
    return Periode(
        van=datetime.date(van[0], van[1] * 3 - 2, 1),
        tot=_laatste_dag(*nu),
        kwartalen=_kwartalen(van, nu),
    )


def periode_keuzes(vandaag: datetime.date) -> list[tuple[str, str]]:
    jaren = [str(vandaag.year - n) for n in range(JAREN_TERUG)]
    return [
        (AFGELOPEN_JAAR, _("The past year (four quarters)")),
        (AFGELOPEN_TWEE_JAAR, _("The past two years (eight quarters)")),
        *((jaar, jaar) for jaar in jaren),
    ]


class LandelijkFilterForm(forms.Form):
    """GET filters: every state is a shareable address. Empty means all eenheden and the
    past year; anything not on offer is an error on the form, never a failure."""

    eenheid = forms.ChoiceField(label=_("Eenheid"), required=False)
    periode = forms.ChoiceField(label=_("Period"), required=False)

    def __init__(self, data, *, eenheden: list[tuple[str, str]], vandaag: datetime.date):
        super().__init__(data)
        self.fields["eenheid"].choices = [("", _("All eenheden")), *eenheden]
        self.fields["periode"].choices = periode_keuzes(vandaag)
        self.vandaag = vandaag

    def clean_periode(self) -> str:
        return self.cleaned_data["periode"] or AFGELOPEN_JAAR

    def actieve_periode(self) -> Periode:
        return periode(self.cleaned_data["periode"], self.vandaag)
