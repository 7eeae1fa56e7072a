"""Search: Dutch full-text search with ranking on PostgreSQL, a simpler search on SQLite."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Dutch stemming and ranking are PostgreSQL features; the PostgreSQL lane of CI runs it",
)


def _titels(client, query: str) -> list[str]:
    return [v.titel for v in client.get(f"/voorbeelden/?{query}").context["pagina"].object_list]


def test_webcare_finds_the_twente_example(client):
    assert _titels(client, "q=webcare") == ["Webcare Twente"]


def test_words_in_title_and_text_are_found(client):
    assert "Fabricius" in _titels(client, "q=ondernemersklimaat")
    assert _titels(client, "q=Bollenstreek") == ["Mobiel politiebureau in de Bollenstreek"]
    assert _titels(client, "q=bestaatnergens") == []


def test_a_search_sorts_by_relevance_a_title_hit_first(client, maak_voorbeeld):
    maak_voorbeeld("Spreekuur op de markt", samenvatting="Een spreekuur voor iedereen.")
    titels = _titels(client, "q=spreekuur")
    assert titels[0] == "Spreekuur op de markt" or titels[0].startswith("WhatsApp-spreekuur")
    assert set(titels) == {
        "Spreekuur op de markt",
        "WhatsApp-spreekuur in IJsselstein tijdens de jaarwisseling",
    }


@alleen_postgresql
def test_dutch_stemming_wijkagenten_finds_wijkagent(client):
    titels = _titels(client, "q=wijkagenten")
    assert "Bondgenoten" in titels  # its text says “de wijkagent”
    assert "Tijdelijk politiebureau in een leegstaand winkelpand" in titels


@alleen_postgresql
def test_ranking_title_over_summary_over_body(client, maak_voorbeeld):
    maak_voorbeeld(
        "Jongerenwerk",
        slug="a",
        samenvatting="Over iets anders.",
        aanpak="Met jongerenwerk in de wijk.",
    )
    maak_voorbeeld("Iets anders", slug="b", samenvatting="Samen met het jongerenwerk.")
    maak_voorbeeld("Nog iets", slug="c", samenvatting="Niets.", lessen="Het jongerenwerk hielp.")
    assert _titels(client, "q=jongerenwerk") == ["Jongerenwerk", "Iets anders", "Nog iets"]


@alleen_postgresql
def test_the_search_index_is_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'voorbeeld_zoekvector_gin'"
        )
        (definitie,) = cursor.fetchone()
    assert "USING gin (zoekvector)" in definitie
