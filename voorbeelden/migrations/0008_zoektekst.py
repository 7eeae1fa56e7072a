"""`Voorbeeld.zoektekst`: the names of what a voorbeeld is linked to (opgaven,
aandachtspunten, partners, plaats, basisteam, eenheid), filled for the voorbeelden there
are, and part of the search vector on PostgreSQL (weight D)."""

from django.contrib.postgres.search import SearchVector
from django.db import migrations, models
from django.db.models import OuterRef, Q, StringAgg, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat


def vul_zoektekst(apps, schema_editor):
    Voorbeeld = apps.get_model("voorbeelden", "Voorbeeld")
    Basisteam = apps.get_model("teams", "Basisteam")
    Eenheid = apps.get_model("teams", "Eenheid")

    def leeg(expressie):
        return Coalesce(expressie, Value(""), output_field=TextField())

    def namen(relatie, veld):
        through = Voorbeeld._meta.get_field(relatie).remote_field.through
        rijen = (
            through.objects.filter(voorbeeld=OuterRef("pk"))
            .values("voorbeeld")
            .annotate(namen=StringAgg(veld, Value(" ")))
            .values("namen")
        )
        return leeg(Subquery(rijen))

    eenheid = Eenheid.objects.filter(
        Q(pk=OuterRef("eenheid_id")) | Q(basisteams=OuterRef("basisteam_id"))
    ).order_by("pk")
    delen = [
        namen("opgaven", "opgave__titel"),
        namen("aandachtspunten", "aandachtspunt__tekst"),
        namen("partners", "partner__naam"),
        leeg("plaats"),
        leeg(Subquery(Basisteam.objects.filter(pk=OuterRef("basisteam_id")).values("naam")[:1])),
        leeg(Subquery(eenheid.values("naam")[:1])),
    ]
    met_spaties = [deel for d in delen for deel in (d, Value(" "))][:-1]
    Voorbeeld.objects.update(zoektekst=Concat(*met_spaties, output_field=TextField()))
    if schema_editor.connection.vendor == "postgresql":
        Voorbeeld.objects.update(
            zoekvector=SearchVector("titel", weight="A", config="dutch")
            + SearchVector("samenvatting", weight="B", config="dutch")
            + SearchVector(
                "aanleiding", "aanpak", "resultaat", "lessen", weight="C", config="dutch"
            )
            + SearchVector("zoektekst", weight="D", config="dutch")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("voorbeelden", "0007_samen"),
        ("teams", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="voorbeeld",
            name="zoektekst",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(vul_zoektekst, migrations.RunPython.noop),
    ]
