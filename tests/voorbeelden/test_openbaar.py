"""Published voorbeelden are for logged-in colleagues; the ones the redactie marked openbaar
(the folder's seven among them) are for everyone: the list, a voorbeeld, the feed, the
related voorbeelden and an opgave's page."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from core.rechten import BEHEER, REDACTIE
from tests.conftest import PERSONAS
from voorbeelden.models import BRON_FOLDER, Voorbeeld

pytestmark = pytest.mark.django_db

FOLDER = {
    "webcare-twente",
    "bondgenoten",
    "fabricius",
    "tijdelijk-politiebureau-in-een-leegstaand-winkelpand",
    "tijdelijke-werkplek-met-een-chromebook",
    "mobiel-politiebureau-bollenstreek",
    "whatsapp-spreekuur-ijsselstein",
}


@pytest.fixture
def intern(maak_voorbeeld):
    """Published, not openbaar: for colleagues only."""
    return maak_voorbeeld("Alleen voor collega's", openbaar=False)


def test_the_folders_seven_are_openbaar_and_nothing_else():
    assert set(Voorbeeld.objects.openbaar().values_list("slug", flat=True)) == FOLDER
    assert not Voorbeeld.objects.exclude(bron=BRON_FOLDER).filter(openbaar=True).exists()


def test_a_new_voorbeeld_is_not_openbaar():
    assert Voorbeeld._meta.get_field("openbaar").default is False


DETAIL = {
    "anonymous": 302,  # to the login, like every page for colleagues
    "collega": 200,
    "teamchef": 200,
    "teamchef_ander_team": 200,
    "redacteur": 200,
    "beheerder": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_voorbeeld_that_is_not_openbaar_is_for_logged_in_colleagues(as_persona, intern, persona):
    response = as_persona(persona).get(intern.get_absolute_url())
    assert response.status_code == DETAIL[persona]
    if persona == "anonymous":
        assert response["Location"] == f"/accounts/login/?next={intern.get_absolute_url()}"


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_openbaar_voorbeeld_is_for_everyone(as_persona, persona):
    assert as_persona(persona).get("/voorbeelden/fabricius/").status_code == 200


def test_an_anonymous_visitor_gets_404_for_a_draft_not_a_login(client, concept):
    # A login page would tell that the draft exists.
    assert client.get(concept.get_absolute_url()).status_code == 404
    assert client.get("/voorbeelden/bestaat-niet/").status_code == 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_list_shows_anonymous_visitors_only_openbaar_ones(as_persona, intern, persona):
    html = as_persona(persona).get("/voorbeelden/").content.decode()
    assert ("Alleen voor collega" in html) is (persona != "anonymous")
    assert "Webcare Twente" in html


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_search_shows_anonymous_visitors_only_openbaar_ones(as_persona, intern, persona):
    client = as_persona(persona)
    # htmx asks for the results only; the same filter.
    for headers in ({}, {"HX-Request": "true"}):
        html = client.get("/voorbeelden/?q=collega", headers=headers).content.decode()
        assert ("Alleen voor collega" in html) is (persona != "anonymous")


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_feed_holds_only_openbaar_ones(as_persona, intern, persona):
    xml = as_persona(persona).get("/voorbeelden/feed/").content.decode()
    assert "Alleen voor collega" not in xml
    assert xml.count("<entry>") == len(FOLDER)


@pytest.mark.parametrize("persona", ["anonymous", "collega"])
def test_related_voorbeelden_and_the_opgave_page_follow_the_same_rule(
    as_persona, maak_voorbeeld, persona
):
    fabricius = Voorbeeld.objects.get(slug="fabricius")
    intern = maak_voorbeeld("Verwant maar intern", openbaar=False, opgaven=fabricius.opgaven.all())
    intern.aandachtspunten.set(fabricius.aandachtspunten.all())
    client = as_persona(persona)
    detail = client.get("/voorbeelden/fabricius/").content.decode()
    opgave = client.get(fabricius.opgaven.first().get_absolute_url()).content.decode()
    for html in (detail, opgave):
        assert ("Verwant maar intern" in html) is (persona == "collega")


@pytest.mark.parametrize(
    ("url", "queries"),
    [("/voorbeelden/", 14), ("/voorbeelden/fabricius/", 10), ("/voorbeelden/feed/", 3)],
)
def test_anonymous_query_counts_flat_with_ten_times_the_voorbeelden(
    client, maak_voorbeeld, django_assert_num_queries, url, queries
):
    fabricius = Voorbeeld.objects.get(slug="fabricius")
    with CaptureQueriesContext(connection) as eerst:
        assert client.get(url).status_code == 200
    assert len(eerst) <= queries
    for n in range(70):
        voorbeeld = maak_voorbeeld(f"Extra {n}", openbaar=n % 2 == 0)
        voorbeeld.aandachtspunten.set(fabricius.aandachtspunten.all())
    with django_assert_num_queries(len(eerst)):
        assert client.get(url).status_code == 200


# --- The data migration ---------------------------------------------------------------------


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_opens_the_folders_voorbeelden_only():
    apps = _migreer([("voorbeelden", "0005_delete_voorbeeldversie")])
    Oud = apps.get_model("voorbeelden", "Voorbeeld")
    Oud.objects.create(
        titel="Uit de folder", slug="uit-de-folder", samenvatting="-", bron=BRON_FOLDER
    )
    Oud.objects.create(titel="Van een team", slug="van-een-team", samenvatting="-", bron="Eigen")
    _migreer(MigrationExecutor(connection).loader.graph.leaf_nodes())
    openbaar = set(Voorbeeld.objects.filter(openbaar=True).values_list("slug", flat=True))
    assert openbaar == FOLDER | {"uit-de-folder"}
    # Archiving, not deleting: the groups lost the permission to delete a voorbeeld.
    for groep in Group.objects.filter(name__in=[REDACTIE, BEHEER]):
        assert not groep.permissions.filter(codename="delete_voorbeeld").exists()
        assert groep.permissions.filter(codename="change_voorbeeld").exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_anonymous_visitor_is_told_that_logging_in_shows_more(as_persona, persona):
    html = as_persona(persona).get("/voorbeelden/").content.decode()
    assert ('id="alleen-openbaar"' in html) is (persona == "anonymous")
    if persona == "anonymous":
        assert 'href="/accounts/login/?next=/voorbeelden/"' in html
