"""The derived figures at their edges: computed in the database, never a division error."""

from decimal import Decimal

import pytest
from django.db import IntegrityError

from teams.models import Basisteam, Gemeente, Werkgebied

pytestmark = pytest.mark.django_db


def _team(eenheid, **velden) -> Basisteam:
    n = Basisteam.objects.count() + 1
    return Basisteam.objects.create(
        naam=f"Team {n}", slug=f"team-{n}", code=f"T{n}", eenheid=eenheid, **velden
    )


def _kengetallen(team) -> Basisteam:
    return Basisteam.objects.met_kengetallen().get(pk=team.pk)


def test_density_norm_and_occupation(eenheid):
    team = _kengetallen(
        _team(eenheid, inwoners=45_000, oppervlakte_km2=Decimal("1.8"), wijkagenten=8)
    )
    assert team.dichtheid == pytest.approx(25_000)
    assert team.wijkagentnorm == 9
    assert team.bezetting == pytest.approx(8 / 9 * 100)


@pytest.mark.parametrize(
    ("inwoners", "norm"),
    [(0, 0), (1, 1), (4_999, 1), (5_000, 1), (5_001, 2), (200_000, 40), (200_001, 41)],
)
def test_the_norm_is_one_wijkagent_per_5000_rounded_up(eenheid, inwoners, norm):
    assert _kengetallen(_team(eenheid, inwoners=inwoners)).wijkagentnorm == norm


def test_unknown_figures_stay_unknown(eenheid):
    team = _kengetallen(_team(eenheid))
    assert team.dichtheid is None
    assert team.wijkagentnorm is None
    assert team.bezetting is None
    assert team.formatie_band == "onbekend"
    assert team.inbedding == "onbekend"
    assert team.inbedding_label == "onbekend"


def test_no_division_by_zero_without_inhabitants(eenheid):
    team = _kengetallen(_team(eenheid, inwoners=0, oppervlakte_km2=10, wijkagenten=2))
    assert team.dichtheid == 0
    assert team.wijkagentnorm == 0
    assert team.bezetting is None


@pytest.mark.parametrize(
    ("fte", "band"),
    [(Decimal("59.9"), "onder"), (60, "binnen"), (200, "binnen"), (Decimal("200.1"), "boven")],
)
def test_formation_band_60_to_200(eenheid, fte, band):
    assert _kengetallen(_team(eenheid, formatie_fte=fte)).formatie_band == band


def test_administrative_embedding_from_the_werkgebied(eenheid):
    a = Gemeente.objects.create(naam="A", cbs_code="GM0001")
    b = Gemeente.objects.create(naam="B", cbs_code="GM0002")
    meerdere, een, deel = _team(eenheid), _team(eenheid), _team(eenheid)
    Werkgebied.objects.create(basisteam=meerdere, gemeente=a)
    Werkgebied.objects.create(basisteam=meerdere, gemeente=b, omvang="deel")
    Werkgebied.objects.create(basisteam=een, gemeente=a)
    Werkgebied.objects.create(basisteam=deel, gemeente=b, omvang="deel")
    inbedding = dict(Basisteam.objects.met_kengetallen().values_list("pk", "inbedding"))
    assert (inbedding[meerdere.pk], inbedding[een.pk], inbedding[deel.pk]) == (
        "meerdere",
        "een",
        "deel",
    )


@pytest.mark.parametrize(
    "velden",
    [{"formatie_fte": 0}, {"formatie_fte": -5}, {"oppervlakte_km2": 0}, {"code": ""}],
)
def test_the_database_refuses_impossible_numbers(eenheid, velden):
    with pytest.raises(IntegrityError):
        Basisteam.objects.create(
            **{"naam": "X", "slug": "x", "code": "X1", "eenheid": eenheid, **velden}
        )


def test_codes_and_slugs_are_unique(eenheid):
    _team(eenheid)
    with pytest.raises(IntegrityError):
        Basisteam.objects.create(naam="Ander", slug="ander", code="T1", eenheid=eenheid)
