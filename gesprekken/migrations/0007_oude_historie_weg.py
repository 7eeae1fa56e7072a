"""The old history tables, carried over into the simple-history tables by 0006."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("gesprekken", "0006_historie_overnemen")]

    operations = [
        migrations.RemoveField(
            model_name="antwoordversie",
            name="antwoord",
        ),
        migrations.RemoveField(
            model_name="antwoordversie",
            name="door",
        ),
        migrations.RemoveField(
            model_name="antwoordversie",
            name="vervangen_door",
        ),
        migrations.DeleteModel(
            name="AfspraakWijziging",
        ),
        migrations.DeleteModel(
            name="AntwoordVersie",
        ),
    ]
