"""core.versies, core.admin and core.models, on a real model (the team agenda item): the one
compare-and-set, the admin's history that can be read but not put back, and the rules that
hold across the whole code base (one Conflict class; every history-keeping model versioned
and edited through VersieAdmin or read-only)."""

import ast
from pathlib import Path

import pytest
from django.contrib import admin
from simple_history.models import registered_models

from core.admin import HistorieAdmin, VersieAdmin
from core.versies import Conflict, werk_bij
from opgaven.models import AgendaPunt, Opgave
from opgaven.services import zet_op_agenda

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "teams", "opgaven", "voorbeelden", "gesprekken", "podium"]

# Every object people edit keeps its history (issue 8); a new one is added here knowingly.
MET_HISTORIE = {
    "teams.Basisteam",
    "teams.Cluster",
    "opgaven.AgendaPunt",
    "voorbeelden.Voorbeeld",
    "voorbeelden.Bericht",
    "gesprekken.Gesprek",
    "gesprekken.Antwoord",
    "gesprekken.Afspraak",
}


# Answers are given on the gesprek page only; the admin shows them and their history.
# Messages are written on the voorbeeld's page and hidden with the admin's action only.
ALLEEN_LEZEN = {"gesprekken.Antwoord", "voorbeelden.Bericht"}


@pytest.fixture
def punt(team, teamchef) -> AgendaPunt:
    return zet_op_agenda(team, teamchef, Opgave.objects.get(nummer=1), notitie="Begin.")


@pytest.mark.django_db
def test_a_change_is_the_next_version_with_who_and_why(punt, teamchef):
    assert werk_bij(punt, 1, {"notitie": "Verder."}, door=teamchef, reden="omdat")
    assert punt.versie == 2
    assert punt.notitie == "Verder."
    rij = punt.history.first()
    assert (rij.versie, rij.notitie, rij.history_user, rij.history_change_reason) == (
        2,
        "Verder.",
        teamchef,
        "omdat",
    )
    assert punt.bijgewerkt_door == teamchef


@pytest.mark.django_db
def test_saving_what_is_saved_leaves_no_version(punt, teamchef):
    rijen = punt.history.count()
    assert not werk_bij(punt, 1, {"notitie": "Begin."}, door=teamchef, reden="niets")
    punt.refresh_from_db()
    assert punt.versie == 1
    assert punt.history.count() == rijen


@pytest.mark.django_db
def test_a_stale_version_raises_the_conflict_with_what_is_saved(punt, teamchef, collega):
    werk_bij(punt, 1, {"notitie": "Eerst."}, door=teamchef, reden="eerst")
    oud = AgendaPunt.objects.get(pk=punt.pk)
    oud.versie = 1
    with pytest.raises(Conflict) as fout:
        werk_bij(oud, 1, {"notitie": "Later."}, door=collega, reden="later")
    assert fout.value.huidig.notitie == "Eerst."
    assert fout.value.huidig.versie == 2
    punt.refresh_from_db()
    assert punt.notitie == "Eerst."


@pytest.mark.django_db
def test_related_objects_compare_by_key(punt, teamchef):
    assert not werk_bij(punt, 1, {"opgave": punt.opgave}, door=teamchef, reden="zelfde")
    assert werk_bij(
        punt, 1, {"opgave": Opgave.objects.get(nummer=2)}, door=teamchef, reden="ander"
    )


@pytest.mark.django_db
def test_the_admin_history_is_read_only(client, punt, beheerder):
    client.force_login(beheerder)
    rij = punt.history.first()
    url = f"/admin/opgaven/agendapunt/{punt.pk}/history/{rij.history_id}/"
    response = client.get(url)
    assert response.status_code == 200
    assert b"Herstel" not in response.content
    assert client.post(url, {"notitie": "Teruggezet", "fase": punt.fase}).status_code == 403
    punt.refresh_from_db()
    assert punt.notitie == "Begin."


def test_there_is_one_conflict_class():
    conflicten = [
        f"{pad.relative_to(ROOT)}:{knoop.lineno}"
        for app in APPS
        for pad in (ROOT / app).rglob("*.py")
        for knoop in ast.walk(ast.parse(pad.read_text()))
        if isinstance(knoop, ast.ClassDef) and "conflict" in knoop.name.lower()
    ]
    assert conflicten == ["core/versies.py:26"]


def test_every_edited_object_keeps_history_and_a_version():
    modellen = {
        f"{m._meta.app_label}.{m._meta.object_name}": m for m in registered_models.values()
    }
    assert set(modellen) == MET_HISTORIE
    for model in modellen.values():
        assert model._meta.get_field("versie")
        beheer = admin.site._registry[model]
        assert isinstance(beheer, HistorieAdmin)
        if f"{model._meta.app_label}.{model._meta.object_name}" not in ALLEEN_LEZEN:
            assert isinstance(beheer, VersieAdmin), model
