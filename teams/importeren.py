"""What every import of the teams app shares, on top of django-import-export.

One import is all or nothing: before any row is saved, the whole file is checked
(`BestandResource.before_import`) and every problem is listed in Dutch per regel and kolom
(`teams.bestanden.Fout`); one problem and no row is imported. Rows are matched on their key
(the resource's `import_id_fields`); a row that changes nothing is not saved. The admin
(preview, dry run, confirm) and the management commands run the same resources
(`teams.resources`).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO

import tablib
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from import_export import resources
from import_export.results import Result, RowResult

from .bestanden import Fout, lees_bestand
from .kolommen import kolom, lezer_voor


class Uitkomst(Result):
    """import_export's result, with the Dutch errors in file order and the counts."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fouten: list[Fout] = []
        self.onderwerp = ""
        self.vervangt = False

    nieuw = property(lambda self: self.totals[RowResult.IMPORT_TYPE_NEW])
    bijgewerkt = property(lambda self: self.totals[RowResult.IMPORT_TYPE_UPDATE])
    ongewijzigd = property(lambda self: self.totals[RowResult.IMPORT_TYPE_SKIP])
    verwijderd = property(lambda self: self.totals[RowResult.IMPORT_TYPE_DELETE])

    def foutmeldingen(self) -> list[str]:
        """Every problem, ours first; the library's only when something unforeseen broke."""
        meldingen = [str(fout) for fout in self.fouten]
        meldingen += [str(fout.error) for fout in self.base_errors]
        meldingen += [str(fout.error) for _regel, fouten in self.row_errors() for fout in fouten]
        if not self.fouten:
            meldingen += [" ".join(rij.error.messages) for rij in self.invalid_rows]
        return meldingen

    @property
    def geslaagd(self) -> bool:
        return not self.foutmeldingen()

    def samenvatting(self) -> str:
        tekst = _("%(nieuw)d new, %(bijgewerkt)d updated, %(ongewijzigd)d unchanged") % {
            "nieuw": self.nieuw,
            "bijgewerkt": self.bijgewerkt,
            "ongewijzigd": self.ongewijzigd,
        }
        if self.vervangt:
            tekst += _(", %(verwijderd)d removed") % {"verwijderd": self.verwijderd}
        return tekst

    def melding(self) -> str:
        return _("%(onderwerp)s imported: %(samenvatting)s.") % {
            "onderwerp": self.onderwerp,
            "samenvatting": self.samenvatting(),
        }


@dataclass
class Rij:
    """One data row: its line in the file, its cells by kolom, and what they mean."""

    regel: int
    waarden: dict[str, str]
    schoon: dict[str, Any] = field(default_factory=dict)
    fouten: list[Fout] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.fouten


class BestandResource(resources.ModelResource):
    """What the three imports share: the header check, reading every row with the columns'
    widgets, duplicate keys, all or nothing, and looking rows up by their key."""

    uitleg = ""  # what an import of this kind does, for the command's help and the admin
    vervangt = False  # whether rows the file no longer names are removed

    class Meta:
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    @classmethod
    def get_result_class(cls):
        return Uitkomst

    @classmethod
    def field_from_django_field(cls, field_name, django_field, readonly):
        return kolom(field_name, lezer_voor(django_field))

    @property
    def kolommen(self) -> list[str]:
        return list(self._meta.fields)

    def import_data(self, dataset, **kwargs):
        # All or nothing, also in the admin's confirm step.
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    # The whole file, before any row ---------------------------------------------------------

    def before_import(self, dataset: tablib.Dataset, **kwargs) -> None:
        self.door = kwargs.get("user")
        # What made the file or a row unreadable (teams.bestanden); regel 0: the whole file.
        self.fouten: list[Fout] = list(getattr(dataset, "fouten", []))
        self.rijen: list[Rij] = []
        self.bestaand: dict[tuple, Any] = {}
        if not any(fout.regel == 0 for fout in self.fouten):
            kopfouten = self.controleer_kop(list(dataset.headers or []))
            self.fouten = kopfouten or self.fouten
        if not any(fout.regel <= 1 for fout in self.fouten):
            regels = getattr(dataset, "regels", None) or range(2, len(dataset) + 2)
            self.rijen = [
                Rij(regel, dict(zip(dataset.headers, cellen, strict=True)))
                for regel, cellen in zip(regels, dataset, strict=True)
            ]
            self.lees(self.rijen)
            self.bestaand = self.laad_bestaand([rij for rij in self.rijen if rij.ok])
            self.controleer_geheel([rij for rij in self.rijen if rij.ok])
            self.fouten.sort(key=attrgetter("regel"))
        # What the rows of import_export see: nothing when anything is wrong, else the cells
        # (with what the checks filled in) in the resource's column order.
        rijen = [] if self.fouten else [[r.waarden[k] for k in self.kolommen] for r in self.rijen]
        dataset.wipe()
        dataset.headers = self.kolommen
        dataset.extend(rijen)

    def controleer_kop(self, kop: list[str]) -> list[Fout]:
        verwacht = {"kolommen": ", ".join(self.kolommen)}
        if len(kop) == 1 and ";" in kop[0]:
            tekst = _(
                "the file uses semicolons (;) as separator; use commas. "
                "Expected columns: %(kolommen)s."
            )
            return [Fout(1, None, tekst % verwacht)]
        fouten = [
            Fout(1, None, _('the column "%(kolom)s" is missing.') % {"kolom": naam})
            for naam in self.kolommen
            if naam not in kop
        ]
        for positie, naam in enumerate(kop):
            plek = {"kolom": naam, "positie": positie + 1}
            if not naam:
                fouten.append(Fout(1, None, _("column %(positie)d has no name.") % plek))
            elif naam not in self.kolommen:
                fouten.append(Fout(1, None, _('unknown column "%(kolom)s".') % plek))
            elif kop.index(naam) < positie:
                tekst = _('the column "%(kolom)s" appears more than once.')
                fouten.append(Fout(1, None, tekst % plek))
        if fouten:
            fouten.append(Fout(0, None, _("Expected columns: %(kolommen)s.") % verwacht))
        return fouten

    def lees(self, rijen: Iterable[Rij]) -> None:
        """Every cell through its column's widget; a key that an earlier row has is an
        error too. The errors of a row are listed in column order."""
        eerder: dict[tuple, int] = {}
        for rij in rijen:
            for veld in self.get_import_fields():
                try:
                    rij.schoon[veld.column_name] = veld.clean(rij.waarden)
                except ValueError as fout:
                    rij.fouten.append(Fout(rij.regel, veld.column_name, str(fout)))
            sleutel = self.sleutel(rij.schoon)
            if sleutel in eerder:
                rij.fouten.append(self.dubbel(rij, eerder[sleutel]))
            elif sleutel is not None:
                eerder[sleutel] = rij.regel
            rij.fouten.sort(key=lambda fout: self.kolommen.index(fout.kolom))
            self.fouten += rij.fouten

    def sleutel(self, waarden: Mapping[str, Any]) -> tuple | None:
        """The key of a row (or of an object): its import_id_fields."""
        if not all(naam in waarden for naam in self._meta.import_id_fields):
            return None
        return tuple(waarden[naam] for naam in self._meta.import_id_fields)

    def dubbel(self, rij: Rij, eerder: int) -> Fout:
        naam = self._meta.import_id_fields[-1]
        tekst = _('"%(waarde)s" is also on line %(regel)d.')
        return Fout(rij.regel, naam, tekst % {"waarde": rij.schoon[naam], "regel": eerder})

    def laad_bestaand(self, rijen: list[Rij]) -> dict[tuple, Any]:
        """The objects the file may update, by key."""
        raise NotImplementedError

    def controleer_geheel(self, rijen: list[Rij]) -> None:
        """Checks across the rows that read well (e.g. a name taken by another row)."""

    # The rows, by import_export -------------------------------------------------------------

    def skip_row(self, instance, original, row, import_validation_errors=None) -> bool:
        """A row that changes nothing is not saved. A line break counts the same whether a
        browser (CR LF) or a spreadsheet (LF) wrote it."""
        if import_validation_errors or original.pk is None:
            return False
        return all(
            _zonder_cr(veld.get_value(instance)) == _zonder_cr(veld.get_value(original))
            for veld in self.get_import_fields()
        )

    def get_instance(self, instance_loader, row):
        waarden = {naam: self.fields[naam].clean(row) for naam in self._meta.import_id_fields}
        return self.bestaand.get(self.sleutel(waarden))

    def after_import(self, dataset, result: Uitkomst, **kwargs) -> None:
        if self.vervangt and not self.fouten:
            self.verwijder_overige(result)
        super().after_import(dataset, result, **kwargs)
        result.onderwerp = capfirst(self._meta.model._meta.verbose_name_plural)
        result.vervangt = self.vervangt
        result.fouten = self.fouten
        waarden = {rij.regel: rij.waarden for rij in self.rijen}
        for fout in self.fouten:
            result.append_invalid_row(
                fout.regel, waarden.get(fout.regel, {}), ValidationError(str(fout))
            )

    def verwijder_overige(self, result: Uitkomst) -> None:
        """Remove what the file no longer names (only when `vervangt`)."""
        raise NotImplementedError


def _zonder_cr(waarde: Any) -> Any:
    return waarde.replace("\r\n", "\n") if isinstance(waarde, str) else waarde


def importeer(
    resource_class: type[BestandResource],
    bron: str | Path | bytes | BinaryIO,
    *,
    dry_run: bool = False,
    door=None,
) -> Uitkomst:
    """Import a file (path, bytes or binary file; CSV or XLSX) as the commands do."""
    return resource_class().import_data(lees_bestand(bron), dry_run=dry_run, user=door)
