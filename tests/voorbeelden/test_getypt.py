"""A voorbeeld's texts are kept as they were typed (issue 9): the edit form and the admin
show blank lines and “- ” items, never the HTML they render to, and ten saves through
either change nothing. The detail page renders them, sanitised."""

from html.parser import HTMLParser

import pytest

from opgaven.models import Opgave
from tests.versiebeheer import admin_url
from voorbeelden.models import Voorbeeld

pytestmark = pytest.mark.django_db

GETYPT = {
    "aanleiding": "Veel kleine ergernissen bleven onbekend.\n\nBewoners wisten niet waar ze "
    "terechtkonden.\nDat zeiden ze bij de koffie.",
    "aanpak": "We begonnen klein:\n\n- een app met de gemeente\n- wekelijkse terugkoppeling "
    'door de wijkagent\n  over wat er gebeurde\n\nZie <a href="https://example.org/?a=1&b=2">'
    "de handleiding</a> en <em>vooral</em> de <strong>lessen</strong>.",
    "resultaat": "Meer meldingen (R&D-afdeling: 3 < 5 > 2) & minder overlast.",
    "lessen": "- Begin bij de bewoners\n- Hou het klein\n\nTot slot: “geduld”.",
}


class _Formulier(HTMLParser):
    """The fields of the page's form as a browser posts them: inputs, checked boxes,
    selected options, textareas with CRLF line ends."""

    def __init__(self, form_id: str | None, veld: str):
        super().__init__()
        self.form_id, self.veld = form_id, veld
        self.formulieren: list[list[tuple[str, str]]] = []
        self.in_form = False
        self.textarea: str | None = None
        self.select: str | None = None
        self.tekst: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.in_form = self.form_id is None or a.get("id") == self.form_id
            self.formulieren.append([])
        if not self.in_form:
            return
        velden = self.formulieren[-1]
        if tag == "input" and a.get("name") and a.get("type") not in {"submit", "button"}:
            if a.get("type") in {"checkbox", "radio"} and "checked" not in a:
                return
            standaard = "on" if a.get("type") in {"checkbox", "radio"} else ""
            velden.append((a["name"], a.get("value", standaard)))
        elif tag == "textarea":
            self.textarea, self.tekst = a["name"], []
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            velden.append((self.select, a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            tekst = "".join(self.tekst)
            # A browser drops the one line end right after <textarea> and posts CRLF.
            tekst = tekst.removeprefix("\n").replace("\n", "\r\n")
            self.formulieren[-1].append((self.textarea, tekst))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.tekst.append(data)

    def velden(self) -> dict[str, list[str]]:
        formulier = next(f for f in self.formulieren if any(n == self.veld for n, _ in f))
        data: dict[str, list[str]] = {}
        for naam, waarde in formulier:
            data.setdefault(naam, []).append(waarde)
        return data


def formulier(html: str, veld: str = "aanpak", form_id: str | None = None) -> dict:
    lezer = _Formulier(form_id, veld)
    lezer.feed(html)
    return lezer.velden()


def _textareas(html: str) -> dict[str, str]:
    return {
        naam: waarden[0].replace("\r\n", "\n")
        for naam, waarden in formulier(html).items()
        if naam in GETYPT
    }


def _deel(client, collega) -> Voorbeeld:
    client.force_login(collega)
    opgave = Opgave.objects.get(nummer=1)
    response = client.post(
        "/voorbeelden/nieuw/",
        {
            "titel": "Buurtapp in Lombok",
            "samenvatting": "Bewoners melden via een app wat hen opvalt.",
            "opgaven": [opgave.pk],
            "actie": "concept",
            **{naam: tekst.replace("\n", "\r\n") for naam, tekst in GETYPT.items()},
        },
    )
    assert response.status_code == 302
    return Voorbeeld.objects.get(titel="Buurtapp in Lombok")


def _zoals_getypt(voorbeeld: Voorbeeld) -> None:
    voorbeeld.refresh_from_db()
    assert {naam: getattr(voorbeeld, naam) for naam in GETYPT} == GETYPT


def test_ten_saves_on_the_edit_page_keep_the_text_as_typed(client, collega):
    voorbeeld = _deel(client, collega)
    _zoals_getypt(voorbeeld)
    url = f"/voorbeelden/{voorbeeld.slug}/bewerken/"
    for _ in range(10):
        html = client.get(url).content.decode()
        assert _textareas(html) == GETYPT
        response = client.post(url, {**formulier(html), "actie": "concept"})
        assert response.status_code == 302, response.context["form"].errors
        _zoals_getypt(voorbeeld)
    assert voorbeeld.history.count() == 11


def test_ten_saves_in_the_admin_keep_the_text_as_typed(client, collega, redacteur):
    voorbeeld = _deel(client, collega)
    client.force_login(redacteur)
    for _ in range(10):
        html = client.get(admin_url(voorbeeld)).content.decode()
        assert _textareas(html) == GETYPT
        data = formulier(html, form_id="voorbeeld_form")
        response = client.post(admin_url(voorbeeld), {**data, "_save": "Opslaan"})
        assert response.status_code == 302, response.context["adminform"].form.errors
        _zoals_getypt(voorbeeld)
    assert voorbeeld.history.count() == 11


@pytest.mark.parametrize("pagina", ["bewerken", "admin"])
def test_the_edit_forms_show_no_tags(client, collega, redacteur, pagina):
    voorbeeld = _deel(client, collega)
    if pagina == "admin":
        client.force_login(redacteur)
        url = admin_url(voorbeeld)
    else:
        url = f"/voorbeelden/{voorbeeld.slug}/bewerken/"
    teksten = _textareas(client.get(url).content.decode())
    for tekst in teksten.values():
        for tag in ("<p>", "</p>", "<ul>", "<li>", "rel="):
            assert tag not in tekst
    assert teksten["aanpak"].startswith("We begonnen klein:\n\n- een app met de gemeente\n")


def test_the_detail_page_renders_paragraphs_lists_links_and_emphasis(client, collega):
    voorbeeld = _deel(client, collega)
    html = client.get(voorbeeld.get_absolute_url()).content.decode()
    assert (
        "<p>Veel kleine ergernissen bleven onbekend.</p>\n"
        "<p>Bewoners wisten niet waar ze terechtkonden. Dat zeiden ze bij de koffie.</p>"
    ) in html
    assert "<p>We begonnen klein:</p>\n<ul><li>een app met de gemeente</li>" in html
    assert "<li>wekelijkse terugkoppeling door de wijkagent over wat er gebeurde</li></ul>" in html
    assert (
        '<p>Zie <a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer nofollow">'
        "de handleiding</a> en <em>vooral</em> de <strong>lessen</strong>.</p>"
    ) in html
    assert (
        "<p>Meer meldingen (R&amp;D-afdeling: 3 &lt; 5 &gt; 2) &amp; minder overlast.</p>" in html
    )
    assert "<ul><li>Begin bij de bewoners</li><li>Hou het klein</li></ul>\n<p>Tot slot:" in html
