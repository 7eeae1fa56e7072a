"""Team gesprekken: the guiding questions with their answers, the afspraken made, and the
history of all three (django-simple-history, through `core.models.historie`). Who may see
and change them is decided in `access.py`; every change goes through `services.py`, which
saves it as a new version (`core.versies`) with who and why."""

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.signals import pre_create_historical_record

from core.models import Aangemaakt, Bijgewerkt, Versiebeheerd, alleen_keuzes, historie, persoon
from opgaven.models import Gespreksleidraad, Gespreksvraag, Opgave
from teams.access import is_beheerder
from teams.models import Lidmaatschap


class Status(models.TextChoices):
    GEPLAND = "gepland", _("planned")
    GEVOERD = "gevoerd", _("held")
    AFGEROND = "afgerond", _("completed")


# The one place that says how a gesprek moves: forward one step at a time; only the teamchef
# (or a beheerder) takes it back a step, to reopen it.
VOORUIT = {Status.GEPLAND: Status.GEVOERD, Status.GEVOERD: Status.AFGEROND}
TERUG = {Status.GEVOERD: Status.GEPLAND, Status.AFGEROND: Status.GEVOERD}


def volgende_statussen(status: str, *, heropenen: bool) -> list[Status]:
    """The statuses a gesprek in `status` may move to; `heropenen` adds the step back."""
    status = Status(status)
    naar = [VOORUIT[status]] if status in VOORUIT else []
    if heropenen and status in TERUG:
        naar.append(TERUG[status])
    return naar


class Zichtbaarheid(models.TextChoices):
    TEAM = "team", _("only the team")
    POLITIE = "politie", _("the whole police")


class GesprekQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user) -> "GesprekQuerySet":
        """What `user` may read: their own teams' gesprekken and those shared with the whole
        police; a beheerder reads all. One query, whatever the number of teams."""
        if not user.is_authenticated:
            return self.none()
        if is_beheerder(user):
            return self
        lid = Lidmaatschap.objects.filter(user=user, basisteam=OuterRef("basisteam"))
        return self.filter(Q(zichtbaarheid=Zichtbaarheid.POLITIE) | Q(Exists(lid)))


class Gesprek(Versiebeheerd, Aangemaakt, Bijgewerkt):
    """A team conversation about some of the opgaven, guided by one set of questions."""

    basisteam = models.ForeignKey(
        "teams.Basisteam",
        on_delete=models.PROTECT,  # a record of what was said and agreed is never lost
        related_name="gesprekken",
        verbose_name=_("basisteam"),
    )
    titel = models.CharField(_("title"), max_length=200)
    datum = models.DateField(_("date"))
    leidraad = models.ForeignKey(
        Gespreksleidraad,
        on_delete=models.PROTECT,
        related_name="gesprekken",
        verbose_name=_("conversation guide"),
    )
    opgaven = models.ManyToManyField(
        Opgave, related_name="gesprekken", blank=True, verbose_name=_("opgaven")
    )
    gespreksleider = persoon(_("conversation leader"), related_name="geleide_gesprekken")
    deelnemers = models.TextField(
        _("participants"),
        blank=True,
        help_text=_("Roles and organisations, e.g. wijkagenten, gemeente, woningcorporatie."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.GEPLAND)
    zichtbaarheid = models.CharField(
        _("visibility"), max_length=20, choices=Zichtbaarheid, default=Zichtbaarheid.TEAM
    )
    samenvatting = models.TextField(_("summary"), blank=True)
    leidraad_inleiding = models.TextField(
        _("introduction of the guide as used"),
        blank=True,
        editable=False,
        help_text=_("The introduction of the conversation guide as it read for this gesprek."),
    )

    objects = GesprekQuerySet.as_manager()
    # Its details and status changes; the opgaven discussed are not part of it.
    history = historie()

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["basisteam", "-datum"], name="gesprek_team_datum")]
        constraints = [
            alleen_keuzes("status", Status, "gesprek_status_geldig"),
            alleen_keuzes("zichtbaarheid", Zichtbaarheid, "gesprek_zichtbaarheid_geldig"),
            models.CheckConstraint(condition=~Q(titel=""), name="gesprek_titel_niet_leeg"),
        ]

    def __str__(self) -> str:
        return self.titel

    def get_absolute_url(self) -> str:
        return reverse("gesprekken:detail", kwargs={"pk": self.pk})

    @property
    def is_afgerond(self) -> bool:
        return self.status == Status.AFGEROND

    @property
    def is_gedeeld(self) -> bool:
        return self.zichtbaarheid == Zichtbaarheid.POLITIE


@dataclass(frozen=True)
class EerdereVersie:
    """An earlier text of an answer: who wrote it and when, who replaced it and when."""

    tekst: str
    door: object
    op: datetime
    vervangen_door: object
    vervangen_op: datetime


class Antwoord(Versiebeheerd, Bijgewerkt):
    """What was said on one question in one gesprek. The question is kept as it was asked
    (its text, explanation and kind), so the answer reads the same after the question is
    edited or archived. Every saved text is a row in its history."""

    gesprek = models.ForeignKey(
        Gesprek, on_delete=models.CASCADE, related_name="antwoorden", verbose_name=_("gesprek")
    )
    vraag = models.ForeignKey(
        Gespreksvraag,
        on_delete=models.PROTECT,
        related_name="antwoorden",
        verbose_name=_("question"),
    )
    vraag_tekst = models.CharField(_("question as asked"), max_length=500)
    vraag_toelichting = models.TextField(_("explanation as asked"), blank=True, editable=False)
    soort = models.CharField(
        _("kind as asked"),
        max_length=10,
        choices=Gespreksvraag.Soort,
        default=Gespreksvraag.Soort.OPEN,
        editable=False,
    )
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)
    tekst = models.TextField(_("answer"), blank=True)
    # Empty until the first text is saved: an unanswered question has no author.
    bijgewerkt_op = models.DateTimeField(_("updated at"), null=True, blank=True)

    history = historie()

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        ordering = ["gesprek_id", "volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["gesprek", "vraag"], name="antwoord_eenmaal_per_vraag"
            ),
            alleen_keuzes("soort", Gespreksvraag.Soort, "antwoord_soort_geldig"),
        ]

    def __str__(self) -> str:
        return self.vraag_tekst

    @property
    def is_top3(self) -> bool:
        """A “top 3” question when it was asked, whatever the redactie made of it since."""
        return self.soort == Gespreksvraag.Soort.TOP3

    def eerdere_versies(self) -> list[EerdereVersie]:
        """The texts this answer had before the current one, newest first. Reads the
        history through `historie`, so a page that prefetched it asks nothing more."""
        rijen = sorted(
            self.historie.all(), key=lambda r: (r.history_date, r.history_id), reverse=True
        )
        return [
            EerdereVersie(
                tekst=rij.tekst,
                door=rij.history_user,
                op=rij.history_date,
                vervangen_door=later.history_user,
                vervangen_op=later.history_date,
            )
            for later, rij in pairwise(rijen)
        ]


class AfspraakStatus(models.TextChoices):
    OPEN = "open", _("open")
    LOOPT = "loopt", _("in progress")
    KLAAR = "klaar", _("done")
    VERVALLEN = "vervallen", _("dropped")


OPENSTAAND = (AfspraakStatus.OPEN, AfspraakStatus.LOOPT)


def over_tijd_voorwaarde() -> Q:
    """Overdue: still open and its target date has passed. One definition for the list's
    filter and for counts across teams (`Count(..., filter=over_tijd_voorwaarde())`)."""
    return Q(status__in=OPENSTAAND, streefdatum__lt=timezone.localdate())


class AfspraakQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user) -> "AfspraakQuerySet":
        """Afspraken are as visible as the gesprek they were made in: to someone outside the
        team only those of gesprekken shared with the whole police."""
        if not user.is_authenticated:
            return self.none()
        if is_beheerder(user):
            return self
        lid = Lidmaatschap.objects.filter(user=user, basisteam=OuterRef("basisteam"))
        return self.filter(Q(gesprek__zichtbaarheid=Zichtbaarheid.POLITIE) | Q(Exists(lid)))

    def met_vraag_als_gesteld(self) -> "AfspraakQuerySet":
        """Annotate `vraag_als_gesteld`: the text of the afspraak's question as it was asked
        in its gesprek (empty without a question), never the question's text of today."""
        als_gesteld = Antwoord.objects.filter(
            gesprek=OuterRef("gesprek"), vraag=OuterRef("vraag")
        ).values("vraag_tekst")[:1]
        return self.annotate(vraag_als_gesteld=Subquery(als_gesteld))

    def openstaand(self) -> "AfspraakQuerySet":
        return self.filter(status__in=OPENSTAAND)

    def over_tijd(self) -> "AfspraakQuerySet":
        return self.filter(over_tijd_voorwaarde())

    def uit_eerdere_gesprekken(self, gesprek: Gesprek) -> "AfspraakQuerySet":
        """The team's afspraken from gesprekken before `gesprek` that are still open, plus
        those followed up in `gesprek` itself: they carry over until they are done or
        dropped, so nothing agreed is forgotten."""
        eerder = Q(gesprek__datum__lt=gesprek.datum) | Q(
            gesprek__datum=gesprek.datum, gesprek__pk__lt=gesprek.pk
        )
        hier_bijgewerkt = Afspraak.history.filter(id=OuterRef("pk"), opgevolgd_in=gesprek)
        return self.filter(eerder, basisteam_id=gesprek.basisteam_id).filter(
            Q(status__in=OPENSTAAND) | Q(Exists(hier_bijgewerkt))
        )


class AfspraakHistorie(models.Model):
    """What the history of an afspraak holds beyond its fields: the gesprek in which the
    change was made, if any, so its page still shows where it was followed up. Set
    `afspraak._opgevolgd_in` before saving (see `neem_gesprek_op_in_historie`)."""

    opgevolgd_in = models.ForeignKey(
        Gesprek,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("in gesprek"),
        help_text=_("The gesprek in which the change was made, if any."),
    )

    class Meta:
        abstract = True

    def get_actie_display(self) -> str:
        return _("recorded") if self.history_type == "+" else _("changed")


class Afspraak(Versiebeheerd, Aangemaakt, Bijgewerkt):
    """Something the team agreed to do (the “drie dingen”), followed up until it is done."""

    gesprek = models.ForeignKey(
        Gesprek, on_delete=models.CASCADE, related_name="afspraken", verbose_name=_("gesprek")
    )
    # The gesprek's team, stored again so a team's afspraken are listed without a join.
    basisteam = models.ForeignKey(
        "teams.Basisteam",
        on_delete=models.PROTECT,
        related_name="afspraken",
        verbose_name=_("basisteam"),
    )
    vraag = models.ForeignKey(
        Gespreksvraag,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="afspraken",
        verbose_name=_("question"),
        help_text=_("The “top 3” question this afspraak was recorded under, if any."),
    )
    omschrijving = models.CharField(_("description"), max_length=500)
    opgave = models.ForeignKey(
        Opgave,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="afspraken",
        verbose_name=_("opgave"),
    )
    eigenaar = models.CharField(
        _("owner"),
        max_length=150,
        blank=True,
        help_text=_("Who carries it: a colleague, or a partner such as the gemeente."),
    )
    streefdatum = models.DateField(_("target date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AfspraakStatus, default=AfspraakStatus.OPEN
    )

    objects = AfspraakQuerySet.as_manager()
    history = historie(bases=[AfspraakHistorie])

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["gesprek_id", "pk"]
        indexes = [models.Index(fields=["basisteam", "status"], name="afspraak_team_status")]
        constraints = [
            alleen_keuzes("status", AfspraakStatus, "afspraak_status_geldig"),
            models.CheckConstraint(
                condition=~Q(omschrijving=""), name="afspraak_omschrijving_niet_leeg"
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving

    def get_absolute_url(self) -> str:
        return reverse("gesprekken:afspraak", kwargs={"pk": self.pk})

    @property
    def url_in_gesprek(self) -> str:
        """Where the afspraak stands on the page of the gesprek it was made in."""
        return f"{reverse('gesprekken:detail', kwargs={'pk': self.gesprek_id})}#afspraak-{self.pk}"

    @property
    def is_openstaand(self) -> bool:
        return self.status in OPENSTAAND

    @property
    def is_over_tijd(self) -> bool:
        return bool(
            self.is_openstaand and self.streefdatum and self.streefdatum < timezone.localdate()
        )


@receiver(pre_create_historical_record, sender=Afspraak.history.model)
def neem_gesprek_op_in_historie(sender, instance, history_instance, **kwargs) -> None:
    """The gesprek a change was made in (`afspraak._opgevolgd_in`) goes into its history."""
    gesprek = getattr(instance, "_opgevolgd_in", None)
    history_instance.opgevolgd_in_id = getattr(gesprek, "pk", gesprek)
