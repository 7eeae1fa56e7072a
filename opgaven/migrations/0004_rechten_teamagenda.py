from django.db import migrations

from core.rechten import BEHEER, all_codenames, grant


def geef_rechten(apps, schema_editor):
    grant(apps, BEHEER, "opgaven", all_codenames(["agendapunt"]))
    grant(apps, BEHEER, "opgaven", ["view_agendawijziging"])


class Migration(migrations.Migration):
    dependencies = [("opgaven", "0003_teamagenda"), ("teams", "0005_rechten_werkgebied")]

    operations = [migrations.RunPython(geef_rechten, migrations.RunPython.noop)]
