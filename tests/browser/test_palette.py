"""The palette as a page starts: a first visit paints in the palette the reader's system asks for, and Material's
script, starting, changes nothing of it (overrides/partials/palette-before-paint.html); a palette the reader chose
is kept from page to page."""

from __future__ import annotations

import pytest

from pagesurvey import open_view

# Records <body>'s colour scheme as the parser reaches the page's content (<main>), long before Material's script
# at the end of the page has loaded: what a first paint can show of the content.
_SCHEME_AT_START = """new MutationObserver((records, observer) => {
  if (!document.querySelector("main")) return;
  window.compactSchemeAtStart = document.body.dataset.mdColorScheme;
  observer.disconnect();
}).observe(document, {childList: true, subtree: true});"""
SCHEME = "document.body.dataset.mdColorScheme"


def asked_for(site, view: str) -> str:
    """The scheme of the palette whose media query a system set to the view's colour scheme matches."""
    toggles = site.page("").select("[data-md-color-media]")
    return next(toggle["data-md-color-scheme"] for toggle in toggles if toggle["data-md-color-media"] == f"(prefers-color-scheme: {view})")


@pytest.mark.parametrize("view", ["light", "dark"])
def test_a_first_visit_paints_in_the_palette_the_system_asks_for(browser, server, site, view):
    context, _ = open_view(browser, server, view)
    context.add_init_script(_SCHEME_AT_START)
    page = context.new_page()
    for url in ["", "partners/", "sign/"]:
        page.goto(url, wait_until="load")
        assert page.evaluate("window.compactSchemeAtStart") == page.evaluate(SCHEME) == asked_for(site, view), url
        page.evaluate("localStorage.clear()")  # each page a first visit
    context.close()


def test_a_palette_chosen_by_the_reader_is_the_one_each_next_page_starts_in(browser, server, site):
    context, _ = open_view(browser, server, "light")
    context.add_init_script(_SCHEME_AT_START)
    page = context.new_page()
    page.goto("", wait_until="load")
    page.locator("form[data-md-component=palette] label:visible").click()  # the switch to the other palette
    chosen = page.evaluate(SCHEME)
    assert chosen == asked_for(site, "dark")
    page.goto("sign/", wait_until="load")
    assert page.evaluate("window.compactSchemeAtStart") == page.evaluate(SCHEME) == chosen
    context.close()
