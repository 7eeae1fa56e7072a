from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("opgaven", "0006_agendawijzigingen_naar_historie")]

    operations = [migrations.DeleteModel(name="AgendaWijziging")]
