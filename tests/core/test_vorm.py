"""The shape issue 8 left, kept: small modules, small views."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "teams", "opgaven", "voorbeelden", "gesprekken", "podium"]
MAX_REGELS_MODULE = 500
MAX_REGELS_VIEW = 60


def _modules() -> list[Path]:
    return sorted(
        pad for app in APPS for pad in (ROOT / app).rglob("*.py") if "migrations" not in pad.parts
    )


def test_no_module_is_over_500_lines():
    te_lang = {
        str(pad.relative_to(ROOT)): n
        for pad in _modules()
        if (n := len(pad.read_text().splitlines())) > MAX_REGELS_MODULE
    }
    assert not te_lang


@pytest.mark.parametrize(
    "pad",
    [pad for pad in _modules() if pad.name == "views.py" or pad.parent.name == "views"],
    ids=lambda pad: str(pad.relative_to(ROOT)),
)
def test_no_view_function_is_over_60_lines(pad):
    te_lang = {
        knoop.name: knoop.end_lineno - knoop.lineno + 1
        for knoop in ast.walk(ast.parse(pad.read_text()))
        if isinstance(knoop, ast.FunctionDef)
        and knoop.end_lineno - knoop.lineno + 1 > MAX_REGELS_VIEW
    }
    assert not te_lang
