"""With JavaScript off, every page reads in full, its navigation shows and every link leads somewhere."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from pagesurvey import open_view


def test_every_page_reads_the_same_without_javascript(survey):
    with_scripts, without = survey.visits("light"), survey.visits("no-javascript")
    assert [url for url in survey.urls if not without[url].text.strip()] == []
    assert [url for url in survey.urls if without[url].text != with_scripts[url].text] == []


def test_the_navigation_shows_without_javascript(survey):
    with_scripts, without = survey.visits("light"), survey.visits("no-javascript")
    assert any(visit.visible_nav_links for visit in without.values())
    assert {url: without[url].visible_nav_links for url in survey.urls} == {url: with_scripts[url].visible_nav_links for url in survey.urls}


def test_every_link_leads_to_a_page_and_place_that_exist(survey, site, server):
    site_host = urlsplit(server).netloc
    broken = []
    for url, visit in survey.visits("no-javascript").items():
        for link in visit.links:
            parts = urlsplit(link)
            if parts.netloc != site_host:
                if parts.scheme not in ("https", "http", "mailto", "tel"):  # tel: the Compact's telephone numbers
                    broken.append(f"/{url}: {link}: not an address a reader can follow")
                continue
            path = unquote(parts.path).lstrip("/")
            file = site.root / path / "index.html" if path == "" or path.endswith("/") else site.root / path
            if not file.is_file():
                broken.append(f"/{url}: {link}: no such file")
            elif parts.fragment and file.name == "index.html":
                target = file.parent.relative_to(site.root).as_posix()
                if site.page("" if target == "." else target).find(id=unquote(parts.fragment)) is None:
                    broken.append(f"/{url}: {link}: no such place on the page")
    assert broken == []


def test_the_menu_opens_without_javascript_on_a_narrow_screen(browser, server):
    # Reduced motion (which Material honours): the drawer opens at once, with no transition to wait for.
    context, _ = open_view(browser, server, "narrow", java_script_enabled=False, reduced_motion="reduce")
    page = context.new_page()
    page.goto("compact/")  # the home page has no side menu to open
    first_link = page.locator(".md-sidebar--primary a.md-nav__link").first
    in_view = "a => a.checkVisibility({visibilityProperty: true}) && a.getBoundingClientRect().left >= 0"
    assert not first_link.evaluate(in_view)  # the drawer is shut (off the screen's edge)
    page.locator(".md-header label[for='__drawer']").click()
    assert first_link.evaluate(in_view)
    first_link.focus()  # not click(): Playwright's wait for a still element needs the page's scripts
    with page.expect_navigation():
        page.keyboard.press("Enter")
    context.close()
