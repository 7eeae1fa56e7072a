from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Versiebeheerd, alleen_keuzes, historie

from .historie import ClusterHistorie


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A police colleague. The e-mail address is the login; there is no username."""

    email = models.EmailField(_("e-mail address"), unique=True)
    naam = models.CharField(_("name"), max_length=150, blank=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Whether the user can log into the admin."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # The one message preference so far; a colleague turns it off on /accounts/meldingen/
    # or with the link in such an e-mail.
    mail_over_vragen = models.BooleanField(
        _("e-mail about questions"),
        default=True,
        # Also for rows written by code that does not know the field (old migrations).
        db_default=True,
        help_text=_("An e-mail when a colleague asks a question about a voorbeeld you answer."),
    )

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["naam"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["naam", "email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_ci_unique",
                violation_error_message=_("There is already a user with this e-mail address."),
            ),
        ]

    def __str__(self) -> str:
        return self.naam or self.email

    def get_full_name(self) -> str:
        return self.naam or self.email

    def get_short_name(self) -> str:
        return self.naam.split(" ")[0] if self.naam else self.email


class Eenheid(models.Model):
    """One of the ten regional eenheden of the national police."""

    naam = models.CharField(_("name"), max_length=100, unique=True)
    code = models.CharField(_("code"), max_length=10, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("eenheid")
        verbose_name_plural = _("eenheden")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


WIJKAGENT_NORM_INWONERS = 5000  # “1 wijkagent op 5000 inwoners”
FORMATIE_MIN_FTE = 60  # “basisteams met een formatie tussen de 60 en 200 fte”
FORMATIE_MAX_FTE = 200


class Inbedding(models.TextChoices):
    MEERDERE = "meerdere", _("several municipalities")
    EEN = "een", _("one municipality")
    DEEL = "deel", _("part of a municipality")
    ONBEKEND = "onbekend", _("unknown")


class FormatieBand(models.TextChoices):
    ONDER = "onder", _("below 60 fte")
    BINNEN = "binnen", _("60–200 fte")
    BOVEN = "boven", _("above 200 fte")
    ONBEKEND = "onbekend", _("unknown")


class BasisteamQuerySet(models.QuerySet):
    def van_lid(self, user) -> "BasisteamQuerySet":
        """The teams `user` is a member of."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(lidmaatschappen__user=user)

    def met_kengetallen(self) -> "BasisteamQuerySet":
        """The derived figures, computed once, in the database, for any number of teams.

        Every figure is None (“onbekend”) when what it needs is missing or zero, so no
        division by zero and no guess ever reaches a page."""
        gemeenten = Werkgebied.objects.filter(basisteam=OuterRef("pk")).values("basisteam")
        aantal_gemeenten = Coalesce(
            Subquery(gemeenten.annotate(n=Count("pk")).values("n")), Value(0)
        )
        aantal_delen = Coalesce(
            Subquery(
                gemeenten.filter(omvang=Werkgebied.Omvang.DEEL).annotate(n=Count("pk")).values("n")
            ),
            Value(0),
        )
        return self.annotate(
            aantal_gemeenten=aantal_gemeenten,
            aantal_delen=aantal_delen,
            dichtheid=Case(
                When(
                    oppervlakte_km2__gt=0,
                    inwoners__isnull=False,
                    then=Cast("inwoners", FloatField()) / Cast("oppervlakte_km2", FloatField()),
                ),
                default=None,
                output_field=FloatField(),
            ),
            wijkagentnorm=Case(
                When(
                    inwoners__isnull=False,
                    then=(F("inwoners") + Value(WIJKAGENT_NORM_INWONERS - 1))
                    / Value(WIJKAGENT_NORM_INWONERS),
                ),
                default=None,
                output_field=IntegerField(),
            ),
            formatie_band=Case(
                When(formatie_fte__isnull=True, then=Value(FormatieBand.ONBEKEND)),
                When(formatie_fte__lt=FORMATIE_MIN_FTE, then=Value(FormatieBand.ONDER)),
                When(formatie_fte__gt=FORMATIE_MAX_FTE, then=Value(FormatieBand.BOVEN)),
                default=Value(FormatieBand.BINNEN),
                output_field=CharField(),
            ),
        ).annotate(
            bezetting=Case(
                When(
                    wijkagentnorm__gt=0,
                    wijkagenten__isnull=False,
                    then=Cast("wijkagenten", FloatField())
                    * Value(100.0)
                    / Cast("wijkagentnorm", FloatField()),
                ),
                default=None,
                output_field=FloatField(),
            ),
            inbedding=Case(
                When(aantal_gemeenten__gt=1, then=Value(Inbedding.MEERDERE)),
                When(aantal_gemeenten=1, aantal_delen=1, then=Value(Inbedding.DEEL)),
                When(aantal_gemeenten=1, then=Value(Inbedding.EEN)),
                default=Value(Inbedding.ONBEKEND),
                output_field=CharField(),
            ),
        )


class Basisteam(Versiebeheerd):
    """A local team of 60–200 fte: its area, its people and what it works on.

    The derived figures (dichtheid, wijkagentnorm, bezetting, bestuurlijke inbedding,
    formatie band) are never stored: `Basisteam.objects.met_kengetallen()` adds them.
    Edits are versioned (`core.versies`) and kept in its history with who and why."""

    naam = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    code = models.CharField(
        _("code"), max_length=20, unique=True, help_text=_("The team's code, e.g. A1 or MN-U1.")
    )
    eenheid = models.ForeignKey(
        Eenheid, on_delete=models.PROTECT, related_name="basisteams", verbose_name=_("eenheid")
    )
    district = models.CharField(_("district"), max_length=150, blank=True)
    formatie_fte = models.DecimalField(
        _("formation (fte)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    oppervlakte_km2 = models.DecimalField(
        _("area (km²)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    inwoners = models.PositiveIntegerField(_("inhabitants"), null=True, blank=True)
    wijkagenten = models.PositiveSmallIntegerField(
        _("community officers"),
        null=True,
        blank=True,
        help_text=_("The number of wijkagenten the team actually has."),
    )
    bevolkingssamenstelling = models.TextField(_("composition of the population"), blank=True)
    economische_omstandigheden = models.TextField(_("economic circumstances"), blank=True)
    criminogene_factoren = models.TextField(_("criminogenic factors"), blank=True)
    overlast = models.TextField(_("nuisance"), blank=True)
    veiligheidsgevoelens = models.TextField(_("feelings of safety"), blank=True)

    objects = BasisteamQuerySet.as_manager()
    history = historie()

    CONTEXT_VELDEN = (
        "bevolkingssamenstelling",
        "economische_omstandigheden",
        "criminogene_factoren",
        "overlast",
        "veiligheidsgevoelens",
    )

    class Meta:
        verbose_name = _("basisteam")
        verbose_name_plural = _("basisteams")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["eenheid", "naam"], name="basisteam_naam_per_eenheid"),
            models.CheckConstraint(
                condition=models.Q(formatie_fte__gt=0) | models.Q(formatie_fte__isnull=True),
                name="basisteam_formatie_positief",
            ),
            models.CheckConstraint(
                condition=models.Q(oppervlakte_km2__gt=0) | models.Q(oppervlakte_km2__isnull=True),
                name="basisteam_oppervlakte_positief",
            ),
            models.CheckConstraint(condition=~models.Q(code=""), name="basisteam_code_niet_leeg"),
        ]

    def __str__(self) -> str:
        return self.naam

    def get_absolute_url(self) -> str:
        return reverse("teams:detail", kwargs={"slug": self.slug})

    # These two read annotations of `met_kengetallen()`.
    @property
    def inbedding_label(self) -> str:
        return Inbedding(self.inbedding).label

    @property
    def formatie_band_label(self) -> str:
        return FormatieBand(self.formatie_band).label


class Gemeente(models.Model):
    naam = models.CharField(_("name"), max_length=150)
    cbs_code = models.CharField(
        _("CBS code"), max_length=6, unique=True, help_text=_("For example GM0344.")
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class Omvang(models.TextChoices):
    GEHEEL = "geheel", _("whole municipality")
    DEEL = "deel", _("part of the municipality")


class Werkgebied(models.Model):
    """Which gemeenten a basisteam covers, wholly or in part."""

    Omvang = Omvang

    basisteam = models.ForeignKey(
        Basisteam,
        on_delete=models.CASCADE,
        related_name="werkgebieden",
        verbose_name=_("basisteam"),
    )
    gemeente = models.ForeignKey(
        Gemeente,
        on_delete=models.PROTECT,
        related_name="werkgebieden",
        verbose_name=_("municipality"),
    )
    omvang = models.CharField(_("extent"), max_length=10, choices=Omvang, default=Omvang.GEHEEL)

    class Meta:
        verbose_name = _("working area")
        verbose_name_plural = _("working areas")
        ordering = ["basisteam__naam", "gemeente__naam"]
        constraints = [
            models.UniqueConstraint(fields=["basisteam", "gemeente"], name="werkgebied_uniek"),
            alleen_keuzes("omvang", Omvang, "werkgebied_omvang_geldig"),
        ]

    def __str__(self) -> str:
        return f"{self.basisteam} · {self.gemeente} ({self.get_omvang_display()})"


class Cluster(Versiebeheerd):
    """“Klein binnen groot”: a smaller, recognisable unit inside a basisteam. Its teamchef
    edits it (`teams.services`); its history holds its members too (`teams.historie`)."""

    basisteam = models.ForeignKey(
        Basisteam, on_delete=models.CASCADE, related_name="clusters", verbose_name=_("basisteam")
    )
    naam = models.CharField(_("name"), max_length=150)
    wijken = models.TextField(_("neighbourhoods"), blank=True, help_text=_("One per line."))

    history = historie(bases=[ClusterHistorie])

    class Meta:
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        ordering = ["basisteam__naam", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["basisteam", "naam"], name="cluster_naam_per_team"),
        ]

    def __str__(self) -> str:
        return self.naam

    @property
    def wijken_lijst(self) -> list[str]:
        return [w.strip() for w in self.wijken.splitlines() if w.strip()]


class Rol(models.TextChoices):
    COLLEGA = "collega", _("colleague")
    TEAMCHEF = "teamchef", _("team chief")


class Lidmaatschap(models.Model):
    """A user's place in a basisteam: what they may see and do there."""

    Rol = Rol

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="lidmaatschappen", verbose_name=_("user")
    )
    basisteam = models.ForeignKey(
        Basisteam,
        on_delete=models.CASCADE,
        related_name="lidmaatschappen",
        verbose_name=_("basisteam"),
    )
    rol = models.CharField(_("role"), max_length=20, choices=Rol, default=Rol.COLLEGA)
    cluster = models.ForeignKey(
        Cluster,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
        verbose_name=_("cluster"),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["basisteam__naam", "user__naam"]
        constraints = [
            models.UniqueConstraint(fields=["user", "basisteam"], name="lidmaatschap_uniek"),
            alleen_keuzes("rol", Rol, "lidmaatschap_rol_geldig"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.basisteam} ({self.get_rol_display()})"

    def clean(self) -> None:
        if self.cluster_id and self.cluster.basisteam_id != self.basisteam_id:
            raise ValidationError({"cluster": _("This cluster belongs to another basisteam.")})
