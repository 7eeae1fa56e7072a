from django.core.exceptions import ValidationError
from django.db import models
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.signals import pre_create_historical_record

from core.models import Bijgewerkt, Versiebeheerd, alleen_keuzes, historie

BRON = _("Source: Podium voor goed politiewerk (ontwikkelagenda GGP)")


class Soort(models.TextChoices):
    EXTERN = "extern", _("external")
    INTERN = "intern", _("internal")


class OpgaveQuerySet(models.QuerySet):
    def extern(self) -> "OpgaveQuerySet":
        return self.filter(soort=Soort.EXTERN)

    def intern(self) -> "OpgaveQuerySet":
        return self.filter(soort=Soort.INTERN)


class Opgave(models.Model):
    """One of the eight opgaven of the development agenda."""

    nummer = models.PositiveSmallIntegerField(_("number"), unique=True)
    soort = models.CharField(_("kind"), max_length=10, choices=Soort)
    titel = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    samenvatting = models.TextField(
        _("summary"), help_text=_("One or two sentences for the overview pages.")
    )
    tekst = models.TextField(
        _("text"),
        help_text=_(
            "Separate paragraphs with a blank line; start a list item with “- ”; "
            "write a link as [text](https://…)."
        ),
    )

    objects = OpgaveQuerySet.as_manager()

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaven")
        ordering = ["nummer"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nummer__gte=1), name="opgave_nummer_positief"
            ),
            alleen_keuzes("soort", Soort, "opgave_soort_geldig"),
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.titel}"

    def get_absolute_url(self) -> str:
        return reverse("opgaven:detail", kwargs={"slug": self.slug})


class Aandachtspunt(models.Model):
    """A point of attention: “De komende tijd richten we ons op …”."""

    opgave = models.ForeignKey(
        Opgave, on_delete=models.CASCADE, related_name="aandachtspunten", verbose_name=_("opgave")
    )
    tekst = models.TextField(_("text"))
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("aandachtspunt")
        verbose_name_plural = _("aandachtspunten")
        ordering = ["opgave__nummer", "volgorde", "pk"]

    def __str__(self) -> str:
        return self.tekst


class Gespreksleidraad(models.Model):
    """A set of guiding questions for a team gesprek about some of the opgaven."""

    naam = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    inleiding = models.TextField(_("introduction"), blank=True)
    opgaven = models.ManyToManyField(
        Opgave, related_name="leidraden", verbose_name=_("opgaven"), blank=True
    )
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("conversation guide")
        verbose_name_plural = _("conversation guides")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


class GespreksvraagQuerySet(models.QuerySet):
    def actief(self) -> "GespreksvraagQuerySet":
        return self.filter(gearchiveerd=False)


class VraagSoort(models.TextChoices):
    OPEN = "open", _("open question")
    TOP3 = "top3", _("top 3 (the “drie dingen”)")


class Gespreksvraag(models.Model):
    """A guiding question. Never deleted: a question that goes out of use is archived, so
    answers given to it keep their context."""

    Soort = VraagSoort

    leidraad = models.ForeignKey(
        Gespreksleidraad,
        on_delete=models.PROTECT,
        related_name="vragen",
        verbose_name=_("conversation guide"),
    )
    tekst = models.CharField(_("question"), max_length=500)
    toelichting = models.TextField(_("explanation"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)
    soort = models.CharField(_("kind"), max_length=10, choices=Soort, default=Soort.OPEN)
    gearchiveerd = models.BooleanField(
        _("archived"),
        default=False,
        help_text=_("Archived questions are no longer offered; earlier answers keep them."),
    )

    objects = GespreksvraagQuerySet.as_manager()

    class Meta:
        verbose_name = _("guiding question")
        verbose_name_plural = _("guiding questions")
        ordering = ["leidraad__volgorde", "volgorde", "pk"]
        constraints = [
            alleen_keuzes("soort", VraagSoort, "gespreksvraag_soort_geldig"),
        ]

    def __str__(self) -> str:
        return self.tekst


class PaginaQuerySet(models.QuerySet):
    def gepubliceerd(self) -> "PaginaQuerySet":
        return self.filter(gepubliceerd=True)


class Pagina(models.Model):
    """A background text about GGP, shown on /over-ggp/."""

    titel = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    tekst = models.TextField(
        _("text"),
        help_text=_(
            "Separate paragraphs with a blank line; start a list item with “- ”; "
            "write a link as [text](https://…)."
        ),
    )
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)
    gepubliceerd = models.BooleanField(_("published"), default=True)

    objects = PaginaQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["volgorde", "titel"]

    def __str__(self) -> str:
        return self.titel


class Fase(models.TextChoices):
    VERKENNEN = "verkennen", _("exploring")
    AAN_DE_SLAG = "aan_de_slag", _("working on it")
    VERANKERD = "verankerd", _("embedded")


class AgendaHistorie(models.Model):
    """What a row of an agenda item's history adds: the subject as it read then, so the
    team's history reads the same after the item is gone or its aandachtspunt reworded."""

    onderwerp = models.CharField(_("subject"), max_length=600, blank=True)

    ACTIES = {"+": _("added"), "~": _("changed"), "-": _("removed")}

    class Meta:
        abstract = True

    @property
    def actie(self) -> str:
        return self.ACTIES[self.history_type]


class AgendaPunt(Versiebeheerd, Bijgewerkt, models.Model):
    """An opgave, or one of its aandachtspunten, that a basisteam chose to work on.

    “De basisteams bepalen zelf wat ze doen, hoe ze dat doen en hoe snel”: the stage says how
    far the team is; the note says how. Every change is a version in its history."""

    basisteam = models.ForeignKey(
        "teams.Basisteam",
        on_delete=models.CASCADE,
        related_name="agendapunten",
        verbose_name=_("basisteam"),
    )
    opgave = models.ForeignKey(
        Opgave, on_delete=models.PROTECT, related_name="agendapunten", verbose_name=_("opgave")
    )
    aandachtspunt = models.ForeignKey(
        Aandachtspunt,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agendapunten",
        verbose_name=_("aandachtspunt"),
    )
    fase = models.CharField(_("stage"), max_length=20, choices=Fase, default=Fase.VERKENNEN)
    notitie = models.CharField(_("note"), max_length=500, blank=True)

    history = historie(bases=[AgendaHistorie])

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["opgave__nummer", "aandachtspunt__volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["basisteam", "opgave"],
                condition=models.Q(aandachtspunt__isnull=True),
                name="agendapunt_opgave_eenmaal",
            ),
            models.UniqueConstraint(
                fields=["basisteam", "aandachtspunt"],
                condition=models.Q(aandachtspunt__isnull=False),
                name="agendapunt_aandachtspunt_eenmaal",
            ),
            alleen_keuzes("fase", Fase, "agendapunt_fase_geldig"),
        ]

    def __str__(self) -> str:
        return self.onderwerp

    @property
    def onderwerp(self) -> str:
        return self.aandachtspunt.tekst if self.aandachtspunt_id else str(self.opgave)

    def clean(self) -> None:
        if self.aandachtspunt_id and self.aandachtspunt.opgave_id != self.opgave_id:
            raise ValidationError(
                {"aandachtspunt": _("This aandachtspunt belongs to another opgave.")}
            )


@receiver(pre_create_historical_record, sender=AgendaPunt.history.model)
def _onderwerp_in_historie(sender, instance: AgendaPunt, history_instance, **kwargs) -> None:
    history_instance.onderwerp = instance.onderwerp
