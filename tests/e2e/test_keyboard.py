"""The portal can be used with a keyboard alone, and focus is always visible."""

import pytest
from playwright.sync_api import expect

from .helpers import E2E

pytestmark = E2E

# More Tab presses than any page here has focusable elements; the loops stop earlier.
MAX_TABS = 100


def focused_href(page) -> str | None:
    return page.evaluate("document.activeElement.getAttribute('href')")


def test_first_tab_focuses_the_skip_link(page, url):
    page.goto(url("/opgaven/"))
    page.keyboard.press("Tab")

    skip_link = page.locator("a[href='#inhoud']")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_role("link")
    expect(skip_link).to_be_in_viewport()  # it is off-screen until focused


def test_skip_link_moves_focus_to_main_content(page, url):
    page.goto(url("/opgaven/"))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    main = page.locator("main#inhoud")
    expect(page).to_have_url(url("/opgaven/#inhoud"))
    expect(main).to_be_focused()
    expect(main).to_be_in_viewport()
    # The next Tab continues inside the main content, not in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('inhoud').contains(document.activeElement)")


def test_main_navigation_works_by_keyboard(page, url):
    page.goto(url("/"))
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused_href(page) == "/opgaven/":
            break
    nav_link = page.locator("header nav a[href='/opgaven/']")
    expect(nav_link).to_be_focused()
    expect(nav_link).not_to_have_attribute("aria-current", "page")

    page.keyboard.press("Enter")

    expect(page).to_have_url(url("/opgaven/"))
    expect(page.locator("header nav a[href='/opgaven/']")).to_have_attribute(
        "aria-current", "page"
    )


def test_every_focused_element_shows_a_focus_indicator(page, url):
    page.goto(url("/"))
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (el === document.body) return null;
                const style = getComputedStyle(el);
                return {
                    element: el.outerHTML.slice(0, 120),
                    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
                    shadow: style.boxShadow !== "none",
                };
            }"""
        )
        if focused is None or (seen and focused["element"] == seen[0]["element"]):
            break  # focus left the page or wrapped around: every element has been visited
        seen.append(focused)
    else:
        pytest.fail(f"focus did not leave the page after {MAX_TABS} Tab presses")

    assert any(f["element"].startswith("<a") for f in seen), "Tab reached no link"
    invisible = [f["element"] for f in seen if not (f["outline"] or f["shadow"])]
    assert not invisible, f"focused without a visible indicator: {invisible}"
