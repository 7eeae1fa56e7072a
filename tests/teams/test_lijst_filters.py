"""/teams/: the area and density bands, and what a team works on (its agenda: opgave,
aandachtspunt, stage), which opgaven adds to the list (`teams.filters.registreer_filters`)."""

from decimal import Decimal

import pytest

from opgaven.models import Fase, Opgave
from opgaven.services import zet_op_agenda
from teams.filters import BasisteamFilter, teamfilter
from teams.models import Basisteam
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

LEZEN = dict.fromkeys(PERSONAS, 200) | {"anonymous": 302}


def _team(eenheid, slug: str, oppervlakte=None, inwoners=None) -> Basisteam:
    return Basisteam.objects.create(
        naam=f"Team {slug}",
        slug=slug,
        code=slug.upper(),
        eenheid=eenheid,
        oppervlakte_km2=oppervlakte,
        inwoners=inwoners,
    )


@pytest.fixture
def banden(collega, eenheid):
    """Teams on and just beside the edges of the bands. The fixture's own team
    (utrecht-centrum: 10 km², 12,000 per km²) is there too."""
    _team(eenheid, "a", Decimal("49.99"), 10_000)  # 200 per km²
    _team(eenheid, "b", 50, 12_500)  # exactly 250 per km²
    _team(eenheid, "c", 200, 200_000)  # exactly 1,000 per km²
    _team(eenheid, "d", 500, 1_250_000)  # exactly 2,500 per km²
    _team(eenheid, "e", Decimal("199.99"), 49_997)  # just under 250 per km²
    _team(eenheid, "onbekend")  # in no band


def _slugs(response) -> set[str]:
    return {t.slug for t in response.context["pagina"].object_list}


@pytest.mark.parametrize(
    ("band", "verwacht"),
    [
        ("tot-50", {"a", "utrecht-centrum"}),
        ("50-200", {"b", "e"}),
        ("200-500", {"c"}),
        ("vanaf-500", {"d"}),
    ],
)
def test_area_bands_include_their_lower_edge(client, collega, banden, band, verwacht):
    client.force_login(collega)
    assert _slugs(client.get(f"/teams/?oppervlakte={band}")) == verwacht


@pytest.mark.parametrize(
    ("band", "verwacht"),
    [
        ("tot-250", {"a", "e"}),
        ("250-1000", {"b"}),
        ("1000-2500", {"c"}),
        ("vanaf-2500", {"d", "utrecht-centrum"}),
    ],
)
def test_density_bands_use_the_derived_density(client, collega, banden, band, verwacht):
    client.force_login(collega)
    assert _slugs(client.get(f"/teams/?dichtheid={band}")) == verwacht


def test_bands_combine_with_each_other_and_with_sorting(client, collega, banden):
    client.force_login(collega)
    response = client.get("/teams/?oppervlakte=50-200&dichtheid=tot-250&o=-dichtheid")
    assert [t.slug for t in response.context["pagina"].object_list] == ["e"]
    response = client.get("/teams/?dichtheid=vanaf-2500&o=-dichtheid")
    assert [t.slug for t in response.context["pagina"].object_list] == ["utrecht-centrum", "d"]


def test_density_is_never_stored():
    """It is the annotation of `met_kengetallen()`, which the filter asks for."""
    assert "dichtheid" not in {veld.name for veld in Basisteam._meta.get_fields()}


@pytest.fixture
def agendas(collega, teamchef, eenheid):
    """utrecht-centrum works on opgave 1 (verkennen) and two aandachtspunten of opgave 2
    (one verankerd); `y` on the whole of opgave 2 (aan de slag); `z` on nothing."""
    een, twee = Opgave.objects.get(nummer=1), Opgave.objects.get(nummer=2)
    eerste, tweede = twee.aandachtspunten.all()[:2]
    x = Basisteam.objects.get(slug="utrecht-centrum")
    y = _team(eenheid, "y", 300, 60_000)
    _team(eenheid, "z", 20, 90_000)
    zet_op_agenda(x, teamchef, een, fase=Fase.VERKENNEN)
    zet_op_agenda(x, teamchef, twee, eerste, Fase.VERANKERD)
    zet_op_agenda(x, teamchef, twee, tweede, Fase.VERKENNEN)
    zet_op_agenda(y, teamchef, twee, fase=Fase.AAN_DE_SLAG)
    return {"een": een, "twee": twee, "eerste": eerste, "tweede": tweede}


def test_filters_on_what_a_team_works_on(client, collega, agendas):
    client.force_login(collega)
    een, twee, eerste = agendas["een"].slug, agendas["twee"].slug, agendas["eerste"].pk
    uc = "utrecht-centrum"
    gevallen = {
        f"opgave={een}": [uc],
        # An aandachtspunt on the agenda counts for its opgave; a team is listed once.
        f"opgave={twee}": [uc, "y"],
        f"aandachtspunt={eerste}": [uc],
        "fase=verankerd": [uc],
        "fase=aan_de_slag": ["y"],
        "fase=verkennen": [uc],
        # Opgave, aandachtspunt and stage hold for one and the same agenda item.
        f"opgave={twee}&fase=verankerd": [uc],
        f"opgave={twee}&fase=aan_de_slag": ["y"],
        f"opgave={een}&fase=verankerd": [],
        f"opgave={twee}&aandachtspunt={eerste}&fase=verankerd": [uc],
        f"aandachtspunt={eerste}&fase=verkennen": [],
        # With the key figures' filters.
        f"opgave={twee}&dichtheid=vanaf-2500": [uc],
        f"opgave={twee}&oppervlakte=200-500": ["y"],
    }
    for query, verwacht in gevallen.items():
        response = client.get(f"/teams/?{query}&o=naam")
        namen = [t.slug for t in response.context["pagina"].object_list]
        assert namen == sorted(verwacht, key=lambda s: f"Basisteam {s}" if s == uc else s), query
        assert response.context["pagina"].paginator.count == len(verwacht), query
        assert not response.context["filter"].form.errors, query


def test_the_filter_state_is_a_shareable_url(client, collega, agendas):
    client.force_login(collega)
    twee, eerste = agendas["twee"], agendas["eerste"]
    url = (
        f"/teams/?opgave={twee.slug}&aandachtspunt={eerste.pk}&fase=verankerd&dichtheid=vanaf-2500"
    )
    html = client.get(url).content.decode()
    assert f'<option value="{twee.slug}" selected>' in html
    assert f'<option value="{eerste.pk}" selected>' in html
    assert '<option value="verankerd" selected>' in html
    assert '<option value="vanaf-2500" selected>' in html
    # The button that unfolds the filters on a phone counts them (an existing string).
    assert "Filters (4 actief)" in html
    # The column headers keep the filters when they sort.
    assert f"opgave={twee.slug}" in html[html.index("<thead>") : html.index("</thead>")]


def test_aandachtspunten_say_their_opgave(client, collega, agendas):
    client.force_login(collega)
    html = client.get("/teams/").content.decode()
    eerste = agendas["eerste"]
    assert f'<option value="{eerste.pk}">2. {eerste.tekst}</option>' in html


@pytest.mark.parametrize(
    ("query", "veld"),
    [
        ("oppervlakte=heel-groot", "oppervlakte"),
        ("dichtheid=1000-2000", "dichtheid"),
        ("opgave=bestaat-niet", "opgave"),
        ("aandachtspunt=999999", "aandachtspunt"),
        ("aandachtspunt=abc", "aandachtspunt"),
        ("fase=klaar", "fase"),
    ],
)
def test_invalid_input_is_an_error_on_the_form_not_a_500(client, collega, agendas, query, veld):
    client.force_login(collega)
    response = client.get(f"/teams/?{query}")
    assert response.status_code == 200
    assert list(response.context["filter"].form.errors) == [veld]
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#id_{veld}"' in html
    assert '<details class="uitklap" open>' in html  # the folded filters open on an error
    # The invalid filter is left out; the list is all teams.
    assert response.context["pagina"].paginator.count == Basisteam.objects.count()


def test_an_aandachtspunt_of_another_opgave_is_an_error(client, collega, agendas):
    client.force_login(collega)
    een, eerste = agendas["een"], agendas["eerste"]  # eerste is one of opgave 2's
    response = client.get(f"/teams/?opgave={een.slug}&aandachtspunt={eerste.pk}")
    assert response.status_code == 200
    assert list(response.context["filter"].form.errors) == ["aandachtspunt"]
    # The opgave still filters.
    assert _slugs(response) == {"utrecht-centrum"}


def test_the_list_mixes_in_the_filters_opgaven_registered():
    """teams declares none of the agenda's filters; opgaven's AppConfig registers them."""
    assert not {"opgave", "aandachtspunt", "fase"} & set(BasisteamFilter.base_filters)
    klasse = teamfilter()
    assert issubclass(klasse, BasisteamFilter)
    assert list(klasse.base_filters)[-3:] == ["opgave", "aandachtspunt", "fase"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_filtered_list_per_persona(as_persona, agendas, teamchef_ander_team, persona):
    url = f"/teams/?opgave={agendas['twee'].slug}&fase=verankerd&dichtheid=vanaf-2500"
    response = as_persona(persona).get(url)
    assert response.status_code == LEZEN[persona]
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
    else:
        assert _slugs(response) == {"utrecht-centrum"}


def _meer(eenheid, teamchef, opgaven, aantal: int) -> None:
    begin = Basisteam.objects.count()
    for n in range(begin, begin + aantal):
        team = _team(eenheid, f"meer-{n}", 5 + n, 50_000 + 1_000 * n)
        for opgave in opgaven[: 1 + n % 3]:
            zet_op_agenda(team, teamchef, opgave, fase=Fase.VERANKERD if n % 2 else Fase.VERKENNEN)
            for punt in opgave.aandachtspunten.all()[:2]:
                zet_op_agenda(team, teamchef, opgave, punt, Fase.VERANKERD)


def test_query_count_with_the_new_filters_flat_with_ten_times_the_data(
    client, collega, teamchef, eenheid, agendas, django_assert_max_num_queries
):
    client.force_login(collega)
    opgaven = list(Opgave.objects.all())
    twee = agendas["twee"]
    url = (
        f"/teams/?opgave={twee.slug}&aandachtspunt={agendas['eerste'].pk}&fase=verankerd"
        "&dichtheid=vanaf-2500&oppervlakte=tot-50&o=-dichtheid"
    )
    _meer(eenheid, teamchef, opgaven, 3)
    # 7 for the list, 2 for the options of the agenda filters, 2 to check the chosen opgave
    # and aandachtspunt exist.
    with django_assert_max_num_queries(11):
        klein = client.get(url)
    assert klein.status_code == 200
    teams, punten = Basisteam.objects.count(), twee.agendapunten.count()
    _meer(eenheid, teamchef, opgaven, 10 * teams)
    assert Basisteam.objects.count() >= 10 * teams
    assert twee.agendapunten.count() >= 10 * punten
    with django_assert_max_num_queries(11):
        groot = client.get(url)
    assert groot.context["pagina"].paginator.count > klein.context["pagina"].paginator.count
    with django_assert_max_num_queries(9):
        assert client.get("/teams/?o=dichtheid&page=2").status_code == 200
