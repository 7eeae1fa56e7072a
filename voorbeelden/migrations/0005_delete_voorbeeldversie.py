from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("voorbeelden", "0004_versies_naar_historie")]

    operations = [migrations.DeleteModel(name="VoorbeeldVersie")]
