"""The GIN index for Dutch full-text search (PostgreSQL only), the Redactie's rights, and the
seven voorbeelden of the folder “Podium voor goed politiewerk”, as the folder gives them:
fields the folder does not fill stay empty."""

from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.utils import timezone

from core.rechten import BEHEER, REDACTIE, all_codenames, grant

BRON = "Podium voor goed politiewerk (ontwikkelagenda GGP)"

NABIJHEID = (
    "Steeds vaker nemen politiecollega's bijzondere initiatieven om de band met de wijk te "
    "versterken en persoonlijke contacten met de bewoners te onderhouden."
)
GOED_CONTACT = "Het verzamelen en verspreiden van voorbeelden van goed contact met burgers."

PARTNERS = {
    "Lokale hogeschool": "onderwijs",
    "Sleutelfiguren in de wijk": "burgers",
    "Douane": "douane",
    "Gemeente Velsen": "gemeente",
    "Belastingdienst/FIOD": "belastingdienst",
}

VOORBEELDEN = [
    {
        "titel": "Webcare Twente",
        "slug": "webcare-twente",
        "samenvatting": (
            "In Twente zijn politiecollega's gestart met webcare. Zij hebben daarvoor "
            "samenwerking gezocht met jonge professionals van de lokale hogeschool. Sinds "
            "september 2017 kunnen inwoners van Twente makkelijk online in contact komen met de "
            "politie 'om de hoek'. Ook kunnen zij via webcare tussen 07.00 en 23.00 uur "
            "niet-spoedmeldingen doen."
        ),
        "plaats": "Twente",
        "periode": "Sinds september 2017",
        "opgave": 1,
        "aandachtspunten": ["Het doorontwikkelen van webcare, in samenhang met andere kanalen."],
        "partners": ["Lokale hogeschool"],
    },
    {
        "titel": "Bondgenoten",
        "slug": "bondgenoten",
        "samenvatting": (
            "De eenheid Midden-Nederland heeft de methode Bondgenoten ontwikkeld: samenwerken "
            "met sleutelfiguren in de wijk. Het doel is om niet alleen contact te hebben als er "
            "problemen zijn, maar ook om een netwerk op te bouwen dat op elk gewenst moment "
            "inzetbaar is. Bij Bondgenoten schuift niet alleen de wijkagent aan, maar regelmatig "
            "ook de teamchef, het sectorhoofd en de politiechef zelf. De sleutelfiguren in de "
            "wijk zijn geen professionals, maar burgers die actief zijn bij een stichting of "
            "sportvereniging, mensen met een achterban."
        ),
        "eenheid": "MN",
        "opgave": 2,
        "aandachtspunten": [
            "Het creëren en onderhouden van netwerken die bijdragen aan verbinding op lokaal "
            "niveau."
        ],
        "partners": ["Sleutelfiguren in de wijk"],
    },
    {
        "titel": "Fabricius",
        "slug": "fabricius",
        "samenvatting": (
            "Fabricius is een project dat de georganiseerde criminaliteit in het havengebied van "
            "IJmuiden integraal aanpakt. In het project werken onder meer samen: Politie, "
            "Douane, gemeente Velsen en de Belastingdienst/FIOD."
        ),
        "aanleiding": (
            "Fabricius werd gestart om het havengebied van IJmuiden te ontwikkelen tot een "
            "veilig gebied met een integer en gezond ondernemersklimaat."
        ),
        "aanpak": (
            "Het project kende zowel een repressieve als preventieve focus. Er werd "
            "daadkrachtig opgetreden tegen misstanden en (georganiseerde) criminaliteit."
        ),
        "plaats": "Havengebied IJmuiden",
        "opgave": 3,
        "aandachtspunten": [
            "Het versterken van de lokale samenwerking. Het probleem is van iedereen en dus "
            "moeten we als één overheid optreden."
        ],
        "partners": ["Douane", "Gemeente Velsen", "Belastingdienst/FIOD"],
    },
    {
        "titel": "Tijdelijk politiebureau in een leegstaand winkelpand",
        "slug": "tijdelijk-politiebureau-in-een-leegstaand-winkelpand",
        "samenvatting": (
            "Er zijn wijkagenten die een tijdelijk politiebureau openen in een leegstaand "
            "winkelpand."
        ),
        "aanleiding": NABIJHEID,
        "opgave": 4,
        "aandachtspunten": [GOED_CONTACT],
        "partners": [],
    },
    {
        "titel": "Tijdelijke werkplek met een Chromebook in supermarkt of bibliotheek",
        "slug": "tijdelijke-werkplek-met-een-chromebook",
        "samenvatting": (
            "Er zijn wijkagenten die, met behulp van een Chromebook, in een supermarkt of "
            "bibliotheek een tijdelijke werkplek inrichten."
        ),
        "aanleiding": NABIJHEID,
        "opgave": 4,
        "aandachtspunten": [GOED_CONTACT],
        "partners": [],
    },
    {
        "titel": "Mobiel politiebureau in de Bollenstreek",
        "slug": "mobiel-politiebureau-bollenstreek",
        "samenvatting": "In de Bollenstreek hebben ze een 'mobiel politiebureau'.",
        "aanleiding": NABIJHEID,
        "plaats": "Bollenstreek",
        "opgave": 4,
        "aandachtspunten": [GOED_CONTACT],
        "partners": [],
    },
    {
        "titel": "WhatsApp-spreekuur in IJsselstein tijdens de jaarwisseling",
        "slug": "whatsapp-spreekuur-ijsselstein",
        "samenvatting": (
            "Tijdens de afgelopen jaarwisseling hadden collega's in IJsselstein een "
            "WhatsApp-spreekuur."
        ),
        "aanleiding": NABIJHEID,
        "plaats": "IJsselstein",
        "periode": "Tijdens de jaarwisseling",
        "opgave": 4,
        "aandachtspunten": [GOED_CONTACT],
        "partners": [],
    },
]


def maak_zoekindex(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX voorbeeld_zoekvector_gin ON voorbeelden_voorbeeld USING GIN (zoekvector)"
        )


def verwijder_zoekindex(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS voorbeeld_zoekvector_gin")


def geef_rechten(apps, schema_editor):
    modellen = ["voorbeeld", "partner", "toepassing", "voorbeeldversie"]
    for groep in (REDACTIE, BEHEER):
        grant(apps, groep, "voorbeelden", all_codenames(modellen))


def laad_folder(apps, schema_editor):
    Voorbeeld = apps.get_model("voorbeelden", "Voorbeeld")
    Partner = apps.get_model("voorbeelden", "Partner")
    Opgave = apps.get_model("opgaven", "Opgave")
    Aandachtspunt = apps.get_model("opgaven", "Aandachtspunt")
    Eenheid = apps.get_model("teams", "Eenheid")

    partners = {
        naam: Partner.objects.get_or_create(naam=naam, defaults={"soort": soort})[0]
        for naam, soort in PARTNERS.items()
    }
    nu = timezone.now()
    for data in VOORBEELDEN:
        if Voorbeeld.objects.filter(slug=data["slug"]).exists():
            continue
        opgave = Opgave.objects.get(nummer=data["opgave"])
        # The folder's texts are plain paragraphs: stored as the HTML the editor would save.
        velden = {
            veld: f"<p>{data[veld]}</p>" for veld in ("aanleiding", "aanpak") if data.get(veld)
        }
        voorbeeld = Voorbeeld.objects.create(
            titel=data["titel"],
            slug=data["slug"],
            samenvatting=data["samenvatting"],
            plaats=data.get("plaats", ""),
            periode=data.get("periode", ""),
            eenheid=Eenheid.objects.get(code=data["eenheid"]) if data.get("eenheid") else None,
            redactiestatus="gepubliceerd",
            gepubliceerd_op=nu,
            aangemaakt_op=nu,
            bron=BRON,
            **velden,
        )
        voorbeeld.opgaven.add(opgave)
        voorbeeld.aandachtspunten.add(
            *Aandachtspunt.objects.filter(opgave=opgave, tekst__in=data["aandachtspunten"])
        )
        voorbeeld.partners.add(*(partners[naam] for naam in data["partners"]))
    if schema_editor.connection.vendor == "postgresql":
        Voorbeeld.objects.update(
            zoekvector=SearchVector("titel", weight="A", config="dutch")
            + SearchVector("samenvatting", weight="B", config="dutch")
            + SearchVector(
                "aanleiding", "aanpak", "resultaat", "lessen", weight="C", config="dutch"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("voorbeelden", "0001_initial"),
        ("opgaven", "0004_rechten_teamagenda"),
        ("teams", "0006_email_uniek_melding"),
    ]

    operations = [
        migrations.RunPython(maak_zoekindex, verwijder_zoekindex),
        migrations.RunPython(geef_rechten, migrations.RunPython.noop),
        migrations.RunPython(laad_folder, migrations.RunPython.noop),
    ]
