from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["naam"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["naam", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
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


class BasisteamQuerySet(models.QuerySet):
    def for_user(self, user) -> "BasisteamQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(lidmaatschappen__user=user)


class Basisteam(models.Model):
    """A local team of 60–200 fte; its full profile comes with the basisteam issue."""

    naam = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    eenheid = models.ForeignKey(
        Eenheid, on_delete=models.PROTECT, related_name="basisteams", verbose_name=_("eenheid")
    )

    objects = BasisteamQuerySet.as_manager()

    class Meta:
        verbose_name = _("basisteam")
        verbose_name_plural = _("basisteams")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["eenheid", "naam"], name="basisteam_naam_per_eenheid"),
        ]

    def __str__(self) -> str:
        return self.naam


class Lidmaatschap(models.Model):
    """A user's place in a basisteam: what they may see and do there."""

    class Rol(models.TextChoices):
        COLLEGA = "collega", _("colleague")
        TEAMCHEF = "teamchef", _("team chief")

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

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["basisteam__naam", "user__naam"]
        constraints = [
            models.UniqueConstraint(fields=["user", "basisteam"], name="lidmaatschap_uniek"),
            models.CheckConstraint(
                condition=models.Q(rol__in=["collega", "teamchef"]), name="lidmaatschap_rol_geldig"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.basisteam} ({self.get_rol_display()})"
