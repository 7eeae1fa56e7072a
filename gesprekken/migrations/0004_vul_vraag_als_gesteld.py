from django.db import migrations
from django.db.models import OuterRef, Subquery


def vul_als_gesteld(apps, schema_editor):
    """Existing answers get the kind and explanation of their question, and existing
    gesprekken the introduction of their leidraad. It is what they read today, the closest
    there is to what they read then; from now on they are copied when a gesprek starts."""
    Antwoord = apps.get_model("gesprekken", "Antwoord")
    Gesprek = apps.get_model("gesprekken", "Gesprek")
    Gespreksvraag = apps.get_model("opgaven", "Gespreksvraag")
    Gespreksleidraad = apps.get_model("opgaven", "Gespreksleidraad")
    vraag = Gespreksvraag.objects.filter(pk=OuterRef("vraag_id"))
    Antwoord.objects.update(
        soort=Subquery(vraag.values("soort")[:1]),
        vraag_toelichting=Subquery(vraag.values("toelichting")[:1]),
    )
    leidraad = Gespreksleidraad.objects.filter(pk=OuterRef("leidraad_id"))
    Gesprek.objects.update(leidraad_inleiding=Subquery(leidraad.values("inleiding")[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("gesprekken", "0003_vraag_als_gesteld"),
        ("opgaven", "0004_rechten_teamagenda"),
    ]

    operations = [migrations.RunPython(vul_als_gesteld, migrations.RunPython.noop)]
