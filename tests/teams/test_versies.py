"""The team context meets the versioned-edit contract (tests/versiebeheer.py)."""

import pytest
from django.contrib.auth.models import Group

from core.rechten import BEHEER
from teams import services
from teams.models import Basisteam, Cluster, Eenheid, Lidmaatschap, User
from tests.versiebeheer import (
    Bewerkbaar,
    contracttests,
)


def _teamchef() -> User:
    user, nieuw = User.objects.get_or_create(
        email="chef.versies@politie.test", defaults={"naam": "Vera Versie"}
    )
    if nieuw:
        team = Basisteam.objects.order_by("pk").first()
        Lidmaatschap.objects.create(user=user, basisteam=team, rol=Lidmaatschap.Rol.TEAMCHEF)
    return user


def _beheerder() -> User:
    user, nieuw = User.objects.get_or_create(
        email="beheer.versies@politie.test", defaults={"naam": "Ben Beheer", "is_staff": True}
    )
    if nieuw:
        user.groups.add(Group.objects.get(name=BEHEER))
    return user


def _team() -> Basisteam:
    """The teamchef leads the first team; every other team gets a membership too."""
    nummer = Basisteam.objects.count() + 1
    team = Basisteam.objects.create(
        naam=f"Basisteam Versie {nummer}",
        slug=f"versie-{nummer}",
        code=f"V{nummer}",
        eenheid=Eenheid.objects.get(code="MN"),
        overlast="Zoals het was",
    )
    chef = _teamchef()
    Lidmaatschap.objects.get_or_create(
        user=chef, basisteam=team, defaults={"rol": Lidmaatschap.Rol.TEAMCHEF}
    )
    return team


def _bewerk_op_pagina(client, team: Basisteam, versie: int, tekst: str):
    return client.post(f"/teams/{team.slug}/bewerken/", {"overlast": tekst, "versie": versie})


TEAMCONTEXT = Bewerkbaar(
    naam="team context",
    maak=_team,
    bewerker=_teamchef,
    pagina=_bewerk_op_pagina,
    service=lambda team, versie, tekst, door: services.bewerk_context(
        team, versie, {"overlast": tekst}, door=door
    ),
    waarde=lambda team: team.overlast,
    admin_veld="overlast",
    admin_bewerker=_beheerder,
)


def _cluster() -> Cluster:
    """A cluster of a team the teamchef leads, with the teamchef as its member."""
    team = _team()
    lid = team.lidmaatschappen.get(user=_teamchef())
    return services.maak_cluster(
        team, _teamchef(), naam=f"Cluster {team.code}", wijken="Oost", leden=[lid]
    )


def _cluster_op_pagina(client, cluster: Cluster, versie: int, tekst: str):
    return client.post(
        f"/teams/{cluster.basisteam.slug}/clusters/{cluster.pk}/bewerken/",
        {
            "naam": cluster.naam,
            "wijken": tekst,
            "leden": [str(pk) for pk in cluster.lidmaatschappen.values_list("pk", flat=True)],
            "versie": versie,
        },
    )


CLUSTER = Bewerkbaar(
    naam="cluster",
    maak=_cluster,
    bewerker=_teamchef,
    pagina=_cluster_op_pagina,
    service=lambda cluster, versie, tekst, door: services.werk_cluster_bij(
        cluster,
        versie,
        naam=cluster.naam,
        wijken=tekst,
        leden=list(cluster.lidmaatschappen.select_related("user")),
        door=door,
    ),
    waarde=lambda cluster: cluster.wijken,
    admin_veld="wijken",
    admin_bewerker=_beheerder,
)
SOORTEN = {"team context": TEAMCONTEXT, "cluster": CLUSTER}


@pytest.fixture
def soorten() -> dict[str, Bewerkbaar]:
    return SOORTEN


test_contract, test_race = contracttests("soorten", list(SOORTEN))


def test_a_page_edit_records_who_and_why_with_the_texts_as_saved(client, db):
    team = _team()
    client.force_login(_teamchef())

    client.post(
        f"/teams/{team.slug}/bewerken/",
        {"overlast": "Nieuw", "criminogene_factoren": "Ook nieuw", "versie": team.versie},
    )

    laatste = team.history.first()
    assert laatste.history_user == _teamchef()
    assert laatste.history_change_reason == str(services.REDEN_CONTEXT)
    assert (laatste.overlast, laatste.criminogene_factoren) == ("Nieuw", "Ook nieuw")


def test_saving_what_is_saved_leaves_no_version(client, db):
    team = _team()
    client.force_login(_teamchef())
    rijen = team.history.count()

    response = _bewerk_op_pagina(client, team, team.versie, team.overlast)

    assert response.status_code == 302
    team.refresh_from_db()
    assert (team.versie, team.history.count()) == (1, rijen)


def test_the_history_shows_in_the_admin_with_who_and_why(client, db):
    team = _team()
    services.bewerk_context(team, team.versie, {"overlast": "Anders"}, door=_teamchef())
    client.force_login(_beheerder())

    response = client.get(f"/admin/teams/basisteam/{team.pk}/history/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Vera Versie" in html
    assert str(services.REDEN_CONTEXT) in html
