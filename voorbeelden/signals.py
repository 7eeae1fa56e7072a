"""Keep `Voorbeeld.zoektekst` (and its search vector) current when what a voorbeeld is
linked to changes: its opgaven, aandachtspunten and partners (added, removed, renamed), its
basisteam or eenheid (renamed). A rename is rare; it costs one UPDATE of that object's
voorbeelden."""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from opgaven.models import Aandachtspunt, Opgave
from teams.models import Basisteam, Eenheid

from .models import Partner, Voorbeeld, werk_zoektekst_bij

KOPPELINGEN = ("opgaven", "aandachtspunten", "partners")


def _koppeling_gewijzigd(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            werk_zoektekst_bij(Voorbeeld.objects.filter(pk=instance.pk))
        return
    # From the other side (`opgave.voorbeelden.add(...)`): `instance` is the opgave and
    # the voorbeelden are in `pk_set`, or, when cleared, whatever it was linked to before.
    if action == "pre_clear":
        instance._zoek_voorbeelden = list(instance.voorbeelden.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove"):
        werk_zoektekst_bij(Voorbeeld.objects.filter(pk__in=pk_set))
    elif action == "post_clear":
        pks = getattr(instance, "_zoek_voorbeelden", [])
        werk_zoektekst_bij(Voorbeeld.objects.filter(pk__in=pks))


for _naam in KOPPELINGEN:
    m2m_changed.connect(
        _koppeling_gewijzigd,
        sender=getattr(Voorbeeld, _naam).through,
        dispatch_uid=f"voorbeelden-zoektekst-{_naam}",
    )


@receiver(post_save, sender=Opgave, dispatch_uid="voorbeelden-zoektekst-opgave")
@receiver(post_save, sender=Aandachtspunt, dispatch_uid="voorbeelden-zoektekst-aandachtspunt")
@receiver(post_save, sender=Partner, dispatch_uid="voorbeelden-zoektekst-partner")
def _naam_gewijzigd(sender, instance, created, raw=False, **kwargs) -> None:
    if not created and not raw:
        werk_zoektekst_bij(instance.voorbeelden.all())


@receiver(post_save, sender=Basisteam, dispatch_uid="voorbeelden-zoektekst-basisteam")
@receiver(post_save, sender=Eenheid, dispatch_uid="voorbeelden-zoektekst-eenheid")
def _team_gewijzigd(sender, instance, created, raw=False, **kwargs) -> None:
    if created or raw:
        return
    if sender is Eenheid:
        # A voorbeeld without an eenheid of its own is found by its basisteam's.
        geraakt = Q(eenheid=instance) | Q(basisteam__eenheid=instance)
    else:
        geraakt = Q(basisteam=instance)
    werk_zoektekst_bij(Voorbeeld.objects.filter(geraakt))
