"""The 400, 403, 404, 500 and CSRF-failure pages with DEBUG off: the portal's layout, in
Dutch, one h1, a way on (back, home, a search of the voorbeelden), and nothing that leaks
(a team-only gesprek of another team is the same 404 as one that does not exist). The 500
page renders without the request's context and without the database."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import connection
from django.template import loader
from django.test import Client, RequestFactory
from django.urls import path

from gesprekken import services
from opgaven.models import Gespreksleidraad
from podium import urls as podium_urls
from podium.fouten import server_error

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def kapot(request):
    raise RuntimeError("geheime details van de fout")


def verboden(request):
    raise PermissionDenied("geheime reden")


def ongeldig(request):
    raise SuspiciousOperation("geheime verdenking")


# The portal's own URLs, its own 500 handler, and three views that fail on purpose.
urlpatterns = [
    path("test/kapot/", kapot),
    path("test/verboden/", verboden),
    path("test/ongeldig/", ongeldig),
    *podium_urls.urlpatterns,
]
handler500 = podium_urls.handler500

KOPPEN = {
    400: "Ongeldig verzoek",
    403: "Geen toegang",
    404: "Pagina niet gevonden",
    500: "Er ging iets mis",
    "csrf": "Het formulier kon niet worden gecontroleerd",
}
DJANGO_ENGELS = [
    "Not Found",
    "Bad Request",
    "Server Error",
    "403 Forbidden",
    "CSRF verification failed",
    "The requested resource",
]


@pytest.fixture(autouse=True)
def _productie(settings):
    settings.DEBUG = False


@pytest.fixture
def bezoeker():
    # As a browser meets the page: no exception raised into the test.
    return Client(raise_request_exception=False)


def _antwoord(bezoeker, soort, collega):
    if soort == 400:
        return bezoeker.get("/test/ongeldig/")
    if soort == 403:
        return bezoeker.get("/test/verboden/")
    if soort == 404:
        return bezoeker.get("/bestaat-niet/")
    if soort == 500:
        return bezoeker.get("/test/kapot/")
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(collega)
    return csrf.post("/voorbeelden/nieuw/", {"titel": "Zonder token"})


def _html(response) -> str:
    return response.content.decode()


def controleer_opmaak(html: str) -> None:
    """The portal's layout, one h1, and the way on."""
    assert '<html lang="nl">' in html
    assert 'class="site-header"' in html
    assert '<main id="inhoud"' in html
    assert 'class="site-footer"' in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert 'href="/"' in html
    assert re.search(r'<form[^>]+action="/voorbeelden/"[^>]*role="search"', html)
    assert '<label class="form-field__label" for="verder-zoek">' in html
    assert 'id="verder-zoek" name="q"' in html
    for engels in DJANGO_ENGELS:
        assert engels not in html


@pytest.mark.parametrize("soort", [400, 403, 404, 500, "csrf"])
def test_each_error_page_has_the_layout_and_a_way_on(bezoeker, collega, soort):
    response = _antwoord(bezoeker, soort, collega)
    assert response.status_code == (403 if soort == "csrf" else soort)
    html = _html(response)
    controleer_opmaak(html)
    assert "Podium" in html.split("</header>")[0]
    for geheim in ("geheime", "RuntimeError", "Traceback"):
        assert geheim not in html


@pytest.mark.parametrize("soort", [400, 403, 404, 500, "csrf"])
def test_each_error_page_is_in_dutch(bezoeker, collega, soort):
    html = _html(_antwoord(bezoeker, soort, collega))
    kop = re.search(r"<h1>(.*?)</h1>", html).group(1)
    assert kop == KOPPEN[soort]
    assert f"<title>{KOPPEN[soort]} · Podium</title>" in html
    assert "Hoe verder?" in html
    assert "Zoek in de voorbeelden" in html


def test_a_real_403_and_404(client, collega, maak_ander_voorbeeld):
    client.force_login(collega)
    response = client.get(f"/voorbeelden/{maak_ander_voorbeeld.slug}/bewerken/")
    assert response.status_code == 403
    controleer_opmaak(_html(response))
    response = client.get("/voorbeelden/bestaat-niet/")
    assert response.status_code == 404
    controleer_opmaak(_html(response))


@pytest.fixture
def maak_ander_voorbeeld(beheerder):
    from opgaven.models import Opgave
    from voorbeelden.models import Voorbeeld

    voorbeeld = Voorbeeld.objects.create(
        titel="Van een ander",
        slug="van-een-ander",
        samenvatting="Niet van jou.",
        auteur=beheerder,
        redactiestatus="gepubliceerd",
        gepubliceerd_op=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )
    voorbeeld.opgaven.set([Opgave.objects.get(nummer=4)])
    return voorbeeld


def _zonder_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def test_a_team_only_gesprek_is_the_same_404_as_none(client, team, teamchef, teamchef_ander_team):
    gesprek = services.maak_gesprek(
        team,
        teamchef,
        titel="Geheim teamoverleg",
        datum=datetime.date(2026, 3, 10),
        leidraad=Gespreksleidraad.objects.get(slug="interne-opgaven"),
    )
    client.force_login(teamchef_ander_team)
    bestaat = client.get(f"/gesprekken/{gesprek.pk}/")
    bestaat_niet = client.get(f"/gesprekken/{gesprek.pk + 1000}/")
    assert bestaat.status_code == bestaat_niet.status_code == 404
    html = _html(bestaat)
    assert "Geheim teamoverleg" not in html
    assert _zonder_token(html) == _zonder_token(_html(bestaat_niet)).replace(
        str(gesprek.pk + 1000), str(gesprek.pk)
    )
    controleer_opmaak(html)


def test_back_leads_only_to_a_page_of_this_site(client):
    html = _html(client.get("/bestaat-niet/", HTTP_REFERER="http://testserver/voorbeelden/?q=a"))
    assert '<a href="/voorbeelden/?q=a">' in html
    for elders in ("https://elders.example/pagina/", "javascript:alert(1)", ""):
        html = _html(client.get("/bestaat-niet/", HTTP_REFERER=elders))
        assert "elders.example" not in html
        assert "javascript:" not in html
        verder = html.split('class="verder"')[1].split("</section>")[0]
        assert verder.count("<li><a href=") == 3  # home, voorbeelden, opgaven


def test_a_request_for_another_host_gets_the_400_page(bezoeker):
    response = bezoeker.get("/", HTTP_HOST="elders.example", HTTP_REFERER="http://elders.example/")
    assert response.status_code == 400
    controleer_opmaak(_html(response))


def test_the_500_page_needs_no_request_context_and_no_database(collega, bezoeker):
    def geen_database(*args, **kwargs):
        raise AssertionError("the 500 page must not use the database")

    with connection.execute_wrapper(geen_database):
        response = server_error(RequestFactory().get("/"))
        # Django's own way, should the handler go: the template alone, no context at all.
        kaal = loader.get_template("500.html").render()
    assert response.status_code == 500
    controleer_opmaak(response.content.decode())
    controleer_opmaak(kaal)

    # Logged in, the page still shows nobody's name: it never read the request's user.
    bezoeker.force_login(collega)
    html = _html(bezoeker.get("/test/kapot/"))
    assert collega.get_full_name() not in html
    assert "csrfmiddlewaretoken" not in html
