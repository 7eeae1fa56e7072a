"""The report of a gesprek as PDF (WeasyPrint) and the CSV exports.

WeasyPrint needs Pango from the system (`make system-deps` installs it); it is imported only
when a PDF is made, so every other page works and starts fast without it.
"""

import csv
import logging
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
# injection”); a quote in front makes it text. “- ” starts a list item and stays as it is.
FORMULE_TEKENS = ("=", "+", "@", "\t", "\r")


def veilige_cel(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde).strftime("%Y-%m-%d %H:%M")
    if isinstance(waarde, date):
        return waarde.isoformat()
    tekst = str(waarde)
    if tekst.startswith(FORMULE_TEKENS) or (tekst.startswith("-") and not tekst.startswith("- ")):
        return f"'{tekst}"
    return tekst


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
