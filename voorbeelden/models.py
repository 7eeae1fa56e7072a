from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Count, Exists, OuterRef, Q, StringAgg, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.models import Aangemaakt, Bijgewerkt, Versiebeheerd, alleen_keuzes, historie, persoon
from opgaven.models import Aandachtspunt, Opgave
from teams.models import Basisteam, Eenheid

BRON_FOLDER = "Podium voor goed politiewerk (ontwikkelagenda GGP)"

# The longest question or reply, in characters: a message, not an article.
BERICHT_LENGTE = 2000

# Title > summary > body > what it is linked to (`zoektekst`), in Dutch: “wijkagenten”
# finds “wijkagent”.
ZOEK_CONFIG = "dutch"
ZOEKVECTOR = (
    SearchVector("titel", weight="A", config=ZOEK_CONFIG)
    + SearchVector("samenvatting", weight="B", config=ZOEK_CONFIG)
    + SearchVector("aanleiding", "aanpak", "resultaat", "lessen", weight="C", config=ZOEK_CONFIG)
    + SearchVector("zoektekst", weight="D", config=ZOEK_CONFIG)
)


class PartnerSoort(models.TextChoices):
    GEMEENTE = "gemeente", _("municipality")
    OM = "om", _("Public Prosecution Service (OM)")
    DOUANE = "douane", _("Customs")
    BELASTINGDIENST = "belastingdienst", _("Tax authority / FIOD")
    ONDERWIJS = "onderwijs", _("education")
    WONINGCORPORATIE = "woningcorporatie", _("housing corporation")
    ZORG = "zorg", _("care and welfare")
    BEDRIJF = "bedrijf", _("business")
    BURGERS = "burgers", _("citizens / association")
    ANDERS = "anders", _("other")


class Partner(models.Model):
    Soort = PartnerSoort

    naam = models.CharField(_("name"), max_length=200, unique=True)
    soort = models.CharField(_("kind"), max_length=30, choices=Soort)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["naam"]
        constraints = [
            alleen_keuzes("soort", PartnerSoort, "partner_soort_geldig"),
        ]

    def __str__(self) -> str:
        return self.naam


class Redactiestatus(models.TextChoices):
    CONCEPT = "concept", _("draft")
    INGEDIEND = "ingediend", _("submitted")
    GEPUBLICEERD = "gepubliceerd", _("published")
    AFGEWEZEN = "afgewezen", _("rejected")
    GEARCHIVEERD = "gearchiveerd", _("archived")


# The only ways a voorbeeld moves through the editorial process.
OVERGANGEN: dict[str, set[str]] = {
    Redactiestatus.CONCEPT: {Redactiestatus.INGEDIEND},
    Redactiestatus.INGEDIEND: {
        Redactiestatus.GEPUBLICEERD,
        Redactiestatus.AFGEWEZEN,
        Redactiestatus.CONCEPT,
    },
    Redactiestatus.AFGEWEZEN: {Redactiestatus.CONCEPT, Redactiestatus.INGEDIEND},
    Redactiestatus.GEPUBLICEERD: {Redactiestatus.GEARCHIVEERD},
    Redactiestatus.GEARCHIVEERD: {Redactiestatus.GEPUBLICEERD},
}


class VoorbeeldQuerySet(models.QuerySet):
    def gepubliceerd(self) -> "VoorbeeldQuerySet":
        return self.filter(redactiestatus=Redactiestatus.GEPUBLICEERD)

    def openbaar(self) -> "VoorbeeldQuerySet":
        """Published ones the redactie opened to readers outside the police."""
        return self.gepubliceerd().filter(openbaar=True)

    def te_beoordelen(self) -> "VoorbeeldQuerySet":
        return self.filter(redactiestatus=Redactiestatus.INGEDIEND)

    def gepubliceerd_voor(self, user) -> "VoorbeeldQuerySet":
        """The published ones `user` may read: all of them for a colleague who is logged
        in, only the openbaar ones for anyone else."""
        return self.gepubliceerd() if user.is_authenticated else self.openbaar()

    def zichtbaar_voor(self, user) -> "VoorbeeldQuerySet":
        """Every one `user` may open: the published ones they may read, the author's own at
        any stage, all of them for the redactie."""
        if user.is_authenticated and user.has_perm("voorbeelden.change_voorbeeld"):
            return self
        if user.is_authenticated:
            return self.filter(Q(redactiestatus=Redactiestatus.GEPUBLICEERD) | Q(auteur=user))
        return self.openbaar()

    def beantwoord_door(self, user) -> "VoorbeeldQuerySet":
        """The voorbeelden whose questions go to `user`: as their contact person, or as
        their author when there is none."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(contactpersoon=user) | Q(contactpersoon__isnull=True, auteur=user))

    def met_open_vragen(self) -> "VoorbeeldQuerySet":
        """`open_vragen`: how many of its questions no visible reply answers yet (a
        subquery per row, so the list stays one query)."""
        aantal = (
            Bericht.objects.onbeantwoord()
            .filter(voorbeeld=OuterRef("pk"))
            .values("voorbeeld")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(open_vragen=Coalesce(Subquery(aantal), Value(0)))

    def met_aantal_toepassingen(self) -> "VoorbeeldQuerySet":
        # A subquery, not a join with GROUP BY: counting and paging the list stay cheap.
        aantal = (
            Toepassing.objects.filter(voorbeeld=OuterRef("pk"))
            .values("voorbeeld")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(aantal_toepassingen=Coalesce(Subquery(aantal), Value(0)))


class Voorbeeld(Versiebeheerd, Bijgewerkt, models.Model):
    """A local practice: what prompted it, what the team did, what came of it, what was
    learnt, how well it is evidenced, and whom to ask. Every save is a version in its
    history, with who and why."""

    class Status(models.TextChoices):
        IDEE = "idee", _("idea")
        LOOPT = "loopt", _("running")
        AFGEROND = "afgerond", _("completed")
        GESTOPT = "gestopt", _("stopped")

    class Onderbouwing(models.TextChoices):
        NIET = "niet", _("not evaluated")
        LOKAAL = "lokaal", _("evaluated locally")
        ONAFHANKELIJK = "onafhankelijk", _("evaluated independently")

    titel = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    samenvatting = models.TextField(
        _("summary"), help_text=_("What is it, in a few sentences? Shown in the list.")
    )
    aanleiding = models.TextField(_("reason"), blank=True)
    aanpak = models.TextField(_("approach"), blank=True)
    resultaat = models.TextField(_("result"), blank=True)
    lessen = models.TextField(_("lessons"), blank=True)
    opgaven = models.ManyToManyField(
        Opgave, related_name="voorbeelden", verbose_name=_("opgaven"), blank=True
    )
    aandachtspunten = models.ManyToManyField(
        Aandachtspunt, related_name="voorbeelden", verbose_name=_("aandachtspunten"), blank=True
    )
    eenheid = models.ForeignKey(
        "teams.Eenheid",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorbeelden",
        verbose_name=_("eenheid"),
    )
    basisteam = models.ForeignKey(
        "teams.Basisteam",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorbeelden",
        verbose_name=_("basisteam"),
    )
    plaats = models.CharField(_("place"), max_length=200, blank=True)
    partners = models.ManyToManyField(
        Partner, related_name="voorbeelden", verbose_name=_("partners"), blank=True
    )
    periode = models.CharField(
        _("period"), max_length=200, blank=True, help_text=_("For example: since September 2017.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, blank=True)
    onderbouwing = models.CharField(_("evidence"), max_length=20, choices=Onderbouwing, blank=True)
    contactpersoon = persoon(_("contact person"))
    auteur = persoon(_("author"), related_name="voorbeelden")
    redactiestatus = models.CharField(
        _("editorial status"),
        max_length=20,
        choices=Redactiestatus,
        default=Redactiestatus.CONCEPT,
    )
    beoordeeld_door = persoon(_("reviewed by"))
    beoordeeld_op = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    afwijzingsreden = models.TextField(_("reason for rejection"), blank=True)
    gepubliceerd_op = models.DateTimeField(_("published at"), null=True, blank=True)
    bron = models.CharField(_("source"), max_length=300, blank=True)
    # Published voorbeelden are for colleagues; only the redactie opens one to everyone.
    openbaar = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Anyone may read it, also without logging in and in the feed."),
    )
    # Not `core.models.Aangemaakt`: the author is the creator, and the folder's voorbeelden
    # keep the date they were first described.
    aangemaakt_op = models.DateTimeField(_("created at"), default=timezone.now)
    # The names of what the voorbeeld is linked to (opgaven, aandachtspunten, partners,
    # plaats, basisteam, eenheid), so both searches find it by them without a join;
    # `werk_zoektekst_bij` keeps it current (see voorbeelden.signals).
    zoektekst = models.TextField(editable=False, blank=True, default="")
    zoekvector = SearchVectorField(null=True, editable=False)

    objects = VoorbeeldQuerySet.as_manager()
    # The search text and vector are derived; the history need not keep them.
    history = historie(excluded_fields=["zoekvector", "zoektekst"])

    # Kept as typed (blank line: paragraph, “- ”: list item, links and emphasis as HTML);
    # rendered and sanitised at display by `core.opmaak.schoon`, so editors get back what
    # they wrote.
    OPGEMAAKTE_VELDEN = ("aanleiding", "aanpak", "resultaat", "lessen")

    class Meta:
        verbose_name = _("voorbeeld")
        verbose_name_plural = _("voorbeelden")
        ordering = ["-gepubliceerd_op", "-aangemaakt_op"]
        constraints = [
            alleen_keuzes("redactiestatus", Redactiestatus, "voorbeeld_redactiestatus_geldig"),
            models.CheckConstraint(
                condition=~models.Q(redactiestatus="gepubliceerd")
                | models.Q(gepubliceerd_op__isnull=False),
                name="voorbeeld_gepubliceerd_heeft_datum",
            ),
            models.CheckConstraint(
                condition=~models.Q(redactiestatus="afgewezen") | ~models.Q(afwijzingsreden=""),
                name="voorbeeld_afgewezen_heeft_reden",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def save(self, *args, **kwargs) -> None:
        for veld in self.OPGEMAAKTE_VELDEN:
            # Textareas post CRLF: one kind of line end, so a text posted back unchanged
            # is stored unchanged.
            tekst = getattr(self, veld) or ""
            setattr(self, veld, tekst.replace("\r\n", "\n").replace("\r", "\n"))
        super().save(*args, **kwargs)
        werk_zoektekst_bij(Voorbeeld.objects.filter(pk=self.pk))

    def get_absolute_url(self) -> str:
        return reverse("voorbeelden:detail", kwargs={"slug": self.slug})

    @property
    def is_gepubliceerd(self) -> bool:
        return self.redactiestatus == Redactiestatus.GEPUBLICEERD

    @property
    def beantwoorder(self):
        """Whom a new question is for: the contact person, else the author."""
        return self.contactpersoon or self.auteur

    def draad(self) -> list["Bericht"]:
        """The questions under this voorbeeld, oldest first, each with its replies in
        `antwoorden`: one query, however long the thread."""
        berichten = list(self.berichten.select_related("aangemaakt_door"))
        vragen = [bericht for bericht in berichten if bericht.is_vraag]
        per_vraag = {vraag.pk: vraag for vraag in vragen}
        for vraag in vragen:
            vraag.antwoorden = []
        for bericht in berichten:
            if not bericht.is_vraag and bericht.vraag_id in per_vraag:
                per_vraag[bericht.vraag_id].antwoorden.append(bericht)
        return vragen

    def mag_naar(self, status: str) -> bool:
        return status in OVERGANGEN.get(self.redactiestatus, set())

    def clean(self) -> None:
        if self.basisteam_id and self.eenheid_id and self.basisteam.eenheid_id != self.eenheid_id:
            raise ValidationError({"basisteam": _("This basisteam belongs to another eenheid.")})


def werk_zoekvector_bij(queryset) -> None:
    """PostgreSQL keeps a weighted Dutch tsvector per voorbeeld (GIN-indexed); SQLite
    searches the text itself and needs none."""
    if connection.vendor == "postgresql":
        queryset.update(zoekvector=ZOEKVECTOR)


def _namen(relatie: str, veld: str) -> Coalesce:
    """The `veld` of every object of the m2m `relatie` of the voorbeeld, in one string."""
    through = Voorbeeld._meta.get_field(relatie).remote_field.through
    namen = (
        through.objects.filter(voorbeeld=OuterRef("pk"))
        .values("voorbeeld")
        .annotate(namen=StringAgg(veld, Value(" ")))
        .values("namen")
    )
    return Coalesce(Subquery(namen), Value(""), output_field=TextField())


def _naam(queryset) -> Coalesce:
    return Coalesce(Subquery(queryset.values("naam")[:1]), Value(""), output_field=TextField())


def zoektekst_expressie() -> Concat:
    """What `zoektekst` holds, as one SQL expression: no query per voorbeeld."""
    delen = [
        _namen("opgaven", "opgave__titel"),
        _namen("aandachtspunten", "aandachtspunt__tekst"),
        _namen("partners", "partner__naam"),
        Coalesce("plaats", Value(""), output_field=TextField()),
        _naam(Basisteam.objects.filter(pk=OuterRef("basisteam_id"))),
        # The voorbeeld's eenheid, or else its basisteam's.
        _naam(
            Eenheid.objects.filter(
                Q(pk=OuterRef("eenheid_id")) | Q(basisteams=OuterRef("basisteam_id"))
            ).order_by("pk")
        ),
    ]
    met_spaties = [deel for d in delen for deel in (d, Value(" "))][:-1]
    return Concat(*met_spaties, output_field=TextField())


def werk_zoektekst_bij(queryset) -> None:
    """Fill `zoektekst` (and on PostgreSQL the vector) of the voorbeelden in `queryset`
    from what they are linked to: two UPDATEs, however many voorbeelden."""
    queryset.update(zoektekst=zoektekst_expressie())
    werk_zoekvector_bij(queryset)


class Toepassing(models.Model):
    """“Wij passen dit toe”: a basisteam applies this voorbeeld."""

    voorbeeld = models.ForeignKey(
        Voorbeeld,
        on_delete=models.CASCADE,
        related_name="toepassingen",
        verbose_name=_("voorbeeld"),
    )
    basisteam = models.ForeignKey(
        "teams.Basisteam",
        on_delete=models.CASCADE,
        related_name="toepassingen",
        verbose_name=_("basisteam"),
    )
    door = persoon(_("by"), blank=False)
    op = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-op"]
        constraints = [
            models.UniqueConstraint(
                fields=["voorbeeld", "basisteam"], name="toepassing_eenmaal_per_team"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.basisteam} → {self.voorbeeld}"


class BerichtQuerySet(models.QuerySet):
    def vragen(self) -> "BerichtQuerySet":
        return self.filter(vraag__isnull=True)

    def zichtbaar(self) -> "BerichtQuerySet":
        return self.filter(verborgen=False)

    def onbeantwoord(self) -> "BerichtQuerySet":
        """Visible questions that no visible reply answers yet."""
        antwoord = Bericht.objects.zichtbaar().filter(vraag=OuterRef("pk"))
        return self.vragen().zichtbaar().exclude(Exists(antwoord))


class Bericht(Versiebeheerd, Aangemaakt, models.Model):
    """A message in the thread under a voorbeeld, which every logged-in colleague reads: a
    question (no `vraag`), or a reply to one. Nobody edits one; the redactie can hide one,
    with a reason, which is its next version (`services.verberg`). Nobody deletes one, so
    the thread and its history stay whole."""

    voorbeeld = models.ForeignKey(
        Voorbeeld,
        on_delete=models.CASCADE,
        related_name="berichten",
        verbose_name=_("voorbeeld"),
    )
    # One level deep: a reply answers a question, never another reply (see the service).
    vraag = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reacties",
        verbose_name=_("question"),
    )
    # `aangemaakt_door` is its author.
    tekst = models.TextField(_("text"), max_length=BERICHT_LENGTE)
    verborgen = models.BooleanField(_("hidden"), default=False)
    verborgen_reden = models.TextField(_("reason for hiding"), blank=True)

    objects = BerichtQuerySet.as_manager()
    history = historie()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["aangemaakt_op", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(verborgen=False) | ~Q(verborgen_reden=""),
                name="bericht_verborgen_heeft_reden",
            ),
        ]

    def __str__(self) -> str:
        return Truncator(self.tekst).chars(60)

    def get_absolute_url(self) -> str:
        return f"{self.voorbeeld.get_absolute_url()}#bericht-{self.pk}"

    @property
    def is_vraag(self) -> bool:
        return self.vraag_id is None
