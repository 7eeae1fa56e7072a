import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from opgaven.models import Opgave
from teams.models import Basisteam, User

from . import services
from .access import (
    Recht,
    get_afspraak_for_user,
    get_gesprek_for_user,
    get_team_voor_nieuw_gesprek,
    mag_gesprek_aanmaken,
)
from .concept import meld_opgeslagen
from .filters import AfspraakFilter
from .forms import (
    AfspraakBewerkenForm,
    AfspraakForm,
    AfspraakStatusForm,
    AntwoordForm,
    GesprekBewerkenForm,
    GesprekForm,
)
from .models import (
    OPENSTAAND,
    Afspraak,
    AfspraakWijziging,
    Antwoord,
    AntwoordVersie,
    Gesprek,
    Status,
    volgende_statussen,
)
from .verslag import csv_response, maak_pdf

logger = logging.getLogger(__name__)

PER_PAGINA = 25
SUGGESTIES = "eigenaar-suggesties"  # id of the datalist of team members


def _team_kruimels(team: Basisteam, *verder) -> list:
    return [
        (_("Basisteams"), reverse("teams:list")),
        (team.naam, team.get_absolute_url()),
        *verder,
    ]


def _gesprek_kruimels(gesprek: Gesprek, *verder) -> list:
    team = gesprek.basisteam
    return _team_kruimels(
        team,
        (_("Gesprekken"), reverse("teamgesprekken:list", kwargs={"slug": team.slug})),
        (gesprek.titel, gesprek.get_absolute_url()),
        *verder,
    )


def _leden(team_id: int) -> list[User]:
    return list(
        User.objects.filter(lidmaatschappen__basisteam_id=team_id).order_by("naam", "email")
    )


def _opgaven() -> list[Opgave]:
    return list(Opgave.objects.only("pk", "nummer", "titel"))


def _als_tekst(veld) -> str:
    """What was typed in a bound field, as text; a choice shows its label."""
    waarde = veld.value()
    keuzes = getattr(veld.field, "choices", None)
    if keuzes is not None:
        waarde = {str(k): label for k, label in keuzes}.get(str(waarde or ""), waarde)
    return "" if waarde is None else str(waarde)


def _getypt(form) -> list[tuple[str, str]]:
    """What was typed in a bound form, as (label, text) for every field that is not empty.
    For showing, read-only, what could not be saved."""
    return [
        (veld.label, _als_tekst(veld))
        for veld in form.visible_fields()
        if veld.value() not in (None, "")
    ]


# --- A team's gesprekken --------------------------------------------------------------------


@login_required
@require_safe
def gesprek_list(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_object_or_404(Basisteam, slug=slug)
    gesprekken = (
        Gesprek.objects.zichtbaar_voor(request.user)
        .filter(basisteam=team)
        .select_related("gespreksleider", "leidraad")
        .annotate(
            aantal_afspraken=Count("afspraken"),
            open_afspraken=Count("afspraken", filter=Q(afspraken__status__in=OPENSTAAND)),
        )
        .order_by("-datum", "-pk")
    )
    pagina = Paginator(gesprekken, PER_PAGINA).get_page(request.GET.get("page"))
    return render(
        request,
        "gesprekken/gesprek_list.html",
        {
            "team": team,
            "pagina": pagina,
            "mag_aanmaken": mag_gesprek_aanmaken(request.user, team),
            "kruimels": _team_kruimels(team, (_("Gesprekken"), None)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def gesprek_nieuw(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_team_voor_nieuw_gesprek(request.user, slug)
    leden = _leden(team.pk)
    form = GesprekForm(
        request.POST or None,
        leden=leden,
        initial={
            "datum": timezone.localdate(),
            "gespreksleider": request.user.pk if request.user in leden else None,
        },
    )
    if request.method == "POST" and form.is_valid():
        gesprek = services.maak_gesprek(team, request.user, **form.cleaned_data)
        meld_opgeslagen(request, "gesprek")
        messages.success(
            request, _("The gesprek has been created. Record the answers below as you talk.")
        )
        return redirect(gesprek)
    return render(
        request,
        "gesprekken/gesprek_form.html",
        {
            "team": team,
            "form": form,
            "titel": _("New gesprek"),
            "annuleren": reverse("teamgesprekken:list", kwargs={"slug": team.slug}),
            "kruimels": _team_kruimels(
                team,
                (_("Gesprekken"), reverse("teamgesprekken:list", kwargs={"slug": team.slug})),
                (_("New gesprek"), None),
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def gesprek_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = get_gesprek_for_user(request.user, pk, recht=Recht.BEHEREN)
    if gesprek.is_afgerond and request.method != "POST":
        messages.error(request, _("This gesprek is completed. Reopen it to change it."))
        return redirect(gesprek)
    leden = _leden(gesprek.basisteam_id)
    opgaven_nu = list(gesprek.opgaven.all())
    initial = {
        "titel": gesprek.titel,
        "datum": gesprek.datum,
        "opgaven": opgaven_nu,
        "gespreksleider": gesprek.gespreksleider_id,
        "deelnemers": gesprek.deelnemers,
        "zichtbaarheid": gesprek.zichtbaarheid,
        "samenvatting": gesprek.samenvatting,
        "versie": gesprek.versie,
    }
    form = GesprekBewerkenForm(request.POST or None, leden=leden, initial=initial)
    opgeslagen = None
    # Completed while this teamchef was typing: the form is shown again with what they
    # typed, never thrown away, but it cannot be saved until the gesprek is reopened.
    afgerond = request.method == "POST" and gesprek.is_afgerond
    if request.method == "POST" and not afgerond and form.is_valid():
        velden = {k: v for k, v in form.cleaned_data.items() if k in services.GESPREK_VELDEN}
        try:
            services.werk_gesprek_bij(
                gesprek, form.cleaned_data["versie"], velden, form.cleaned_data["opgaven"]
            )
        except services.GesprekAfgerond:
            afgerond = True
        except services.Conflict as conflict:
            opgeslagen = conflict.huidig
            data = request.POST.copy()
            data["versie"] = opgeslagen.versie
            form = GesprekBewerkenForm(data, leden=leden, initial=initial)
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Someone else saved this gesprek while you were editing it. What you "
                    "typed is still below; the version now saved is shown beside it. Save "
                    "again to replace it with yours."
                ),
            )
        else:
            meld_opgeslagen(request, "gesprek")
            messages.success(request, _("The gesprek has been saved."))
            return redirect(gesprek)
    if afgerond:
        form.add_error(
            None,
            _(
                "This gesprek was completed meanwhile, so nothing was saved. What you typed "
                "is still below: copy what you want to keep. To change the gesprek, the "
                "teamchef reopens it first."
            ),
        )
    return render(
        request,
        "gesprekken/gesprek_form.html",
        {
            "team": gesprek.basisteam,
            "gesprek": gesprek,
            "form": form,
            "opgeslagen": opgeslagen,
            "afgerond": afgerond,
            "titel": _("Edit gesprek"),
            "annuleren": gesprek.get_absolute_url(),
            "kruimels": _gesprek_kruimels(gesprek, (_("Edit"), None)),
        },
    )


# --- One gesprek ----------------------------------------------------------------------------


class GesprekPagina:
    """Everything the gesprek page shows, and its forms: one per answer, the free slots of
    each “top 3” question, a new afspraak, and the status of every afspraak. Built with a
    fixed number of queries, whatever the number of questions and afspraken."""

    def __init__(self, request: HttpRequest, gesprek: Gesprek):
        self.request = request
        self.gesprek = gesprek
        rechten = gesprek.rechten
        self.open_voor_invoer = rechten.vastleggen and not gesprek.is_afgerond
        self.antwoorden = {
            a.pk: a
            for a in gesprek.antwoorden.select_related(
                "vraag", "bijgewerkt_door"
            ).prefetch_related(
                Prefetch(
                    "versies",
                    queryset=AntwoordVersie.objects.select_related("door", "vervangen_door"),
                )
            )
        }
        wijzigingen = Prefetch(
            "wijzigingen", queryset=AfspraakWijziging.objects.select_related("door", "gesprek")
        )
        self.afspraken = {
            a.pk: a
            for a in gesprek.afspraken.select_related("opgave", "bijgewerkt_door")
            .prefetch_related(wijzigingen)
            .order_by("pk")
        }
        self.eerdere = {
            a.pk: a
            for a in services.openstaande_afspraken(gesprek, request.user).prefetch_related(
                wijzigingen
            )
        }
        self.opgaven = _opgaven() if rechten.vastleggen else []
        self.leden = _leden(gesprek.basisteam_id) if self.open_voor_invoer else []
        self.conflicten: dict[str, object] = {}
        # What was typed but not saved because the gesprek was completed meanwhile, per
        # form (`antwoord-<pk>`, `top3-<pk>`, `nieuw`): shown read-only, so it is not lost.
        self.niet_opgeslagen: dict[str, list[tuple[str, str]]] = {}

        self.antwoord_forms = {
            pk: self._antwoord_form(a) for pk, a in self.antwoorden.items() if not a.is_top3
        }
        self.top3_forms = {
            pk: self._top3_forms(a) for pk, a in self.antwoorden.items() if a.is_top3
        }
        self.nieuw_form = self._afspraak_form(prefix="nieuw")
        self.status_forms = {
            pk: self._status_form(a) for pk, a in (self.afspraken | self.eerdere).items()
        }

    # Forms

    def _antwoord_form(self, antwoord: Antwoord, data=None) -> AntwoordForm:
        return AntwoordForm(
            data,
            prefix=f"antwoord-{antwoord.pk}",
            nummer=antwoord.volgorde,
            initial={"tekst": antwoord.tekst, "versie": antwoord.versie},
        )

    def _afspraak_form(self, *, prefix: str, data=None) -> AfspraakForm:
        return AfspraakForm(
            data,
            prefix=prefix,
            opgaven=self.opgaven,
            suggesties=SUGGESTIES,
            empty_permitted=prefix != "nieuw",
            use_required_attribute=prefix == "nieuw",
        )

    def _top3_forms(self, antwoord: Antwoord, data=None) -> list[AfspraakForm]:
        bestaand = sum(1 for a in self.afspraken.values() if a.vraag_id == antwoord.vraag_id)
        vrij = max(services.MAX_TOP3 - bestaand, 0)
        forms = []
        for nummer in range(bestaand + 1, bestaand + vrij + 1):
            form = self._afspraak_form(prefix=f"top3-{antwoord.pk}-{nummer}", data=data)
            form.nummer = nummer
            for veld in form.fields.values():
                veld.help_text = ""  # said once above the three slots
            forms.append(form)
        return forms

    def _status_form(self, afspraak: Afspraak, data=None) -> AfspraakStatusForm:
        return AfspraakStatusForm(
            data,
            prefix=f"afspraak-{afspraak.pk}",
            initial={"status": afspraak.status, "versie": afspraak.versie},
        )

    # Actions

    def verwerk(self) -> HttpResponse | None:
        """Handle the POST; a response when done, None to show the page with errors."""
        post = self.request.POST
        soort, _sep, pk_tekst = post.get("actie", "").partition("-")
        pk = int(pk_tekst) if pk_tekst.isdigit() else None
        if soort == "status":
            return self._status(post.get("naar", ""))
        if soort == "afspraak" and pk in self.status_forms:
            return self._afspraak_status(pk)
        if not self.open_voor_invoer:
            # Recording needs `vastleggen`, so the gesprek was completed meanwhile.
            formulieren = self._ingevuld(soort, pk)
            if formulieren is not None:
                self._afgerond(f"{soort}-{pk}" if pk else soort, formulieren)
                return None
            messages.error(
                self.request,
                _("This gesprek is completed; nothing was changed. The teamchef can reopen it."),
            )
            return redirect(self.gesprek)
        if soort == "antwoord" and pk in self.antwoord_forms:
            return self._antwoord(self.antwoorden[pk])
        if soort == "top3" and pk in self.top3_forms:
            return self._top3(self.antwoorden[pk])
        if soort == "nieuw":
            return self._nieuw()
        messages.error(self.request, _("That is not part of this gesprek; nothing was changed."))
        return redirect(self.gesprek)

    def _terug(self, anker: str = "") -> HttpResponse:
        return redirect(f"{self.gesprek.get_absolute_url()}{'#' + anker if anker else ''}")

    def _opgeslagen(self, sleutel: str, anker: str = "") -> HttpResponse:
        """Saved: concept.js drops its copy of the form, and the page is shown again."""
        meld_opgeslagen(self.request, sleutel)
        return self._terug(anker)

    def _ingevuld(self, soort: str, pk: int | None) -> list | None:
        """The posted form(s) of an answer, a “top 3” or the new afspraak; None when the
        post is none of these."""
        post = self.request.POST
        if soort == "antwoord" and pk in self.antwoord_forms:
            return [self._antwoord_form(self.antwoorden[pk], post)]
        if soort == "top3" and pk in self.top3_forms:
            return self._top3_forms(self.antwoorden[pk], post)
        if soort == "nieuw":
            return [self._afspraak_form(prefix="nieuw", data=post)]
        return None

    def _afgerond(self, sleutel: str, formulieren) -> None:
        """The gesprek was completed before this could be saved. Nothing is saved; the page
        is shown as it is now, completed, with what was typed beside the form's place."""
        self.gesprek.refresh_from_db(fields=["status", "versie"])
        self.open_voor_invoer = False
        getypt = [regel for form in formulieren for regel in _getypt(form)]
        self.niet_opgeslagen[sleutel] = getypt
        if not getypt:
            messages.error(
                self.request,
                _("This gesprek is completed; nothing was changed. The teamchef can reopen it."),
            )
            return
        messages.error(
            self.request,
            _(
                "This gesprek was completed meanwhile, so nothing was saved. What you typed "
                "is shown below: copy what you want to keep. The teamchef can reopen the "
                "gesprek."
            ),
        )

    def _status(self, naar: str) -> HttpResponse:
        if not self.gesprek.rechten.beheren:
            raise PermissionDenied
        try:
            services.zet_status(self.gesprek, naar, heropenen=True)
        except services.OngeldigeOvergang:
            messages.error(self.request, _("This gesprek cannot move to that status."))
        except services.Conflict:
            messages.error(
                self.request,
                _("Someone else changed the status meanwhile; nothing was changed. Check it."),
            )
        else:
            messages.success(
                self.request,
                _("The gesprek is now “%(status)s”.")
                % {"status": self.gesprek.get_status_display()},
            )
        return self._terug()

    def _antwoord(self, antwoord: Antwoord) -> HttpResponse | None:
        form = self._antwoord_form(antwoord, self.request.POST)
        self.antwoord_forms[antwoord.pk] = form
        if not form.is_valid():
            return None
        try:
            gewijzigd = services.leg_antwoord_vast(
                antwoord,
                self.request.user,
                form.cleaned_data["versie"],
                form.cleaned_data["tekst"],
            )
        except services.GesprekAfgerond:
            self._afgerond(f"antwoord-{antwoord.pk}", [form])
            return None
        except services.Conflict as conflict:
            huidig = conflict.huidig
            self.conflicten[f"antwoord-{antwoord.pk}"] = huidig
            data = self.request.POST.copy()
            data[form.add_prefix("versie")] = huidig.versie  # the next save knowingly replaces
            form.data = data
            form.add_error(
                None,
                _(
                    "Someone else saved an answer to this question while you were typing. "
                    "Your text is kept below, the saved text beside it. Combine them if "
                    "needed and save again to replace the saved text."
                ),
            )
            return None
        if gewijzigd:
            messages.success(
                self.request,
                _("The answer to question %(nummer)s has been saved.")
                % {"nummer": antwoord.volgorde},
            )
        return self._opgeslagen(f"antwoord-{antwoord.pk}", f"vraag-{antwoord.pk}")

    def _top3(self, antwoord: Antwoord) -> HttpResponse | None:
        forms = self._top3_forms(antwoord, self.request.POST)
        self.top3_forms[antwoord.pk] = forms
        if not all(form.is_valid() for form in forms):
            return None
        regels = [form.cleaned_data for form in forms if form.has_changed()]
        if not regels:
            if forms:
                forms[0].add_error("omschrijving", _("Describe at least one afspraak."))
            else:
                messages.error(self.request, _("This question already has three afspraken."))
                return self._terug(f"vraag-{antwoord.pk}")
            return None
        try:
            services.maak_afspraken(self.gesprek, self.request.user, regels, vraag=antwoord.vraag)
        except services.GesprekAfgerond:
            self._afgerond(f"top3-{antwoord.pk}", forms)
            return None
        except services.TeVeelAfspraken as fout:
            forms[0].add_error(
                None,
                _(
                    "Someone else recorded afspraken here meanwhile: %(ruimte)s more fit. "
                    "Your text is kept; reload the page to see theirs."
                )
                % {"ruimte": fout.ruimte},
            )
            return None
        messages.success(self.request, _("The afspraken have been recorded."))
        return self._opgeslagen(f"top3-{antwoord.pk}", f"vraag-{antwoord.pk}")

    def _nieuw(self) -> HttpResponse | None:
        form = self._afspraak_form(prefix="nieuw", data=self.request.POST)
        self.nieuw_form = form
        if not form.is_valid():
            return None
        try:
            services.maak_afspraken(self.gesprek, self.request.user, [form.cleaned_data])
        except services.GesprekAfgerond:
            self._afgerond("nieuw", [form])
            return None
        messages.success(self.request, _("The afspraak has been recorded."))
        return self._opgeslagen("nieuw", "afspraken")

    def _afspraak_status(self, pk: int) -> HttpResponse | None:
        if not self.gesprek.rechten.vastleggen:
            raise PermissionDenied
        eerder = pk in self.eerdere
        if eerder and self.gesprek.is_afgerond:
            messages.error(
                self.request,
                _("This gesprek is completed; follow the afspraak up in the next gesprek."),
            )
            return self._terug()
        afspraak = self.eerdere[pk] if eerder else self.afspraken[pk]
        form = self._status_form(afspraak, self.request.POST)
        self.status_forms[pk] = form
        if not form.is_valid():
            return None
        try:
            gewijzigd = services.werk_afspraak_bij(
                afspraak,
                self.request.user,
                form.cleaned_data["versie"],
                {"status": form.cleaned_data["status"]},
                in_gesprek=self.gesprek if eerder else None,
            )
        except services.Conflict as conflict:
            huidig = conflict.huidig
            data = self.request.POST.copy()
            data[form.add_prefix("versie")] = huidig.versie
            form.data = data
            form.add_error(
                None,
                _(
                    "Someone else changed this afspraak meanwhile: its status is now "
                    "“%(status)s”. Your choice is kept; save again to replace it."
                )
                % {"status": huidig.get_status_display()},
            )
            return None
        if gewijzigd:
            messages.success(self.request, _("The status of the afspraak has been saved."))
        return self._terug(f"afspraak-{pk}")

    # Page

    def context(self) -> dict:
        gesprek = self.gesprek
        rechten = gesprek.rechten
        vragen = []
        for pk, antwoord in self.antwoorden.items():
            vragen.append(
                {
                    "antwoord": antwoord,
                    "form": self.antwoord_forms.get(pk),
                    "top3_forms": self.top3_forms.get(pk, []),
                    "afspraken": [
                        a for a in self.afspraken.values() if a.vraag_id == antwoord.vraag_id
                    ],
                    "conflict": self.conflicten.get(f"antwoord-{pk}"),
                    "niet_opgeslagen": (
                        self.niet_opgeslagen.get(f"antwoord-{pk}")
                        or self.niet_opgeslagen.get(f"top3-{pk}")
                    ),
                }
            )
        statussen = volgende_statussen(gesprek.status, heropenen=True) if rechten.beheren else []
        return {
            "gesprek": gesprek,
            "team": gesprek.basisteam,
            "rechten": rechten,
            "open_voor_invoer": self.open_voor_invoer,
            "opgaven": gesprek.opgaven.all(),
            "vragen": vragen,
            "afspraken": [(a, self.status_forms[a.pk]) for a in self.afspraken.values()],
            "eerdere": [(a, self.status_forms[a.pk]) for a in self.eerdere.values()],
            "nieuw_form": self.nieuw_form,
            "nieuw_niet_opgeslagen": self.niet_opgeslagen.get("nieuw"),
            "leden": self.leden,
            "suggesties": SUGGESTIES,
            "overgangen": [
                (Status(naar), Status(naar).label, _is_terug(gesprek.status, naar))
                for naar in statussen
            ],
            "kruimels": _gesprek_kruimels(gesprek),
        }


def _is_terug(van: str, naar: str) -> bool:
    volgorde = list(Status)
    return volgorde.index(Status(naar)) < volgorde.index(Status(van))


@login_required
@require_http_methods(["GET", "POST"])
def gesprek_detail(request: HttpRequest, pk: int) -> HttpResponse:
    recht = Recht.VASTLEGGEN if request.method == "POST" else Recht.LEZEN
    gesprek = get_gesprek_for_user(request.user, pk, recht=recht)
    pagina = GesprekPagina(request, gesprek)
    if request.method == "POST" and (response := pagina.verwerk()):
        return response
    return render(request, "gesprekken/gesprek_detail.html", pagina.context())


# --- Report and exports ----------------------------------------------------------------------


def _verslag_context(gesprek: Gesprek, user: User) -> dict:
    """The report as `user` may read it: only the earlier afspraken they may see."""
    antwoorden = list(gesprek.antwoorden.select_related("bijgewerkt_door"))
    afspraken = list(
        gesprek.afspraken.select_related("opgave", "bijgewerkt_door")
        .met_vraag_als_gesteld()
        .order_by("pk")
    )
    for antwoord in antwoorden:
        antwoord.top3_afspraken = [a for a in afspraken if a.vraag_id == antwoord.vraag_id]
    return {
        "gesprek": gesprek,
        "team": gesprek.basisteam,
        "opgaven": list(gesprek.opgaven.all()),
        "antwoorden": antwoorden,
        "afspraken": afspraken,
        "eerdere": list(services.openstaande_afspraken(gesprek, user)),
        "vandaag": timezone.localdate(),
    }


@login_required
@require_safe
def verslag(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = get_gesprek_for_user(request.user, pk)
    context = _verslag_context(gesprek, request.user) | {
        "kruimels": _gesprek_kruimels(gesprek, (_("Report"), None))
    }
    return render(request, "gesprekken/verslag.html", context)


@login_required
@require_safe
def verslag_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = get_gesprek_for_user(request.user, pk)
    html = render_to_string(
        "gesprekken/verslag_pdf.html", _verslag_context(gesprek, request.user), request
    )
    try:
        pdf = maak_pdf(html)
    except (ImportError, OSError):
        # WeasyPrint or the system libraries it loads (Pango) are missing or broken: a
        # problem of the server, not of the report. The print view needs neither.
        logger.exception("The PDF of gesprek %s could not be made", gesprek.pk)
        return render(
            request,
            "gesprekken/verslag_pdf_fout.html",
            {
                "gesprek": gesprek,
                "team": gesprek.basisteam,
                "kruimels": _gesprek_kruimels(gesprek, (_("Report as PDF"), None)),
            },
            status=503,
        )
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="verslag-gesprek-{gesprek.pk}.pdf"',
        },
    )


@login_required
@require_safe
def gesprek_csv(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = get_gesprek_for_user(request.user, pk)
    c = _verslag_context(gesprek, request.user)
    leeg = [""] * 6

    def gegeven(label, waarde):
        return [_("Gesprek"), label, waarde, *leeg]

    rijen = [
        gegeven(_("Basisteam"), gesprek.basisteam.naam),
        gegeven(_("Title"), gesprek.titel),
        gegeven(_("Date"), gesprek.datum),
        gegeven(_("Status"), gesprek.get_status_display()),
        gegeven(_("Conversation guide"), gesprek.leidraad.naam),
        gegeven(_("Conversation leader"), gesprek.gespreksleider),
        gegeven(_("Participants"), gesprek.deelnemers),
        gegeven(_("Opgaven"), "; ".join(str(o) for o in c["opgaven"])),
        gegeven(_("Who may read it"), gesprek.get_zichtbaarheid_display()),
        gegeven(_("Summary"), gesprek.samenvatting),
    ]
    rijen += [
        [_("Antwoord"), a.vraag_tekst, a.tekst, *leeg[:4], a.bijgewerkt_door, a.bijgewerkt_op]
        for a in c["antwoorden"]
    ]
    for soort, afspraken in (
        (_("Afspraak"), c["afspraken"]),
        (_("Afspraak from an earlier gesprek"), c["eerdere"]),
    ):
        rijen += [
            [
                soort,
                getattr(a, "vraag_als_gesteld", None) or "",
                a.omschrijving,
                a.eigenaar,
                a.streefdatum,
                a.get_status_display(),
                a.opgave,
                a.bijgewerkt_door,
                a.bijgewerkt_op,
            ]
            for a in afspraken
        ]
    kop = [
        _("Part"),
        _("Question or field"),
        _("Text"),
        _("Owner"),
        _("Target date"),
        _("Status"),
        _("Opgave"),
        _("Updated by"),
        _("Updated at"),
    ]
    return csv_response(f"gesprek-{gesprek.pk}-{gesprek.datum.isoformat()}.csv", kop, rijen)


# --- A team's afspraken --------------------------------------------------------------------


def _team_afspraken(request: HttpRequest, team: Basisteam) -> AfspraakFilter:
    zichtbaar = Afspraak.objects.zichtbaar_voor(request.user).filter(basisteam=team)
    eigenaren = list(
        zichtbaar.exclude(eigenaar="")
        .order_by("eigenaar")
        .values_list("eigenaar", flat=True)
        .distinct()
    )
    afspraken = (
        zichtbaar.select_related("gesprek", "opgave")
        .met_vraag_als_gesteld()
        .order_by(F("streefdatum").asc(nulls_last=True), "-gesprek__datum", "pk")
    )
    return AfspraakFilter(request.GET, queryset=afspraken, eigenaren=eigenaren)


@login_required
@require_safe
def afspraak_list(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_object_or_404(Basisteam, slug=slug)
    filterset = _team_afspraken(request, team)
    pagina = Paginator(filterset.qs, PER_PAGINA).get_page(request.GET.get("page"))
    return render(
        request,
        "gesprekken/afspraak_list.html",
        {
            "team": team,
            "filter": filterset,
            "pagina": pagina,
            "vandaag": timezone.localdate(),
            "querystring": request.GET.urlencode(),
            "kruimels": _team_kruimels(team, (_("Afspraken"), None)),
        },
    )


@login_required
@require_safe
def afspraak_csv(request: HttpRequest, slug: str) -> HttpResponse:
    team = get_object_or_404(Basisteam, slug=slug)
    afspraken = _team_afspraken(request, team).qs.select_related("bijgewerkt_door")
    kop = [
        _("Gesprek"),
        _("Date of the gesprek"),
        _("Question"),
        _("Afspraak"),
        _("Opgave"),
        _("Owner"),
        _("Target date"),
        _("Status"),
        _("Overdue"),
        _("Updated by"),
        _("Updated at"),
    ]
    rijen = (
        [
            a.gesprek.titel,
            a.gesprek.datum,
            a.vraag_als_gesteld or "",
            a.omschrijving,
            a.opgave,
            a.eigenaar,
            a.streefdatum,
            a.get_status_display(),
            _("yes") if a.is_over_tijd else _("no"),
            a.bijgewerkt_door,
            a.bijgewerkt_op,
        ]
        for a in afspraken
    )
    return csv_response(f"afspraken-{team.slug}.csv", kop, rijen)


# --- One afspraak ---------------------------------------------------------------------------


def _vastgelegd_getypt(volledig: AfspraakBewerkenForm, post) -> list[tuple[str, str]]:
    """What a post changes of what was agreed (omschrijving, opgave), read through the whole
    form, as (label, text): a completed gesprek no longer takes these changes."""
    vastgelegd = set(services.AFSPRAAK_VELDEN) - set(services.OPVOLG_VELDEN)
    return [
        (volledig[naam].label, _als_tekst(volledig[naam]) or "–")
        for naam in volledig.changed_data
        if naam in vastgelegd and naam in post
    ]


@login_required
@require_http_methods(["GET", "POST"])
def afspraak_detail(request: HttpRequest, pk: int) -> HttpResponse:
    recht = Recht.VASTLEGGEN if request.method == "POST" else Recht.LEZEN
    afspraak = get_afspraak_for_user(request.user, pk, recht=recht)
    gesprek = afspraak.gesprek
    form = None
    opgeslagen = None
    niet_opgeslagen: list[tuple[str, str]] = []
    leden = []
    if afspraak.rechten.vastleggen:
        leden = _leden(afspraak.basisteam_id)
        opgaven = _opgaven()
        initial = {
            "omschrijving": afspraak.omschrijving,
            "status": afspraak.status,
            "eigenaar": afspraak.eigenaar,
            "streefdatum": afspraak.streefdatum,
            "opgave": afspraak.opgave_id,
            "versie": afspraak.versie,
        }

        def bewerkform(data, *, afgerond: bool) -> AfspraakBewerkenForm:
            # Once the gesprek is completed, what was agreed is a record: only how it is
            # followed up (status, owner, target date) still changes.
            return AfspraakBewerkenForm(
                data,
                opgaven=opgaven,
                suggesties=SUGGESTIES,
                initial=initial,
                alleen_opvolging=afgerond,
            )

        form = bewerkform(request.POST or None, afgerond=gesprek.is_afgerond)
        if request.method == "POST":
            # A form loaded before the gesprek was completed may change what was agreed.
            vastgelegd = _vastgelegd_getypt(bewerkform(request.POST, afgerond=False), request.POST)
            intussen_afgerond = gesprek.is_afgerond and bool(vastgelegd)
            if not intussen_afgerond and form.is_valid():
                velden = {
                    k: v for k, v in form.cleaned_data.items() if k in services.AFSPRAAK_VELDEN
                }
                try:
                    gewijzigd = services.werk_afspraak_bij(
                        afspraak, request.user, form.cleaned_data["versie"], velden
                    )
                except services.GesprekAfgerond:
                    gesprek.status = Status.AFGEROND
                    intussen_afgerond = True
                except services.Conflict as conflict:
                    opgeslagen = conflict.huidig
                    data = request.POST.copy()
                    data["versie"] = opgeslagen.versie
                    form = bewerkform(data, afgerond=gesprek.is_afgerond)
                    form.is_valid()
                    form.add_error(
                        None,
                        _(
                            "Someone else changed this afspraak while you were editing it. "
                            "What you typed is still below; the version now saved is shown "
                            "beside it. Save again to replace it with yours."
                        ),
                    )
                else:
                    meld_opgeslagen(request, "afspraak")
                    if gewijzigd:
                        messages.success(request, _("The afspraak has been saved."))
                    return redirect(afspraak)
            if intussen_afgerond:
                # Nothing is saved: the follow-up stays in the form, the rest beside it.
                niet_opgeslagen = vastgelegd
                form = bewerkform(request.POST, afgerond=True)
                form.add_error(
                    None,
                    _(
                        "The gesprek of this afspraak was completed meanwhile: what was agreed "
                        "is a record now, so nothing was saved. Your new text is shown below; "
                        "copy what you want to keep. The status, owner and target date can "
                        "still be changed."
                    ),
                )
    historie = afspraak.wijzigingen.select_related("door", "opgave", "gesprek")
    return render(
        request,
        "gesprekken/afspraak_detail.html",
        {
            "afspraak": afspraak,
            "gesprek": gesprek,
            "team": gesprek.basisteam,
            "rechten": afspraak.rechten,
            "form": form,
            "opgeslagen": opgeslagen,
            "niet_opgeslagen": niet_opgeslagen,
            "leden": leden,
            "suggesties": SUGGESTIES,
            "historie": historie,
            "kruimels": _team_kruimels(
                gesprek.basisteam,
                (
                    _("Afspraken"),
                    reverse("teamgesprekken:afspraken", args=[gesprek.basisteam.slug]),
                ),
                (_("Afspraak"), None),
            ),
        },
    )
