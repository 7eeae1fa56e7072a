import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError

from teams.models import Eenheid, Lidmaatschap

pytestmark = pytest.mark.django_db


def test_the_ten_regional_eenheden_are_loaded():
    assert list(Eenheid.objects.order_by("naam").values_list("naam", flat=True)) == [
        "Amsterdam",
        "Den Haag",
        "Limburg",
        "Midden-Nederland",
        "Noord-Holland",
        "Noord-Nederland",
        "Oost-Brabant",
        "Oost-Nederland",
        "Rotterdam",
        "Zeeland-West-Brabant",
    ]


def test_redactie_edits_content_but_not_people_and_beheer_does_both():
    redactie = set(
        Group.objects.get(name="Redactie").permissions.values_list("codename", flat=True)
    )
    beheer = set(Group.objects.get(name="Beheer").permissions.values_list("codename", flat=True))
    assert {
        "change_opgave",
        "add_aandachtspunt",
        "change_gespreksvraag",
        "change_pagina",
    } <= redactie
    assert not {p for p in redactie if p.endswith(("_user", "_basisteam", "_lidmaatschap"))}
    assert redactie <= beheer
    assert {"change_user", "add_basisteam", "change_lidmaatschap", "change_group"} <= beheer


def test_one_membership_per_user_and_team(collega, team):
    with pytest.raises(IntegrityError):
        Lidmaatschap.objects.create(user=collega, basisteam=team, rol="teamchef")


def test_membership_role_is_checked_by_the_database(collega, ander_team):
    with pytest.raises(IntegrityError):
        Lidmaatschap.objects.create(user=collega, basisteam=ander_team, rol="burgemeester")
