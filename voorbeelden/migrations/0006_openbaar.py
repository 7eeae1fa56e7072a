from django.db import migrations, models

from core.rechten import BEHEER, REDACTIE

# As 0002 loaded them: the folder's seven voorbeelden carry this source.
BRON_FOLDER = "Podium voor goed politiewerk (ontwikkelagenda GGP)"


def maak_folder_openbaar(apps, schema_editor):
    """The folder is a public document: its seven voorbeelden may be read by everyone."""
    Voorbeeld = apps.get_model("voorbeelden", "Voorbeeld")
    Voorbeeld.objects.filter(bron=BRON_FOLDER).update(openbaar=True)


def _verwijderrecht(apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    groepen = Group.objects.filter(name__in=[REDACTIE, BEHEER])
    rechten = Permission.objects.filter(
        content_type__app_label="voorbeelden", codename="delete_voorbeeld"
    )
    return groepen, rechten


def ontneem_verwijderen(apps, schema_editor):
    """A voorbeeld is archived, never deleted: its history and the teams that apply it
    stay. (The admin refuses deleting as well, for a superuser too.)"""
    groepen, rechten = _verwijderrecht(apps)
    for groep in groepen:
        groep.permissions.remove(*rechten)


def geef_verwijderen_terug(apps, schema_editor):
    groepen, rechten = _verwijderrecht(apps)
    for groep in groepen:
        groep.permissions.add(*rechten)


class Migration(migrations.Migration):
    dependencies = [
        ("voorbeelden", "0005_delete_voorbeeldversie"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalvoorbeeld",
            name="openbaar",
            field=models.BooleanField(
                default=False,
                help_text="Anyone may read it, also without logging in and in the feed.",
                verbose_name="public",
            ),
        ),
        migrations.AddField(
            model_name="voorbeeld",
            name="openbaar",
            field=models.BooleanField(
                default=False,
                help_text="Anyone may read it, also without logging in and in the feed.",
                verbose_name="public",
            ),
        ),
        migrations.RunPython(maak_folder_openbaar, migrations.RunPython.noop),
        migrations.RunPython(ontneem_verwijderen, geef_verwijderen_terug),
    ]
