"""Every VoorbeeldVersie row becomes a row of the voorbeeld's history: the content it kept
(`inhoud`: the text fields and the editorial status) and its version, `door` as the history
user, `op` as the history date, `gebeurtenis` as the reason; the fields it did not keep come
from the voorbeeld as it is. The reverse turns the history back into VoorbeeldVersie rows."""

from django.db import migrations

# What VoorbeeldVersie.inhoud held.
INHOUD = (
    "titel",
    "samenvatting",
    "aanleiding",
    "aanpak",
    "resultaat",
    "lessen",
    "plaats",
    "periode",
    "status",
    "onderbouwing",
    "redactiestatus",
)
PER_KEER = 500


def _velden(Historie) -> list:
    """The voorbeeld's own fields as the history model holds them."""
    return [
        veld for veld in Historie._meta.concrete_fields if not veld.name.startswith("history_")
    ]


def naar_historie(apps, schema_editor):
    Voorbeeld = apps.get_model("voorbeelden", "Voorbeeld")
    VoorbeeldVersie = apps.get_model("voorbeelden", "VoorbeeldVersie")
    Historie = apps.get_model("voorbeelden", "HistoricalVoorbeeld")
    velden = _velden(Historie)
    rijen = []
    laatste_door: dict[int, int | None] = {}
    versies = VoorbeeldVersie.objects.select_related("voorbeeld").order_by(
        "voorbeeld_id", "op", "pk"
    )
    for versie in versies.iterator(chunk_size=PER_KEER):
        voorbeeld = versie.voorbeeld
        waarden = {veld.attname: getattr(voorbeeld, veld.attname) for veld in velden}
        waarden.update({k: v for k, v in (versie.inhoud or {}).items() if k in INHOUD})
        waarden.update(
            versie=versie.versie, bijgewerkt_door_id=versie.door_id, bijgewerkt_op=versie.op
        )
        rijen.append(
            Historie(
                **waarden,
                history_relation_id=voorbeeld.pk,
                history_date=versie.op,
                history_user_id=versie.door_id,
                history_change_reason=versie.gebeurtenis,
                # Version 1 is the row written when the voorbeeld was created.
                history_type="+" if versie.versie == 1 else "~",
            )
        )
        laatste_door[voorbeeld.pk] = versie.door_id
        if len(rijen) >= PER_KEER:
            Historie.objects.bulk_create(rijen)
            rijen = []
    Historie.objects.bulk_create(rijen)
    # Who saved last is now a field of the voorbeeld itself.
    for pk, door_id in laatste_door.items():
        Voorbeeld.objects.filter(pk=pk).update(bijgewerkt_door_id=door_id)


def naar_versies(apps, schema_editor):
    Voorbeeld = apps.get_model("voorbeelden", "Voorbeeld")
    VoorbeeldVersie = apps.get_model("voorbeelden", "VoorbeeldVersie")
    Historie = apps.get_model("voorbeelden", "HistoricalVoorbeeld")
    bestaand = set(Voorbeeld.objects.values_list("pk", flat=True))
    rijen = [
        VoorbeeldVersie(
            voorbeeld_id=rij.id,
            versie=rij.versie,
            gebeurtenis=(rij.history_change_reason or "")[:200],
            door_id=rij.history_user_id,
            op=rij.history_date,
            inhoud={veld: getattr(rij, veld) for veld in INHOUD},
        )
        for rij in Historie.objects.order_by("history_date", "history_id").iterator()
        # VoorbeeldVersie went with its voorbeeld.
        if rij.id in bestaand
    ]
    VoorbeeldVersie.objects.bulk_create(rijen, batch_size=PER_KEER)
    Historie.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("voorbeelden", "0003_historie")]

    operations = [migrations.RunPython(naar_historie, naar_versies)]
