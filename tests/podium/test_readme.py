"""The README renders as written and stands on its own (issue 9): its tables are tables
(no blank line inside one, the same number of cells in every row, a blank line before),
and nothing in it points outside the repository."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)")
DELIMITER = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _cellen(regel: str) -> int:
    """Cells of a table row; an escaped pipe (\\|) is text, also inside backticks (GFM)."""
    return len(re.split(r"(?<!\\)\|", regel.strip().strip("|")))


def tabelfouten(tekst: str) -> list[str]:
    """What keeps a Markdown table from rendering as one table."""
    regels = tekst.splitlines()
    fouten = []
    in_code = False
    kolommen = None
    for nummer, regel in enumerate(regels, start=1):
        if regel.startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        is_rij = regel.startswith("|")
        volgende = regels[nummer] if nummer < len(regels) else ""
        if is_rij and kolommen is None:
            if not DELIMITER.match(volgende):
                fouten.append(f"regel {nummer}: a table row outside a table (a blank line above?)")
                continue
            if nummer > 1 and regels[nummer - 2].strip():
                fouten.append(f"regel {nummer}: a table needs a blank line before it")
            kolommen = _cellen(regel)
        elif is_rij and _cellen(regel) != kolommen:
            fouten.append(f"regel {nummer}: {_cellen(regel)} cells, the header has {kolommen}")
        elif not is_rij:
            kolommen = None
    return fouten


def test_every_table_renders_as_one_table():
    assert tabelfouten(README.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("tekst", "fout"),
    [
        ("| a | b |\n|---|---|\n| 1 | 2 |\n\n| 3 | 4 |\n", "outside a table"),
        ("Tekst\n| a | b |\n|---|---|\n", "blank line before"),
        ("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", "3 cells"),
        ("| a | b |\n|---|---|\n| `x|y` | 2 |\n", "3 cells"),
    ],
)
def test_the_check_finds_a_broken_table(tekst, fout):
    (gevonden,) = tabelfouten(tekst)
    assert fout in gevonden


def test_a_whole_table_passes_the_check():
    assert tabelfouten("Tekst\n\n| a | b |\n|---|---|\n| 1 | `x\\|y` |\n\nVerder.\n") == []


def test_nothing_points_outside_the_repository():
    tekst = README.read_text(encoding="utf-8")
    assert "../" not in tekst
    for doel in LINK.findall(tekst):
        if re.match(r"^[a-z]+:|^#", doel):  # http:, https:, mailto:, an anchor
            continue
        pad = (ROOT / doel.split("#")[0]).resolve()
        assert pad.is_relative_to(ROOT), doel
        assert pad.exists(), doel
