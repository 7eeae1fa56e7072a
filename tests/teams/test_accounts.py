"""Accounts through allauth: e-mail login, closed sign-up, verification, reset, rate limits."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import IntegrityError

from teams.models import User
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_login_with_email_and_password(client, collega):
    response = client.post(
        "/accounts/login/", {"login": "collega@politie.test", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").context["user"] == collega


def test_login_page_is_dutch_and_in_the_portal_layout(client):
    html = client.get("/accounts/login/").content.decode()
    assert "<h1>Inloggen op Podium</h1>" in html
    assert 'class="site-header"' in html
    assert 'for="id_login"' in html
    assert "Wachtwoord vergeten?" in html
    assert "vraag het je teamchef" in html  # sign-up is closed: no sign-up link
    assert "/accounts/signup/" not in html


def test_wrong_password_gives_a_dutch_error_summary_and_keeps_the_email(client, collega):
    response = client.post(
        "/accounts/login/", {"login": "collega@politie.test", "password": "fout"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert "Er is een probleem" in html
    assert "Het door jou opgegeven e-mailadres en/of wachtwoord is niet correct." in html
    assert 'value="collega@politie.test"' in html


def test_unverified_email_cannot_log_in_and_gets_a_verification_mail(client, team):
    user = User.objects.create_user(email="nieuw@politie.test", password=PASSWORD, naam="Nieuw")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nieuw@politie.test"]


def test_signup_is_closed_by_default(client):
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    assert "Helaas, maar je kunt je momenteel niet registreren." in response.content.decode()
    client.post(
        "/accounts/signup/",
        {
            "email": "x@politie.test",
            "naam": "X",
            "password1": "Lang-wachtwoord-1",
            "password2": "Lang-wachtwoord-1",
        },
    )
    assert not User.objects.filter(email="x@politie.test").exists()


def test_signup_can_be_opened_by_a_setting_and_then_requires_verification(client, settings):
    settings.ACCOUNT_SIGNUP_OPEN = True
    response = client.post(
        "/accounts/signup/",
        {
            "email": "nieuwe.collega@politie.test",
            "naam": "Nieuwe Collega",
            "password1": "een-heel-lang-wachtwoord",
            "password2": "een-heel-lang-wachtwoord",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuwe.collega@politie.test")
    assert user.naam == "Nieuwe Collega"
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session
    assert "Bevestig" in mail.outbox[0].subject or "bevestig" in mail.outbox[0].body.lower()


def test_password_reset_sends_a_mail_only_for_known_accounts(client, collega):
    response = client.post("/accounts/password/reset/", {"email": "collega@politie.test"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_change_requires_login_and_works(client, collega):
    assert client.get("/accounts/password/change/").status_code == 302
    client.force_login(collega)
    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "nog-een-lang-wachtwoord",
            "password2": "nog-een-lang-wachtwoord",
        },
    )
    assert response.status_code == 302
    collega.refresh_from_db()
    assert collega.check_password("nog-een-lang-wachtwoord")


def test_failed_logins_are_rate_limited(client, collega):
    for _ in range(5):
        client.post("/accounts/login/", {"login": "collega@politie.test", "password": "fout"})
    response = client.post(
        "/accounts/login/", {"login": "collega@politie.test", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert "Te veel inlogpogingen. Probeer het later nogmaals." in response.content.decode()


def test_logout_is_a_post(client, collega):
    client.force_login(collega)
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_email_is_case_insensitively_unique(db):
    make_user("Hoofd@politie.test", "Een")
    with pytest.raises(IntegrityError):
        User.objects.create_user(email="HOOFD@politie.test", password="x")


def test_beheerder_invites_a_new_colleague_who_sets_a_password_and_is_verified(client, beheerder):
    nieuw = User.objects.create_user(email="uitgenodigd@politie.test", naam="Uitgenodigd")
    assert not nieuw.has_usable_password()
    client.force_login(beheerder)
    response = client.post(
        "/admin/teams/user/",
        {"action": "stuur_uitnodiging", "_selected_action": [nieuw.pk]},
        follow=True,
    )
    assert "1 uitnodiging verstuurd." in response.content.decode()
    assert mail.outbox[-1].to == ["uitgenodigd@politie.test"]
    link = next(w for w in mail.outbox[-1].body.split() if "/accounts/password/reset/key/" in w)
    client.logout()

    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(
        form_url,
        {"password1": "mijn-eigen-lang-wachtwoord", "password2": "mijn-eigen-lang-wachtwoord"},
    )
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=nieuw).verified
    response = client.post(
        "/accounts/login/", {"login": nieuw.email, "password": "mijn-eigen-lang-wachtwoord"}
    )
    assert response["Location"] == "/"
    assert "_auth_user_id" in client.session


def test_collega_cannot_send_invitations(client, collega):
    client.force_login(collega)
    response = client.post(
        "/admin/teams/user/", {"action": "stuur_uitnodiging", "_selected_action": [collega.pk]}
    )
    assert response.status_code in (302, 403)
    assert not mail.outbox


def test_invitation_after_the_beheerder_changed_the_address(client, beheerder):
    nieuw = User.objects.create_user(email="oud@politie.test", naam="Verhuisd")
    EmailAddress.objects.create(user=nieuw, email="oud@politie.test", primary=True)
    nieuw.email = "nieuw@politie.test"
    nieuw.save()
    client.force_login(beheerder)
    response = client.post(
        "/admin/teams/user/", {"action": "stuur_uitnodiging", "_selected_action": [nieuw.pk]}
    )
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["nieuw@politie.test"]
    assert "Je bent uitgenodigd voor Podium" in mail.outbox[-1].subject
    assert EmailAddress.objects.get(user=nieuw, primary=True).email == "nieuw@politie.test"


def test_reset_for_an_unknown_address_sends_nothing_while_signup_is_closed(client):
    response = client.post("/accounts/password/reset/", {"email": "onbekend@politie.test"})
    assert response.status_code == 302
    assert mail.outbox == []
