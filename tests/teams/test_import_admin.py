"""Importing basisteams, gemeenten and werkgebied in the admin: preview and dry run, confirm,
CSV and XLSX, errors in Dutch, and only for the beheerder."""

import io

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from teams.models import Basisteam, Gemeente, Werkgebied

pytestmark = pytest.mark.django_db

CSV, XLSX = "0", "1"  # the admin's format choices, in teams.bestanden.FORMATEN order

KOP = (
    "code,naam,slug,eenheid,district,formatie_fte,oppervlakte_km2,inwoners,wijkagenten,"
    "bevolkingssamenstelling,economische_omstandigheden,criminogene_factoren,overlast,"
    "veiligheidsgevoelens"
)


def csv_bestand(*regels: str, naam: str = "import.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, "\n".join(regels).encode(), content_type="text/csv")


def xlsx_bestand(*rijen: list, naam: str = "import.xlsx") -> SimpleUploadedFile:
    werkmap = openpyxl.Workbook()
    for rij in rijen:
        werkmap.active.append(rij)
    inhoud = io.BytesIO()
    werkmap.save(inhoud)
    return SimpleUploadedFile(naam, inhoud.getvalue())


def upload(client, model: str, bestand, formaat: str = CSV):
    """The first step: the file is checked in a dry run and a preview is shown."""
    return client.post(
        f"/admin/teams/{model}/import/",
        {"resource": "0", "format": formaat, "import_file": bestand},
    )


def bevestig(client, model: str, preview):
    """The second step: the beheerder confirms what the preview showed."""
    return client.post(
        f"/admin/teams/{model}/process_import/", preview.context["confirm_form"].initial
    )


def test_the_preview_shows_the_rows_and_the_dry_run_writes_nothing(client, beheerder, team):
    client.force_login(beheerder)
    bestand = csv_bestand(
        KOP,
        "MN-UC,Basisteam Utrecht-Centrum,utrecht-centrum,MN,,140,10,120000,21,,,,,",
        "A1,Basisteam Alfa,,MN,District Noord,60,12.5,20000,4,,,,Veel,",
    )

    response = upload(client, "basisteam", bestand)

    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["confirm_form"] is not None
    assert "Basisteam Alfa" in html
    assert "District Noord" in html
    resultaat = response.context["result"]
    assert (resultaat.nieuw, resultaat.bijgewerkt, resultaat.ongewijzigd) == (1, 1, 0)
    assert not Basisteam.objects.filter(code="A1").exists()
    team.refresh_from_db()
    assert (team.wijkagenten, team.versie) == (20, 1)


def test_confirming_imports_with_a_new_version_and_history(client, beheerder, team):
    client.force_login(beheerder)
    preview = upload(
        client,
        "basisteam",
        csv_bestand(
            KOP,
            "MN-UC,Basisteam Utrecht-Centrum,,MN,,140,10,120000,21,,,,Nieuwe overlast,",
            "A1,Basisteam Alfa,,MN,,,,,,,,,,",
        ),
    )

    response = bevestig(client, "basisteam", preview)

    assert response.status_code == 302
    team.refresh_from_db()
    assert (team.wijkagenten, team.overlast, team.versie) == (21, "Nieuwe overlast", 2)
    laatste = team.history.first()
    assert (laatste.history_user, laatste.versie) == (beheerder, 2)
    assert laatste.history_change_reason == "geïmporteerd"
    nieuw = Basisteam.objects.get(code="A1")
    assert (nieuw.slug, nieuw.versie, nieuw.history.first().history_user) == (
        "basisteam-alfa",
        1,
        beheerder,
    )
    meldingen = [str(m) for m in get_messages(response.wsgi_request)]
    assert meldingen == ["Basisteams geïmporteerd: 1 nieuw, 1 bijgewerkt, 0 ongewijzigd."]


def test_an_xlsx_file_works(client, beheerder):
    client.force_login(beheerder)
    bestand = xlsx_bestand(
        [kolom.title() for kolom in KOP.split(",")],  # a spreadsheet's header, in any case
        ["A1", "Alfa", None, "mn", None, 60, 12.75, 61000, 11, None, None, None, None, None],
        [None] * 14,
        ["B2", "Beta", "beta", "AM", "Zuid", 182.5, 3, None, None, "Tekst", None, None, None],
    )

    preview = upload(client, "basisteam", bestand, XLSX)
    assert preview.context["confirm_form"] is not None, preview.context["result"].fouten
    assert bevestig(client, "basisteam", preview).status_code == 302

    alfa, beta = Basisteam.objects.order_by("code")
    assert (str(alfa.formatie_fte), str(alfa.oppervlakte_km2), alfa.inwoners) == (
        "60.0",
        "12.75",
        61000,
    )
    assert (beta.eenheid.code, str(beta.formatie_fte), beta.bevolkingssamenstelling) == (
        "AM",
        "182.5",
        "Tekst",
    )


def test_errors_are_listed_in_dutch_by_regel_and_kolom_and_nothing_can_be_confirmed(
    client, beheerder
):
    client.force_login(beheerder)
    bestand = csv_bestand(
        KOP,
        "A1,Alfa,,MN,,,,,,,,,,",
        "A2,Beta,,XX,,,,veel,,,,,,",
        "A1,Gamma,,MN,,,,,,,,,,",
    )

    response = upload(client, "basisteam", bestand)

    html = response.content.decode()
    assert response.context.get("confirm_form") is None
    assert "Er is niets geïmporteerd" in html
    for melding in [
        'Regel 3, kolom eenheid: "XX" is geen bekende eenheid '
        "(kies uit NN, ON, MN, NH, AM, DH, RT, ZWB, OB, LB).",
        'Regel 3, kolom inwoners: "veel" is geen heel getal.',
        'Regel 4, kolom code: "A1" staat ook al op regel 2.',
    ]:
        assert escape(melding) in html
    assert not Basisteam.objects.exists()


def test_an_xlsx_error_names_the_row_the_spreadsheet_shows(client, beheerder):
    client.force_login(beheerder)
    bestand = xlsx_bestand(["cbs_code", "naam"], ["GM0344", "Utrecht"], [], ["GM12", "Kort"])

    response = upload(client, "gemeente", bestand, XLSX)

    assert [str(fout) for fout in response.context["result"].fouten] == [
        'Regel 4, kolom cbs_code: "GM12" is geen geldige CBS-code: verwacht GM met 4 cijfers, '
        "bijvoorbeeld GM0344."
    ]


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ("cbs_code,naam\nGM0344,Súdwest\n".encode("latin-1"), "Het bestand is geen UTF-8-tekst."),
        (b"cbs_code;naam\nGM0344;Utrecht\n", "Kopregel: het bestand gebruikt puntkomma's"),
        (b"cbs_code,inwoners\nGM0344,5\n", 'Kopregel: onbekende kolom "inwoners".'),
    ],
)
def test_a_file_that_cannot_be_read_says_why_in_dutch(client, beheerder, inhoud, melding):
    client.force_login(beheerder)

    response = upload(client, "gemeente", SimpleUploadedFile("g.csv", inhoud))

    assert escape(melding) in response.content.decode()
    assert response.context.get("confirm_form") is None


def test_a_broken_xlsx_file_says_so_in_dutch(client, beheerder):
    client.force_login(beheerder)

    response = upload(client, "gemeente", SimpleUploadedFile("g.xlsx", b"PK\x03\x04kapot"), XLSX)

    assert "Het bestand is geen geldige Excel-werkmap (.xlsx)." in response.content.decode()


def test_the_werkgebied_preview_shows_what_is_removed(client, beheerder, team):
    een = Gemeente.objects.create(cbs_code="GM0001", naam="Een")
    twee = Gemeente.objects.create(cbs_code="GM0002", naam="Twee")
    Werkgebied.objects.create(basisteam=team, gemeente=een)
    client.force_login(beheerder)

    preview = upload(
        client, "werkgebied", csv_bestand("basisteam,gemeente,omvang", "MN-UC,GM0002,deel")
    )

    resultaat = preview.context["result"]
    assert (resultaat.nieuw, resultaat.verwijderd) == (1, 1)
    assert "Een" in preview.content.decode()
    assert Werkgebied.objects.get().gemeente == een  # a dry run so far
    response = bevestig(client, "werkgebied", preview)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Werkgebieden geïmporteerd: 1 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 verwijderd."
    ]
    werkgebied = Werkgebied.objects.get()
    assert (werkgebied.gemeente, werkgebied.omvang) == (twee, "deel")


def test_gemeenten_import_in_the_admin(client, beheerder):
    client.force_login(beheerder)
    preview = upload(client, "gemeente", csv_bestand("cbs_code,naam", "gm0344,Utrecht"))

    assert bevestig(client, "gemeente", preview).status_code == 302

    assert list(Gemeente.objects.values_list("cbs_code", "naam")) == [("GM0344", "Utrecht")]


@pytest.mark.parametrize("model", ["basisteam", "gemeente", "werkgebied"])
def test_a_redacteur_cannot_import(client, redacteur, model):
    client.force_login(redacteur)

    assert client.get(f"/admin/teams/{model}/import/").status_code == 403
    bestand = csv_bestand("cbs_code,naam", "GM0344,Utrecht")
    assert upload(client, model, bestand).status_code == 403
    assert client.post(f"/admin/teams/{model}/process_import/").status_code == 403
    assert client.get(f"/admin/teams/{model}/export/").status_code == 403
    assert not Gemeente.objects.exists()


@pytest.mark.parametrize("model", ["basisteam", "gemeente", "werkgebied"])
def test_the_beheerder_sees_the_import_page_with_its_columns(client, beheerder, model):
    client.force_login(beheerder)
    lijst = client.get(f"/admin/teams/{model}/").content.decode()
    assert f"/admin/teams/{model}/import/" in lijst
    assert f"/admin/teams/{model}/export/" in lijst

    response = client.get(f"/admin/teams/{model}/import/")

    assert response.status_code == 200
    kolommen = dict(response.context["fields_list"])
    assert len(kolommen) == 1
    assert next(iter(kolommen.values()))[0] in {"code", "cbs_code", "basisteam"}


def test_the_admin_export_is_the_import_format(client, beheerder, team):
    client.force_login(beheerder)

    alle_kolommen = {f"basisteamresource_{kolom}": "on" for kolom in KOP.split(",")}
    response = client.post(
        "/admin/teams/basisteam/export/", {"resource": "0", "format": CSV, **alle_kolommen}
    )

    assert response.status_code == 200
    regels = response.content.decode().splitlines()
    assert regels[0] == KOP
    assert (
        regels[1]
        == "MN-UC,Basisteam Utrecht-Centrum,utrecht-centrum,MN,,140.0,10.00,120000,20,,,,,"
    )


@pytest.mark.parametrize(
    ("model", "resource"),
    [
        ("basisteam", "basisteamresource"),
        ("gemeente", "gemeenteresource"),
        ("werkgebied", "werkgebiedresource"),
    ],
)
@pytest.mark.parametrize("formaat", [CSV, XLSX])
def test_export_then_import_changes_nothing(client, beheerder, team, model, resource, formaat):
    team.overlast = 'Met "aanhalingstekens",\r\nen een tweede regel'
    team.save()
    for code, naam, omvang in [("GM0001", "Een", "geheel"), ("GM0002", "Twee", "deel")]:
        gemeente = Gemeente.objects.create(cbs_code=code, naam=naam)
        Werkgebied.objects.create(basisteam=team, gemeente=gemeente, omvang=omvang)
    client.force_login(beheerder)
    kolommen = {
        f"{resource}_{kolom}": "on"
        for kolom in [*KOP.split(","), "cbs_code", "basisteam", "gemeente", "omvang"]
    }
    export = client.post(
        f"/admin/teams/{model}/export/", {"resource": "0", "format": formaat, **kolommen}
    )
    assert export.status_code == 200

    bestand = SimpleUploadedFile(f"export.{'csv' if formaat == CSV else 'xlsx'}", export.content)
    resultaat = upload(client, model, bestand, formaat).context["result"]

    assert resultaat.foutmeldingen() == []
    assert (resultaat.nieuw, resultaat.bijgewerkt, resultaat.verwijderd) == (0, 0, 0)
    assert resultaat.ongewijzigd == {"basisteam": 1, "gemeente": 2, "werkgebied": 2}[model]
