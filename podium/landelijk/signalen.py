"""Every change to what the landelijk beeld counts makes its cached figures stale at once."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from . import cijfers


def verbind() -> None:
    from gesprekken.models import Afspraak, Gesprek
    from opgaven.models import Aandachtspunt, AgendaPunt, Opgave
    from teams.models import Basisteam, Eenheid
    from voorbeelden.models import Toepassing, Voorbeeld

    geteld = (AgendaPunt, Voorbeeld, Toepassing, Gesprek, Afspraak, Basisteam)
    # Their names and titles are on the cached page too.
    genoemd = (Opgave, Aandachtspunt, Eenheid)
    for model in geteld + genoemd:
        post_save.connect(cijfers.vervallen, sender=model, dispatch_uid=f"landelijk-{model}")
        post_delete.connect(cijfers.vervallen, sender=model, dispatch_uid=f"landelijk-{model}")
    # The opgaven of a gesprek and of a voorbeeld are set after it is saved.
    for through in (
        Gesprek.opgaven.through,
        Voorbeeld.opgaven.through,
        Voorbeeld.aandachtspunten.through,
    ):
        m2m_changed.connect(cijfers.vervallen, sender=through, dispatch_uid=f"landelijk-{through}")
