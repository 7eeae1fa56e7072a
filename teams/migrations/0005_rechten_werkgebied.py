from django.db import migrations

from core.rechten import BEHEER, all_codenames, grant


def geef_rechten(apps, schema_editor):
    grant(apps, BEHEER, "teams", all_codenames(["gemeente", "werkgebied", "cluster"]))


class Migration(migrations.Migration):
    dependencies = [("teams", "0004_basisteamcode_verplicht")]

    operations = [migrations.RunPython(geef_rechten, migrations.RunPython.noop)]
