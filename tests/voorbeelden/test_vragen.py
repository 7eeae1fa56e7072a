"""Questions answered in the open: the thread under a voorbeeld, per persona; the e-mail to
whoever answers (and turning it off); the redactie hiding a message; the rate limits."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from teams.services import afmeldtoken
from tests.conftest import PERSONAS, make_user
from voorbeelden import services
from voorbeelden.models import Bericht
from voorbeelden.vragen import REACTIES_PER_UUR, VRAGEN_PER_UUR

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _lege_cache():
    # The rate limits count in the cache, which outlives a test's transaction.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def voorbeeld(maak_voorbeeld, teamchef):
    # Openbaar: anonymous visitors read the voorbeeld itself, never its thread.
    return maak_voorbeeld("Koffie met een cop", contactpersoon=teamchef, openbaar=True)


@pytest.fixture
def vraag(voorbeeld, collega):
    return services.stel_vraag(voorbeeld, collega, "Hoe vaak doen jullie dit?")


def _vraag_url(voorbeeld):
    return f"/voorbeelden/{voorbeeld.slug}/vraag/"


def _reageer_url(vraag):
    return f"/voorbeelden/{vraag.voorbeeld.slug}/vragen/{vraag.pk}/reageren/"


def _verberg_url(bericht):
    return f"/voorbeelden/{bericht.voorbeeld.slug}/berichten/{bericht.pk}/verbergen/"


def _nl(msgid: str, **waarden) -> str:
    """What the e-mail says in Dutch, whether or not the catalogue has the string yet."""
    with translation.override("nl"):
        return gettext(msgid) % waarden


# --- models and services ---------------------------------------------------------------


def test_a_question_is_unanswered_until_a_visible_reply(vraag, teamchef, redacteur):
    assert list(Bericht.objects.onbeantwoord()) == [vraag]
    reactie = services.reageer(vraag, teamchef, "Elke zaterdag.")
    assert not Bericht.objects.onbeantwoord().exists()
    services.verberg(reactie, redacteur, "Persoonsgegevens")
    assert list(Bericht.objects.onbeantwoord()) == [vraag]
    services.verberg(vraag, redacteur, "Dubbel")
    assert not Bericht.objects.onbeantwoord().exists()


def test_the_thread_groups_replies_under_their_question_in_one_query(
    voorbeeld, vraag, teamchef, collega, django_assert_num_queries
):
    tweede = services.stel_vraag(voorbeeld, teamchef, "Wie zet de koffie?")
    antwoord = services.reageer(vraag, teamchef, "Elke zaterdag.")
    with django_assert_num_queries(1):
        draad = voorbeeld.draad()
        assert [(v, v.antwoorden) for v in draad] == [(vraag, [antwoord]), (tweede, [])]
        assert draad[0].antwoorden[0].aangemaakt_door == teamchef


def test_a_reply_answers_a_question_not_another_reply(vraag, teamchef, collega):
    antwoord = services.reageer(vraag, teamchef, "Elke zaterdag.")
    with pytest.raises(services.GeenVraag):
        services.reageer(antwoord, collega, "Dank je!")


def test_hiding_needs_a_reason_and_keeps_it_in_the_history(vraag, redacteur):
    with pytest.raises(ValueError, match="reason"):
        services.verberg(vraag, redacteur, "  ")
    assert services.verberg(vraag, redacteur, "Persoonsgegevens")
    assert not services.verberg(vraag, redacteur, "Nog eens")
    laatste = vraag.history.first()
    assert (laatste.verborgen, laatste.history_change_reason, laatste.history_user) == (
        True,
        "Persoonsgegevens",
        redacteur,
    )
    assert (vraag.versie, laatste.versie, vraag.history.count()) == (2, 2, 2)


# --- the thread on the detail page -------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_thread_is_for_logged_in_colleagues_only(as_persona, persona, voorbeeld, vraag):
    response = as_persona(persona).get(voorbeeld.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    if persona == "anonymous":
        assert "Hoe vaak doen jullie dit?" not in html
        assert f'id="bericht-{vraag.pk}"' not in html
        assert 'name="vraag-tekst"' not in html
        assert 'id="vragen"' not in html
    else:
        assert "Hoe vaak doen jullie dit?" in html
        assert f'id="bericht-{vraag.pk}"' in html
        assert f'action="{_vraag_url(voorbeeld)}"' in html
        assert f'action="{_reageer_url(vraag)}"' in html
        # Only the redactie gets the form that hides a message.
        verbergen = persona in ("redacteur", "beheerder")
        assert (f'action="{_verberg_url(vraag)}"' in html) == verbergen


def test_a_colleague_asks_and_the_contact_person_gets_an_email(
    client, voorbeeld, collega, teamchef, django_capture_on_commit_callbacks
):
    client.force_login(collega)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_vraag_url(voorbeeld), {"vraag-tekst": "Mogen wij meedoen?"})
    vraag = Bericht.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{voorbeeld.get_absolute_url()}#bericht-{vraag.pk}"
    assert (vraag.voorbeeld, vraag.aangemaakt_door, vraag.tekst, vraag.is_vraag) == (
        voorbeeld,
        collega,
        "Mogen wij meedoen?",
        True,
    )
    assert vraag.history.get().history_user == collega
    [bericht] = mail.outbox
    assert bericht.to == [teamchef.email]
    assert "Mogen wij meedoen?" in bericht.body
    assert f"{voorbeeld.get_absolute_url()}#bericht-{vraag.pk}" in bericht.body
    waarom = "You receive this e-mail because you are the contact person of “%(titel)s”."
    assert _nl(waarom, titel=voorbeeld.titel) in bericht.body
    afmelden = reverse("afmelden", args=[afmeldtoken(teamchef)])
    assert afmelden in bericht.body
    assert bericht.extra_headers["List-Unsubscribe"].endswith(f"{afmelden}>")
    assert bericht.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = client.get(voorbeeld.get_absolute_url()).content.decode()
    assert "Mogen wij meedoen?" in html


def test_without_a_contact_person_the_author_gets_it(
    client, maak_voorbeeld, collega, teamchef, django_capture_on_commit_callbacks
):
    voorbeeld = maak_voorbeeld("Zonder contact", auteur=collega)
    client.force_login(teamchef)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_vraag_url(voorbeeld), {"vraag-tekst": "Wie weet hier meer van?"})
    [bericht] = mail.outbox
    assert bericht.to == [collega.email]
    waarom = (
        "You receive this e-mail because you shared “%(titel)s” and it names no contact person."
    )
    assert _nl(waarom, titel=voorbeeld.titel) in bericht.body


def test_no_email_to_oneself(client, voorbeeld, teamchef, django_capture_on_commit_callbacks):
    client.force_login(teamchef)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_vraag_url(voorbeeld), {"vraag-tekst": "Een vraag aan mezelf"})
    assert Bericht.objects.count() == 1
    assert mail.outbox == []


def test_a_failed_send_does_not_block_the_page(
    client, voorbeeld, collega, monkeypatch, django_capture_on_commit_callbacks
):
    def stuk(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("voorbeelden.tasks.EmailMessage.send", stuk)
    client.force_login(collega)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_vraag_url(voorbeeld), {"vraag-tekst": "Komt dit aan?"})
    assert response.status_code == 302
    assert Bericht.objects.filter(tekst="Komt dit aan?").exists()


def test_the_contact_person_and_others_reply(
    client, voorbeeld, vraag, teamchef, teamchef_ander_team
):
    client.force_login(teamchef)
    response = client.post(_reageer_url(vraag), {f"reactie-{vraag.pk}-tekst": "Elke zaterdag."})
    antwoord = Bericht.objects.get(tekst="Elke zaterdag.")
    assert response["Location"] == f"{voorbeeld.get_absolute_url()}#bericht-{antwoord.pk}"
    assert (antwoord.vraag, antwoord.voorbeeld, antwoord.aangemaakt_door) == (
        vraag,
        voorbeeld,
        teamchef,
    )
    client.force_login(teamchef_ander_team)
    client.post(_reageer_url(vraag), {f"reactie-{vraag.pk}-tekst": "Bij ons ook."})
    assert list(vraag.reacties.values_list("tekst", flat=True)) == [
        "Elke zaterdag.",
        "Bij ons ook.",
    ]
    html = client.get(voorbeeld.get_absolute_url()).content.decode()
    assert html.index("Hoe vaak doen jullie dit?") < html.index("Elke zaterdag.")
    assert html.index("Elke zaterdag.") < html.index("Bij ons ook.")
    assert mail.outbox == []  # a reply e-mails nobody


def test_no_reply_to_a_reply_nor_to_a_hidden_question(client, vraag, teamchef, redacteur):
    antwoord = services.reageer(vraag, teamchef, "Elke zaterdag.")
    client.force_login(teamchef)
    response = client.post(_reageer_url(antwoord), {f"reactie-{antwoord.pk}-tekst": "Nou"})
    assert response.status_code == 404
    services.verberg(vraag, redacteur, "Dubbel")
    response = client.post(_reageer_url(vraag), {f"reactie-{vraag.pk}-tekst": "Nou"})
    assert response.status_code == 404
    assert vraag.reacties.count() == 1


@pytest.mark.parametrize("persona", ["anonymous", "collega"])
def test_posting_needs_a_login_and_a_published_voorbeeld(as_persona, persona, concept):
    # The draft's author reads its (empty) thread, but nobody asks about a draft.
    client = as_persona(persona)
    response = client.post(_vraag_url(concept), {"vraag-tekst": "Al klaar?"})
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 403
        html = client.get(concept.get_absolute_url()).content.decode()
        assert 'id="vragen"' in html
        assert 'name="vraag-tekst"' not in html
    assert not Bericht.objects.exists()


def test_a_draft_thread_is_not_there_for_others(client, concept, teamchef):
    client.force_login(teamchef)
    assert client.post(_vraag_url(concept), {"vraag-tekst": "Hallo?"}).status_code == 404


def test_forbidden_fields_are_ignored(client, voorbeeld, maak_voorbeeld, collega, teamchef):
    ander = maak_voorbeeld("Een ander voorbeeld")
    client.force_login(collega)
    client.post(
        _vraag_url(voorbeeld),
        {
            "vraag-tekst": "Gewoon een vraag",
            "vraag-verborgen": "on",
            "verborgen": "on",
            "verborgen_reden": "zomaar",
            "aangemaakt_door": teamchef.pk,
            "vraag-aangemaakt_door": teamchef.pk,
            "voorbeeld": ander.pk,
        },
    )
    vraag = Bericht.objects.get()
    assert (vraag.verborgen, vraag.verborgen_reden, vraag.aangemaakt_door, vraag.voorbeeld) == (
        False,
        "",
        collega,
        voorbeeld,
    )


@pytest.mark.parametrize(
    ("tekst", "melding"), [("   ", "Dit veld is verplicht."), ("x" * 2001, "2000")]
)
def test_bad_input_keeps_the_text(client, voorbeeld, vraag, collega, tekst, melding):
    client.force_login(collega)
    for url, veld in [
        (_vraag_url(voorbeeld), "vraag-tekst"),
        (_reageer_url(vraag), f"reactie-{vraag.pk}-tekst"),
    ]:
        response = client.post(url, {veld: tekst})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Er is een probleem" in html
        assert melding in html
        assert "form-field--invalid" in html
        if tekst.strip():
            assert f"{tekst}</textarea>" in html
    assert Bericht.objects.count() == 1


def test_questions_and_replies_are_rate_limited(client, voorbeeld, vraag, collega):
    client.force_login(collega)
    for n in range(VRAGEN_PER_UUR):
        response = client.post(_vraag_url(voorbeeld), {"vraag-tekst": f"Vraag {n}"})
        assert response.status_code == 302
    response = client.post(_vraag_url(voorbeeld), {"vraag-tekst": "Nog een"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "probeer het later opnieuw" in html
    assert "Nog een</textarea>" in html
    assert Bericht.objects.vragen().count() == VRAGEN_PER_UUR + 1
    # Replies have a limit of their own, which questions did not use up.
    veld = f"reactie-{vraag.pk}-tekst"
    for n in range(REACTIES_PER_UUR):
        assert client.post(_reageer_url(vraag), {veld: f"Reactie {n}"}).status_code == 302
    response = client.post(_reageer_url(vraag), {veld: "Te veel"})
    assert response.status_code == 200
    assert "Te veel</textarea>" in response.content.decode()
    assert vraag.reacties.count() == REACTIES_PER_UUR


def test_the_old_question_page_leads_to_the_thread(client, voorbeeld, collega):
    client.force_login(collega)
    response = client.get(_vraag_url(voorbeeld))
    assert response.status_code == 302
    assert response["Location"] == f"{voorbeeld.get_absolute_url()}#vragen"


# --- hiding --------------------------------------------------------------------------------


def test_the_redactie_hides_a_message_with_a_reason(client, voorbeeld, vraag, redacteur, collega):
    client.force_login(redacteur)
    response = client.post(_verberg_url(vraag), {f"verberg-{vraag.pk}-reden": "Persoonsgegevens"})
    assert response.status_code == 302
    vraag.refresh_from_db()
    assert (vraag.verborgen, vraag.verborgen_reden) == (True, "Persoonsgegevens")
    laatste = vraag.history.first()
    assert (laatste.history_change_reason, laatste.history_user) == ("Persoonsgegevens", redacteur)
    client.force_login(collega)
    html = client.get(voorbeeld.get_absolute_url()).content.decode()
    assert "Hoe vaak doen jullie dit?" not in html
    assert "Persoonsgegevens" not in html
    assert f'id="bericht-{vraag.pk}"' in html
    assert "bericht--verborgen" in html
    # The redactie still reads it in the admin.
    client.force_login(redacteur)
    html = client.get(f"/admin/voorbeelden/bericht/{vraag.pk}/change/").content.decode()
    assert "Hoe vaak doen jullie dit?" in html


def test_hiding_without_a_reason_is_refused(client, voorbeeld, vraag, redacteur):
    client.force_login(redacteur)
    response = client.post(_verberg_url(vraag), {f"verberg-{vraag.pk}-reden": " "})
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    vraag.refresh_from_db()
    assert not vraag.verborgen


VERBERGEN = {
    "anonymous": 302,
    "collega": 403,
    "teamchef": 403,  # the contact person too
    "teamchef_ander_team": 403,
    "redacteur": 302,
    "beheerder": 302,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_redactie_hides(as_persona, persona, vraag):
    response = as_persona(persona).post(_verberg_url(vraag), {f"verberg-{vraag.pk}-reden": "Weg"})
    assert response.status_code == VERBERGEN[persona]
    vraag.refresh_from_db()
    assert vraag.verborgen == (persona in ("redacteur", "beheerder"))


def test_the_admin_hides_with_a_reason(client, vraag, redacteur):
    client.force_login(redacteur)
    assert client.get("/admin/voorbeelden/bericht/").status_code == 200
    data = {"action": "verberg", "_selected_action": [vraag.pk]}
    response = client.post("/admin/voorbeelden/bericht/", data)
    assert response.status_code == 200  # asks the reason first
    # The page carries the choice and the action along to the answer.
    html = response.content.decode()
    assert 'name="action" value="verberg"' in html
    assert f'name="_selected_action" value="{vraag.pk}"' in html
    vraag.refresh_from_db()
    assert not vraag.verborgen
    client.post("/admin/voorbeelden/bericht/", {**data, "bevestig": "1", "reden": "Reclame"})
    vraag.refresh_from_db()
    assert (vraag.verborgen, vraag.verborgen_reden) == (True, "Reclame")
    assert vraag.history.first().history_change_reason == "Reclame"


def test_the_admin_shows_one_message_read_only(client, vraag, redacteur):
    client.force_login(redacteur)
    url = f"/admin/voorbeelden/bericht/{vraag.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"verborgen": "on", "tekst": "Anders"}).status_code == 403
    vraag.refresh_from_db()
    assert (vraag.verborgen, vraag.tekst, vraag.versie) == (False, "Hoe vaak doen jullie dit?", 1)
    assert client.get(f"/admin/voorbeelden/bericht/{vraag.pk}/delete/").status_code == 403
    assert client.get(f"/admin/voorbeelden/bericht/{vraag.pk}/history/").status_code == 200


# --- turning the e-mail off ---------------------------------------------------------------


def test_opted_out_nothing_is_sent(
    client, voorbeeld, collega, teamchef, django_capture_on_commit_callbacks
):
    teamchef.mail_over_vragen = False
    teamchef.save()
    client.force_login(collega)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_vraag_url(voorbeeld), {"vraag-tekst": "Hallo?"})
    assert Bericht.objects.count() == 1
    assert mail.outbox == []


def test_the_one_who_asks_is_not_told_whether_the_contact_person_reads_mail(
    client, voorbeeld, collega, teamchef
):
    client.force_login(collega)
    meldingen = []
    for mail_aan in (True, False):
        teamchef.mail_over_vragen = mail_aan
        teamchef.save()
        response = client.post(_vraag_url(voorbeeld), {"vraag-tekst": "Hallo?"}, follow=True)
        meldingen.append([str(m) for m in response.context["messages"]])
    assert meldingen[0] == meldingen[1] != []


def test_the_link_in_the_email_unsubscribes_without_a_login(client, teamchef, collega):
    url = reverse("afmelden", args=[afmeldtoken(teamchef)])
    # Opening the link (a link checker does) changes nothing; the button does.
    response = client.get(url)
    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    teamchef.refresh_from_db()
    assert teamchef.mail_over_vragen
    # As a mail client's one-click unsubscribe posts it: no session, no CSRF token.
    csrf_client = type(client)(enforce_csrf_checks=True)
    assert csrf_client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    teamchef.refresh_from_db()
    collega.refresh_from_db()
    assert not teamchef.mail_over_vragen
    assert collega.mail_over_vragen


def test_an_altered_link_unsubscribes_nobody(client, teamchef):
    token = afmeldtoken(teamchef)
    assert client.post(f"/accounts/meldingen/afmelden/{token}x/").status_code == 404
    assert client.post("/accounts/meldingen/afmelden/1/").status_code == 404
    teamchef.refresh_from_db()
    assert teamchef.mail_over_vragen


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_setting_on_the_account_pages(as_persona, persona):
    response = as_persona(persona).get("/accounts/meldingen/")
    if persona == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        html = response.content.decode()
        assert response.status_code == 200
        assert html.count("<h1") == 1
        assert 'name="mail_over_vragen"' in html
        assert 'aria-current="page"' in html


def test_turning_it_off_and_on_on_the_account_page(client, collega):
    client.force_login(collega)
    assert client.post("/accounts/meldingen/", {}).status_code == 302
    collega.refresh_from_db()
    assert not collega.mail_over_vragen
    client.post("/accounts/meldingen/", {"mail_over_vragen": "on", "is_staff": "on"})
    collega.refresh_from_db()
    assert collega.mail_over_vragen
    assert not collega.is_staff


# --- query counts ---------------------------------------------------------------------------


def _draad(voorbeeld, nummers: range):
    for n in nummers:
        vrager = make_user(f"vrager{n}@politie.test", f"Vrager {n}")
        vraag = services.stel_vraag(voorbeeld, vrager, f"Vraag {n}")
        services.reageer(vraag, make_user(f"antwoorder{n}@politie.test", f"A {n}"), "Ja")


@pytest.mark.parametrize("persona", ["collega", "redacteur"])
def test_the_detail_page_query_count_is_flat_in_the_messages(
    as_persona, persona, voorbeeld, django_assert_num_queries
):
    client = as_persona(persona)
    _draad(voorbeeld, range(1))
    with CaptureQueriesContext(connection) as eerst:
        assert client.get(voorbeeld.get_absolute_url()).status_code == 200
    assert len(eerst) <= 16
    _draad(voorbeeld, range(1, 10))
    assert Bericht.objects.count() == 20
    with django_assert_num_queries(len(eerst)):
        html = client.get(voorbeeld.get_absolute_url()).content.decode()
    assert "Vraag 9" in html
