"""Fixtures of the real-browser suite (`make e2e`): Debian's Chromium, the live server and
a user who can log in."""

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client

from teams.models import User

from .helpers import PASSWORD


def pytest_configure(config):
    # pytest-playwright 0.10's own base_url fixture trips a pytest 9 deprecation; not ours.
    config.addinivalue_line(
        "filterwarnings",
        "ignore:Session-scoped fixtures defined as instance methods"
        ":pytest.PytestRemovedIn10Warning",
    )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """The system Chromium; never a browser downloaded by `playwright install`."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def url(live_server):
    """`url("/opgaven/")` is that path's absolute address on the live server."""
    return lambda path: f"{live_server.url}{path}"


@pytest.fixture
def user(transactional_db):
    """A user who can log in: e-mail verification is mandatory, so the address is verified."""
    user = User.objects.create_user(
        email="a.jansen@politie.example", password=PASSWORD, naam="Anna Jansen"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def logged_in_page(context, user, live_server):
    """A page whose browser already holds the session of `user` (no login form needed)."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()
