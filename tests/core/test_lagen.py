"""The layers of DESIGN.md hold: core ← teams ← opgaven ← voorbeelden, gesprekken; podium
may use all. An app imports only from apps below it, and no module imports itself back
through others (no cycles), counting imports inside functions too."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "teams", "opgaven", "voorbeelden", "gesprekken", "podium"]
MAG_GEBRUIKEN = {
    "core": set(),
    "teams": {"core"},
    "opgaven": {"core", "teams"},
    "voorbeelden": {"core", "teams", "opgaven"},
    "gesprekken": {"core", "teams", "opgaven"},
    "podium": {"core", "teams", "opgaven", "voorbeelden", "gesprekken"},
}


def _module(pad: Path) -> str:
    delen = pad.relative_to(ROOT).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _imports(pad: Path) -> set[str]:
    """Every project module `pad` imports, anywhere in the file."""
    module = _module(pad)
    pakket = module if pad.name == "__init__.py" else module.rpartition(".")[0]
    gevonden: set[str] = set()
    for knoop in ast.walk(ast.parse(pad.read_text(), str(pad))):
        if isinstance(knoop, ast.Import):
            gevonden.update(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom):
            if knoop.level:
                basis = pakket.split(".")[: len(pakket.split(".")) - knoop.level + 1]
                naam = ".".join([*basis, knoop.module] if knoop.module else basis)
            else:
                naam = knoop.module or ""
            gevonden.add(naam)
            gevonden.update(f"{naam}.{alias.name}" for alias in knoop.names)
    return {naam for naam in gevonden if naam.split(".")[0] in APPS}


def _bronnen() -> list[Path]:
    return sorted(
        pad for app in APPS for pad in (ROOT / app).rglob("*.py") if "migrations" not in pad.parts
    )


@pytest.mark.parametrize("app", APPS)
def test_an_app_imports_only_from_the_layers_below(app):
    buiten = {
        f"{_module(pad)} → {naam}"
        for pad in (ROOT / app).rglob("*.py")
        for naam in _imports(pad)
        if naam.split(".")[0] not in MAG_GEBRUIKEN[app] | {app}
    }
    assert not buiten


def test_no_module_imports_itself_back():
    modules = {_module(pad): pad for pad in _bronnen()}
    graaf = {
        module: {naam for naam in _imports(pad) if naam in modules and naam != module}
        for module, pad in modules.items()
    }
    # A package's __init__ is imported with each of its modules; that is no cycle.
    bezig: list[str] = []
    klaar: set[str] = set()
    cycli: list[list[str]] = []

    def bezoek(module: str) -> None:
        if module in klaar:
            return
        if module in bezig:
            cycli.append([*bezig[bezig.index(module) :], module])
            return
        bezig.append(module)
        for volgende in graaf[module]:
            bezoek(volgende)
        bezig.pop()
        klaar.add(module)

    for module in graaf:
        bezoek(module)
    assert not cycli


LOAD = re.compile(r"{%\s*load\s+([^%]+?)\s*%}")


@pytest.mark.parametrize("app", [app for app in APPS if app != "core"])
def test_templates_load_only_tag_libraries_of_the_layers_below(app):
    eigen = {app, *MAG_GEBRUIKEN[app]}
    buiten = {
        f"{pad.relative_to(ROOT)}: {bibliotheek}"
        for pad in (ROOT / "templates" / app).rglob("*.html")
        for match in LOAD.finditer(pad.read_text())
        for bibliotheek in match.group(1).split()
        if bibliotheek in APPS and bibliotheek not in eigen
    }
    assert not buiten
