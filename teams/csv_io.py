"""Import and export of basisteams, gemeenten and werkgebieden as CSV files.

The files are UTF-8 (a BOM is accepted), comma-separated, with a header row. Every row is
validated before anything is written; the errors of all rows are collected, in Dutch, per
regel (the line in the file, the header is regel 1) and kolom. One error and nothing is
written. Basisteams are matched on `code`, gemeenten on `cbs_code`; an object that did not
change is not saved, a basisteam that did gets `versie` + 1. The werkgebied import replaces
the werkgebied of every basisteam named in the file with exactly the rows given.

The management commands `import_basisteams`, `import_gemeenten`, `import_werkgebied` and
`export_basisteams` are thin wrappers around the functions here.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from django.core.management.base import CommandError
from django.db import transaction
from django.utils.text import slugify

from .models import Basisteam, Eenheid, Gemeente, Werkgebied

BASISTEAM_KOLOMMEN: tuple[str, ...] = (
    "code",
    "naam",
    "slug",
    "eenheid",
    "district",
    "formatie_fte",
    "oppervlakte_km2",
    "inwoners",
    "wijkagenten",
    *Basisteam.CONTEXT_VELDEN,
)
GEMEENTE_KOLOMMEN: tuple[str, ...] = ("cbs_code", "naam")
WERKGEBIED_KOLOMMEN: tuple[str, ...] = ("basisteam", "gemeente", "omvang")

# The largest values PostgreSQL accepts in a PositiveIntegerField / PositiveSmallIntegerField.
MAX_INWONERS = 2_147_483_647
MAX_WIJKAGENTEN = 32_767

CBS_CODE = re.compile(r"GM\d{4}")
SLUG = re.compile(r"[-a-zA-Z0-9_]+")
GETAL = re.compile(r"-?\d+(?:[.,]\d+)?")
HEEL_GETAL = re.compile(r"-?\d+")
REGELNUMMER = re.compile(r"Regel (\d+)")

# A path, an open file (text or bytes) or the lines of the file.
Bron = str | Path | IO[str] | IO[bytes] | Iterable[str]


@dataclass
class Resultaat:
    """What an import did, or – with dry_run, or when there are fouten – would have done."""

    nieuw: int = 0
    bijgewerkt: int = 0
    ongewijzigd: int = 0
    verwijderd: int | None = None  # only the werkgebied import removes anything
    fouten: list[str] = field(default_factory=list)
    dry_run: bool = False

    @property
    def geslaagd(self) -> bool:
        return not self.fouten

    def samenvatting(self) -> str:
        tekst = f"{self.nieuw} nieuw, {self.bijgewerkt} bijgewerkt, {self.ongewijzigd} ongewijzigd"
        if self.verwijderd is not None:
            tekst += f", {self.verwijderd} verwijderd"
        return tekst


@dataclass
class Regel:
    """One data row: its line number in the file and its values by column name."""

    nummer: int
    waarden: dict[str, str]


class Ongeldig(ValueError):
    """A value that cannot be used; the message is the Dutch explanation."""


def fout(regel: int, kolom: str, tekst: str) -> str:
    return f"Regel {regel}, kolom {kolom}: {tekst}"


# Reading -------------------------------------------------------------------------------------


@contextmanager
def _regels_van(bron: Bron) -> Iterator[Iterable[str]]:
    if isinstance(bron, str | Path):
        with open(bron, encoding="utf-8-sig", newline="") as bestand:
            yield bestand
    elif hasattr(bron, "read") and isinstance(bron.read(0), bytes):
        tekst = io.TextIOWrapper(bron, encoding="utf-8-sig", newline="")  # type: ignore[arg-type]
        try:
            yield tekst
        finally:
            tekst.detach()  # leave the caller's file open
    else:
        yield bron  # type: ignore[misc]


def lees_csv(bron: Bron, kolommen: tuple[str, ...], fouten: list[str]) -> list[Regel] | None:
    """The data rows of the file, or None (with the reason in `fouten`) when the file cannot
    be read or its header is not exactly `kolommen` (in any order). Empty rows are skipped."""
    try:
        with _regels_van(bron) as regels:
            reader = csv.reader(regels)
            kop = next(reader, None)
            if kop is None:
                fouten.append("Het bestand is leeg: een kopregel met de kolomnamen is verplicht.")
                return None
            kop = [k.strip().lstrip("\ufeff").strip().lower() for k in kop]
            while kop and not kop[-1]:
                kop.pop()  # trailing empty cells, as spreadsheets write them
            if kopfouten := _controleer_kop(kop, kolommen):
                fouten.extend(kopfouten)
                return None
            resultaat = []
            vorige = reader.line_num
            for velden in reader:
                nummer, vorige = vorige + 1, reader.line_num
                while len(velden) > len(kop) and not velden[-1].strip():
                    velden = velden[:-1]  # trailing empty cells, as spreadsheets write them
                if not any(v.strip() for v in velden):
                    continue
                if len(velden) != len(kop):
                    waarden = "waarde" if len(velden) == 1 else "waarden"
                    fouten.append(
                        f"Regel {nummer}: {len(velden)} {waarden}, maar de kopregel heeft "
                        f"{len(kop)} kolommen."
                    )
                    continue
                resultaat.append(Regel(nummer, dict(zip(kop, velden, strict=True))))
    except UnicodeDecodeError:
        fouten.append(
            "Het bestand is geen UTF-8-tekst. Sla het op als CSV UTF-8 (door komma's "
            "gescheiden) en probeer het opnieuw."
        )
        return None
    except csv.Error as e:
        fouten.append(f"Het bestand is geen geldige CSV (rond regel {reader.line_num}): {e}.")
        return None
    except OSError as e:
        fouten.append(f'Het bestand "{bron}" kan niet gelezen worden: {e.strerror or e}.')
        return None
    return resultaat


def _controleer_kop(kop: list[str], kolommen: tuple[str, ...]) -> list[str]:
    verwacht = ", ".join(kolommen)
    if len(kop) == 1 and ";" in kop[0]:
        return [
            "Kopregel: het bestand gebruikt puntkomma's (;) als scheidingsteken; gebruik "
            f"komma's. Verwachte kolommen: {verwacht}."
        ]
    fouten = []
    for kolom in kolommen:
        if kolom not in kop:
            fouten.append(f'Kopregel: de kolom "{kolom}" ontbreekt.')
    for positie, kolom in enumerate(kop, start=1):
        if not kolom:
            fouten.append(f"Kopregel: kolom {positie} heeft geen naam.")
        elif kolom not in kolommen:
            fouten.append(f'Kopregel: onbekende kolom "{kolom}".')
        elif kop.index(kolom) < positie - 1:
            fouten.append(f'Kopregel: de kolom "{kolom}" staat er meer dan één keer in.')
    if fouten:
        fouten.append(f"Verwachte kolommen: {verwacht}.")
    return fouten


# Values --------------------------------------------------------------------------------------


def lees_tekst(waarde: str, *, max_lengte: int | None = None, verplicht: bool = False) -> str:
    tekst = waarde.strip()
    if verplicht and not tekst:
        raise Ongeldig("mag niet leeg zijn.")
    if max_lengte is not None and len(tekst) > max_lengte:
        raise Ongeldig(f"is te lang ({len(tekst)} tekens, hoogstens {max_lengte}).")
    return tekst


def lees_decimaal(waarde: str, *, max_digits: int, decimal_places: int) -> Decimal | None:
    """A number greater than 0 with a decimal point or comma, or None when empty."""
    tekst = waarde.strip()
    if not tekst:
        return None
    if not GETAL.fullmatch(tekst):
        raise Ongeldig(f'"{tekst}" is geen getal.')
    try:
        getal = Decimal(tekst.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern already rules this out
        raise Ongeldig(f'"{tekst}" is geen getal.') from None
    if getal <= 0:
        raise Ongeldig(f'"{tekst}" moet groter zijn dan 0.')
    achter_komma = -getal.normalize().as_tuple().exponent
    if achter_komma > decimal_places:
        raise Ongeldig(
            f'"{tekst}" heeft te veel cijfers achter de komma (hoogstens {decimal_places}).'
        )
    if getal >= Decimal(10) ** (max_digits - decimal_places):
        raise Ongeldig(
            f'"{tekst}" is te groot (hoogstens {max_digits - decimal_places} cijfers voor de '
            "komma)."
        )
    return getal


def lees_heel_getal(waarde: str, *, maximum: int) -> int | None:
    """A whole number from 0 to `maximum`, or None when empty."""
    tekst = waarde.strip()
    if not tekst:
        return None
    if not HEEL_GETAL.fullmatch(tekst):
        raise Ongeldig(f'"{tekst}" is geen heel getal.')
    getal = int(tekst)
    if getal < 0:
        raise Ongeldig(f'"{tekst}" mag niet negatief zijn.')
    if getal > maximum:
        raise Ongeldig(f'"{tekst}" is te groot (hoogstens {maximum}).')
    return getal


def lees_cbs_code(waarde: str) -> str:
    tekst = lees_tekst(waarde, verplicht=True).upper()
    if not CBS_CODE.fullmatch(tekst):
        raise Ongeldig(
            f'"{waarde.strip()}" is geen geldige CBS-code: verwacht GM met 4 cijfers, '
            "bijvoorbeeld GM0344."
        )
    return tekst


class _Rij:
    """Reads the columns of one row; every problem becomes an error with regel and kolom."""

    def __init__(self, regel: Regel, fouten: list[str]) -> None:
        self.regel = regel
        self.fouten = fouten
        self.ok = True

    def lees[T](self, kolom: str, lezer: Callable[..., T], **opties: Any) -> T | None:
        try:
            return lezer(self.regel.waarden[kolom], **opties)
        except Ongeldig as e:
            self.fout(kolom, str(e))
            return None

    def fout(self, kolom: str, tekst: str) -> None:
        self.fouten.append(fout(self.regel.nummer, kolom, tekst))
        self.ok = False


def _max_lengte(model: type, veld: str) -> int:
    return model._meta.get_field(veld).max_length


def _decimaal_opties(veld: str) -> dict[str, int]:
    model_veld = Basisteam._meta.get_field(veld)
    return {"max_digits": model_veld.max_digits, "decimal_places": model_veld.decimal_places}


# Basisteams ----------------------------------------------------------------------------------


@dataclass
class _TeamRegel:
    nummer: int
    code: str
    slug_ingevuld: bool
    velden: dict[str, Any]  # the model fields the file sets, except code
    team: Basisteam | None  # the existing team with this code


def importeer_basisteams(bron: Bron, dry_run: bool = False) -> Resultaat:
    """Create or update basisteams by code. Teams not in the file are left alone."""
    resultaat = Resultaat(dry_run=dry_run)
    regels = lees_csv(bron, BASISTEAM_KOLOMMEN, resultaat.fouten)
    if regels is None:
        return resultaat
    with transaction.atomic():
        teams = Basisteam.objects.all() if dry_run else Basisteam.objects.select_for_update()
        bestaand = {team.code: team for team in teams}
        eenheden = {e.code.upper(): e for e in Eenheid.objects.order_by("pk")}
        plan = _lees_teams(regels, bestaand, eenheden, resultaat.fouten)
        _controleer_uniek(plan, bestaand, eenheden, resultaat.fouten)
        if resultaat.fouten:
            resultaat.fouten.sort(key=_regelnummer)
            return resultaat
        nieuw = [r for r in plan if r.team is None]
        gewijzigd = [r for r in plan if r.team is not None and _wijzigingen(r)]
        resultaat.nieuw = len(nieuw)
        resultaat.bijgewerkt = len(gewijzigd)
        resultaat.ongewijzigd = len(plan) - len(nieuw) - len(gewijzigd)
        if not dry_run:
            _schrijf_teams(nieuw, gewijzigd)
    return resultaat


def _lees_teams(
    regels: list[Regel],
    bestaand: dict[str, Basisteam],
    eenheden: dict[str, Eenheid],
    fouten: list[str],
) -> list[_TeamRegel]:
    plan = []
    codes: dict[str, int] = {}
    for regel in regels:
        rij = _Rij(regel, fouten)
        code = rij.lees(
            "code", lees_tekst, verplicht=True, max_lengte=_max_lengte(Basisteam, "code")
        )
        if code and code in codes:
            rij.fout("code", f'"{code}" staat ook al op regel {codes[code]}.')
        elif code:
            codes[code] = regel.nummer
        naam = rij.lees(
            "naam", lees_tekst, verplicht=True, max_lengte=_max_lengte(Basisteam, "naam")
        )
        slug = rij.lees("slug", lees_tekst, max_lengte=_max_lengte(Basisteam, "slug"))
        if slug and not SLUG.fullmatch(slug):
            rij.fout(
                "slug", f'"{slug}" is geen geldige slug: gebruik alleen letters, cijfers, - en _.'
            )
        eenheid_code = rij.lees("eenheid", lees_tekst, verplicht=True)
        eenheid = eenheden.get((eenheid_code or "").upper())
        if eenheid_code and eenheid is None:
            rij.fout(
                "eenheid",
                f'"{eenheid_code}" is geen bekende eenheid (kies uit {", ".join(eenheden)}).',
            )
        velden: dict[str, Any] = {
            "district": rij.lees(
                "district", lees_tekst, max_lengte=_max_lengte(Basisteam, "district")
            ),
            "formatie_fte": rij.lees(
                "formatie_fte", lees_decimaal, **_decimaal_opties("formatie_fte")
            ),
            "oppervlakte_km2": rij.lees(
                "oppervlakte_km2", lees_decimaal, **_decimaal_opties("oppervlakte_km2")
            ),
            "inwoners": rij.lees("inwoners", lees_heel_getal, maximum=MAX_INWONERS),
            "wijkagenten": rij.lees("wijkagenten", lees_heel_getal, maximum=MAX_WIJKAGENTEN),
        }
        for kolom in Basisteam.CONTEXT_VELDEN:
            velden[kolom] = rij.lees(kolom, lees_tekst)
        if not rij.ok:
            continue
        team = bestaand.get(code)
        # An empty slug keeps an existing team's address; a new team gets one from its naam.
        velden["slug"] = slug or (
            team.slug if team else slugify(naam)[: _max_lengte(Basisteam, "slug")]
        )
        velden["naam"] = naam
        velden["eenheid_id"] = eenheid.pk
        plan.append(_TeamRegel(regel.nummer, code, bool(slug), velden, team))
    return plan


def _controleer_uniek(
    plan: list[_TeamRegel],
    bestaand: dict[str, Basisteam],
    eenheden: dict[str, Eenheid],
    fouten: list[str],
) -> None:
    """Slug and (eenheid, naam) must be unique among all teams as they will be afterwards."""
    in_bestand = {r.code for r in plan}
    slugs: dict[str, str] = {}
    namen: dict[tuple[int, str], str] = {}
    for team in bestaand.values():
        if team.code not in in_bestand:
            slugs[team.slug] = f"basisteam {team.code}"
            namen[(team.eenheid_id, team.naam)] = f"basisteam {team.code}"
    eenheid_codes = {e.pk: e.code for e in eenheden.values()}
    for r in plan:
        slug, naam, eenheid_id = r.velden["slug"], r.velden["naam"], r.velden["eenheid_id"]
        if not slug:
            fouten.append(
                fout(
                    r.nummer,
                    "slug",
                    f'leeg, en uit de naam "{naam}" valt geen slug te maken; vul een slug in.',
                )
            )
        elif slug in slugs:
            if r.slug_ingevuld:
                tekst = f'"{slug}" is al in gebruik door {slugs[slug]}.'
            elif r.team is not None:
                tekst = (
                    f'leeg, dus het basisteam houdt de slug "{slug}", maar die is al in '
                    f"gebruik door {slugs[slug]}."
                )
            else:
                tekst = (
                    f'leeg, maar de slug "{slug}" die uit de naam volgt is al in gebruik door '
                    f"{slugs[slug]}; vul een eigen slug in."
                )
            fouten.append(fout(r.nummer, "slug", tekst))
        else:
            slugs[slug] = f"regel {r.nummer}"
        if (eenheid_id, naam) in namen:
            fouten.append(
                fout(
                    r.nummer,
                    "naam",
                    f'eenheid {eenheid_codes[eenheid_id]} heeft al een basisteam "{naam}" '
                    f"({namen[(eenheid_id, naam)]}).",
                )
            )
        else:
            namen[(eenheid_id, naam)] = f"regel {r.nummer}"


def _regelnummer(melding: str) -> int:
    """For sorting errors found in different passes into file order (stable per row)."""
    gevonden = REGELNUMMER.match(melding)
    return int(gevonden[1]) if gevonden else 0


def _wijzigingen(r: _TeamRegel) -> list[str]:
    return [veld for veld, waarde in r.velden.items() if getattr(r.team, veld) != waarde]


def _schrijf_teams(nieuw: list[_TeamRegel], gewijzigd: list[_TeamRegel]) -> None:
    # Teams that swap slugs or names would trip the unique constraints halfway; the ones that
    # move get a placeholder first. The final state was checked by _controleer_uniek.
    op_te_slaan = {}
    for r in gewijzigd:
        velden = set(_wijzigingen(r))
        if velden & {"naam", "eenheid_id"}:
            velden.add("naam")
        plaatshouders = dict.fromkeys(velden & {"naam", "slug"}, f"~import~{r.team.pk}")
        if plaatshouders:
            Basisteam.objects.filter(pk=r.team.pk).update(**plaatshouders)
        op_te_slaan[r.code] = sorted(velden)
    for r in gewijzigd:
        for veld in op_te_slaan[r.code]:
            setattr(r.team, veld, r.velden[veld])
        r.team.versie += 1
        r.team.save(update_fields=[*op_te_slaan[r.code], "versie"])
    for r in nieuw:
        Basisteam.objects.create(code=r.code, **r.velden)


def exporteer_basisteams(uitvoer: IO[str]) -> int:
    """Write all basisteams in the import format, ordered by code; return how many."""
    writer = csv.writer(uitvoer, lineterminator="\n")
    writer.writerow(BASISTEAM_KOLOMMEN)
    teams = sorted(Basisteam.objects.select_related("eenheid"), key=lambda t: t.code)
    for team in teams:
        writer.writerow(
            [
                _als_tekst(team.eenheid.code if kolom == "eenheid" else getattr(team, kolom))
                for kolom in BASISTEAM_KOLOMMEN
            ]
        )
    return len(teams)


def _als_tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        return format(waarde, "f")
    return str(waarde)


# Gemeenten -----------------------------------------------------------------------------------


def importeer_gemeenten(bron: Bron, dry_run: bool = False) -> Resultaat:
    """Create or update gemeenten by CBS code. Gemeenten not in the file are left alone."""
    resultaat = Resultaat(dry_run=dry_run)
    regels = lees_csv(bron, GEMEENTE_KOLOMMEN, resultaat.fouten)
    if regels is None:
        return resultaat
    with transaction.atomic():
        bestaand = {g.cbs_code: g for g in Gemeente.objects.all()}
        namen: dict[str, tuple[int, str]] = {}  # cbs_code -> (regel, naam)
        for regel in regels:
            rij = _Rij(regel, resultaat.fouten)
            cbs_code = rij.lees("cbs_code", lees_cbs_code)
            naam = rij.lees(
                "naam", lees_tekst, verplicht=True, max_lengte=_max_lengte(Gemeente, "naam")
            )
            if cbs_code in namen:
                rij.fout("cbs_code", f'"{cbs_code}" staat ook al op regel {namen[cbs_code][0]}.')
            if rij.ok:
                namen[cbs_code] = (regel.nummer, naam)
        if resultaat.fouten:
            return resultaat
        nieuw = [Gemeente(cbs_code=c, naam=n) for c, (_, n) in namen.items() if c not in bestaand]
        gewijzigd = [
            bestaand[c] for c, (_, n) in namen.items() if c in bestaand and bestaand[c].naam != n
        ]
        resultaat.nieuw, resultaat.bijgewerkt = len(nieuw), len(gewijzigd)
        resultaat.ongewijzigd = len(namen) - len(nieuw) - len(gewijzigd)
        if not dry_run:
            for gemeente in gewijzigd:
                gemeente.naam = namen[gemeente.cbs_code][1]
                gemeente.save(update_fields=["naam"])
            Gemeente.objects.bulk_create(nieuw)
    return resultaat


# Werkgebied ----------------------------------------------------------------------------------


def importeer_werkgebied(bron: Bron, dry_run: bool = False) -> Resultaat:
    """Replace the werkgebied of every basisteam in the file with exactly the rows given."""
    resultaat = Resultaat(dry_run=dry_run, verwijderd=0)
    regels = lees_csv(bron, WERKGEBIED_KOLOMMEN, resultaat.fouten)
    if regels is None:
        return resultaat
    with transaction.atomic():
        teams = dict(Basisteam.objects.values_list("code", "pk"))
        gemeenten = dict(Gemeente.objects.values_list("cbs_code", "pk"))
        omvangen = Werkgebied.Omvang.values
        gewenst: dict[tuple[int, int], tuple[int, str]] = {}  # (team, gemeente) -> (regel, omvang)
        for regel in regels:
            rij = _Rij(regel, resultaat.fouten)
            code = rij.lees("basisteam", lees_tekst, verplicht=True)
            if code and code not in teams:
                rij.fout("basisteam", f'"{code}" is geen bekend basisteam.')
            cbs_code = rij.lees("gemeente", lees_cbs_code)
            if cbs_code and cbs_code not in gemeenten:
                rij.fout("gemeente", f'"{cbs_code}" is geen bekende gemeente.')
            omvang = (rij.lees("omvang", lees_tekst, verplicht=True) or "").lower()
            if omvang and omvang not in omvangen:
                rij.fout(
                    "omvang",
                    f'"{regel.waarden["omvang"].strip()}" is geen geldige omvang '
                    f"(kies {' of '.join(omvangen)}).",
                )
            if not rij.ok:
                continue
            sleutel = (teams[code], gemeenten[cbs_code])
            if sleutel in gewenst:
                rij.fout(
                    "gemeente",
                    f'basisteam "{code}" met gemeente "{cbs_code}" staat ook al op regel '
                    f"{gewenst[sleutel][0]}.",
                )
                continue
            gewenst[sleutel] = (regel.nummer, omvang)
        if resultaat.fouten:
            return resultaat
        bestaand = {
            (w.basisteam_id, w.gemeente_id): w
            for w in Werkgebied.objects.filter(basisteam_id__in={t for t, _ in gewenst})
        }
        nieuw = [
            Werkgebied(basisteam_id=t, gemeente_id=g, omvang=o)
            for (t, g), (_, o) in gewenst.items()
            if (t, g) not in bestaand
        ]
        gewijzigd = [
            w
            for sleutel, w in bestaand.items()
            if sleutel in gewenst and w.omvang != gewenst[sleutel][1]
        ]
        weg = [w.pk for sleutel, w in bestaand.items() if sleutel not in gewenst]
        resultaat.nieuw, resultaat.bijgewerkt, resultaat.verwijderd = (
            len(nieuw),
            len(gewijzigd),
            len(weg),
        )
        resultaat.ongewijzigd = len(gewenst) - len(nieuw) - len(gewijzigd)
        if not dry_run:
            Werkgebied.objects.filter(pk__in=weg).delete()
            for w in gewijzigd:
                w.omvang = gewenst[(w.basisteam_id, w.gemeente_id)][1]
                w.save(update_fields=["omvang"])
            Werkgebied.objects.bulk_create(nieuw)
    return resultaat


# Commands ------------------------------------------------------------------------------------


def rapporteer(resultaat: Resultaat, onderwerp: str) -> str:
    """The line a command prints, or a CommandError with every error, one per line."""
    if resultaat.fouten:
        aantal = len(resultaat.fouten)
        raise CommandError(
            f"{aantal} {'fout' if aantal == 1 else 'fouten'} gevonden; er is niets opgeslagen.\n"
            + "\n".join(f"  {f}" for f in resultaat.fouten)
        )
    if resultaat.dry_run:
        return (
            f"Proefdraai (--dry-run), er is niets opgeslagen. {onderwerp}: "
            f"{resultaat.samenvatting()}."
        )
    return f"{onderwerp} geïmporteerd: {resultaat.samenvatting()}."
