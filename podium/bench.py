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
PAGES = [
    "/",
    "/opgaven/",
    "/opgaven/werken-in-wijk-en-web/",
    "/over-ggp/",
    "/accounts/login/",
]


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "podium.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    failed = False
    try:
        client = Client()
        print(f"{'page':<36}{'median ms':>10}{'p95 ms':>10}{'peak KiB':>10}")
        for url in PAGES:
            for _ in range(10):  # warm caches, templates and the connection
                client.get(url)
            timings = []
            for _ in range(REQUESTS):
                start = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")
            tracemalloc.start()
            client.get(url)
            peak_kib = tracemalloc.get_traced_memory()[1] / 1024
            tracemalloc.stop()
            p95 = statistics.quantiles(timings, n=20)[-1]
            ok = p95 <= TARGET_P95_MS and peak_kib <= TARGET_PEAK_KIB
            failed |= not ok
            print(
                f"{url:<36}{statistics.median(timings):>10.1f}{p95:>10.1f}{peak_kib:>10.0f}"
                f"  {'ok' if ok else 'TOO SLOW OR TOO BIG'}"
            )
        print(f"targets: p95 ≤ {TARGET_P95_MS:.0f} ms, peak ≤ {TARGET_PEAK_KIB} KiB per request")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
