"""What the history of a cluster holds beyond its own fields: its members at that version.
Members are memberships (`Lidmaatschap.cluster`), not a field of the cluster, so without
this its history would not say who was in it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ClusterHistorie(models.Model):
    leden = models.TextField(
        _("members"), blank=True, help_text=_("The members at this version, one per line.")
    )

    class Meta:
        abstract = True


def leden_namen(cluster) -> list[str]:
    """The names of the cluster's members as they are saved now, by name."""
    namen = cluster.lidmaatschappen.values_list("user__naam", "user__email")
    return sorted(naam or email for naam, email in namen)


def neem_leden_op(sender, instance, history_instance, **kwargs) -> None:
    """The members go into the history row: as the service set them (`cluster._leden`), or,
    for a save elsewhere (the admin), as they are in the database."""
    leden = getattr(instance, "_leden", None)
    if leden is None:
        leden = leden_namen(instance)
    history_instance.leden = "\n".join(leden)
