"""Shared constants and helpers of the real-browser suite."""

import pytest
from axe_playwright_python.sync_playwright import Axe

# The live server runs in another thread, so test data must be committed
# (transaction=True). A transactional test flushes the database afterwards;
# serialized_rollback restores the opgaven and other content the data migrations loaded,
# so every test sees the same content as production.
E2E = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

OPGAVE_SLUGS = [
    "werken-in-wijk-en-web",
    "omgaan-met-de-wereld-in-de-wijk",
    "samenspannen-tegen-ondermijning",
    "versterken-van-wendbare-nabijheid",
    "de-teams-en-teamchefs-in-positie-brengen",
    "klein-binnen-groot-organiseren",
    "beter-samenspel-ontwikkelen",
    "vernieuwend-werken",
]

PASSWORD = "Wijkagent-Podium-2025!"

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# axe is injected with page.evaluate, which goes through the DevTools protocol and is not
# subject to the page's Content-Security-Policy: no bypass_csp context is needed.
_axe = Axe()


def assert_no_axe_violations(page) -> None:
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.response["passes"], f"axe checked nothing on {page.url}"
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def log_in_with_form(page, url, email: str, password: str):
    """Fill and submit the login form; returns the response to the POST.

    The browser may still be loading the next page: assert with `expect()`, which waits."""
    page.goto(url("/accounts/login/"))
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    with page.expect_response(
        lambda r: r.request.method == "POST" and "/accounts/login/" in r.url
    ) as response:
        page.locator("main form [type=submit]").click()
    return response.value
