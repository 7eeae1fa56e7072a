"""The error pages in a real browser: no axe violations, and no horizontal scroll at
320 px (the layout of every other page). The live server runs with DEBUG off."""

import pytest

from .helpers import E2E, assert_no_axe_violations

pytestmark = E2E


@pytest.mark.parametrize("path", ["/bestaat-niet/", "/voorbeelden/bestaat-niet/"])
def test_the_404_page_is_accessible_and_reflows(page, url, path):
    response = page.goto(url(path))
    assert response.status == 404
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_404_page_for_a_logged_in_colleague_is_accessible(logged_in_page, url):
    response = logged_in_page.goto(url("/gesprekken/999999/"))
    assert response.status == 404
    assert_no_axe_violations(logged_in_page)
