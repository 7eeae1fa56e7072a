"""The public pages about the opgaven: every persona reads them; the query count stays flat."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from opgaven.models import Aandachtspunt, Gespreksleidraad, Gespreksvraag, Opgave, Pagina
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

OPGAVE = "/opgaven/werken-in-wijk-en-web/"
PAGES = ["/", "/opgaven/", OPGAVE, "/opgaven/vernieuwend-werken/", "/over-ggp/"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", PAGES)
def test_every_persona_reads_the_public_pages(as_persona, persona, url):
    response = as_persona(persona).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'class="skip-link" href="#inhoud"' in html


def test_unknown_opgave_is_404(client):
    assert client.get("/opgaven/bestaat-niet/").status_code == 404


@pytest.mark.parametrize("url", PAGES)
def test_pages_refuse_post(client, url):
    assert client.post(url).status_code == 405


def test_home_groups_the_eight_opgaven_external_then_internal(client):
    response = client.get("/")
    assert [o.nummer for o in response.context["externe_opgaven"]] == [1, 2, 3, 4]
    assert [o.nummer for o in response.context["interne_opgaven"]] == [5, 6, 7, 8]
    html = response.content.decode()
    for opgave in Opgave.objects.all():
        assert f'href="{opgave.get_absolute_url()}"' in html
    assert "Ontwikkelen is leren" in html


def test_opgave_list_links_all_eight_in_two_groups(client):
    response = client.get("/opgaven/")
    groepen = response.context["groepen"]
    assert [(soort, [o.nummer for o in opgaven]) for soort, opgaven in groepen] == [
        ("extern", [1, 2, 3, 4]),
        ("intern", [5, 6, 7, 8]),
    ]
    assert "Bron: Podium voor goed politiewerk (ontwikkelagenda GGP)" in response.content.decode()


def test_opgave_detail_shows_text_aandachtspunten_questions_and_neighbours(client):
    response = client.get(OPGAVE)
    html = response.content.decode()
    opgave = Opgave.objects.get(nummer=1)
    assert opgave.tekst[:60] in html
    for punt in opgave.aandachtspunten.all():
        assert punt.tekst in html
    assert "Welke ontwikkelingen in de maatschappij zie je in jouw gebied?" in html
    assert "Op welke manier werk je al aan de ontwikkeling van je team?" not in html
    assert response.context["vorige"] is None
    assert response.context["volgende"].nummer == 2
    assert "Bron: Podium voor goed politiewerk (ontwikkelagenda GGP)" in html


def test_internal_opgave_shows_the_internal_questions_and_both_neighbours(client):
    response = client.get("/opgaven/klein-binnen-groot-organiseren/")
    html = response.content.decode()
    assert "Wat zijn de drie dingen die je het liefst en het snelst kan bereiken?" in html
    assert "Welke ontwikkelingen in de maatschappij" not in html
    assert response.context["vorige"].nummer == 5
    assert response.context["volgende"].nummer == 7


def test_archived_question_is_no_longer_shown(client):
    vraag = Gespreksvraag.objects.get(tekst="Op welke manier werk je hier al aan?")
    vraag.gearchiveerd = True
    vraag.save()
    assert vraag.tekst not in client.get(OPGAVE).content.decode()


def test_breadcrumbs_lead_home_and_to_the_list(client):
    html = client.get(OPGAVE).content.decode()
    assert 'aria-label="Kruimelpad"' in html
    assert f'<a class="breadcrumbs__link" href="{reverse("opgaven:list")}">' in html
    assert '<span aria-current="page">Werken in wijk en web</span>' in html


def test_over_ggp_shows_the_published_background_pages(client):
    Pagina.objects.filter(slug="meer-weten").update(gepubliceerd=False)
    html = client.get("/over-ggp/").content.decode()
    assert "<h2" in html
    assert "Kenmerken van GGP" in html
    assert "<li>Nabijheid tot burgers. De politie is aanspreekbaar en zichtbaar.</li>" in html
    assert "Wendbare basisteams" in html
    assert "Meer weten" not in html


def _tienmaal_de_inhoud():
    """Ten times the opgaven, aandachtspunten, guides and questions there are now."""
    leidraad = Gespreksleidraad.objects.get(slug="externe-opgaven")
    for n in range(9, 9 + 72):
        opgave = Opgave.objects.create(
            nummer=n,
            soort="extern",
            titel=f"Opgave {n}",
            slug=f"opgave-{n}",
            samenvatting="Kort.",
            tekst="Lang.",
        )
        Aandachtspunt.objects.bulk_create(
            Aandachtspunt(opgave=opgave, tekst=f"Punt {i}", volgorde=i) for i in range(3)
        )
        leidraad.opgaven.add(opgave)
    opgave = Opgave.objects.get(nummer=1)
    Aandachtspunt.objects.bulk_create(
        Aandachtspunt(opgave=opgave, tekst=f"Extra punt {i}", volgorde=10 + i) for i in range(63)
    )
    for i in range(9):
        extra = Gespreksleidraad.objects.create(naam=f"Leidraad {i}", slug=f"leidraad-{i}")
        extra.opgaven.add(opgave)
        Gespreksvraag.objects.bulk_create(
            Gespreksvraag(leidraad=extra, tekst=f"Vraag {j}", volgorde=j) for j in range(7)
        )
    for i in range(36):
        Pagina.objects.create(titel=f"Pagina {i}", slug=f"pagina-{i}", tekst="Tekst.")


# Queries per page, anonymous and logged in: a logged-in user adds the session and the user,
# and on the home page their team card (team, agenda).
# Logged in, one more: the header's "My team" (one query, whatever the number of teams).
QUERIES = {"/": (1, 6), "/opgaven/": (2, 5), OPGAVE: (7, 10), "/over-ggp/": (1, 4)}


@pytest.mark.parametrize(("url", "queries"), QUERIES.items())
def test_query_count_is_pinned_and_flat_with_ten_times_the_data(
    client, collega, django_assert_max_num_queries, url, queries
):
    anoniem, ingelogd = queries
    with django_assert_max_num_queries(anoniem):
        assert client.get(url).status_code == 200
    client.force_login(collega)
    with django_assert_max_num_queries(ingelogd):
        assert client.get(url).status_code == 200
    _tienmaal_de_inhoud()
    with django_assert_max_num_queries(ingelogd):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/", "<title>Home · Podium</title>"),
        (OPGAVE, "<title>Werken in wijk en web · Podium</title>"),
        ("/accounts/login/", "<title>Inloggen · Podium</title>"),
    ],
)
def test_page_titles_name_the_page_then_the_site(client, url, title):
    assert title in client.get(url).content.decode()


def test_each_aandachtspunt_links_to_its_voorbeelden(client):
    html = client.get(OPGAVE).content.decode()
    punten = list(Opgave.objects.get(nummer=1).aandachtspunten.all())
    for punt in punten:
        assert f'<a href="/voorbeelden/?aandachtspunt={punt.pk}">{punt.tekst}</a>' in html
    # The link gives the voorbeelden of that aandachtspunt: webcare is one of opgave 1's.
    webcare = next(p for p in punten if p.tekst.startswith("Het doorontwikkelen van webcare"))
    response = client.get(f"/voorbeelden/?aandachtspunt={webcare.pk}")
    assert [v.titel for v in response.context["pagina"].object_list] == ["Webcare Twente"]


def test_aandachtspunt_links_cost_no_query_per_aandachtspunt(client, django_assert_num_queries):
    with CaptureQueriesContext(connection) as eerst:
        client.get(OPGAVE)
    assert len(eerst) <= QUERIES[OPGAVE][0]
    _tienmaal_de_inhoud()
    with django_assert_num_queries(len(eerst)):
        html = client.get(OPGAVE).content.decode()
    assert html.count('href="/voorbeelden/?aandachtspunt=') == 7 + 63


def test_meer_weten_leads_a_good_idea_to_sharing_a_voorbeeld(client):
    html = client.get("/over-ggp/").content.decode()
    sectie = html[html.index('<section id="meer-weten"') :]
    sectie = sectie[: sectie.index("</section>")]
    assert "heb je een goed idee?" in sectie
    assert f'<a href="{reverse("voorbeelden:nieuw")}">Deel een voorbeeld</a>' in sectie


def test_meer_weten_links_the_toolkit_where_the_text_names_it(client):
    # The folder names the page on Agora but gives no address: the redactie writes it in
    # the text as a link, the way every editor's text takes one.
    pagina = Pagina.objects.get(slug="meer-weten")
    adres = "https://agora.politie.example/toolkit-politiewerk-in-de-wijk"
    pagina.tekst = pagina.tekst.replace(
        "'toolkit politiewerk in de wijk'", f"'[toolkit politiewerk in de wijk]({adres})'"
    )
    pagina.save()
    html = client.get("/over-ggp/").content.decode()
    assert f'&#x27;<a href="{adres}">toolkit politiewerk in de wijk</a>&#x27; op Agora' in html


@pytest.mark.django_db
def test_the_toolkit_is_linked_where_the_folder_names_it_once_its_address_is_known(
    client, settings
):
    settings.TOOLKIT_URL = ""
    html = client.get("/over-ggp/").content.decode()
    assert "toolkit politiewerk in de wijk" in html
    assert "https://agora.example/toolkit" not in html

    settings.TOOLKIT_URL = "https://agora.example/toolkit"
    html = client.get("/over-ggp/").content.decode()
    assert '<a href="https://agora.example/toolkit">toolkit politiewerk in de wijk</a>' in html
