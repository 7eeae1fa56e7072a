"""The one history of gesprekken: django-simple-history for gesprekken, answers and afspraken
(an afspraak's history also names the gesprek it was followed up in), and who last updated a
gesprek. The old history tables are carried over in 0006 and removed in 0007."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("gesprekken", "0004_vul_vraag_als_gesteld"),
        ("opgaven", "0004_rechten_teamagenda"),
        ("teams", "0006_email_uniek_melding"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="gesprek",
            name="bijgewerkt_door",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="updated by",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalAfspraak",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
                ),
                (
                    "aangemaakt_op",
                    models.DateTimeField(blank=True, editable=False, verbose_name="created at"),
                ),
                (
                    "bijgewerkt_op",
                    models.DateTimeField(blank=True, editable=False, verbose_name="updated at"),
                ),
                ("omschrijving", models.CharField(max_length=500, verbose_name="description")),
                (
                    "eigenaar",
                    models.CharField(
                        blank=True,
                        help_text="Who carries it: a colleague, or a partner such as the gemeente.",
                        max_length=150,
                        verbose_name="owner",
                    ),
                ),
                (
                    "streefdatum",
                    models.DateField(blank=True, null=True, verbose_name="target date"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("open", "open"),
                            ("loopt", "in progress"),
                            ("klaar", "done"),
                            ("vervallen", "dropped"),
                        ],
                        default="open",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                        max_length=1,
                    ),
                ),
                (
                    "aangemaakt_door",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="created by",
                    ),
                ),
                (
                    "basisteam",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="teams.basisteam",
                        verbose_name="basisteam",
                    ),
                ),
                (
                    "bijgewerkt_door",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="updated by",
                    ),
                ),
                (
                    "gesprek",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="gesprekken.gesprek",
                        verbose_name="gesprek",
                    ),
                ),
                (
                    "history_relation",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="historie",
                        to="gesprekken.afspraak",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "opgave",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="opgaven.opgave",
                        verbose_name="opgave",
                    ),
                ),
                (
                    "opgevolgd_in",
                    models.ForeignKey(
                        blank=True,
                        help_text="The gesprek in which the change was made, if any.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="gesprekken.gesprek",
                        verbose_name="in gesprek",
                    ),
                ),
                (
                    "vraag",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="The “top 3” question this afspraak was recorded under, if any.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="opgaven.gespreksvraag",
                        verbose_name="question",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical afspraak",
                "verbose_name_plural": "historical afspraken",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAntwoord",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
                ),
                (
                    "vraag_tekst",
                    models.CharField(max_length=500, verbose_name="question as asked"),
                ),
                (
                    "vraag_toelichting",
                    models.TextField(
                        blank=True, editable=False, verbose_name="explanation as asked"
                    ),
                ),
                (
                    "soort",
                    models.CharField(
                        choices=[("open", "open question"), ("top3", "top 3 (the “drie dingen”)")],
                        default="open",
                        editable=False,
                        max_length=10,
                        verbose_name="kind as asked",
                    ),
                ),
                ("volgorde", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                ("tekst", models.TextField(blank=True, verbose_name="answer")),
                (
                    "bijgewerkt_op",
                    models.DateTimeField(blank=True, null=True, verbose_name="updated at"),
                ),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                        max_length=1,
                    ),
                ),
                (
                    "bijgewerkt_door",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="updated by",
                    ),
                ),
                (
                    "gesprek",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="gesprekken.gesprek",
                        verbose_name="gesprek",
                    ),
                ),
                (
                    "history_relation",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="historie",
                        to="gesprekken.antwoord",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "vraag",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="opgaven.gespreksvraag",
                        verbose_name="question",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical antwoord",
                "verbose_name_plural": "historical antwoorden",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalGesprek",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "versie",
                    models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
                ),
                (
                    "aangemaakt_op",
                    models.DateTimeField(blank=True, editable=False, verbose_name="created at"),
                ),
                (
                    "bijgewerkt_op",
                    models.DateTimeField(blank=True, editable=False, verbose_name="updated at"),
                ),
                ("titel", models.CharField(max_length=200, verbose_name="title")),
                ("datum", models.DateField(verbose_name="date")),
                (
                    "deelnemers",
                    models.TextField(
                        blank=True,
                        help_text="Roles and organisations, e.g. wijkagenten, gemeente, woningcorporatie.",
                        verbose_name="participants",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("gepland", "planned"),
                            ("gevoerd", "held"),
                            ("afgerond", "completed"),
                        ],
                        default="gepland",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "zichtbaarheid",
                    models.CharField(
                        choices=[("team", "only the team"), ("politie", "the whole police")],
                        default="team",
                        max_length=20,
                        verbose_name="visibility",
                    ),
                ),
                ("samenvatting", models.TextField(blank=True, verbose_name="summary")),
                (
                    "leidraad_inleiding",
                    models.TextField(
                        blank=True,
                        editable=False,
                        help_text="The introduction of the conversation guide as it read for this gesprek.",
                        verbose_name="introduction of the guide as used",
                    ),
                ),
                ("history_change_reason", models.TextField(null=True)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                        max_length=1,
                    ),
                ),
                (
                    "aangemaakt_door",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="created by",
                    ),
                ),
                (
                    "basisteam",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="teams.basisteam",
                        verbose_name="basisteam",
                    ),
                ),
                (
                    "bijgewerkt_door",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="updated by",
                    ),
                ),
                (
                    "gespreksleider",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="conversation leader",
                    ),
                ),
                (
                    "history_relation",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="historie",
                        to="gesprekken.gesprek",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "leidraad",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="opgaven.gespreksleidraad",
                        verbose_name="conversation guide",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical gesprek",
                "verbose_name_plural": "historical gesprekken",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
