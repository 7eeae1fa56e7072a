"""The content of the folder “Podium voor goed politiewerk” (../shared/bron), loaded once.

Redacteuren edit it in the admin afterwards; this migration only creates what is missing,
so it never overwrites their work.
"""

from django.db import migrations

from core.rechten import BEHEER, REDACTIE, all_codenames, grant

OPGAVEN = [
    {
        "nummer": 1,
        "soort": "extern",
        "titel": "Werken in wijk en web",
        "slug": "werken-in-wijk-en-web",
        "samenvatting": (
            "Wijk en web lopen steeds meer in elkaar over. De politie ontwikkelt het werken "
            "in de wijk én op het web verder en integreert die twee."
        ),
        "tekst": (
            "Het leven speelt zich steeds meer online af. Wijk en web lopen steeds meer in "
            "elkaar over, er is geen scherpe grens. Aan de politie de taak om het werken in de "
            "wijk én op het web verder te ontwikkelen en te integreren. We moeten bij de tijd "
            "zijn, dat willen wij zelf, maar dat verwacht de burger ook van ons. Dat betekent "
            "meer investeren in sociale media. Niet alleen om in gesprek te zijn, maar ook om "
            "te surveilleren en inzicht te geven in het werk van de politie."
        ),
        "aandachtspunten": [
            "Het verder ontwikkelen van de politietaak in de digitale wereld.",
            "Het bepalen van wat het werken in wijk én web inhoudt.",
            "Het verzamelen en verspreiden van voorbeelden van werken in wijk en web.",
            "Het vergroten van digitaal vakmanschap bij politiemedewerkers.",
            "Het doorontwikkelen van webcare, in samenhang met andere kanalen.",
            "Het zoeken van aansluiting bij digitale ontwikkelingen van partners en intern "
            "binnen de politie.",
            "Het verzorgen van eventuele technische ondersteuning bij het werken in wijk en "
            "web, zoals applicaties.",
        ],
    },
    {
        "nummer": 2,
        "soort": "extern",
        "titel": "Omgaan met de wereld in de wijk",
        "slug": "omgaan-met-de-wereld-in-de-wijk",
        "samenvatting": (
            "Mondiaal is lokaal geworden: gebeurtenissen in het buitenland hebben direct "
            "gevolgen in de wijken. De politie staat middenin de multiculturele samenleving "
            "en speelt daarop in."
        ),
        "tekst": (
            "Globalisering, migratiestromen en een explosieve toename van het wereldwijde "
            "internetgebruik maken dat 'ver van mijn bed' niet meer bestaat. Mondiaal is "
            "lokaal geworden. We leven met verschillende bevolkingsgroepen in één samenleving "
            "en dat levert soms spanningen op. Gebeurtenissen in het buitenland hebben direct "
            "gevolgen in de wijken. De politie staat middenin die multiculturele samenleving, "
            "maakt daar onderdeel van uit en moet daarop inspelen. De politie is er voor "
            "iedereen. De samenleving en dus ook de politie is divers samengesteld. Voor "
            "samenhang en vertrouwen binnen de organisatie is het belangrijk om ook intern het "
            "gesprek aan te gaan over 'schurende verschillen'."
        ),
        "aandachtspunten": [
            "Het creëren en onderhouden van netwerken die bijdragen aan verbinding op lokaal "
            "niveau.",
            "Het bevorderen van de juiste match tussen de kenmerken van het werkgebied en die "
            "van de medewerkers.",
            "Het versterken van de maatschappelijke oriëntatie: meer oog voor wat er in de "
            "omgeving speelt.",
            "Het vergroten van vaardigheden die nodig zijn voor het effectief omgaan met de "
            "wereld in de wijk: meertaligheid, netwerken, sociale vaardigheden en het tegengaan "
            "van polarisatie.",
        ],
    },
    {
        "nummer": 3,
        "soort": "extern",
        "titel": "Samenspannen tegen ondermijning",
        "slug": "samenspannen-tegen-ondermijning",
        "samenvatting": (
            "Ondermijning vraagt meer aandacht van politie en gezag en kan alleen integraal "
            "worden tegengegaan: politie, ondernemers en publieke en private partners trekken "
            "samen op."
        ),
        "tekst": (
            "Ondermijning vraagt nu en in de toekomst meer aandacht van de politie en het "
            "gezag. Criminelen krijgen grip op de maatschappij door zich te mengen in "
            "democratische procedures en openbare besturen. In sommige wijken is het probleem "
            "al zo groot dat er een 'parallelle samenleving' is ontstaan. Ondermijning kan "
            "alleen worden tegengegaan door een integrale aanpak: politie, ondernemers en "
            "publieke en private partners moeten hierin samen optrekken."
        ),
        "aandachtspunten": [
            "Het toerusten van medewerkers: hoe herken je ondermijning en hoe pak je het aan?",
            "Het versterken van de lokale samenwerking. Het probleem is van iedereen en dus "
            "moeten we als één overheid optreden.",
            "Het initiëren en organiseren van kleinschalige projecten om de lokale ondermijning "
            "aan te pakken.",
            "Het doorontwikkelen van de gebiedsgerichte opsporing met meer aandacht voor de "
            "probleemgerichte aanpak.",
        ],
    },
    {
        "nummer": 4,
        "soort": "extern",
        "titel": "Versterken van wendbare nabijheid",
        "slug": "versterken-van-wendbare-nabijheid",
        "samenvatting": (
            "De politie moet nabij en aanspreekbaar zijn, ook buiten het traditionele "
            "politiebureau: pop-up politiebureaus, mobiele wijktafels, politiebussen en meer."
        ),
        "tekst": (
            "De politie moet nabij en aanspreekbaar zijn. Het contact met burgers vindt niet "
            "alleen plaats op het traditionele politiebureau. Er zijn veel manieren om contact "
            "te hebben met wijkbewoners: pop-up politiebureaus, mobiele wijktafels, "
            "politiebussen, volgdiensten via Facebook en initiatieven, zoals 'rent-a-cop' en "
            "'koffie met een cop'. Vaak zijn het politiecollega's die daarvoor het initiatief "
            "genomen hebben om zo het contact en gesprek met inwoners te intensiveren, beter te "
            "weten wat er speelt en de samenwerking te zoeken."
        ),
        "aandachtspunten": [
            "Het aangaan van het gesprek met burgers, onder meer door de Politiemonitor in te "
            "zetten.",
            "Het verzamelen en verspreiden van voorbeelden van goed contact met burgers.",
            "Het stimuleren en faciliteren van netwerken van wijkagenten om voorbeelden uit de "
            "praktijk met elkaar te delen.",
            "Het ondersteunen van de basisteams, onder meer door locatieonafhankelijk werken "
            "mogelijk te maken.",
        ],
    },
    {
        "nummer": 5,
        "soort": "intern",
        "titel": "De teams en teamchefs in positie brengen",
        "slug": "de-teams-en-teamchefs-in-positie-brengen",
        "samenvatting": (
            "De basisteams zijn het fundament van de politie. Meer lokale (regel)ruimte, zodat "
            "teamchefs zelf beslissingen kunnen nemen en meer financiële armslag krijgen."
        ),
        "tekst": (
            "De basisteams vormen het fundament van de politie. Zij zijn het dagelijks gezicht "
            "van de politie in buurten en wijken. De chefs van deze teams vervullen hierin een "
            "spilfunctie. Zij zijn degenen die voortdurend de spanning voelen tussen de vraag "
            "om inzet en de beschikbaarheid van mensen en materieel. De vorming van de "
            "nationale politie heeft geleid tot minder beslissingsruimte op lokaal niveau. De "
            "opgave is nu om meer lokale (regel)ruimte te creëren, zodat teamchefs zelf "
            "beslissingen kunnen nemen en meer financiële armslag krijgen. Zo zijn onder meer "
            "voor elk team versterkingsgelden beschikbaar gesteld en elke teamchef krijgt een "
            "debitcard."
        ),
        "aandachtspunten": [],
    },
    {
        "nummer": 6,
        "soort": "intern",
        "titel": "'Klein' binnen 'groot' organiseren",
        "slug": "klein-binnen-groot-organiseren",
        "samenvatting": (
            "Binnen de grote basisteams kleinere clusters organiseren, met een herkenbaar "
            "sociaal verband en meer binding met de wijken en buurten."
        ),
        "tekst": (
            "De huidige basisteams zijn in veel gevallen groter dan de oude regionale teams. "
            "Dit heeft voordelen, maar ook nadelen. Zo ervaren medewerkers soms een afstand tot "
            "collega's, maar ook tot de wijken en buurten waar ze werken. We moeten daarom, daar "
            "waar dat nodig is, binnen de basisteams kleinere clusters organiseren en wel zo dat "
            "er binnen de basisteams een herkenbaar sociaal verband is en er meer binding "
            "ontstaat met de wijken en buurten."
        ),
        "aandachtspunten": [],
    },
    {
        "nummer": 7,
        "soort": "intern",
        "titel": "Beter samenspel ontwikkelen",
        "slug": "beter-samenspel-ontwikkelen",
        "samenvatting": (
            "De samenwerking tussen de verschillende functies in de basisteams verbeteren, en "
            "de verbinding met informatieorganisatie, opsporing en bedrijfsvoering."
        ),
        "tekst": (
            "Door de reorganisatie zijn er in de basisteams nieuwe functies bijgekomen. Daarmee "
            "moet de politie beter in staat zijn om een effectieve bijdrage te leveren aan de "
            "aanpak van complexe veiligheidsvraagstukken, zoals ondermijning of een criminele "
            "jeugdgroep. In de praktijk blijkt het soms nog lastig om een goed samenspel te "
            "vinden tussen die verschillende functies, rollen en werkterreinen. De opgave is om "
            "binnen de basisteams de samenwerking tussen de verschillende functies te "
            "verbeteren. Ook de verbinding met de informatieorganisatie, de opsporing en de "
            "bedrijfsvoering vraagt sterk de aandacht. Een collectief leerproces waarvoor "
            "speciale werkvormen beschikbaar komen."
        ),
        "aandachtspunten": [],
    },
    {
        "nummer": 8,
        "soort": "intern",
        "titel": "Vernieuwend werken",
        "slug": "vernieuwend-werken",
        "samenvatting": (
            "Vernieuwend werken in de basisteams: vakmensen zijn zelf verantwoordelijk voor een "
            "gebied of onderwerp, met meer betrokkenheid en beter benut talent."
        ),
        "tekst": (
            "Onze huidige manier van werken heeft sterke kanten, maar voldoet niet altijd meer. "
            "Ook sluit die veelal niet meer aan bij de dynamiek in de omgeving en de wens van "
            "medewerkers om meer regie te hebben over de ontwikkeling en uitvoering van het "
            "politiewerk. De opgave is om binnen basisteams vernieuwend te werken. Dit zorgt "
            "ervoor dat vakmensen zelf verantwoordelijk zijn voor een gebied of een onderwerp. "
            "Hierdoor ontstaat meer betrokkenheid en wordt talent beter benut. Door het voeren "
            "van gesprekken over het eigen gedrag en de effecten die dat heeft op anderen wordt "
            "in de praktijk voortdurend gewerkt aan de ontwikkelingen van het politievak."
        ),
        "aandachtspunten": [],
    },
]

LEIDRADEN = [
    {
        "naam": "Vragen bij de externe opgaven",
        "slug": "externe-opgaven",
        "volgorde": 1,
        "soort_opgaven": "extern",
        "inleiding": (
            "Vragen die kunnen helpen om met collega's en het gezag in gesprek te gaan over de "
            "externe opgaven."
        ),
        "vragen": [
            ("Welke ontwikkelingen in de maatschappij zie je in jouw gebied?", "open"),
            ("Welke is wat jou betreft de meest urgente om aan te werken?", "open"),
            ("Op welke manier werk je hier al aan?", "open"),
            (
                "Hoe kun je in jouw team samen met partners anders of beter samenwerken om de "
                "aansluiting bij de maatschappij te houden?",
                "open",
            ),
        ],
    },
    {
        "naam": "Vragen bij de interne opgaven",
        "slug": "interne-opgaven",
        "volgorde": 2,
        "soort_opgaven": "intern",
        "inleiding": (
            "Vragen die kunnen helpen om met collega's in gesprek te gaan over de ontwikkeling "
            "van het team."
        ),
        "vragen": [
            ("Op welke manier werk je al aan de ontwikkeling van je team?", "open"),
            ("Wat heb je nodig om hiermee aan de slag te gaan?", "open"),
            ("Wat zijn de drie dingen die je het liefst en het snelst kan bereiken?", "top3"),
        ],
    },
]

PAGINAS = [
    {
        "titel": "Inleiding",
        "slug": "inleiding",
        "volgorde": 1,
        "tekst": """Duizenden politiemensen werken dagelijks aan de veiligheid in Nederland. Buiten het zicht van de schijnwerpers zetten zij zich in om mensen in gevaar te beschermen of mensen die juist het gevaar veroorzaken, tegen te houden. Dat is de taak van de politie.

Die taak verandert niet. Wat wel verandert, is de manier waarop we dat doen. Sinds de jaren zeventig van de vorige eeuw werkt de politie veel meer lokaal gericht. Er kwamen wijkagenten en wijkteams met een brede basispolitietaak. We werden beter zichtbaar en benaderbaar voor iedereen die politiehulp nodig had. Ook werden we ons steeds meer bewust dat het belangrijk is om samen te werken met burgers en partners. En zo werd door de jaren heen het fundament gelegd voor de Gebiedsgebonden Politie (GGP).

### Een veranderende omgeving

De politie staat middenin de samenleving, een samenleving die in rap tempo verandert. Digitalisering, terrorisme, de vluchtelingenproblematiek, verwarde personen: onderwerpen die aan de orde van de dag zijn. Wil de politie de aansluiting bij de samenleving houden, dan is het noodzakelijk om mee te gaan met de ontwikkelingen in de maatschappij. Dat vraagt om aanpassingen binnen de politieorganisatie. De basis hiervoor staat in Podium voor goed politiewerk. Daarin geven we een heldere visie en lijn waar we in de komende jaren naartoe werken. We hebben acht opgaven geformuleerd, vier extern georiënteerd, gericht op de buitenwereld, en vier intern, gericht op de politieorganisatie.

Centraal in de veranderingen die nodig zijn staan: investeren in een lerende organisatie, ontwikkelen van onderaf, en leren van de vele lokale initiatieven die er al zijn. De basisteams bepalen zelf wat ze doen, hoe ze dat doen en hoe snel. Niet alles moet anders. Op veel plaatsen wordt al invulling gegeven aan de veranderende omgeving. De kunst is om dat verder uit te werken, van elkaar te leren en hierover in gesprek te gaan, niet alleen binnen de politie, maar vooral ook daarbuiten, met het lokaal gezag en andere partners. Zorgen voor veiligheid is immers niet alleen een taak van de politie. Gemeenten, andere overheidsinstanties, bedrijven en burgers, iedereen heeft een rol hierin.

Met Podium voor goed politiewerk willen we richting geven aan de ontwikkelingen van de GGP. In de samenvatting in deze folder vind je de opgaven waar we voor staan. Ook vind je in het document een aantal vragen die kunnen helpen om met collega's en het gezag in gesprek te gaan. We hopen dat Podium voor goed politiewerk helpt om nog meer te werken aan een politie die gebiedsgebonden is, die continu in verbinding is met de omgeving en meebeweegt met de ontwikkelingen in de maatschappij. Dat betekent experimenteren, vernieuwen, ontwikkelen. En dat alles op lokaal niveau, waarbij we uitgaan van het motto 'ontwikkelen is leren' en 'ontwikkelen vanuit wat er al is.'""",
    },
    {
        "titel": "Kenmerken van GGP",
        "slug": "kenmerken-van-ggp",
        "volgorde": 2,
        "tekst": """De Gebiedsgebonden politie (GGP) kent een lange geschiedenis. In de jaren zeventig van de vorige eeuw werden er bij de gemeentepolitiekorpsen voor het eerst wijkagenten aangesteld met onder meer als doel om de relatie met de maatschappelijke omgeving, die in de jaren zestig onder druk was komen te staan, te herstellen. In de periode daarna kwam de GGP verder tot ontwikkeling. De integratie van de politie in de samenleving was hierbij de voornaamste doelstelling. Om deze doelstelling te realiseren werd ingezet op wijkteams met een brede basispolitietaak. In de loop van de jaren negentig ontstond een volgende fase in de GGP. De brede taakstelling was voor politiemensen in de wijkteams te veel gevraagd en er kwam meer taakdifferentiatie binnen de gebiedsgebonden politieteams. Ook werd, onder invloed van lokaal veiligheidsbeleid, het belang van samenwerken met partners en burgers steeds groter. Daar waar de politie in het verleden als enige in de frontlinie stond, staat de politie nu steeds meer schouder aan schouder met de gemeente, woningcorporaties en andere partners in de wijk.

De GGP wordt vooral gekenmerkt door:

- De basisfunctie. De politie is er als burgers haar nodig hebben, dan wel wanneer de rechtsstaat in het geding is.
- Lokale verankering. Politiewerk is altijd lokaal en maatschappelijk geïntegreerd, politiek-bestuurlijk ingebed en maakt deel uit van een gemeenschappelijke veiligheidsaanpak.
- Nabijheid tot burgers. De politie is aanspreekbaar en zichtbaar.
- Betrokkenheid van burgers. De GGP gaat uit van betrokkenheid van burgers bij het stellen van prioriteiten en het uitvoeren van politiewerk.
- Oriëntatie op problemen. De politie hanteert een proactieve en probleemgerichte werkwijze.
- Evenwichtige taakuitvoering. Handhaving en opsporing zijn met elkaar in balans.""",
    },
    {
        "titel": "Wendbare basisteams",
        "slug": "wendbare-basisteams",
        "volgorde": 3,
        "tekst": """Bij de totstandkoming van de nationale politie is er een duidelijke keuze gemaakt voor basisteams met een formatie tussen de 60 en 200 fte. Daarmee beschikt een team over een voldoende stevige basis en voldoende operationele slagkracht om alle kerntaken van het politiewerk grotendeels zelfstandig uit te voeren. Alle basisprocessen (incidentopvolging, intake & service, handhaving en opsporing) zijn in de basisteams verenigd. Binnen de basisteams zijn de wijkagenten werkzaam volgens de norm van 1 wijkagent op 5000 inwoners.

Basisteams komen qua opzet overeen, maar de omgeving waarin ze functioneren wisselt sterk. De omvang van een bewakingsgebied varieert van minder dan 2 tot meer dan 1800 km²; de bevolkingsomvang van meer dan 200.000 tot nog geen 20.000 inwoners; de bevolkingsdichtheid van meerdere tienduizenden tot minder dan vijftig per km². Daarnaast verschilt de bestuurlijke inbedding. Sommige basisteams beslaan meerdere gemeenten, andere één gemeente en weer andere een deel van een gemeente.

Er is dus een groot contrast tussen de basisteams in Nederland. Dat contrast wordt nog groter doordat de gebieden waarin de teams werken verschillen voor wat betreft bevolkingssamenstelling, economische omstandigheden, criminogene factoren, overlast en veiligheidsgevoelens.""",
    },
    {
        "titel": "Meer weten",
        "slug": "meer-weten",
        "volgorde": 4,
        "tekst": """Deze folder is een samenvatting van de ontwikkelagenda GGP. De folder is ontwikkeld voor alle collega's en partners die kennis willen hebben van de ontwikkeling die de politie maakt op GGP. Wil je meer weten, aan de slag, of heb je een goed idee? Bezoek dan de pagina 'toolkit politiewerk in de wijk' op Agora (het intranet van de politie).""",
    },
]


def laad_inhoud(apps, schema_editor):
    Opgave = apps.get_model("opgaven", "Opgave")
    Aandachtspunt = apps.get_model("opgaven", "Aandachtspunt")
    Gespreksleidraad = apps.get_model("opgaven", "Gespreksleidraad")
    Gespreksvraag = apps.get_model("opgaven", "Gespreksvraag")
    Pagina = apps.get_model("opgaven", "Pagina")

    for data in OPGAVEN:
        velden = {k: v for k, v in data.items() if k not in {"nummer", "aandachtspunten"}}
        opgave, created = Opgave.objects.get_or_create(nummer=data["nummer"], defaults=velden)
        if created:
            Aandachtspunt.objects.bulk_create(
                Aandachtspunt(opgave=opgave, tekst=tekst, volgorde=i)
                for i, tekst in enumerate(data["aandachtspunten"], start=1)
            )

    for data in LEIDRADEN:
        leidraad, created = Gespreksleidraad.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "naam": data["naam"],
                "inleiding": data["inleiding"],
                "volgorde": data["volgorde"],
            },
        )
        if created:
            leidraad.opgaven.set(Opgave.objects.filter(soort=data["soort_opgaven"]))
            Gespreksvraag.objects.bulk_create(
                Gespreksvraag(leidraad=leidraad, tekst=tekst, soort=soort, volgorde=i)
                for i, (tekst, soort) in enumerate(data["vragen"], start=1)
            )

    for data in PAGINAS:
        Pagina.objects.get_or_create(slug=data["slug"], defaults=data)


def geef_rechten(apps, schema_editor):
    modellen = ["opgave", "aandachtspunt", "gespreksleidraad", "gespreksvraag", "pagina"]
    for groep in (REDACTIE, BEHEER):
        grant(apps, groep, "opgaven", all_codenames(modellen))


class Migration(migrations.Migration):
    dependencies = [
        ("opgaven", "0001_initial"),
        ("teams", "0002_eenheden_en_groepen"),
    ]

    operations = [
        migrations.RunPython(laad_inhoud, migrations.RunPython.noop),
        migrations.RunPython(geef_rechten, migrations.RunPython.noop),
    ]
