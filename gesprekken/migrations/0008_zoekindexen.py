"""GIN indexes for the one search (`podium.zoeken`) on PostgreSQL: the Dutch text of a
gesprek's title and summary, an answer and an afspraak, as exactly the expression the search
filters on, so it is found in the index instead of by reading every row. SQLite searches
without them."""

from django.db import migrations

INDEXEN = {
    "gesprek_zoek_gin": (
        "gesprekken_gesprek",
        "setweight(to_tsvector('dutch'::regconfig, COALESCE(titel, '')), 'A') || "
        "setweight(to_tsvector('dutch'::regconfig, COALESCE(samenvatting, '')), 'B')",
    ),
    "antwoord_zoek_gin": (
        "gesprekken_antwoord",
        "setweight(to_tsvector('dutch'::regconfig, COALESCE(tekst, '')), 'A')",
    ),
    "afspraak_zoek_gin": (
        "gesprekken_afspraak",
        "setweight(to_tsvector('dutch'::regconfig, COALESCE(omschrijving, '')), 'A')",
    ),
}


def maak(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for naam, (tabel, expressie) in INDEXEN.items():
            schema_editor.execute(f"CREATE INDEX {naam} ON {tabel} USING GIN (({expressie}))")


def verwijder(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for naam in INDEXEN:
            schema_editor.execute(f"DROP INDEX IF EXISTS {naam}")


class Migration(migrations.Migration):
    dependencies = [("gesprekken", "0007_oude_historie_weg")]

    operations = [migrations.RunPython(maak, verwijder)]
