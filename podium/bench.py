"""`make bench`: server-side time and memory of the public pages, against targets.

Runs in a throw-away test database (the content comes from the migrations), renders each
page many times through Django's test client and reports the median and 95th percentile
time and the peak memory one request allocates. Exits non-zero when a target is missed;
timing lives here, never in a unit test.
"""

import os
import statistics
import sys
import time
import tracemalloc

TARGET_P95_MS = 100.0
TARGET_PEAK_KIB = 4096
REQUESTS = 200
BASISTEAMS = 170  # the national scale
PAGES = [
    "/",
    "/opgaven/",
    "/opgaven/werken-in-wijk-en-web/",
    "/over-ggp/",
    "/accounts/email/",
    "/teams/",
    "/teams/?o=-inwoners&inbedding=meerdere",
    "/teams/bench-17/",
    "/teams/bench-17/agenda/",
    "/voorbeelden/",
    "/voorbeelden/?q=wijkagent&sortering=toegepast",
    "/voorbeelden/fabricius/",
    "/teams/bench-17/gesprekken/",
    "/teams/bench-17/afspraken/",
    "/gesprekken/{gesprek}/",
    "/landelijk-beeld/",
    "/landelijk-beeld/?eenheid=amsterdam&periode=2jaar",
    "/landelijk-beeld/" + "{koud}",
    "/landelijk-beeld/?eenheid=amsterdam&periode=2jaar" + "{koud}",
    # The one search: found in every group, and a misspelling (with its suggestion).
    "/zoeken/?q=wijkagent",
    "/zoeken/?q=ondermijning",
    "/zoeken/?q=ondermijnig",
]
# The landelijk beeld is cached: a page marked with this is measured with its cache made
# stale before every request (the cold path), as after every change to what it counts. It
# is reported beside the cached one but does not fail the run.
KOUD = " (koud)"
GESPREKKEN = 40  # a team's gesprekken over the years
VOORBEELDEN = 2000  # “thousands of voorbeelden”


def _landelijke_schaal():
    """170 basisteams, each with two gemeenten, a cluster and agenda, and a teamchef."""
    from opgaven.models import Opgave
    from opgaven.services import zet_op_agenda
    from teams.models import Basisteam, Cluster, Eenheid, Gemeente, Lidmaatschap, User, Werkgebied

    eenheden = list(Eenheid.objects.all())
    opgaven = list(Opgave.objects.all())
    teams = Basisteam.objects.bulk_create(
        Basisteam(
            naam=f"Basisteam {n}",
            slug=f"bench-{n}",
            code=f"B{n}",
            eenheid=eenheden[n % len(eenheden)],
            formatie_fte=60 + n % 140,
            oppervlakte_km2=2 + (n * 11) % 1800,
            inwoners=18_000 + (n * 1_234) % 200_000,
            wijkagenten=5 + n % 30,
        )
        for n in range(BASISTEAMS)
    )
    gemeenten = Gemeente.objects.bulk_create(
        Gemeente(naam=f"Gemeente {n}", cbs_code=f"GM{n:04}") for n in range(2 * BASISTEAMS)
    )
    Werkgebied.objects.bulk_create(
        Werkgebied(basisteam=team, gemeente=gemeenten[2 * i + k])
        for i, team in enumerate(teams)
        for k in range(2)
    )
    Cluster.objects.bulk_create(Cluster(basisteam=team, naam="Noord") for team in teams)
    chef = User.objects.create_user(email="chef@bench.invalid", naam="Chef")
    Lidmaatschap.objects.create(user=chef, basisteam=teams[17], rol="teamchef")
    for opgave in opgaven:
        zet_op_agenda(teams[17], chef, opgave)
    _bibliotheek(teams, opgaven)
    _landelijk(teams, opgaven)
    return chef, _gesprekken(teams[17], chef, opgaven)


LANDELIJKE_GESPREKKEN = 30  # per team over the years, for the landelijk beeld


def _landelijk(teams, opgaven) -> None:
    """Every other team's agenda, gesprekken and afspraken, in bulk: what the landelijk
    beeld counts (tens of thousands of gesprekken and afspraken)."""
    import datetime

    from gesprekken.models import Afspraak, AfspraakStatus, Gesprek
    from opgaven.models import AgendaPunt, Fase, Gespreksleidraad

    andere = [team for i, team in enumerate(teams) if i != 17]
    fasen, statussen = list(Fase), list(AfspraakStatus)
    AgendaPunt.objects.bulk_create(
        AgendaPunt(basisteam=team, opgave=opgaven[(i + k) % 8], fase=fasen[(i + k) % 3])
        for i, team in enumerate(andere)
        for k in range(3)
    )
    leidraad = Gespreksleidraad.objects.get(slug="interne-opgaven")
    vandaag = datetime.date.today()
    gesprekken = Gesprek.objects.bulk_create(
        Gesprek(
            basisteam=team,
            titel=f"Gesprek {n}",
            datum=vandaag - datetime.timedelta(days=25 * n),
            leidraad=leidraad,
        )
        for team in andere
        for n in range(LANDELIJKE_GESPREKKEN)
    )
    Gesprek.opgaven.through.objects.bulk_create(
        Gesprek.opgaven.through(gesprek=g, opgave=opgaven[(i + k) % 8])
        for i, g in enumerate(gesprekken)
        for k in range(2)
    )
    Afspraak.objects.bulk_create(
        Afspraak(
            gesprek=g,
            basisteam_id=g.basisteam_id,
            omschrijving="Een afspraak.",
            opgave=opgaven[(i + k) % 8],
            status=statussen[(i + k) % 4],
            streefdatum=g.datum + datetime.timedelta(days=60),
        )
        for i, g in enumerate(gesprekken)
        for k in range(3)
    )


def _gesprekken(team, chef, opgaven) -> int:
    """A team's history: gesprekken with every question answered and three afspraken each."""
    import datetime

    from gesprekken import services
    from opgaven.models import Gespreksleidraad

    leidraad = Gespreksleidraad.objects.get(slug="interne-opgaven")
    gesprek = None
    for n in range(GESPREKKEN):
        gesprek = services.maak_gesprek(
            team,
            chef,
            titel=f"Teamgesprek {n}",
            datum=datetime.date(2024, 1, 1) + datetime.timedelta(days=30 * n),
            leidraad=leidraad,
            opgaven=opgaven[4:],
        )
        for antwoord in gesprek.antwoorden.all():
            services.leg_antwoord_vast(
                antwoord, chef, antwoord.versie, f"Antwoord in gesprek {n}."
            )
    return gesprek.pk


def _bibliotheek(teams, opgaven) -> None:
    from django.utils import timezone

    from voorbeelden.models import Toepassing, Voorbeeld, werk_zoektekst_bij

    nu = timezone.now()
    voorbeelden = Voorbeeld.objects.bulk_create(
        Voorbeeld(
            titel=f"Voorbeeld {n}",
            slug=f"bench-voorbeeld-{n}",
            samenvatting="Wijkagenten en partners werken samen in de wijk.",
            aanpak="<p>Een aanpak met de gemeente en bewoners.</p>",
            redactiestatus="gepubliceerd",
            gepubliceerd_op=nu,
            basisteam=teams[n % len(teams)],
        )
        for n in range(VOORBEELDEN)
    )
    Voorbeeld.opgaven.through.objects.bulk_create(
        Voorbeeld.opgaven.through(voorbeeld=v, opgave=opgaven[i % len(opgaven)])
        for i, v in enumerate(voorbeelden)
    )
    Toepassing.objects.bulk_create(
        Toepassing(voorbeeld=voorbeelden[i], basisteam=teams[i % len(teams)])
        for i in range(0, VOORBEELDEN, 3)
    )
    # bulk_create skips save(): the search text and vector, as saving would leave them.
    werk_zoektekst_bij(Voorbeeld.objects.all())


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "podium.settings")
    import django

    django.setup()
    # No setup_test_environment(): its template instrumentation would be measured too.
    # Mail is kept in memory, as in tests.
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from podium.landelijk.cijfers import vervallen

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    failed = False
    try:
        client = Client(SERVER_NAME="localhost")
        chef, gesprek = _landelijke_schaal()
        if connection.vendor == "postgresql":
            # Fresh tables have no statistics yet; a production database has (autovacuum).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        client.force_login(chef)
        print(f"{'page':<52}{'median ms':>10}{'p95 ms':>10}{'peak KiB':>10}")
        for url in (pagina.format(gesprek=gesprek, koud=KOUD) for pagina in PAGES):
            pad, koud = url.removesuffix(KOUD), url.endswith(KOUD)
            for _ in range(10):  # warm caches, templates and the connection
                client.get(pad)
            timings = []
            for _ in range(REQUESTS):
                if koud:
                    vervallen()
                start = time.perf_counter()
                response = client.get(pad)
                timings.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")
            if koud:
                vervallen()
            tracemalloc.start()
            client.get(pad)
            peak_kib = tracemalloc.get_traced_memory()[1] / 1024
            tracemalloc.stop()
            p95 = statistics.quantiles(timings, n=20)[-1]
            ok = p95 <= TARGET_P95_MS and peak_kib <= TARGET_PEAK_KIB
            failed |= not ok and not koud  # the cold path is reported, not gated
            print(
                f"{url:<52}{statistics.median(timings):>10.1f}{p95:>10.1f}{peak_kib:>10.0f}"
                f"  {'ok' if ok else 'TOO SLOW OR TOO BIG'}"
            )
        print(f"targets: p95 ≤ {TARGET_P95_MS:.0f} ms, peak ≤ {TARGET_PEAK_KIB} KiB per request")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
