from django.db import migrations

from core.rechten import BEHEER, all_codenames, grant


def geef_rechten(apps, schema_editor):
    # Beheer may do everything with gesprekken; the histories can only be read. Redactie
    # curates content and gets nothing here: gesprekken belong to the teams.
    grant(apps, BEHEER, "gesprekken", all_codenames(["gesprek", "antwoord", "afspraak"]))
    grant(apps, BEHEER, "gesprekken", ["view_antwoordversie", "view_afspraakwijziging"])


class Migration(migrations.Migration):
    dependencies = [("gesprekken", "0001_initial"), ("opgaven", "0004_rechten_teamagenda")]

    operations = [migrations.RunPython(geef_rechten, migrations.RunPython.noop)]
