"""Word for word: the loaded opgaven and aandachtspunten against the folder's source text
in ../shared/bron, so an edit to either side that makes them differ is caught."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from opgaven.models import Opgave

BRON = Path(settings.BASE_DIR).parent / "shared" / "bron" / "podium-voor-goed-politiewerk.md"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not BRON.exists(), reason=f"the source text is not at {BRON}"),
]


def _secties() -> dict[int, list[str]]:
    """The lines under each '### N. Titel' heading, up to the next heading or example."""
    secties: dict[int, list[str]] = {}
    huidig = None
    for regel in BRON.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^### (\d)\. ", regel):
            huidig = int(match.group(1))
            secties[huidig] = []
        elif regel.startswith(("### ", "## ", "---", "Voorbeeld")):
            huidig = None
        elif huidig is not None:
            secties[huidig].append(regel)
    return secties


def _bron_tekst(regels: list[str]) -> str:
    tekst = []
    for regel in regels:
        if regel.startswith("De komende tijd richten we ons op"):
            break
        tekst.append(regel.strip())
    return " ".join(r for r in tekst if r)


def _bron_aandachtspunten(regels: list[str]) -> list[str]:
    punten: list[str] = []
    for regel in regels:
        if regel.startswith("- "):
            punten.append(regel[2:].strip())
        elif regel.startswith("  ") and punten:
            punten[-1] += " " + regel.strip()
    return punten


def test_every_opgave_text_is_the_folders_text():
    secties = _secties()
    assert sorted(secties) == list(range(1, 9))
    for opgave in Opgave.objects.all():
        assert opgave.tekst == _bron_tekst(secties[opgave.nummer]), opgave.titel


def test_every_aandachtspunt_is_the_folders_in_the_folders_order():
    secties = _secties()
    for opgave in Opgave.objects.all():
        geladen = list(opgave.aandachtspunten.values_list("tekst", flat=True))
        assert geladen == _bron_aandachtspunten(secties[opgave.nummer]), opgave.titel
