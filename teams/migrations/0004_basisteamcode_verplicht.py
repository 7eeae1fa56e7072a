from django.db import migrations, models


def codes_voor_bestaande_teams(apps, schema_editor):
    """Teams from before codes existed get their slug as code; a beheerder corrects it."""
    Basisteam = apps.get_model("teams", "Basisteam")
    for team in Basisteam.objects.filter(code__isnull=True):
        team.code = team.slug[:20].upper()
        team.save(update_fields=["code"])


class Migration(migrations.Migration):
    dependencies = [("teams", "0003_basisteamprofiel")]

    operations = [
        migrations.RunPython(codes_voor_bestaande_teams, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="basisteam",
            name="code",
            field=models.CharField(
                help_text="The team's code, e.g. A1 or MN-U1.",
                max_length=20,
                unique=True,
                verbose_name="code",
            ),
        ),
    ]
