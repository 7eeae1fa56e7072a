"""Every allauth page a colleague meets: Dutch, in the portal's layout, per persona."""

import pytest

from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/confirm-email/",
]
PRIVATE = ["/accounts/password/change/", "/accounts/email/", "/accounts/logout/"]


def _assert_portal_page(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert 'href="#inhoud"' in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("url", PUBLIC)
def test_public_account_pages_in_the_portal_layout(client, url):
    _assert_portal_page(client.get(url))


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", PRIVATE)
def test_private_account_pages_per_persona(as_persona, persona, url):
    response = as_persona(persona).get(url)
    if persona == "anonymous":
        assert response.status_code == 302
        # Logging out when not logged in has nothing to confirm: back home.
        expected = "/" if url == "/accounts/logout/" else "/accounts/login/?next="
        assert response["Location"].startswith(expected)
    else:
        _assert_portal_page(response)


def test_password_change_page_is_dutch(client, collega):
    client.force_login(collega)
    html = client.get("/accounts/password/change/").content.decode()
    for woord in ["Wachtwoord wijzigen", "Huidig wachtwoord", "Nieuw wachtwoord", "Mijn account"]:
        assert woord in html
    for english in ["Change Password", "Current Password", "Sign Out"]:
        assert english not in html


def test_password_change_errors_keep_the_form_and_are_dutch(client, collega):
    client.force_login(collega)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": "fout", "password1": "kort", "password2": "anders"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is een probleem" in html
    assert "Vul je huidige wachtwoord in." in html or "huidige wachtwoord" in html


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/accounts/login/", 2),
        ("/accounts/signup/", 2),
        ("/accounts/password/reset/", 2),
        ("/accounts/password/reset/done/", 2),
        ("/accounts/password/reset/key/x-bad-token/", 2),
        ("/accounts/confirm-email/", 2),
    ],
)
def test_account_page_query_counts(client, django_assert_max_num_queries, url, queries):
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url", ["/accounts/password/change/", "/accounts/email/", "/accounts/logout/"]
)
def test_logged_in_account_page_query_counts(client, collega, django_assert_max_num_queries, url):
    client.force_login(collega)
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200
