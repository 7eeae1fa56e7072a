"""The CSV import and export commands for basisteams, gemeenten and werkgebieden."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from teams.importeren import importeer as importeer_resource
from teams.models import Basisteam, Eenheid, Gemeente, Werkgebied
from teams.resources import BasisteamResource

pytestmark = pytest.mark.django_db

KOP = (
    "code,naam,slug,eenheid,district,formatie_fte,oppervlakte_km2,inwoners,wijkagenten,"
    "bevolkingssamenstelling,economische_omstandigheden,criminogene_factoren,overlast,"
    "veiligheidsgevoelens"
)
KOLOMMEN = KOP.split(",")


def team_rij(**waarden: str) -> dict[str, str]:
    rij = dict.fromkeys(KOLOMMEN, "")
    rij.update(code="A1", naam="Basisteam Alfa", eenheid="MN")
    rij.update(waarden)
    return rij


def csv_tekst(kolommen: list[str], rijen: list[dict[str, str]]) -> str:
    uitvoer = io.StringIO()
    writer = csv.DictWriter(uitvoer, fieldnames=kolommen, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rijen)
    return uitvoer.getvalue()


def bestand(tmp_path: Path, tekst: str, naam: str = "import.csv", bom: bool = False) -> Path:
    pad = tmp_path / naam
    pad.write_bytes(("\ufeff" if bom else "").encode() + tekst.encode("utf-8"))
    return pad


def teams_bestand(tmp_path: Path, *rijen: dict[str, str], naam: str = "teams.csv") -> Path:
    return bestand(tmp_path, csv_tekst(KOLOMMEN, list(rijen)), naam)


def importeer(commando: str, pad: Path, *opties: str) -> str:
    uitvoer = io.StringIO()
    call_command(commando, str(pad), *opties, stdout=uitvoer)
    return uitvoer.getvalue()


def fouten_van(commando: str, pad: Path, *opties: str) -> list[str]:
    with pytest.raises(CommandError) as exc:
        importeer(commando, pad, *opties)
    melding = str(exc.value)
    assert "er is niets opgeslagen" in melding.splitlines()[0]
    return [regel.strip() for regel in melding.splitlines()[1:]]


def exporteer() -> str:
    uitvoer = io.StringIO()
    call_command("export_basisteams", stdout=uitvoer)
    return uitvoer.getvalue()


VOLLEDIG = team_rij(
    code="MN-U1",
    naam="Basisteam Utrecht-Centrum",
    slug="",
    district="District Utrecht-Stad",
    formatie_fte="182,5",
    oppervlakte_km2="12.75",
    inwoners="61000",
    wijkagenten="11",
    bevolkingssamenstelling="Veel studenten.\nEn toeristen, “altijd”.",
    overlast="Uitgaansgebied",
)


# Basisteams: good rows --------------------------------------------------------------------


def test_good_rows_create_teams_with_the_right_values(tmp_path):
    pad = teams_bestand(tmp_path, VOLLEDIG, team_rij(code="A2", naam="Klein", slug="klein-1"))

    uitvoer = importeer("import_basisteams", pad)

    assert "Basisteams geïmporteerd: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd." in uitvoer
    team = Basisteam.objects.get(code="MN-U1")
    assert team.naam == "Basisteam Utrecht-Centrum"
    assert team.slug == "basisteam-utrecht-centrum"
    assert team.eenheid == Eenheid.objects.get(code="MN")
    assert team.district == "District Utrecht-Stad"
    assert team.formatie_fte == Decimal("182.5")
    assert team.oppervlakte_km2 == Decimal("12.75")
    assert team.inwoners == 61000
    assert team.wijkagenten == 11
    assert team.bevolkingssamenstelling == "Veel studenten.\nEn toeristen, “altijd”."
    assert team.overlast == "Uitgaansgebied"
    assert team.criminogene_factoren == ""
    assert team.versie == 1
    klein = Basisteam.objects.get(code="A2")
    assert klein.slug == "klein-1"
    assert klein.formatie_fte is None
    assert klein.oppervlakte_km2 is None
    assert klein.inwoners is None
    assert klein.wijkagenten is None


def test_a_bom_a_decimal_comma_and_trailing_empty_cells_are_accepted(tmp_path):
    pad = bestand(tmp_path, f'{KOP},,\nA1,Alfa,,zwb,,"60,5","0,25",0,0,,,,,,,\n', bom=True)

    importeer("import_basisteams", pad)

    team = Basisteam.objects.get(code="A1")
    assert team.eenheid.code == "ZWB"
    assert team.formatie_fte == Decimal("60.5")
    assert team.oppervlakte_km2 == Decimal("0.25")
    assert (team.inwoners, team.wijkagenten) == (0, 0)


def test_columns_may_come_in_any_order_and_empty_lines_are_skipped(tmp_path):
    kolommen = list(reversed(KOLOMMEN))
    tekst = csv_tekst(kolommen, [team_rij()]).replace("\n", "\n\n", 1)

    assert "1 nieuw" in importeer("import_basisteams", bestand(tmp_path, tekst))
    assert Basisteam.objects.get(code="A1").naam == "Basisteam Alfa"


def test_the_function_reads_bytes_and_binary_files_too():
    regels = [KOP, "A1,Alfa,,MN,,,,,,,,,,"]
    resultaat = importeer_resource(BasisteamResource, "\n".join(regels).encode(), dry_run=True)
    assert (resultaat.geslaagd, resultaat.nieuw) == (True, 1)

    binair = io.BytesIO("\n".join(regels).encode("utf-8-sig"))
    resultaat = importeer_resource(BasisteamResource, binair)
    assert resultaat.samenvatting() == "1 nieuw, 0 bijgewerkt, 0 ongewijzigd"
    assert not binair.closed
    assert Basisteam.objects.filter(code="A1").exists()


# Basisteams: bad rows ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kolom", "waarde", "melding"),
    [
        ("inwoners", "veel", 'Regel 3, kolom inwoners: "veel" is geen heel getal.'),
        ("inwoners", "12.000", 'Regel 3, kolom inwoners: "12.000" is geen heel getal.'),
        ("wijkagenten", "-1", 'Regel 3, kolom wijkagenten: "-1" mag niet negatief zijn.'),
        (
            "wijkagenten",
            "40000",
            'Regel 3, kolom wijkagenten: "40000" is te groot (hoogstens 32767).',
        ),
        ("formatie_fte", "veel", 'Regel 3, kolom formatie_fte: "veel" is geen getal.'),
        ("formatie_fte", "0", 'Regel 3, kolom formatie_fte: "0" moet groter zijn dan 0.'),
        (
            "formatie_fte",
            "12,55",
            'Regel 3, kolom formatie_fte: "12,55" heeft te veel cijfers achter de komma '
            "(hoogstens 1).",
        ),
        (
            "formatie_fte",
            "100000",
            'Regel 3, kolom formatie_fte: "100000" is te groot '
            "(hoogstens 5 cijfers voor de komma).",
        ),
        ("oppervlakte_km2", "0", 'Regel 3, kolom oppervlakte_km2: "0" moet groter zijn dan 0.'),
        (
            "oppervlakte_km2",
            "-12,5",
            'Regel 3, kolom oppervlakte_km2: "-12,5" moet groter zijn dan 0.',
        ),
        ("oppervlakte_km2", "1.234,5", 'Regel 3, kolom oppervlakte_km2: "1.234,5" is geen getal.'),
        (
            "eenheid",
            "XX",
            'Regel 3, kolom eenheid: "XX" is geen bekende eenheid '
            "(kies uit NN, ON, MN, NH, AM, DH, RT, ZWB, OB, LB).",
        ),
        ("eenheid", "", "Regel 3, kolom eenheid: mag niet leeg zijn."),
        ("naam", "  ", "Regel 3, kolom naam: mag niet leeg zijn."),
        ("code", "", "Regel 3, kolom code: mag niet leeg zijn."),
        ("code", "X" * 21, "Regel 3, kolom code: is te lang (21 tekens, hoogstens 20)."),
        (
            "slug",
            "met spatie",
            'Regel 3, kolom slug: "met spatie" is geen geldige slug: gebruik alleen letters, '
            "cijfers, - en _.",
        ),
    ],
)
def test_a_bad_value_is_reported_by_regel_and_kolom_and_nothing_is_written(
    tmp_path, kolom, waarde, melding
):
    pad = teams_bestand(tmp_path, team_rij(code="GOED"), team_rij(**{"code": "B2", kolom: waarde}))

    assert fouten_van("import_basisteams", pad) == [melding]
    assert not Basisteam.objects.exists()


def test_errors_of_all_rows_are_collected_in_file_order(tmp_path):
    pad = teams_bestand(
        tmp_path,
        team_rij(code="A1", inwoners="veel", oppervlakte_km2="0"),
        team_rij(code="A2", naam="Goed"),
        team_rij(code="A1", naam="Ander", eenheid="XX"),
    )

    fouten = fouten_van("import_basisteams", pad)

    assert fouten == [
        'Regel 2, kolom oppervlakte_km2: "0" moet groter zijn dan 0.',
        'Regel 2, kolom inwoners: "veel" is geen heel getal.',
        'Regel 4, kolom code: "A1" staat ook al op regel 2.',
        'Regel 4, kolom eenheid: "XX" is geen bekende eenheid '
        "(kies uit NN, ON, MN, NH, AM, DH, RT, ZWB, OB, LB).",
    ]
    assert not Basisteam.objects.exists()


def test_a_duplicate_code_in_the_file_is_an_error(tmp_path):
    pad = teams_bestand(tmp_path, team_rij(code="A1"), team_rij(code="A1", naam="Anders"))

    assert fouten_van("import_basisteams", pad) == [
        'Regel 3, kolom code: "A1" staat ook al op regel 2.'
    ]


def test_regel_is_the_line_in_the_file_also_after_a_multiline_text(tmp_path):
    pad = teams_bestand(
        tmp_path,
        team_rij(code="A1", overlast="regel een\nregel twee\nregel drie"),
        team_rij(code="A2", naam="Beta", inwoners="veel"),
    )

    assert fouten_van("import_basisteams", pad) == [
        'Regel 5, kolom inwoners: "veel" is geen heel getal.'
    ]


def test_a_failing_import_leaves_existing_teams_untouched(tmp_path):
    importeer("import_basisteams", teams_bestand(tmp_path, VOLLEDIG))
    voor = exporteer()
    pad = teams_bestand(
        tmp_path,
        team_rij(code="MN-U1", naam="Nieuwe naam", inwoners="1"),
        team_rij(code="NIEUW", naam="Nieuw"),
        team_rij(code="FOUT", naam="Fout", wijkagenten="twee"),
        naam="fout.csv",
    )

    fouten_van("import_basisteams", pad)

    assert exporteer() == voor
    assert Basisteam.objects.get(code="MN-U1").versie == 1


def test_slug_and_name_must_stay_unique(tmp_path):
    importeer("import_basisteams", teams_bestand(tmp_path, team_rij(code="A1", slug="alfa")))
    pad = teams_bestand(
        tmp_path,
        team_rij(code="B1", naam="Beta", slug="alfa"),
        team_rij(code="B2", naam="Basisteam Alfa", eenheid="AM"),
        team_rij(code="B3", naam="Basisteam Alfa", inwoners="-5"),
        team_rij(code="B4", naam="Basisteam Alfa"),
        naam="botsing.csv",
    )

    assert fouten_van("import_basisteams", pad) == [
        'Regel 2, kolom slug: "alfa" is al in gebruik door basisteam A1.',
        'Regel 4, kolom inwoners: "-5" mag niet negatief zijn.',
        'Regel 5, kolom slug: leeg, maar de slug "basisteam-alfa" die uit de naam volgt is al '
        "in gebruik door regel 3; vul een eigen slug in.",
        'Regel 5, kolom naam: eenheid MN heeft al een basisteam "Basisteam Alfa" (basisteam A1).',
    ]


def test_a_generated_slug_that_is_taken_is_an_error(tmp_path):
    importeer(
        "import_basisteams", teams_bestand(tmp_path, team_rij(code="A1", slug="basisteam-beta"))
    )
    pad = teams_bestand(tmp_path, team_rij(code="B1", naam="Basisteam Beta"), naam="b.csv")

    assert fouten_van("import_basisteams", pad) == [
        'Regel 2, kolom slug: leeg, maar de slug "basisteam-beta" die uit de naam volgt is al '
        "in gebruik door basisteam A1; vul een eigen slug in."
    ]


def test_an_empty_slug_keeps_the_address_of_an_existing_team(tmp_path):
    importeer("import_basisteams", teams_bestand(tmp_path, team_rij(slug="alfa")))

    importeer("import_basisteams", teams_bestand(tmp_path, team_rij(naam="Alfa Nieuw", slug="")))

    team = Basisteam.objects.get(code="A1")
    assert (team.naam, team.slug, team.versie) == ("Alfa Nieuw", "alfa", 2)


def test_two_teams_can_swap_slugs_and_names(tmp_path):
    importeer(
        "import_basisteams",
        teams_bestand(
            tmp_path,
            team_rij(code="A1", naam="Een", slug="een"),
            team_rij(code="A2", naam="Twee", slug="twee"),
        ),
    )
    pad = teams_bestand(
        tmp_path,
        team_rij(code="A1", naam="Twee", slug="twee"),
        team_rij(code="A2", naam="Een", slug="een"),
        naam="wissel.csv",
    )

    assert "0 nieuw, 2 bijgewerkt, 0 ongewijzigd" in importeer("import_basisteams", pad)
    assert dict(Basisteam.objects.values_list("code", "slug")) == {"A1": "twee", "A2": "een"}
    assert dict(Basisteam.objects.values_list("code", "naam")) == {"A1": "Twee", "A2": "Een"}


def test_a_team_can_move_to_another_eenheid_keeping_its_name(tmp_path):
    importeer("import_basisteams", teams_bestand(tmp_path, team_rij(slug="alfa")))

    pad = teams_bestand(tmp_path, team_rij(slug="alfa", eenheid="AM"), naam="am.csv")
    assert "0 nieuw, 1 bijgewerkt, 0 ongewijzigd" in importeer("import_basisteams", pad)

    team = Basisteam.objects.get(code="A1")
    assert (team.naam, team.slug, team.eenheid.code, team.versie) == (
        "Basisteam Alfa",
        "alfa",
        "AM",
        2,
    )


# Headers and files ------------------------------------------------------------------------


def test_a_missing_or_unknown_header_column_is_an_error_before_any_row(tmp_path):
    kop = KOP.replace(",inwoners,", ",inwonertal,")
    pad = bestand(tmp_path, f"{kop}\nA1,,,,,,,,,,,,,\n")

    fouten = fouten_van("import_basisteams", pad)

    assert fouten == [
        'Kopregel: de kolom "inwoners" ontbreekt.',
        'Kopregel: onbekende kolom "inwonertal".',
        f"Verwachte kolommen: {KOP.replace(',', ', ')}.",
    ]


def test_a_duplicate_header_column_is_an_error(tmp_path):
    pad = bestand(tmp_path, "cbs_code,naam,naam\nGM0344,Utrecht,Utrecht\n")

    assert fouten_van("import_gemeenten", pad)[0] == (
        'Kopregel: de kolom "naam" staat er meer dan één keer in.'
    )


def test_a_semicolon_file_gets_a_clear_error(tmp_path):
    pad = bestand(tmp_path, "cbs_code;naam\nGM0344;Utrecht\n")

    assert fouten_van("import_gemeenten", pad) == [
        "Kopregel: het bestand gebruikt puntkomma's (;) als scheidingsteken; gebruik komma's. "
        "Verwachte kolommen: cbs_code, naam."
    ]


def test_an_empty_file_a_short_row_and_a_non_utf8_file_are_errors(tmp_path):
    assert fouten_van("import_gemeenten", bestand(tmp_path, "")) == [
        "Het bestand is leeg: een kopregel met de kolomnamen is verplicht."
    ]
    assert fouten_van("import_gemeenten", bestand(tmp_path, "cbs_code,naam\nGM0344\n")) == [
        "Regel 2: 1 waarde, maar de kopregel heeft 2 kolommen."
    ]
    latin = tmp_path / "latin.csv"
    latin.write_bytes("cbs_code,naam\nGM0344,Súdwest-Fryslân\n".encode("latin-1"))
    assert fouten_van("import_gemeenten", latin)[0].startswith("Het bestand is geen UTF-8-tekst.")


def test_a_missing_file_is_an_error(tmp_path):
    fouten = fouten_van("import_gemeenten", tmp_path / "bestaat-niet.csv")

    assert fouten[0].startswith('Het bestand "')
    assert "kan niet gelezen worden" in fouten[0]


# Upsert, versie and dry-run ---------------------------------------------------------------


def test_importing_the_same_file_twice_changes_nothing_the_second_time(tmp_path):
    pad = teams_bestand(tmp_path, VOLLEDIG, team_rij(code="A2", naam="Klein"))
    importeer("import_basisteams", pad)

    with CaptureQueriesContext(connection) as queries:
        uitvoer = importeer("import_basisteams", pad)

    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd" in uitvoer
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))]
    assert set(Basisteam.objects.values_list("versie", flat=True)) == {1}


def test_a_changed_row_is_bijgewerkt_and_its_versie_goes_up_by_one(tmp_path):
    importeer("import_basisteams", teams_bestand(tmp_path, VOLLEDIG, team_rij(code="A2")))
    gewijzigd = {**VOLLEDIG, "oppervlakte_km2": "13", "wijkagenten": ""}
    pad = teams_bestand(tmp_path, gewijzigd, team_rij(code="A2"), naam="2.csv")

    uitvoer = importeer("import_basisteams", pad)

    assert "Basisteams geïmporteerd: 0 nieuw, 1 bijgewerkt, 1 ongewijzigd." in uitvoer
    team = Basisteam.objects.get(code="MN-U1")
    assert (team.oppervlakte_km2, team.wijkagenten, team.versie) == (Decimal("13"), None, 2)
    assert Basisteam.objects.get(code="A2").versie == 1


def test_dry_run_reports_but_writes_nothing(tmp_path):
    importeer("import_basisteams", teams_bestand(tmp_path, team_rij(code="A1")))
    pad = teams_bestand(
        tmp_path,
        team_rij(code="A1", inwoners="5"),
        team_rij(code="A2", naam="Beta"),
        naam="proef.csv",
    )

    uitvoer = importeer("import_basisteams", pad, "--dry-run")

    assert "Proefdraai (--dry-run), er is niets opgeslagen." in uitvoer
    assert "Basisteams: 1 nieuw, 1 bijgewerkt, 0 ongewijzigd." in uitvoer
    assert list(Basisteam.objects.values_list("code", "inwoners", "versie")) == [("A1", None, 1)]


def test_dry_run_with_errors_fails_too(tmp_path):
    pad = teams_bestand(tmp_path, team_rij(inwoners="veel"))

    assert fouten_van("import_basisteams", pad, "--dry-run") == [
        'Regel 2, kolom inwoners: "veel" is geen heel getal.'
    ]


# Export -----------------------------------------------------------------------------------


def test_export_writes_the_import_format_ordered_by_code(tmp_path):
    importeer(
        "import_basisteams",
        teams_bestand(tmp_path, team_rij(code="Z9", naam="Zeta"), VOLLEDIG),
    )

    regels = exporteer().splitlines()

    assert regels[0] == KOP
    assert regels[1].startswith(
        "MN-U1,Basisteam Utrecht-Centrum,basisteam-utrecht-centrum,MN,District Utrecht-Stad,"
        '182.5,12.75,61000,11,"Veel studenten.'
    )
    assert regels[-1] == "Z9,Zeta,zeta,MN,,,,,,,,,,"


def test_export_then_import_round_trips_with_no_changes(tmp_path):
    importeer(
        "import_basisteams",
        teams_bestand(
            tmp_path,
            VOLLEDIG,
            team_rij(code="B1", naam="Beta", formatie_fte="60", oppervlakte_km2="1850"),
            team_rij(code="A1", naam="Alfa, met komma", overlast='Met "aanhalingstekens"\r\n'),
        ),
    )
    Basisteam.objects.filter(code="B1").update(veiligheidsgevoelens="Eerste\r\nTweede")
    pad = tmp_path / "export.csv"
    uitvoer = io.StringIO()
    call_command("export_basisteams", str(pad), stdout=uitvoer)
    assert "3 basisteams geschreven naar" in uitvoer.getvalue()
    assert pad.read_bytes().decode("utf-8") == exporteer()

    assert "0 nieuw, 0 bijgewerkt, 3 ongewijzigd" in importeer("import_basisteams", pad)
    assert exporteer() == pad.read_bytes().decode("utf-8")
    assert set(Basisteam.objects.values_list("versie", flat=True)) == {1}


# Gemeenten --------------------------------------------------------------------------------


def test_gemeenten_are_created_and_updated_by_cbs_code(tmp_path):
    pad = bestand(tmp_path, "cbs_code,naam\nGM0344,Utrecht\ngm0363,Amsterdam\n")
    assert "Gemeenten geïmporteerd: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd." in importeer(
        "import_gemeenten", pad
    )
    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd" in importeer("import_gemeenten", pad)

    pad = bestand(tmp_path, "cbs_code,naam\nGM0344,Utrecht (stad)\n", naam="2.csv")
    assert "0 nieuw, 1 bijgewerkt, 0 ongewijzigd" in importeer("import_gemeenten", pad)
    assert dict(Gemeente.objects.values_list("cbs_code", "naam")) == {
        "GM0344": "Utrecht (stad)",
        "GM0363": "Amsterdam",
    }


def test_bad_gemeente_rows_are_reported_and_nothing_is_written(tmp_path):
    pad = bestand(tmp_path, "cbs_code,naam\nGM0344,Utrecht\nGM12,Kort\nGM0344,Dubbel\nGM0999,\n")

    assert fouten_van("import_gemeenten", pad) == [
        'Regel 3, kolom cbs_code: "GM12" is geen geldige CBS-code: verwacht GM met 4 cijfers, '
        "bijvoorbeeld GM0344.",
        'Regel 4, kolom cbs_code: "GM0344" staat ook al op regel 2.',
        "Regel 5, kolom naam: mag niet leeg zijn.",
    ]
    assert not Gemeente.objects.exists()


def test_gemeenten_dry_run_writes_nothing(tmp_path):
    pad = bestand(tmp_path, "cbs_code,naam\nGM0344,Utrecht\n")

    assert "Gemeenten: 1 nieuw" in importeer("import_gemeenten", pad, "--dry-run")
    assert not Gemeente.objects.exists()


# Werkgebied -------------------------------------------------------------------------------


@pytest.fixture
def teams_en_gemeenten(tmp_path):
    importeer(
        "import_basisteams",
        teams_bestand(tmp_path, team_rij(code="A1"), team_rij(code="A2", naam="Beta")),
    )
    importeer(
        "import_gemeenten",
        bestand(tmp_path, "cbs_code,naam\nGM0001,Een\nGM0002,Twee\nGM0003,Drie\n", "g.csv"),
    )


def werkgebied() -> set[tuple[str, str, str]]:
    return set(Werkgebied.objects.values_list("basisteam__code", "gemeente__cbs_code", "omvang"))


@pytest.mark.usefixtures("teams_en_gemeenten")
def test_werkgebied_import_replaces_the_werkgebied_of_the_teams_in_the_file(tmp_path):
    eerste = bestand(
        tmp_path,
        "basisteam,gemeente,omvang\nA1,GM0001,geheel\nA1,GM0002,deel\nA2,GM0003,geheel\n",
        "w1.csv",
    )
    assert "Werkgebieden geïmporteerd: 3 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 verwijderd." in (
        importeer("import_werkgebied", eerste)
    )
    assert "0 nieuw, 0 bijgewerkt, 3 ongewijzigd, 0 verwijderd" in importeer(
        "import_werkgebied", eerste
    )

    # A1 loses GM0002, GM0001 becomes deel, GM0003 is added; A2 is not in the file: untouched.
    tweede = bestand(
        tmp_path, "basisteam,gemeente,omvang\nA1,GM0001,Deel\nA1,GM0003,geheel\n", "w2.csv"
    )
    assert "1 nieuw, 1 bijgewerkt, 0 ongewijzigd, 1 verwijderd" in importeer(
        "import_werkgebied", tweede
    )
    assert werkgebied() == {
        ("A1", "GM0001", "deel"),
        ("A1", "GM0003", "geheel"),
        ("A2", "GM0003", "geheel"),
    }
    assert "0 nieuw, 0 bijgewerkt, 2 ongewijzigd, 0 verwijderd" in importeer(
        "import_werkgebied", tweede
    )


@pytest.mark.usefixtures("teams_en_gemeenten")
def test_bad_werkgebied_rows_are_reported_and_nothing_is_written(tmp_path):
    importeer(
        "import_werkgebied", bestand(tmp_path, "basisteam,gemeente,omvang\nA1,GM0001,geheel\n")
    )
    pad = bestand(
        tmp_path,
        "basisteam,gemeente,omvang\n"
        "A1,GM0002,geheel\n"
        "X9,GM0001,geheel\n"
        "A2,GM9999,deel\n"
        "A2,GM01,deel\n"
        "A2,GM0001,half\n"
        "A1,GM0002,deel\n"
        "A2,GM0002,\n",
        "fout.csv",
    )

    assert fouten_van("import_werkgebied", pad) == [
        'Regel 3, kolom basisteam: "X9" is geen bekend basisteam.',
        'Regel 4, kolom gemeente: "GM9999" is geen bekende gemeente.',
        'Regel 5, kolom gemeente: "GM01" is geen geldige CBS-code: verwacht GM met 4 cijfers, '
        "bijvoorbeeld GM0344.",
        'Regel 6, kolom omvang: "half" is geen geldige omvang (kies geheel of deel).',
        'Regel 7, kolom gemeente: basisteam "A1" met gemeente "GM0002" staat ook al op regel 2.',
        "Regel 8, kolom omvang: mag niet leeg zijn.",
    ]
    assert werkgebied() == {("A1", "GM0001", "geheel")}


@pytest.mark.usefixtures("teams_en_gemeenten")
def test_werkgebied_dry_run_writes_nothing(tmp_path):
    importeer(
        "import_werkgebied", bestand(tmp_path, "basisteam,gemeente,omvang\nA1,GM0001,geheel\n")
    )
    pad = bestand(tmp_path, "basisteam,gemeente,omvang\nA1,GM0002,deel\n", "2.csv")

    uitvoer = importeer("import_werkgebied", pad, "--dry-run")

    assert "Werkgebieden: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 verwijderd." in uitvoer
    assert werkgebied() == {("A1", "GM0001", "geheel")}


def test_the_commands_read_xlsx_files_too(tmp_path):
    werkmap = openpyxl.Workbook()
    for rij in [["cbs_code", "naam"], ["GM0344", "Utrecht"], [None, None], ["gm0363", 363]]:
        werkmap.active.append(rij)
    pad = tmp_path / "gemeenten.xlsx"
    werkmap.save(pad)

    assert "Gemeenten geïmporteerd: 2 nieuw" in importeer("import_gemeenten", pad)
    assert dict(Gemeente.objects.values_list("cbs_code", "naam")) == {
        "GM0344": "Utrecht",
        "GM0363": "363",
    }
