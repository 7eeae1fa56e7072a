"""The one versioned edit: compare-and-set on a `versie`, for every editable object.

A form carries the version it was read at. Saving locks the row, compares, and either
raises `Conflict` with what is saved now (so the second of two editors sees both and loses
nothing) or saves the next version, recording who and why in the object's history
(django-simple-history reads `_history_user` and `_change_reason`). The admin uses the same
check (`core.admin.VersieAdmin`), so a stale admin form cannot silently revert a page save.

Race-safe on both databases: PostgreSQL's `SELECT … FOR UPDATE` makes the second saver
wait and then read the first one's version; SQLite runs every transaction IMMEDIATE
(see settings), which serialises writers.
"""

from collections.abc import Mapping
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

CONFLICT_MELDING = _(
    "Someone else saved this while you were editing it. What you typed is still below; the "
    "version now saved is shown beside it. Save again to replace it with yours."
)


class Conflict(Exception):
    """Someone else saved after this person started editing; `huidig` is what is saved now."""

    def __init__(self, huidig: models.Model) -> None:
        super().__init__(f"{type(huidig).__name__} {huidig.pk} is now at versie {huidig.versie}")
        self.huidig = huidig


def vergrendel[M: models.Model](
    queryset: models.QuerySet[M], pk: Any, gelezen_versie: int | None
) -> M:
    """The row, locked until the transaction ends; `Conflict` when it moved on since
    `gelezen_versie`. Call inside `transaction.atomic`."""
    huidig = queryset.select_for_update().get(pk=pk)
    if huidig.versie != gelezen_versie:
        raise Conflict(huidig)
    return huidig


def _bewaar(obj: models.Model, door, reden: str, *wie: str) -> None:
    """Save `obj` with who and why in its history, and `door` in those of the fields `wie`
    that its model has."""
    for veld in wie:
        if hasattr(obj, f"{veld}_id"):
            setattr(obj, veld, door)
    obj._history_user = door
    obj._change_reason = str(reden)
    obj.save()


def bewaar_nieuw(obj: models.Model, *, door, reden: str) -> None:
    """Save a new object: who made it, and its first history row with who and why."""
    _bewaar(obj, door, reden, "aangemaakt_door", "bijgewerkt_door")


def leg_versie_vast(obj: models.Model, *, door, reden: str) -> None:
    """Save `obj` as its next version, with who and why in its history."""
    obj.versie += 1
    _bewaar(obj, door, reden, "bijgewerkt_door")


def _gelijk(obj: models.Model, naam: str, waarde: Any) -> bool:
    veld = obj._meta.get_field(naam)
    if veld.is_relation:
        return getattr(obj, veld.attname) == getattr(waarde, "pk", waarde)
    return getattr(obj, naam) == waarde


@transaction.atomic
def werk_bij[M: models.Model](
    obj: M, gelezen_versie: int | None, wijzigingen: Mapping[str, Any], *, door, reden: str
) -> bool:
    """Compare-and-set: apply `wijzigingen` to `obj` if nobody saved since `gelezen_versie`.

    Returns whether anything changed; saving what is already saved leaves no version and no
    history. `obj` is brought up to date with what was saved."""
    huidig = vergrendel(type(obj)._default_manager.all(), obj.pk, gelezen_versie)
    gewijzigd = {k: v for k, v in wijzigingen.items() if not _gelijk(huidig, k, v)}
    if not gewijzigd:
        return False
    for naam, waarde in gewijzigd.items():
        setattr(huidig, naam, waarde)
    leg_versie_vast(huidig, door=door, reden=reden)
    for veld in huidig._meta.concrete_fields:
        setattr(obj, veld.attname, getattr(huidig, veld.attname))
    return True
