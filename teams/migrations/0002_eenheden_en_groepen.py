from django.db import migrations

from core.rechten import BEHEER, REDACTIE, all_codenames, grant

EENHEDEN = [
    ("Noord-Nederland", "NN", "noord-nederland"),
    ("Oost-Nederland", "ON", "oost-nederland"),
    ("Midden-Nederland", "MN", "midden-nederland"),
    ("Noord-Holland", "NH", "noord-holland"),
    ("Amsterdam", "AM", "amsterdam"),
    ("Den Haag", "DH", "den-haag"),
    ("Rotterdam", "RT", "rotterdam"),
    ("Zeeland-West-Brabant", "ZWB", "zeeland-west-brabant"),
    ("Oost-Brabant", "OB", "oost-brabant"),
    ("Limburg", "LB", "limburg"),
]


def laad_eenheden(apps, schema_editor):
    Eenheid = apps.get_model("teams", "Eenheid")
    for naam, code, slug in EENHEDEN:
        Eenheid.objects.update_or_create(code=code, defaults={"naam": naam, "slug": slug})


def maak_groepen(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=REDACTIE)
    grant(
        apps,
        BEHEER,
        "teams",
        all_codenames(["user", "eenheid", "basisteam", "lidmaatschap"]),
    )
    grant(apps, BEHEER, "auth", all_codenames(["group"]))


class Migration(migrations.Migration):
    dependencies = [
        ("teams", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(laad_eenheden, migrations.RunPython.noop),
        migrations.RunPython(maak_groepen, migrations.RunPython.noop),
    ]
