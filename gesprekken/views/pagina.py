"""The gesprek page: everything it shows and its forms, built with a fixed number of queries
whatever the number of questions, afspraken and versions.

One function draws it, `toon_gesprek`: for a GET, and again for each of its forms after an
error (a form error, a conflict, a gesprek completed meanwhile), with that form bound so
nothing typed is lost. The forms are made here too, so the page and the views that take
them (`vastleggen.py`) make them alike."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from opgaven.models import Opgave

from .. import services
from ..forms import (
    AfspraakForm,
    AfspraakStatusForm,
    AntwoordForm,
    GesprekStatusForm,
    SamenvattingForm,
)
from ..models import Afspraak, Antwoord, Gesprek, Status, volgende_statussen
from .gedeeld import SUGGESTIES, gesprek_kruimels, leden, opgaven

# --- The forms, one key each on the page -----------------------------------------------------

STATUS = "status"
NIEUW = "nieuw"
SAMENVATTING = "samenvatting"


def antwoord_form(antwoord: Antwoord, data=None) -> AntwoordForm:
    return AntwoordForm(
        data,
        prefix=f"antwoord-{antwoord.pk}",
        nummer=antwoord.volgorde,
        initial={"tekst": antwoord.tekst, "versie": antwoord.versie},
    )


def afspraak_form(keuze_opgaven: list[Opgave], *, prefix: str, data=None) -> AfspraakForm:
    return AfspraakForm(
        data,
        prefix=prefix,
        opgaven=keuze_opgaven,
        suggesties=SUGGESTIES,
        empty_permitted=prefix != NIEUW,
        use_required_attribute=prefix == NIEUW,
    )


def top3_forms(
    antwoord: Antwoord, bestaand: int, keuze_opgaven: list[Opgave], data=None
) -> list[AfspraakForm]:
    """The free slots of a “top 3” question that holds `bestaand` afspraken."""
    forms = []
    for nummer in range(bestaand + 1, services.MAX_TOP3 + 1):
        form = afspraak_form(keuze_opgaven, prefix=f"top3-{antwoord.pk}-{nummer}", data=data)
        form.nummer = nummer
        for veld in form.fields.values():
            veld.help_text = ""  # said once above the three slots
        forms.append(form)
    return forms


def status_form(afspraak: Afspraak, data=None) -> AfspraakStatusForm:
    return AfspraakStatusForm(
        data,
        prefix=f"afspraak-{afspraak.pk}",
        initial={"status": afspraak.status, "versie": afspraak.versie},
    )


def gesprek_status_form(gesprek: Gesprek, data=None) -> GesprekStatusForm:
    return GesprekStatusForm(data, initial={"versie": gesprek.versie})


def samenvatting_form(gesprek: Gesprek, data=None) -> SamenvattingForm:
    return SamenvattingForm(
        data,
        prefix=SAMENVATTING,
        initial={"samenvatting": gesprek.samenvatting, "versie": gesprek.versie},
    )


# --- The page ----------------------------------------------------------------------------------


def _historie(model, *gerelateerd: str) -> Prefetch:
    rijen = model.history.model.objects.select_related("history_user", *gerelateerd)
    return Prefetch("historie", queryset=rijen)


class GesprekPagina:
    """The gesprek page as `request.user` may see it: the answers with their earlier
    versions, the afspraken with their history, the afspraken carried over, and the forms
    (bound ones from `gebonden`, by key). `niet_opgeslagen` holds, per key, what was typed
    but not saved because the gesprek was completed meanwhile: shown read-only."""

    def __init__(self, request: HttpRequest, gesprek: Gesprek, gebonden, niet_opgeslagen):
        self.gesprek = gesprek
        self.gebonden = gebonden
        self.niet_opgeslagen = niet_opgeslagen
        rechten = gesprek.rechten
        self.open_voor_invoer = rechten.vastleggen and not gesprek.is_afgerond
        self.antwoorden = list(
            gesprek.antwoorden.select_related("vraag", "bijgewerkt_door").prefetch_related(
                _historie(Antwoord)
            )
        )
        afspraak_historie = _historie(Afspraak, "opgevolgd_in")
        self.afspraken = list(
            gesprek.afspraken.select_related("opgave", "bijgewerkt_door")
            .prefetch_related(afspraak_historie)
            .order_by("pk")
        )
        self.eerdere = list(
            services.openstaande_afspraken(gesprek, request.user).prefetch_related(
                afspraak_historie
            )
        )
        self.opgaven = opgaven() if rechten.vastleggen else []
        self.leden = leden(gesprek.basisteam_id) if self.open_voor_invoer else []

    def _form(self, sleutel: str, maak):
        return self.gebonden[sleutel] if sleutel in self.gebonden else maak()

    def _vraag(self, antwoord: Antwoord) -> dict:
        afspraken = [a for a in self.afspraken if a.vraag_id == antwoord.vraag_id]
        sleutel = f"{'top3' if antwoord.is_top3 else 'antwoord'}-{antwoord.pk}"
        if antwoord.is_top3:
            form = None
            top3 = self._form(sleutel, lambda: top3_forms(antwoord, len(afspraken), self.opgaven))
        else:
            form = self._form(sleutel, lambda: antwoord_form(antwoord))
            top3 = []
        return {
            "antwoord": antwoord,
            "form": form,
            "top3_forms": top3,
            "afspraken": afspraken,
            "niet_opgeslagen": self.niet_opgeslagen.get(sleutel),
        }

    def _met_status_form(self, afspraken: list[Afspraak]) -> list[tuple]:
        return [(a, self._form(f"afspraak-{a.pk}", lambda a=a: status_form(a))) for a in afspraken]

    def context(self) -> dict:
        gesprek = self.gesprek
        statussen = (
            volgende_statussen(gesprek.status, heropenen=True) if gesprek.rechten.beheren else []
        )
        return {
            "gesprek": gesprek,
            "team": gesprek.basisteam,
            "rechten": gesprek.rechten,
            "open_voor_invoer": self.open_voor_invoer,
            "opgaven": gesprek.opgaven.all(),
            "vragen": [self._vraag(antwoord) for antwoord in self.antwoorden],
            "afspraken": self._met_status_form(self.afspraken),
            "eerdere": self._met_status_form(self.eerdere),
            "nieuw_form": self._form(NIEUW, lambda: afspraak_form(self.opgaven, prefix=NIEUW)),
            "nieuw_niet_opgeslagen": self.niet_opgeslagen.get(NIEUW),
            "status_form": self._form(STATUS, lambda: gesprek_status_form(gesprek)),
            # Written on the page by those who may edit the details, until it is completed.
            "samenvatting_form": (
                self._form(SAMENVATTING, lambda: samenvatting_form(gesprek))
                if gesprek.rechten.beheren and not gesprek.is_afgerond
                else None
            ),
            "samenvatting_niet_opgeslagen": self.niet_opgeslagen.get(SAMENVATTING),
            "overgangen": [
                (Status(naar), Status(naar).label, _is_terug(gesprek.status, naar))
                for naar in statussen
            ],
            "leden": self.leden,
            "suggesties": SUGGESTIES,
            "concept_pagina": gesprek.get_absolute_url(),
            "kruimels": gesprek_kruimels(gesprek),
        }


def _is_terug(van: str, naar: str) -> bool:
    volgorde = list(Status)
    return volgorde.index(Status(naar)) < volgorde.index(Status(van))


def toon_gesprek(
    request: HttpRequest,
    gesprek: Gesprek,
    *,
    gebonden: dict | None = None,
    niet_opgeslagen: dict[str, list[tuple[str, str]]] | None = None,
) -> HttpResponse:
    """The gesprek page, with the forms in `gebonden` (by key) as they were posted."""
    pagina = GesprekPagina(request, gesprek, gebonden or {}, niet_opgeslagen or {})
    return render(request, "gesprekken/gesprek_detail.html", pagina.context())
