"""The texts of voorbeelden (aanleiding, aanpak, resultaat, lessen) as they were typed:
earlier versions stored them as HTML, which the edit form and the admin then showed.
Paragraphs become blocks separated by a blank line, list items “- ” lines; links and
emphasis stay as HTML. Only the voorbeelden themselves change: their history rows keep what
was saved then (and still render, sanitised as HTML). The reverse stores the HTML again."""

from django.contrib.postgres.search import SearchVector
from django.db import migrations

from core.opmaak import als_getypt, schoon

VELDEN = ("aanleiding", "aanpak", "resultaat", "lessen")


def _herschrijf(apps, schema_editor, omzetten) -> None:
    Voorbeeld = apps.get_model("voorbeelden", "Voorbeeld")
    # Not `save()`: the version and the history are left as they are.
    for rij in Voorbeeld.objects.values("pk", *VELDEN).iterator(chunk_size=500):
        nieuw = {veld: omzetten(rij[veld]) for veld in VELDEN}
        gewijzigd = {veld: tekst for veld, tekst in nieuw.items() if tekst != rij[veld]}
        if gewijzigd:
            Voorbeeld.objects.filter(pk=rij["pk"]).update(**gewijzigd)
    if schema_editor.connection.vendor == "postgresql":
        Voorbeeld.objects.update(
            zoekvector=SearchVector("titel", weight="A", config="dutch")
            + SearchVector("samenvatting", weight="B", config="dutch")
            + SearchVector(*VELDEN, weight="C", config="dutch")
        )


def naar_getypt(apps, schema_editor):
    _herschrijf(apps, schema_editor, als_getypt)


def naar_html(apps, schema_editor):
    _herschrijf(apps, schema_editor, lambda tekst: str(schoon(tekst)) if tekst else tekst)


class Migration(migrations.Migration):
    dependencies = [("voorbeelden", "0005_delete_voorbeeldversie")]

    operations = [migrations.RunPython(naar_getypt, naar_html)]
