"""Links in an editor's plain text: “[tekst](https://…)”, http(s) only, everything escaped."""

import pytest

from core.opmaak import opmaak, schoon


def test_a_link_in_a_paragraph_and_in_a_list_item():
    tekst = "Zie de [toolkit](https://agora.example/toolkit?a=1&b=2) op Agora.\n\n- [Een](http://x.example/)"
    assert opmaak(tekst) == (
        '<p>Zie de <a href="https://agora.example/toolkit?a=1&amp;b=2">toolkit</a> op Agora.</p>\n'
        '<ul><li><a href="http://x.example/">Een</a></li></ul>'
    )


def test_a_link_whose_text_runs_over_two_lines():
    assert opmaak("de [toolkit politiewerk\nin de wijk](https://a.example/)") == (
        '<p>de <a href="https://a.example/">toolkit politiewerk in de wijk</a></p>'
    )


@pytest.mark.parametrize(
    "tekst",
    [
        "[klik](javascript:alert(1))",
        "[klik](data:text/html,<script>alert(1)</script>)",
        "[klik](//evil.example/)",
        "[klik](/voorbeelden/nieuw/)",
        '[klik](https://a.example/" onmouseover="alert(1))',
        "[klik](https://a.example/<script>)",
    ],
)
def test_anything_but_an_http_address_stays_text(tekst):
    html = str(opmaak(tekst))
    assert "<a " not in html
    assert "<script" not in html
    assert '"' not in html.removeprefix("<p>").removesuffix("</p>")


def test_the_link_text_is_escaped():
    assert opmaak("[<b>vet</b> & meer](https://a.example/)") == (
        '<p><a href="https://a.example/">&lt;b&gt;vet&lt;/b&gt; &amp; meer</a></p>'
    )


def test_brackets_that_are_no_link_stay_as_typed():
    assert opmaak("Zie [1] en (toelichting).") == "<p>Zie [1] en (toelichting).</p>"


def test_a_colleagues_plain_text_link_survives_sanitising():
    assert schoon("Zie [de site](https://a.example/).") == (
        '<p>Zie <a href="https://a.example/" rel="noopener noreferrer nofollow">de site</a>.</p>'
    )
