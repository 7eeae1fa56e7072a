"""Changing a team agenda: each change and its line in the history, in one transaction."""

from django.db import transaction

from teams.models import Basisteam, User

from .models import Aandachtspunt, AgendaPunt, AgendaWijziging, Fase, Opgave


def _log(punt: AgendaPunt, actie: str, door: User | None) -> None:
    AgendaWijziging.objects.create(
        basisteam_id=punt.basisteam_id,
        actie=actie,
        onderwerp=punt.onderwerp,
        fase=punt.fase,
        notitie=punt.notitie,
        door=door,
    )


@transaction.atomic
def zet_op_agenda(
    team: Basisteam,
    door: User | None,
    opgave: Opgave,
    aandachtspunt: Aandachtspunt | None = None,
    fase: str = Fase.VERKENNEN,
    notitie: str = "",
) -> AgendaPunt:
    punt = AgendaPunt.objects.create(
        basisteam=team,
        opgave=opgave,
        aandachtspunt=aandachtspunt,
        fase=fase,
        notitie=notitie,
        bijgewerkt_door=door,
    )
    _log(punt, AgendaWijziging.Actie.TOEGEVOEGD, door)
    return punt


@transaction.atomic
def wijzig_agendapunt(punt: AgendaPunt, door: User | None, fase: str, notitie: str) -> bool:
    """Returns whether anything changed; an unchanged save leaves no line in the history."""
    if (punt.fase, punt.notitie) == (fase, notitie):
        return False
    punt.fase, punt.notitie, punt.bijgewerkt_door = fase, notitie, door
    punt.save(update_fields=["fase", "notitie", "bijgewerkt_door", "bijgewerkt_op"])
    _log(punt, AgendaWijziging.Actie.GEWIJZIGD, door)
    return True


@transaction.atomic
def haal_van_agenda(punt: AgendaPunt, door: User | None) -> None:
    _log(punt, AgendaWijziging.Actie.VERWIJDERD, door)
    punt.delete()
