import io

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from core.opmaak import opmaak
from podium.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from teams.models import Basisteam, Lidmaatschap, User
from voorbeelden.models import Voorbeeld


def test_opmaak_paragraphs_lists_and_subheadings():
    tekst = "Eerste alinea\nloopt door.\n\n### Kopje\n\nLijst:\n- een\n- twee\n  vervolg\n\nSlot."
    assert opmaak(tekst) == (
        "<p>Eerste alinea loopt door.</p>\n<h3>Kopje</h3>\n<p>Lijst:</p>\n"
        "<ul><li>een</li><li>twee vervolg</li></ul>\n<p>Slot.</p>"
    )


def test_opmaak_escapes_everything_an_editor_types():
    assert opmaak("<script>x</script>\n- <b>vet</b>") == (
        "<p>&lt;script&gt;x&lt;/script&gt;</p>\n<ul><li>&lt;b&gt;vet&lt;/b&gt;</li></ul>"
    )
    assert opmaak("") == ""


@pytest.mark.django_db
def test_demo_data_has_a_verified_account_per_persona_and_is_idempotent(client):
    call_command("load_demo", "--force", stdout=io.StringIO())
    call_command("load_demo", "--force", stdout=io.StringIO())
    assert User.objects.filter(email__endswith="@demo.podium.invalid").count() == len(
        DEMO_ACCOUNTS
    )
    assert Basisteam.objects.filter(naam__endswith="(demo)").count() == 6
    assert (
        EmailAddress.objects.filter(verified=True, email__endswith="@demo.podium.invalid").count()
        == 5
    )
    assert Lidmaatschap.objects.filter(rol="teamchef").count() == 2
    demo = Voorbeeld.objects.filter(slug__startswith="demo-")
    assert sorted(demo.values_list("redactiestatus", flat=True)) == ["gepubliceerd", "ingediend"]
    assert User.objects.get(email="redacteur@demo.podium.invalid").groups.get().name == "Redactie"
    response = client.post(
        "/accounts/login/", {"login": "teamchef@demo.podium.invalid", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


@pytest.mark.django_db
def test_demo_data_refuses_without_debug():
    # pytest-django runs with DEBUG off, as production does.
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.filter(email__endswith="@demo.podium.invalid").exists()


def test_opmaak_subheading_level_follows_the_page():
    assert opmaak("### Kop", 2) == "<h2>Kop</h2>"
