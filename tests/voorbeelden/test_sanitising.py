"""Only paragraphs, lists, links and emphasis survive; no script, event handler or
javascript: link is ever stored or rendered."""

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


@pytest.mark.parametrize("aanval", AANVALLEN)
def test_dangerous_markup_is_gone_after_save(maak_voorbeeld, aanval):
    voorbeeld = maak_voorbeeld(aanpak=aanval, lessen=aanval)
    voorbeeld.refresh_from_db()
    for veld in (voorbeeld.aanpak, voorbeeld.lessen):
        laag = veld.lower()
        for gevaar in (
            "<script",
            "onerror",
            "onclick",
            "onload",
            "javascript:",
            "<iframe",
            "style=",
        ):
            assert gevaar not in laag


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
