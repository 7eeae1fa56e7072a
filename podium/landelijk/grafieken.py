"""The charts of the landelijk beeld as inline SVG, drawn on the server: no script, no chart
library. Each is an image with a title and a description (`role="img"`, aria-labelledby);
every figure is written in the chart as text as well, stages differ by pattern as well as by
shade, and the table beside each chart holds the same figures.

The drawing is 320 units wide and scales to its container (`width="100%"`), so a phone
shows it whole at about its own size and nothing scrolls sideways."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from opgaven.models import Fase

from .cijfers import FASEN, Beeld
from .tabellen import opgave_label

BREEDTE = 320
TEKST = "#1a1a1a"
LIJN = "#15325f"
# Light to dark, with the colour of text that reaches 4.5:1 on each.
SCHAAL = [
    ("#ffffff", TEKST),
    ("#e8eef7", TEKST),
    ("#c9d8ec", TEKST),
    ("#8fa9cf", TEKST),
    ("#4a6fa5", "#ffffff"),
    ("#15325f", "#ffffff"),
]
# Per stage: the fill (a hatch pattern for the first) and its text colour.
FASE_VULLING = {
    Fase.VERKENNEN.value: ("url(#arcering)", TEKST),
    Fase.AAN_DE_SLAG.value: ("#4a6fa5", "#ffffff"),
    Fase.VERANKERD.value: ("#15325f", "#ffffff"),
}
ARCERING = mark_safe(
    '<pattern id="arcering" width="6" height="6" patternUnits="userSpaceOnUse"'
    ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"></rect>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#8fa9cf" stroke-width="3"></line></pattern>'
)


# A legend's swatch; the hatch pattern it may name is defined once, in the chart.
VAKJE = '<rect x="1" y="1" width="22" height="12" fill="{}" stroke="{}"></rect>'


@dataclass(frozen=True)
class Grafiek:
    svg: SafeString
    legenda: list[tuple[SafeString, str]]  # a small picture and its text


def _svg(ident: str, titel: str, beschrijving: str, hoogte: float, inhoud) -> SafeString:
    return format_html(
        '<svg class="grafiek" role="img" aria-labelledby="{0}-titel {0}-beschrijving"'
        ' viewBox="0 0 {1} {2}" width="100%" preserveAspectRatio="xMinYMin meet"'
        ' font-size="14"><title id="{0}-titel">{3}</title>'
        '<desc id="{0}-beschrijving">{4}</desc>{5}</svg>',
        ident,
        BREEDTE,
        _n(hoogte),
        titel,
        beschrijving,
        inhoud,
    )


def _n(getal: float) -> str:
    """A coordinate: a point as decimal sign, whatever the language of the page."""
    return f"{getal:.1f}"


def _teken(inhoud: str) -> SafeString:
    """A small picture for the legend, hidden from assistive technology (the text says it)."""
    return format_html(
        '<svg class="grafiek__teken" viewBox="0 0 24 14" width="24" height="14"'
        ' aria-hidden="true" focusable="false">{}</svg>',
        inhoud,
    )


def _tekst(x: float, y: float, waarde, kleur: str = TEKST, anker: str = "start", **extra) -> str:
    attributen = format_html_join(
        "", ' {}="{}"', ((k.replace("_", "-"), v) for k, v in extra.items())
    )
    return format_html(
        '<text x="{}" y="{}" fill="{}" text-anchor="{}"{}>{}</text>',
        _n(x),
        _n(y),
        kleur,
        anker,
        attributen,
        waarde,
    )


def fasen_staven(beeld: Beeld) -> Grafiek:
    """Per opgave a bar of the teams that have it on their agenda, in three stacked stages;
    the bar's full width is every basisteam in the selection."""
    schaal = max(beeld.teams, max((o.teams for o in beeld.opgaven), default=0), 1)
    ruimte = BREEDTE - 44  # room for the total after the bar
    delen = []
    for i, opgave in enumerate(beeld.opgaven):
        y = i * 50
        delen.append(_tekst(0, y + 14, opgave_label(opgave.nummer, opgave.titel)))
        x = 0.0
        for fase, aantal in opgave.fasen.items():
            if not aantal:
                continue
            breedte = ruimte * aantal / schaal
            vulling, kleur = FASE_VULLING[fase]
            delen.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="24" fill="{}"'
                    ' stroke="{}" stroke-width="1"></rect>',
                    _n(x),
                    y + 20,
                    _n(breedte),
                    vulling,
                    LIJN,
                )
            )
            if breedte >= 8 * len(str(aantal)) + 4:
                delen.append(_tekst(x + breedte / 2, y + 37, aantal, kleur, "middle"))
            x += breedte
        delen.append(_tekst(x + 6, y + 37, opgave.teams, font_weight="bold"))
    beschrijving = _(
        "For each opgave, the number of basisteams that have it on their agenda, by stage "
        "(%(fasen)s); the full width is all %(teams)s basisteams. The table below gives "
        "the same figures."
    ) % {"fasen": ", ".join(str(Fase(f).label) for f in FASEN), "teams": beeld.teams}
    legenda = [
        (
            _teken(format_html(VAKJE, vulling, LIJN)),
            str(Fase(fase).label),
        )
        for fase, (vulling, _kleur) in FASE_VULLING.items()
    ]
    return Grafiek(
        svg=_svg(
            "grafiek-fasen",
            _("Teams per opgave and stage"),
            beschrijving,
            len(beeld.opgaven) * 50,
            mark_safe(f"<defs>{ARCERING}</defs>" + "".join(delen)),  # noqa: S308 (escaped above)
        ),
        legenda=legenda,
    )


def warmtekaart(beeld: Beeld) -> Grafiek:
    """Eenheden × opgaven: in each cell the number of teams with that opgave on their
    agenda, darker as more of the eenheid's teams have it."""
    links, kop = 150, 34
    cel = (BREEDTE - links) / max(len(beeld.opgaven), 1)
    delen = [_tekst(links + cel * len(beeld.opgaven) / 2, 12, _("Opgave"), anker="middle")]
    for j, opgave in enumerate(beeld.opgaven):
        delen.append(_tekst(links + cel * (j + 0.5), 28, opgave.nummer, anker="middle"))
    for i, eenheid in enumerate(beeld.eenheden):
        y = kop + i * 28
        delen.append(_tekst(0, y + 19, eenheid.naam, font_size="12"))
        for j, opgave in enumerate(beeld.opgaven):
            aantal = eenheid.per_opgave.get(opgave.pk, 0)
            stap = 0 if not aantal else 1 + round(4 * aantal / max(eenheid.teams, aantal))
            vulling, kleur = SCHAAL[min(stap, len(SCHAAL) - 1)]
            delen.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="28" fill="{}"'
                    ' stroke="#767676" stroke-width="1"></rect>',
                    _n(links + cel * j),
                    y,
                    _n(cel),
                    vulling,
                )
            )
            delen.append(_tekst(links + cel * (j + 0.5), y + 19, aantal, kleur, "middle"))
    beschrijving = _(
        "For each eenheid (rows) and opgave (columns, by number), the number of basisteams "
        "with that opgave on their agenda; the darker the cell, the larger the share of the "
        "eenheid's teams. The table below gives the same figures."
    )
    legenda = [
        (_teken(format_html(VAKJE, vulling, "#767676")), tekst)
        for vulling, tekst in (
            (SCHAAL[0][0], _("no team")),
            (SCHAAL[2][0], _("a few of the eenheid's teams")),
            (SCHAAL[5][0], _("(nearly) all of its teams")),
        )
    ]
    return Grafiek(
        svg=_svg(
            "grafiek-eenheden",
            _("Teams with the opgave on their agenda, per eenheid"),
            beschrijving,
            kop + len(beeld.eenheden) * 28 + 2,
            mark_safe("".join(delen)),  # noqa: S308 (escaped above)
        ),
        legenda=legenda,
    )


def _marker(soort: str, x: float, y: float) -> str:
    if soort == "rondje":
        return format_html('<circle cx="{}" cy="{}" r="4" fill="{}"></circle>', _n(x), _n(y), LIJN)
    return format_html(
        '<rect x="{}" y="{}" width="8" height="8" fill="#ffffff" stroke="{}"'
        ' stroke-width="2"></rect>',
        _n(x - 4),
        _n(y - 4),
        "#8a6414",
    )


def trendlijn(beeld: Beeld) -> Grafiek:
    """Gesprekken (solid line, dots) and afspraken (dashed line, squares) per quarter, with
    each quarter's figures written under the axis."""
    reeksen = [
        ("rondje", "", LIJN, [k.gesprekken for k in beeld.kwartalen]),
        ("vierkant", "6 4", "#8a6414", [k.afspraken.totaal for k in beeld.kwartalen]),
    ]
    links, boven, hoogte = 36, 12, 150
    hoogste = max([1, *(w for *_r, waarden in reeksen for w in waarden)])
    stap = (BREEDTE - links - 8) / max(len(beeld.kwartalen), 1)

    def xy(i: int, waarde: int) -> tuple[float, float]:
        return links + stap * (i + 0.5), boven + hoogte * (1 - waarde / hoogste)

    delen = [
        format_html(
            '<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="#767676"></line>'
            '<line x1="{0}" y1="{3}" x2="{0}" y2="{1}" stroke="#767676"></line>',
            links,
            boven + hoogte,
            BREEDTE - 8,
            boven,
        ),
        _tekst(links - 6, boven + hoogte + 4, 0, anker="end"),
        _tekst(links - 6, boven + 4, hoogste, anker="end"),
    ]
    for soort, streep, kleur, waarden in reeksen:
        punten = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(i, w) for i, w in enumerate(waarden)))
        delen.append(
            format_html(
                '<polyline points="{}" fill="none" stroke="{}" stroke-width="2"'
                ' stroke-dasharray="{}"></polyline>',
                punten,
                kleur,
                streep or "none",
            )
        )
        delen.extend(_marker(soort, *xy(i, w)) for i, w in enumerate(waarden))
    onder = boven + hoogte
    for i, kwartaal in enumerate(beeld.kwartalen):
        x = xy(i, 0)[0]
        label = _("Q%(kwartaal)s") % {"kwartaal": kwartaal.kwartaal}
        delen.append(_tekst(x, onder + 16, label, anker="middle"))
        delen.append(_tekst(x, onder + 30, kwartaal.jaar, anker="middle", font_size="11"))
        for r, (soort, _s, _k, waarden) in enumerate(reeksen):
            delen.append(_marker(soort, x - 12, onder + 41 + r * 14))
            delen.append(_tekst(x - 4, onder + 45 + r * 14, waarden[i], font_size="12"))
    beschrijving = _(
        "The number of gesprekken (solid line, dots) and of afspraken made in them (dashed "
        "line, squares) per quarter; the figures are written under each quarter. The table "
        "below gives the same figures."
    )
    legenda = [
        (
            _teken(
                format_html(
                    '<line x1="0" y1="7" x2="24" y2="7" stroke="{}" stroke-width="2"'
                    ' stroke-dasharray="{}"></line>{}',
                    kleur,
                    streep or "none",
                    _marker(soort, 12, 7),
                )
            ),
            naam,
        )
        for (soort, streep, kleur, _w), naam in zip(
            reeksen, [_("Gesprekken"), _("Afspraken")], strict=True
        )
    ]
    return Grafiek(
        svg=_svg(
            "grafiek-kwartalen",
            _("Gesprekken and afspraken per quarter"),
            beschrijving,
            onder + 76,
            mark_safe("".join(delen)),  # noqa: S308 (escaped above)
        ),
        legenda=legenda,
    )
