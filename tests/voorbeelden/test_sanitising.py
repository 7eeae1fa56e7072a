"""Only paragraphs, lists, links and emphasis survive; no script, event handler or
javascript: link is ever rendered. Texts are stored as typed (tests/voorbeelden/
test_getypt.py) and sanitised at display, whatever the stored text holds."""

import pytest

from core.opmaak import schoon
from voorbeelden.models import Voorbeeld

pytestmark = pytest.mark.django_db

AANVALLEN = [
    '<script>alert("x")</script>Tekst',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">klik</a>',
    '<p onclick="alert(1)" style="color:red">Tekst</p>',
    '<iframe src="https://example.org"></iframe>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<svg onload="alert(1)"></svg>',
]


GEVAREN = ("<script", "alert(", "onerror", "onclick", "onload", "javascript:", "<iframe", "style=")


def _teksten(html: str) -> str:
    """The rendered texts of a detail page (its <div class="prose"> blocks)."""
    delen = html.split('<div class="prose">')[1:]
    assert delen
    return "".join(deel.split("</section>")[0] for deel in delen)


@pytest.mark.parametrize("aanval", AANVALLEN)
@pytest.mark.parametrize("zo", ["als tekst", "in een lijst", "als html"])
def test_dangerous_markup_is_never_rendered_after_save(client, maak_voorbeeld, aanval, zo):
    tekst = {
        "als tekst": f"Eerst.\n\n{aanval} en meer",
        "in een lijst": f"- een\n- {aanval}",
        "als html": f"<p>Eerst.</p><ul><li>{aanval}</li></ul>",
    }[zo]
    voorbeeld = maak_voorbeeld(aanpak=tekst, lessen=aanval)
    html = client.get(voorbeeld.get_absolute_url()).content.decode()
    teksten = _teksten(html).lower()
    for gevaar in GEVAREN:
        assert gevaar not in teksten
        for veld in (voorbeeld.aanpak, voorbeeld.lessen):
            assert gevaar not in schoon(veld).lower()


def test_the_safe_subset_is_kept():
    html = '<p>Een <strong>sterke</strong> <em>aanpak</em>: <a href="https://politie.nl">zie</a></p><ul><li>een</li></ul>'
    assert schoon(html) == (
        "<p>Een <strong>sterke</strong> <em>aanpak</em>: "
        '<a href="https://politie.nl" rel="noopener noreferrer nofollow">zie</a></p>'
        "<ul><li>een</li></ul>"
    )


def test_plain_text_becomes_paragraphs_and_lists():
    assert schoon("Eerste alinea.\n\n- een\n- twee") == (
        "<p>Eerste alinea.</p>\n<ul><li>een</li><li>twee</li></ul>"
    )


def test_stored_markup_that_bypassed_save_is_never_rendered(client, maak_voorbeeld):
    voorbeeld = maak_voorbeeld()
    Voorbeeld.objects.filter(pk=voorbeeld.pk).update(
        aanpak='<p>Goed</p><script>alert("x")</script><a href="javascript:alert(1)">x</a>'
    )
    html = client.get(voorbeeld.get_absolute_url()).content.decode()
    assert "<p>Goed</p>" in html
    assert 'alert("x")' not in html
    assert "javascript:alert" not in html


def test_the_summary_and_title_are_plain_text_escaped(client, maak_voorbeeld):
    voorbeeld = maak_voorbeeld("<b>Vet</b>", slug="vet", samenvatting="<script>x()</script>")
    html = client.get(voorbeeld.get_absolute_url()).content.decode()
    assert "<script>x()</script>" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
