import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opgaven.models import Aandachtspunt, Opgave
from voorbeelden.models import Partner, Toepassing, Voorbeeld

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


# --- Finding your way: narrowing, counts, what to let go of --------------------------------

NABIJHEID = "versterken-van-wendbare-nabijheid"  # opgave 4: four of the folder's seven


def _punt(nummer: int) -> Aandachtspunt:
    return Aandachtspunt.objects.filter(opgave__nummer=nummer).first()


def _opties(response, veld: str) -> dict[str, str]:
    """The options of a select of the filter form: value → label."""
    return {
        str(waarde): str(label)
        for waarde, label in response.context["filter"].form.fields[veld].choices
        if waarde != ""
    }


def test_choosing_an_opgave_narrows_the_aandachtspunten_without_javascript(client):
    opgave = Opgave.objects.get(slug=NABIJHEID)
    response = client.get(f"/voorbeelden/?opgave={NABIJHEID}")
    eigen = {str(p.pk) for p in opgave.aandachtspunten.all()}
    assert eigen
    assert set(_opties(response, "aandachtspunt")) == eigen
    html = response.content.decode()
    assert f'<option value="{_punt(1).pk}">' not in html
    # Without an opgave, every aandachtspunt is offered.
    alle = _opties(client.get("/voorbeelden/"), "aandachtspunt")
    assert set(alle) == {str(pk) for pk in Aandachtspunt.objects.values_list("pk", flat=True)}


def test_an_aandachtspunt_of_another_opgave_is_left_out_and_said_so(client):
    response = client.get(f"/voorbeelden/?opgave={NABIJHEID}&aandachtspunt={_punt(1).pk}")
    assert response.status_code == 200
    # The results are the opgave's, not nothing; the form says what it left out.
    assert len(response.context["pagina"].object_list) == 4
    assert "aandachtspunt" in response.context["filter"].form.errors
    html = response.content.decode()
    assert 'id="id_aandachtspunt_error"' in html
    assert 'class="error-summary"' in html
    assert f'<option value="{_punt(1).pk}"' not in html


@pytest.mark.parametrize(
    "query",
    [
        "opgave=bestaat-niet&aandachtspunt=1",
        "opgave=werken-in-wijk-en-web&aandachtspunt=999999",
        "opgave=werken-in-wijk-en-web&aandachtspunt=abc&jaar=x",
        "aandachtspunt=1&aandachtspunt=2&opgave=",
    ],
)
def test_odd_combinations_never_500(client, query):
    assert client.get(f"/voorbeelden/?{query}").status_code == 200
    assert client.get(f"/voorbeelden/?{query}", HTTP_HX_REQUEST="true").status_code == 200


def test_htmx_refreshes_the_aandachtspunten_when_the_opgave_changes(client):
    response = client.get(
        f"/voorbeelden/?opgave={NABIJHEID}&aandachtspunt={_punt(1).pk}", HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    start = html.index('<select name="aandachtspunt" id="id_aandachtspunt" hx-swap-oob="true">')
    select = html[start : html.index("</select>", start)]
    eigen = Opgave.objects.get(slug=NABIJHEID).aandachtspunten.all()
    for punt in eigen:
        assert f'<option value="{punt.pk}">' in select
    assert select.count("<option") == len(eigen) + 1
    assert '<option value="" selected>' in select
    # The stale aandachtspunt is gone from the refreshed select, and from the pushed URL.
    assert response["HX-Push-Url"] == f"/voorbeelden/?opgave={NABIJHEID}"
    # No inline script: only markup with htmx attributes.
    assert "<script" not in html


def test_a_valid_htmx_search_pushes_its_own_url(client):
    response = client.get(f"/voorbeelden/?opgave={NABIJHEID}", HTTP_HX_REQUEST="true")
    assert "HX-Push-Url" not in response


def test_options_say_how_many_voorbeelden_they_give(client):
    response = client.get("/voorbeelden/")
    opgaven = _opties(response, "opgave")
    assert opgaven[NABIJHEID].endswith(" (4)")
    assert opgaven["samenspannen-tegen-ondermijning"].endswith(" (1)")
    assert opgaven["vernieuwend-werken"].endswith(" (0)")
    assert _opties(response, "partner")["douane"].endswith(" (1)")
    assert _opties(response, "eenheid")["midden-nederland"].endswith(" (1)")
    assert _opties(response, "aandachtspunt")[str(_punt(4).pk)].endswith(" (0)")
    html = response.content.decode()
    assert f">4. {Opgave.objects.get(slug=NABIJHEID).titel} (4)</option>" in html


def test_counts_respect_the_other_filters_but_not_their_own(client, maak_voorbeeld):
    maak_voorbeeld("Geëvalueerd", onderbouwing="onafhankelijk")
    response = client.get(f"/voorbeelden/?opgave={NABIJHEID}&partner=douane")
    # Opgave counts apply the partner filter, not the chosen opgave: other opgaven stay
    # reachable with their numbers.
    opgaven = _opties(response, "opgave")
    assert opgaven["samenspannen-tegen-ondermijning"].endswith(" (1)")
    assert opgaven[NABIJHEID].endswith(" (0)")
    # Partner counts apply the opgave, not the chosen partner.
    assert _opties(response, "partner")["douane"].endswith(" (0)")
    # Evidence counts apply both.
    assert _opties(response, "onderbouwing")["onafhankelijk"].endswith(" (0)")
    alleen_opgave = client.get(f"/voorbeelden/?opgave={NABIJHEID}")
    assert _opties(alleen_opgave, "onderbouwing")["onafhankelijk"].endswith(" (1)")


def test_counts_follow_the_search(client):
    response = client.get("/voorbeelden/?q=webcare")
    assert _opties(response, "opgave")["werken-in-wijk-en-web"].endswith(" (1)")
    assert _opties(response, "opgave")[NABIJHEID].endswith(" (0)")


def _meer_van_alles(maak_voorbeeld, team, ander_team):
    """Ten times the voorbeelden, spread over opgaven, aandachtspunten, teams, partners."""
    punten = list(Aandachtspunt.objects.select_related("opgave"))
    partners = list(Partner.objects.all())
    for n in range(70):
        punt = punten[n % len(punten)]
        voorbeeld = maak_voorbeeld(
            f"Extra {n}",
            opgaven=[punt.opgave],
            basisteam=(team, ander_team)[n % 2],
            eenheid=(team, ander_team)[n % 2].eenheid,
            status="loopt",
            onderbouwing="lokaal",
        )
        voorbeeld.aandachtspunten.set([punt])
        voorbeeld.partners.set(partners[: n % 4])


@pytest.mark.parametrize(
    "query",
    [
        "",
        f"opgave={NABIJHEID}&partner=douane&status=loopt&onderbouwing=lokaal&jaar=2024",
        "q=politie&eenheid=midden-nederland&basisteam=utrecht-centrum&sortering=toegepast",
    ],
)
def test_counts_cost_one_query_per_filter_however_much_data(
    client, maak_voorbeeld, team, ander_team, django_assert_num_queries, query
):
    # One hit at first, so the page's own queries run both times: the search also finds a
    # voorbeeld by its opgaven and aandachtspunten, and theirs say “politie”.
    maak_voorbeeld("Politie op de fiets", basisteam=team, eenheid=team.eenheid, status="loopt")
    with CaptureQueriesContext(connection) as eerst:
        assert client.get(f"/voorbeelden/?{query}").status_code == 200
    # Seven grouped counts on top of the page's own queries (see test_views).
    assert len(eerst) <= 17
    _meer_van_alles(maak_voorbeeld, team, ander_team)
    with django_assert_num_queries(len(eerst)):
        response = client.get(f"/voorbeelden/?{query}")
    if not query:
        assert _opties(response, "basisteam")["utrecht-centrum"].endswith(" (36)")
    with django_assert_num_queries(len(eerst)):
        assert client.get(f"/voorbeelden/?{query}", HTTP_HX_REQUEST="true").status_code == 200


def test_an_empty_result_says_which_filter_to_let_go_of(client):
    query = f"opgave={NABIJHEID}&partner=douane&onderbouwing=onafhankelijk&sortering=toegepast"
    response = client.get(f"/voorbeelden/?{query}")
    assert response.context["pagina"].paginator.count == 0
    html = response.content.decode()
    links = dict(re.findall(r'<a href="([^"]*)" data-loslaten="(\w+)">', html))
    assert sorted(links.values()) == ["onderbouwing", "opgave", "partner"]
    for href, naam in links.items():
        over = dict(parse_qsl(urlsplit(href.replace("&amp;", "&")).query))
        assert naam not in over
        # Exactly that one filter goes; the others and the sort stay.
        assert set(over) == {"opgave", "partner", "onderbouwing", "sortering"} - {naam}
    # Each link says which filter in words, with its value.
    assert "Onderbouwing: onafhankelijk geëvalueerd" in html
    assert "Soort partner: Douane" in html
    assert "Opgave: 4. Versterken van wendbare nabijheid" in html


def test_letting_go_of_the_one_filter_that_empties_the_result_brings_results_back(client):
    html = client.get(f"/voorbeelden/?opgave={NABIJHEID}&partner=douane").content.decode()
    href = re.search(r'<a href="([^"]*)" data-loslaten="partner">', html).group(1)
    assert href == f"/voorbeelden/?opgave={NABIJHEID}"
    assert client.get(href).context["pagina"].paginator.count == 4


def test_search_and_year_are_filters_to_let_go_of_too(client):
    html = client.get("/voorbeelden/?q=zeppelin&jaar=1999&page=2").content.decode()
    links = dict(re.findall(r'<a href="([^"]*)" data-loslaten="(\w+)">', html))
    assert links == {"/voorbeelden/?jaar=1999": "q", "/voorbeelden/?q=zeppelin": "jaar"}
    assert "Zoeken: zeppelin" in html
    assert "Jaar van publicatie: 1999" in html


def test_an_empty_library_offers_nothing_to_let_go_of(client):
    Voorbeeld.objects.all().delete()
    html = client.get("/voorbeelden/").content.decode()
    assert "data-loslaten=" not in html
    assert 'id="resultaten"' in html


def test_letting_go_does_not_bring_back_a_dropped_aandachtspunt(client):
    punt = _punt(1)
    html = client.get(
        f"/voorbeelden/?opgave={NABIJHEID}&partner=douane&aandachtspunt={punt.pk}"
    ).content.decode()
    links = re.findall(r'<a href="([^"]*)" data-loslaten="\w+">', html)
    assert links == ["/voorbeelden/?partner=douane", f"/voorbeelden/?opgave={NABIJHEID}"]


def test_a_history_restore_draws_each_select_and_the_live_region_once(client):
    html = client.get(
        f"/voorbeelden/?opgave={NABIJHEID}",
        HTTP_HX_REQUEST="true",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    ).content.decode()
    for naam in ("opgave", "aandachtspunt", "eenheid", "partner"):
        assert html.count(f'name="{naam}"') == 1, naam
    assert html.count('id="resultaten-status"') == 1
    assert "hx-swap-oob" not in html
