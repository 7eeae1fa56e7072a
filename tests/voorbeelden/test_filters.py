import pytest

from opgaven.models import Aandachtspunt, Opgave
from voorbeelden.models import Partner, Toepassing

pytestmark = pytest.mark.django_db


def _titels(client, query: str) -> list[str]:
    response = client.get(f"/voorbeelden/?{query}")
    assert response.status_code == 200
    return [v.titel for v in response.context["pagina"].object_list]


def test_filter_by_opgave(client):
    assert _titels(client, "opgave=samenspannen-tegen-ondermijning") == ["Fabricius"]


def test_filter_by_aandachtspunt(client):
    punt = Aandachtspunt.objects.get(tekst__startswith="Het doorontwikkelen van webcare")
    assert _titels(client, f"aandachtspunt={punt.pk}") == ["Webcare Twente"]


def test_filter_by_eenheid(client):
    assert _titels(client, "eenheid=midden-nederland") == ["Bondgenoten"]


def test_filter_by_basisteam(client, maak_voorbeeld, team):
    maak_voorbeeld("Teamvoorbeeld", basisteam=team)
    assert _titels(client, "basisteam=utrecht-centrum") == ["Teamvoorbeeld"]


def test_filter_by_kind_of_partner(client):
    assert sorted(_titels(client, "partner=douane")) == ["Fabricius"]
    assert _titels(client, "partner=onderwijs") == ["Webcare Twente"]


def test_filter_by_status_and_evidence(client, maak_voorbeeld):
    maak_voorbeeld("Geëvalueerd", status="afgerond", onderbouwing="onafhankelijk")
    assert _titels(client, "status=afgerond") == ["Geëvalueerd"]
    assert _titels(client, "onderbouwing=onafhankelijk") == ["Geëvalueerd"]


def test_filter_by_year(client, maak_voorbeeld):
    from django.utils import timezone

    oud = maak_voorbeeld("Uit 2019")
    oud.gepubliceerd_op = timezone.now().replace(year=2019)
    oud.save()
    assert _titels(client, "jaar=2019") == ["Uit 2019"]


def test_sort_by_most_applied(client, maak_voorbeeld, team, ander_team):
    populair = maak_voorbeeld("Populair")
    Toepassing.objects.create(voorbeeld=populair, basisteam=team)
    Toepassing.objects.create(voorbeeld=populair, basisteam=ander_team)
    assert _titels(client, "sortering=toegepast")[0] == "Populair"


def test_newest_first_by_default(client, maak_voorbeeld):
    maak_voorbeeld("Gloednieuw")
    assert _titels(client, "")[0] == "Gloednieuw"


def test_result_count_and_shareable_url(client):
    html = client.get("/voorbeelden/?opgave=versterken-van-wendbare-nabijheid").content.decode()
    assert "4 voorbeelden" in html
    assert 'value="versterken-van-wendbare-nabijheid" selected' in html


@pytest.mark.parametrize(
    "query",
    ["opgave=bestaat-niet", "aandachtspunt=abc", "jaar=twintig", "sortering=raar", "page=x"],
)
def test_bad_filter_values_never_500(client, query):
    assert client.get(f"/voorbeelden/?{query}").status_code == 200


def test_htmx_request_gets_only_the_results(client):
    response = client.get("/voorbeelden/?partner=douane", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="resultaten"')
    assert "<html" not in html
    assert "Fabricius" in html


def test_partner_kinds_cover_the_folder():
    assert set(Partner.objects.values_list("soort", flat=True)) == {
        "onderwijs",
        "burgers",
        "douane",
        "gemeente",
        "belastingdienst",
    }
    assert Opgave.objects.get(nummer=3).voorbeelden.count() == 1


def test_htmx_history_restore_gets_the_whole_page(client):
    response = client.get(
        "/voorbeelden/?partner=douane",
        HTTP_HX_REQUEST="true",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )
    html = response.content.decode()
    assert "<html" in html
    assert 'class="site-header"' in html


def test_htmx_results_update_the_live_count(client):
    html = client.get("/voorbeelden/?partner=douane", HTTP_HX_REQUEST="true").content.decode()
    assert (
        'id="resultaten-status" class="visually-hidden" role="status" hx-swap-oob="true"' in html
    )
    assert "1 voorbeeld" in html
