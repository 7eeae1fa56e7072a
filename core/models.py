"""Abstract fields that several apps' models share, and their history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def persoon(verbose_name, *, related_name: str = "+", blank: bool = True) -> models.ForeignKey:
    """A colleague a record names (who wrote, reviewed, leads it). When their account is
    deleted the record stays, without the name."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=blank,
        related_name=related_name,
        verbose_name=verbose_name,
    )


def alleen_keuzes(veld: str, keuzes: type[models.Choices], naam: str) -> models.CheckConstraint:
    """The database takes only the values of `keuzes` in `veld`, whoever writes them (a bulk
    update, a data migration, SQL); the values are said once, in the choices."""
    return models.CheckConstraint(condition=models.Q(**{f"{veld}__in": keuzes.values}), name=naam)


class Versiebeheerd(models.Model):
    """An object people edit at the same time: saved only through `core.versies`."""

    versie = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class Aangemaakt(models.Model):
    aangemaakt_door = persoon(_("created by"))
    aangemaakt_op = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        abstract = True


class Bijgewerkt(models.Model):
    bijgewerkt_door = persoon(_("updated by"))
    bijgewerkt_op = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


def historie(**opties) -> HistoricalRecords:
    """The history of a model, the same shape everywhere: every save a row with who
    (`history_user`) and why (`history_change_reason`), reachable as `obj.history` and, for
    `prefetch_related`, as the relation `historie`."""
    return HistoricalRecords(
        related_name="historie",
        history_change_reason_field=models.TextField(null=True),
        **opties,
    )
