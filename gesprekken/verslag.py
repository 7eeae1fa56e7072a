"""The report of a gesprek as PDF (WeasyPrint) and the exports, as CSV and as XLSX.

Dutch Excel opens a CSV with semicolons, so a comma-separated file lands in one column
there: the XLSX beside it holds the same rows, cell for cell, and opens right everywhere.

WeasyPrint needs Pango from the system (`make system-deps` installs it); it is imported only
when a PDF is made, so every other page works and starts fast without it.
"""

import csv
import io
import logging
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.utils import timezone

logger = logging.getLogger(__name__)

PDF_CSS = Path(__file__).with_name("verslag.css")
PDF_VARIANT = "pdf/ua-1"  # tagged, accessible PDF (Besluit digitale toegankelijkheid)

# A cell starting with one of these is read as a formula by spreadsheet programs (“CSV
# injection”); a quote in front makes it text. Also the full-width forms, which some
# spreadsheet programs read as the same signs.
FORMULE_TEKENS = ("=", "+", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# A leading “-” starts a formula too, but also plenty of plain text: “- een lijstje”,
# “-5 graden”, “-5”. It is made text only when what follows can compute or call something.
_GETAL_OF_CEL = r"(?:\d[\d.,]*|\$?[A-Za-z]{1,3}\$?\d+)"
MIN_FORMULE = re.compile(
    rf"""
      ^-\s*[-+=@(]                  # another sign or a bracket: --1, -=1, -(1)
    | [\w.]\(                       # a function call: -HYPERLINK(…), - SOM(A1)
    | \|                             # DDE: -cmd|' /C calc'!A0
    | !\$?[A-Za-z]{{1,3}}\$?\d        # a reference into another sheet or file
    | ^-\s*{_GETAL_OF_CEL}(?:\s*[-+*/^]\s*{_GETAL_OF_CEL})+\s*%?$  # a sum: -2+3, -A1*2
    | ^-\s*\$?[A-Za-z]{{1,3}}\$?\d+$  # a cell: -A1
    """,
    re.VERBOSE,
)


def _is_formule(tekst: str) -> bool:
    if tekst.startswith(FORMULE_TEKENS):
        return True
    return tekst.startswith("-") and MIN_FORMULE.search(tekst) is not None


def veilige_cel(waarde) -> str:
    """A value as a CSV cell that reads back as written, and that a spreadsheet program
    shows as text, never runs as a formula."""
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde).strftime("%Y-%m-%d %H:%M")
    if isinstance(waarde, date):
        return waarde.isoformat()
    tekst = str(waarde)
    return f"'{tekst}" if _is_formule(tekst) else tekst


def csv_response(bestandsnaam: str, kop: Sequence, rijen: Iterable[Sequence]) -> HttpResponse:
    """UTF-8 with a byte order mark, comma-separated: Excel's “CSV UTF-8”, which opens with
    the accents intact in Excel, LibreOffice and Numbers alike."""
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{bestandsnaam}"'},
    )
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(k) for k in kop])
    writer.writerows([veilige_cel(cel) for cel in rij] for rij in rijen)
    return response


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_cel(blad, waarde: str, *, kop: bool = False):
    """A text cell, never a formula: the same text as the CSV's cell (`veilige_cel`), less
    the control characters XML cannot hold."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    cel = WriteOnlyCell(blad, value=ILLEGAL_CHARACTERS_RE.sub("", waarde))
    cel.data_type = "s"  # openpyxl would take a text starting with “=” for a formula
    if kop:
        cel.font = Font(bold=True)
    return cel


def xlsx_response(
    bestandsnaam: str, blad_naam: str, kop: Sequence, rijen: Iterable[Sequence]
) -> HttpResponse:
    """The rows of `csv_response` as an Excel workbook of one sheet, `blad_naam`, with the
    header row bold and frozen."""
    from openpyxl import Workbook

    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet(str(blad_naam)[:31])
    blad.freeze_panes = "A2"
    blad.append([_xlsx_cel(blad, str(k), kop=True) for k in kop])
    for rij in rijen:
        blad.append([_xlsx_cel(blad, veilige_cel(cel)) for cel in rij])
    inhoud = io.BytesIO()
    werkboek.save(inhoud)
    return HttpResponse(
        inhoud.getvalue(),
        content_type=XLSX_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{bestandsnaam}"'},
    )


def export_response(
    formaat: str, naam: str, blad_naam: str, kop: Sequence, rijen: Iterable[Sequence]
) -> HttpResponse:
    """`naam`.csv or `naam`.xlsx: the same rows either way."""
    if formaat == "xlsx":
        return xlsx_response(f"{naam}.xlsx", blad_naam, kop, rijen)
    return csv_response(f"{naam}.csv", kop, rijen)


@cache
def _pdf_css() -> str:
    return PDF_CSS.read_text(encoding="utf-8")


def maak_pdf(html: str) -> bytes:
    """Render the report's HTML. Nothing outside the document is fetched: user text cannot
    make the server load a file or a URL. The title, language and author come from the
    HTML's <title>, lang and <meta> elements."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    weiger_alles = URLFetcher(allowed_protocols=())
    document = HTML(string=html, url_fetcher=weiger_alles)
    stylesheets = [CSS(string=_pdf_css(), url_fetcher=weiger_alles)]
    try:
        return document.write_pdf(stylesheets=stylesheets, pdf_variant=PDF_VARIANT)
    except Exception:  # an older or stricter WeasyPrint: a tagged PDF without the claim
        logger.warning("PDF variant %s failed; writing a tagged PDF without it", PDF_VARIANT)
        return document.write_pdf(stylesheets=stylesheets, pdf_tags=True)
