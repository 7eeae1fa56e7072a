"""Import files (CSV and XLSX) read into a dataset that knows the line of every row.

Both formats give django-import-export a `Bestand`: a tablib dataset of text cells with the
header lower-cased and trimmed, the line in the file of every row (`regels`, the header is
regel 1, so a message can point at the line a spreadsheet shows), and `fouten`: what made
the file or a row unreadable. The resources (`teams.resources`) report those with their
own. CSV is UTF-8 (a BOM is fine), comma-separated; values may span lines when quoted.
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from import_export.formats import base_formats

XLSX_BEGIN = b"PK\x03\x04"  # an .xlsx workbook is a zip archive


@dataclass(frozen=True)
class Fout:
    """One problem of an import file, in Dutch, where a beheerder can find it: `regel` is
    the line in the file (1 is the header, 0 the file as a whole), `kolom` the column."""

    regel: int
    kolom: str | None
    tekst: str

    def __str__(self) -> str:
        plek = {"regel": self.regel, "kolom": self.kolom, "tekst": self.tekst}
        if self.regel == 0:
            return self.tekst
        if self.regel == 1:
            return _("Header row: %(tekst)s") % plek
        if self.kolom is None:
            return _("Line %(regel)d: %(tekst)s") % plek
        return _("Line %(regel)d, column %(kolom)s: %(tekst)s") % plek


class Bestand(tablib.Dataset):
    """The rows of an import file as text, with their `regels` and `fouten`."""

    def __init__(self, kop=(), rijen=(), regels=(), fouten=()) -> None:
        super().__init__(*rijen, headers=list(kop))
        self.regels: list[int] = list(regels)
        self.fouten: list[Fout] = list(fouten)

    def __bool__(self) -> bool:
        # The admin turns an empty dataset away as "no data"; a file with errors is not
        # empty: its errors are what the beheerder needs to see.
        return bool(self.fouten) or len(self) > 0


def onleesbaar(melding: str) -> Bestand:
    """A file that cannot be read at all, and why."""
    return Bestand(fouten=[Fout(0, None, melding)])


def maak_bestand(regels: Iterable[tuple[int, list[str]]]) -> Bestand:
    """A `Bestand` from (regel, cells) pairs, the header first. Empty rows are skipped and
    trailing empty cells dropped, as spreadsheets write them; a row of another width than
    the header is an error."""
    regels = iter(regels)
    eerste = next(regels, None)
    if eerste is None:
        melding = _("The file is empty: a header row with the column names is required.")
        return onleesbaar(melding)
    kop = [k.strip().lstrip("\ufeff").strip().lower() for k in eerste[1]]
    while kop and not kop[-1]:
        kop.pop()
    rijen, nummers, fouten = [], [], []
    for nummer, cellen in regels:
        while len(cellen) > len(kop) and not cellen[-1].strip():
            cellen = cellen[:-1]
        if not any(cel.strip() for cel in cellen):
            continue
        if len(cellen) != len(kop):
            tekst = ngettext(
                "%(aantal)d value, but the header row has %(kolommen)d columns.",
                "%(aantal)d values, but the header row has %(kolommen)d columns.",
                len(cellen),
            ) % {"aantal": len(cellen), "kolommen": len(kop)}
            fouten.append(Fout(nummer, None, tekst))
            continue
        rijen.append(cellen)
        nummers.append(nummer)
    return Bestand(kop, rijen, nummers, fouten)


def lees_csv(inhoud: bytes) -> Bestand:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        melding = _(
            "The file is not UTF-8 text. Save it as CSV UTF-8 (comma-delimited) and try again."
        )
        return onleesbaar(melding)
    reader = csv.reader(io.StringIO(tekst, newline=""))
    regels, vorige = [], 0
    try:
        for cellen in reader:
            regels.append((vorige + 1, cellen))
            vorige = reader.line_num
    except csv.Error as fout:
        melding = _("The file is not valid CSV (around line %(regel)d): %(fout)s.") % {
            "regel": reader.line_num,
            "fout": fout,
        }
        return onleesbaar(melding)
    return maak_bestand(regels)


def lees_xlsx(inhoud: bytes) -> Bestand:
    """The first sheet; numbers as a spreadsheet shows them (12, 12.75), never 12.0."""
    import openpyxl  # only an XLSX import needs it

    try:
        werkmap = openpyxl.load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
        rijen = list(werkmap.active.iter_rows(values_only=True))
    except Exception:  # a damaged or foreign file fails in many ways; all mean the same
        melding = _("The file is not a valid Excel workbook (.xlsx).")
        return onleesbaar(melding)
    return maak_bestand(
        (nummer, [_als_tekst(cel) for cel in rij]) for nummer, rij in enumerate(rijen, start=1)
    )


def _als_tekst(waarde: object) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


def lees_bestand(bron: str | Path | bytes | BinaryIO) -> Bestand:
    """A file by path, its bytes or an open binary file; XLSX or else CSV, by content."""
    if isinstance(bron, str | Path):
        try:
            inhoud = Path(bron).read_bytes()
        except OSError as fout:
            melding = _('The file "%(bestand)s" cannot be read: %(fout)s.') % {
                "bestand": bron,
                "fout": fout.strerror or fout,
            }
            return onleesbaar(melding)
    elif isinstance(bron, bytes):
        inhoud = bron
    else:
        inhoud = bron.read()
    return lees_xlsx(inhoud) if inhoud.startswith(XLSX_BEGIN) else lees_csv(inhoud)


class CSV(base_formats.CSV):
    """CSV for the admin: read as bytes, so encoding problems get our message, and written
    with plain newlines, as the export command always has."""

    def create_dataset(self, in_stream, **kwargs) -> Bestand:
        return lees_csv(in_stream if isinstance(in_stream, bytes) else in_stream.encode())

    def export_data(self, dataset, **kwargs) -> str:
        return super().export_data(dataset, lineterminator="\n")

    def is_binary(self) -> bool:
        return True

    def get_read_mode(self) -> str:
        return "rb"


class XLSX(base_formats.XLSX):
    def create_dataset(self, in_stream) -> Bestand:
        return lees_xlsx(in_stream)


FORMATEN = [CSV, XLSX]
