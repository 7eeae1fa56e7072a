"""pg_trgm for the search's “Bedoelde je …?” (`podium.zoeken.suggestie`). Django's
TrigramExtension does nothing on SQLite, where the search makes no suggestion."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = []

    operations = [TrigramExtension()]
