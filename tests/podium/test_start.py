"""The first run (issue 9): `make run PORT=8123` serves on that port, every link that
`load_demo` prints or mails uses it, and `load_demo` prints the accounts, not a raw MIME
message of the e-mail that publishing the demo voorbeeld sends."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from podium.demo import DEMO_ACCOUNTS, DEMO_PASSWORD
from podium.management.commands.load_demo import Opvangen

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}


# The e-mail goes when load_demo's transaction commits: only a test that commits sees it.
echte_commit = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def eerste_start(settings):
    """As `make run PORT=8123` starts it: DEBUG, the console e-mail backend, SITE_ROOT."""
    settings.DEBUG = True
    settings.MAILERS = CONSOLE
    settings.SITE_ROOT = "http://127.0.0.1:8123"


@echte_commit
def test_load_demo_prints_the_accounts_and_no_mime_message(eerste_start, capsys):
    uit = io.StringIO()
    call_command("load_demo", stdout=uit)

    tekst = uit.getvalue() + capsys.readouterr().out
    for kop in ("Content-Type:", "MIME-Version:", "Content-Transfer-Encoding:", "Message-ID:"):
        assert kop not in tekst
    for account in DEMO_ACCOUNTS:
        assert account.email in tekst
    assert DEMO_PASSWORD in tekst


@echte_commit
def test_every_link_load_demo_prints_or_mails_uses_the_port(eerste_start):
    uit = io.StringIO()
    call_command("load_demo", stdout=uit)

    tekst = uit.getvalue()
    assert "http://127.0.0.1:8123/" in tekst
    assert "http://127.0.0.1:8123/accounts/login/" in tekst
    assert ":8000" not in tekst
    # The e-mails that publishing the demo voorbeeld and the question under it send are
    # kept, not sent; their links follow the port too.
    assert len(Opvangen.opgevangen) == 2
    for bericht in Opvangen.opgevangen:
        assert bericht.to == ["collega@demo.podium.invalid"]
        assert "http://127.0.0.1:8123/voorbeelden/demo-koffie-met-een-cop/" in bericht.body
        assert ":8000" not in bericht.body
        assert f"aan collega@demo.podium.invalid: {bericht.subject}" in tekst


@echte_commit
def test_a_second_run_sends_nothing_and_still_lists_the_accounts(eerste_start):
    call_command("load_demo", stdout=io.StringIO())
    uit = io.StringIO()
    call_command("load_demo", stdout=uit)
    assert Opvangen.opgevangen == []
    assert all(account.email in uit.getvalue() for account in DEMO_ACCOUNTS)


def _make_n(*argumenten: str) -> str:
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    uitkomst = subprocess.run(  # make -n only prints the commands
        [make, "-n", "run", *argumenten],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    return uitkomst.stdout


@pytest.mark.parametrize(("argumenten", "poort"), [((), "8000"), (("PORT=8123",), "8123")])
def test_make_run_serves_on_the_port_and_load_demo_links_to_it(argumenten, poort):
    regels = _make_n(*argumenten).splitlines()
    (demo,) = [r for r in regels if "load_demo" in r]
    (server,) = [r for r in regels if "runserver" in r]
    assert f"SITE_ROOT=http://127.0.0.1:{poort} " in demo
    assert server.endswith(f"runserver 127.0.0.1:{poort}")
    assert f"SITE_ROOT=http://127.0.0.1:{poort} " in server  # mails sent while it serves
