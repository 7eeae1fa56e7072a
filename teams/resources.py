"""Import and export of basisteams, gemeenten and werkgebied (django-import-export).

The columns and rules are in the README ("Import en export van basisteams"). Basisteams are
matched on `code`, gemeenten on `cbs_code`; a basisteam that changes gets its next `versie`
and a history row with who imported it. The werkgebied of each basisteam named in a file
becomes exactly the rows given (`vervangt`).
"""

from copy import deepcopy
from operator import attrgetter

import tablib
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.results import RowResult

from core.versies import leg_versie_vast

from .bestanden import Fout
from .importeren import BestandResource, Rij, Uitkomst
from .kolommen import CbsCode, Verwijzing, kolom
from .models import Basisteam, Eenheid, Gemeente, Werkgebied

REDEN_IMPORT = gettext_lazy("imported")


# Basisteams -----------------------------------------------------------------------------------

BASISTEAM_KOLOMMEN = (
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


class BasisteamResource(BestandResource):
    uitleg = gettext_lazy(
        "Import basisteams from a CSV or XLSX file: new codes are added, known ones updated. "
        "One error and nothing is saved."
    )
    eenheid = kolom(
        "eenheid",
        Verwijzing(
            Eenheid,
            "code",
            gettext_lazy('"%(waarde)s" is not a known eenheid (choose from %(keuzes)s).'),
            hoofdletters=True,
        ),
    )

    class Meta:
        model = Basisteam
        fields = BASISTEAM_KOLOMMEN
        import_id_fields = ["code"]

    def laad_bestaand(self, rijen: list[Rij]) -> dict[tuple, Basisteam]:
        # Locked until the import ends, so no page edit slips in between check and save.
        teams = Basisteam.objects.select_for_update(of=("self",)).select_related("eenheid")
        return {(team.code,): team for team in teams}

    def controleer_geheel(self, rijen: list[Rij]) -> None:
        """Slug and (eenheid, naam) must be unique among all teams as they will be after
        the import. An empty slug keeps an existing team's slug; a new team gets one from
        its naam."""
        in_bestand = {rij.schoon["code"] for rij in rijen}
        slugs: dict[str, str] = {}
        namen: dict[tuple[int, str], str] = {}
        for team in self.bestaand.values():
            if team.code not in in_bestand:
                slugs[team.slug] = namen[(team.eenheid_id, team.naam)] = _(
                    "basisteam %(code)s"
                ) % {"code": team.code}
        max_lengte = Basisteam._meta.get_field("slug").max_length
        for rij in rijen:
            team = self.bestaand.get((rij.schoon["code"],))
            naam, eenheid = rij.schoon["naam"], rij.schoon["eenheid"]
            slug = rij.schoon["slug"] or (team.slug if team else slugify(naam)[:max_lengte])
            rij.waarden["slug"] = slug
            hier = _("line %(regel)d") % {"regel": rij.regel}
            if not slug:
                tekst = _(
                    'empty, and no slug can be made from the name "%(naam)s"; fill in a slug.'
                )
                self.fouten.append(Fout(rij.regel, "slug", tekst % {"naam": naam}))
            elif slug in slugs:
                self.fouten.append(Fout(rij.regel, "slug", self._slug_bezet(rij, team, slugs)))
            else:
                slugs[slug] = hier
            if (eenheid.pk, naam) in namen:
                tekst = _('eenheid %(eenheid)s already has a basisteam "%(naam)s" (%(door)s).')
                plek = {"eenheid": eenheid.code, "naam": naam, "door": namen[(eenheid.pk, naam)]}
                self.fouten.append(Fout(rij.regel, "naam", tekst % plek))
            else:
                namen[(eenheid.pk, naam)] = hier
        self.opzij = self._moeten_plaats_maken(rijen)

    @staticmethod
    def _slug_bezet(rij: Rij, team: Basisteam | None, slugs: dict[str, str]) -> str:
        slug = rij.waarden["slug"]
        plek = {"slug": slug, "door": slugs[slug]}
        if rij.schoon["slug"]:
            return _('"%(slug)s" is already used by %(door)s.') % plek
        if team is not None:
            return (
                _(
                    'empty, so the basisteam keeps the slug "%(slug)s", but that is already used '
                    "by %(door)s."
                )
                % plek
            )
        return (
            _(
                'empty, but the slug "%(slug)s" that follows from the name is already used by '
                "%(door)s; fill in a slug of your own."
            )
            % plek
        )

    def _moeten_plaats_maken(self, rijen: list[Rij]) -> set[str]:
        """The codes whose slug or name another team of the file holds until it moves."""
        slugs = {team.slug: team.pk for team in self.bestaand.values()}
        namen = {(team.eenheid_id, team.naam): team.pk for team in self.bestaand.values()}
        opzij = set()
        for rij in rijen:
            team = self.bestaand.get((rij.schoon["code"],))
            eigen = {None, team.pk if team else None}
            naam = (rij.schoon["eenheid"].pk, rij.schoon["naam"])
            if slugs.get(rij.waarden["slug"]) not in eigen or namen.get(naam) not in eigen:
                opzij.add(rij.schoon["code"])
        return opzij

    def do_instance_save(self, instance: Basisteam, is_create: bool) -> None:
        if instance.code in self.opzij:
            # Teams that swap slugs or names would trip the unique constraints halfway: the
            # one holding this team's slug or name gets a placeholder until its own row is
            # saved, later in this transaction (the checks above made the end state valid).
            # Not an edit, so no version or history: the real save follows.
            plaatshouder = Concat(Value("~import~"), Cast("pk", CharField()))
            Basisteam.objects.filter(
                Q(slug=instance.slug) | Q(eenheid=instance.eenheid_id, naam=instance.naam)
            ).exclude(pk=instance.pk).update(slug=plaatshouder, naam=plaatshouder)
        if is_create:
            instance._history_user = self.door
            instance._change_reason = str(REDEN_IMPORT)
            instance.save(force_insert=True)
        else:
            leg_versie_vast(instance, door=self.door, reden=REDEN_IMPORT)


def exporteer_basisteams() -> tablib.Dataset:
    """All basisteams in the import format, ordered by code."""
    teams = sorted(Basisteam.objects.select_related("eenheid"), key=attrgetter("code"))
    return BasisteamResource().export(queryset=teams)


# Gemeenten and werkgebied ---------------------------------------------------------------------


class GemeenteResource(BestandResource):
    uitleg = gettext_lazy(
        "Import municipalities from a CSV or XLSX file: new CBS codes are added, known ones "
        "updated. One error and nothing is saved."
    )
    cbs_code = kolom("cbs_code", CbsCode())

    class Meta:
        model = Gemeente
        fields = ("cbs_code", "naam")
        import_id_fields = ["cbs_code"]

    def laad_bestaand(self, rijen: list[Rij]) -> dict[tuple, Gemeente]:
        codes = {rij.schoon["cbs_code"] for rij in rijen}
        return {(g.cbs_code,): g for g in Gemeente.objects.filter(cbs_code__in=codes)}


class WerkgebiedResource(BestandResource):
    uitleg = gettext_lazy(
        "Import working areas from a CSV or XLSX file: the working area of every basisteam in "
        "the file becomes exactly what the file says. One error and nothing is saved."
    )
    vervangt = True

    basisteam = kolom(
        "basisteam",
        Verwijzing(Basisteam, "code", gettext_lazy('"%(waarde)s" is not a known basisteam.')),
    )
    gemeente = kolom(
        "gemeente",
        Verwijzing(
            Gemeente,
            "cbs_code",
            gettext_lazy('"%(waarde)s" is not a known municipality.'),
            lezer=CbsCode(),
        ),
    )

    class Meta:
        model = Werkgebied
        fields = ("basisteam", "gemeente", "omvang")
        import_id_fields = ["basisteam", "gemeente"]

    def dubbel(self, rij: Rij, eerder: int) -> Fout:
        tekst = _(
            'basisteam "%(basisteam)s" with municipality "%(gemeente)s" is also on line %(regel)d.'
        )
        plek = {
            "basisteam": rij.schoon["basisteam"].code,
            "gemeente": rij.schoon["gemeente"].cbs_code,
            "regel": eerder,
        }
        return Fout(rij.regel, "gemeente", tekst % plek)

    def laad_bestaand(self, rijen: list[Rij]) -> dict[tuple, Werkgebied]:
        teams = {rij.schoon["basisteam"] for rij in rijen}
        werkgebieden = Werkgebied.objects.filter(basisteam__in=teams).select_related(
            "basisteam", "gemeente"
        )
        return {(w.basisteam, w.gemeente): w for w in werkgebieden}

    def verwijder_overige(self, result: Uitkomst) -> None:
        """The werkgebied of a team in the file is exactly the file's rows: the rest goes,
        and shows in the preview as removed."""
        in_bestand = {self.sleutel(rij.schoon) for rij in self.rijen}
        for sleutel, werkgebied in self.bestaand.items():
            if sleutel in in_bestand:
                continue
            rij = self.get_row_result_class()()
            rij.import_type = RowResult.IMPORT_TYPE_DELETE
            rij.add_instance_info(werkgebied)
            rij.instance = deepcopy(werkgebied)  # keeps its pk for the admin's log
            verschil = self.get_diff_class()(self, werkgebied, False)
            verschil.compare_with(self, None)
            rij.diff = verschil.as_html()
            werkgebied.delete()
            result.increment_row_result_total(rij)
            result.append_row_result(rij)
