"""Changing a team agenda: each change is a version of its item, with who and why in the
item's history (`AgendaPunt.history`); a change or removal from a stale version raises
`core.versies.Conflict`."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.versies import bewaar_nieuw, vergrendel, werk_bij
from teams.models import Basisteam, User

from .models import Aandachtspunt, AgendaPunt, Fase, Opgave

REDEN_TOEGEVOEGD = _("put on the team agenda")
REDEN_GEWIJZIGD = _("team agenda item changed")
REDEN_VERWIJDERD = _("taken off the team agenda")


@transaction.atomic
def zet_op_agenda(
    team: Basisteam,
    door: User | None,
    opgave: Opgave,
    aandachtspunt: Aandachtspunt | None = None,
    fase: str = Fase.VERKENNEN,
    notitie: str = "",
) -> AgendaPunt:
    punt = AgendaPunt(
        basisteam=team,
        opgave=opgave,
        aandachtspunt=aandachtspunt,
        fase=fase,
        notitie=notitie,
    )
    bewaar_nieuw(punt, door=door, reden=REDEN_TOEGEVOEGD)
    return punt


def wijzig_agendapunt(
    punt: AgendaPunt, door: User | None, gelezen_versie: int | None, fase: str, notitie: str
) -> bool:
    """Returns whether anything changed; an unchanged save leaves no version and no history."""
    return werk_bij(
        punt, gelezen_versie, {"fase": fase, "notitie": notitie}, door=door, reden=REDEN_GEWIJZIGD
    )


@transaction.atomic
def haal_van_agenda(punt: AgendaPunt, door: User | None, gelezen_versie: int | None) -> None:
    """Remove the item, unless someone changed it since `gelezen_versie` was read: what
    they saved may be a reason to keep it. `AgendaPunt.DoesNotExist` when it is gone."""
    huidig = vergrendel(AgendaPunt.objects.all(), punt.pk, gelezen_versie)
    huidig._history_user = door
    huidig._change_reason = str(REDEN_VERWIJDERD)
    huidig.delete()
