"""Everything by keyboard alone: focus always visible and never hidden, the menu and the search usable."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from pagesurvey import VIEWS, open_view

MAX_TAB_STOPS = 400  # far more than any page has: a page that never lets focus go round fails, not hangs
# The header's menu button that docs/javascripts/narrow-menu.js puts in the place of Material's label, with
# JavaScript on; without it the label stays.
MENU_BUTTON = ".md-header button.compact-menu-button"
MENU_LABEL = ".md-header label[for='__drawer']"
DRAWER_OPEN = "document.getElementById('__drawer').checked"
# The button that the same script puts in the place of the label of the page's contents in the menu.
CONTENTS_BUTTON = ".md-sidebar--primary [aria-controls='compact-page-contents']"

# Where focus is and whether a sighted keyboard user can see it: a ring (outline of 2px or more) on the
# element, on the label that stands for a hidden radio button (Material's palette switch), and the
# element not covered by anything at the centre of its part in view (WCAG 2.4.7 Focus Visible, 2.4.11 Focus Not
# Obscured).
_FOCUS = """() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  const shown = focused.matches(".md-option") ? focused.nextElementSibling : focused;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  // The middle of the part in the viewport: a tall field taking focus is scrolled only as far as its caret.
  const [left, right] = [Math.max(box.left, 0), Math.min(box.right, innerWidth)];
  const [upper, lower] = [Math.max(box.top, 0), Math.min(box.bottom, innerHeight)];
  const top = left < right && upper < lower ? document.elementFromPoint((left + right) / 2, (upper + lower) / 2) : null;
  return {
    name: `${focused.tagName.toLowerCase()} ${(focused.innerText || focused.getAttribute("aria-label") || "").trim().slice(0, 40)}`,
    href: focused.getAttribute("href"),
    menu: focused.closest(".md-sidebar--primary") !== null,
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    seen: shown.checkVisibility({visibilityProperty: true, opacityProperty: true}) && box.width > 0 && box.height > 0,
    uncovered: top !== null && (shown.contains(top) || top.contains(shown)),
  };
}"""


# With the page's scripts on, a stop that does not yet look seen is read again once its transitions have finished:
# Material fades the skip link in and the search overlay out, opens the search when its field takes focus, and
# the site's menu shuts as focus leaves it (two frames on, the scripts have started those transitions). What the
# scripts do as focus moves reveals the focused element, never hides it: a stop seen at once is seen. With
# scripts off, no timer or frame callback runs, this wait included.
_SETTLE = """async () => {
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const finite = document.getAnimations().filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map(animation => animation.finished.catch(() => null)));  // a cancelled one rejects
}"""
# Both in one call into the browser, for a stop read again.
_SETTLED_FOCUS = f"""async () => {{ await ({_SETTLE})(); return ({_FOCUS})(); }}"""


# Whether the focused element is a button that says it is collapsed or expanded (aria-expanded), and the
# addresses of the links it controls (aria-controls) that can be seen.
_DISCLOSURE = """() => {
  const focused = document.activeElement;
  const controlled = document.getElementById(focused.getAttribute("aria-controls") ?? "");
  return {
    button: focused.tagName === "BUTTON",
    expanded: focused.getAttribute("aria-expanded"),
    shown: controlled ? [...controlled.querySelectorAll("a[href]")]
      .filter(a => a.checkVisibility({visibilityProperty: true, opacityProperty: true}))
      .map(a => a.getAttribute("href")) : null,
  };
}"""


# What can take focus in a page's content, by kind: a link, or a control of the form and type it is.
FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]"


@pytest.fixture(scope="module")
def kinds(site) -> list[str]:
    """One page of each kind: the first of the pages that share their place in the site (the home page, a page of
    the top level, or a section's page at its depth, which decides the menu and the chrome) and the kinds of control
    that can take focus in their content (links, a search field, copy buttons, a text area...). Found once for the
    tests that walk them.

    Pages that other changes add are taken in: a page with a new kind of control is a kind of its own.
    """
    def kind(url: str) -> tuple:
        parts = url.strip("/").split("/") if url else []
        section = parts[0] if parts and any(other != url and other.startswith(f"{parts[0]}/") for other in site.urls) else ""
        article = site.page(url).select_one("article")
        controls = {(element.name, element.get("type", "")) for element in article.select(FOCUSABLE)} if article else set()
        return section, len(parts), tuple(sorted(controls))

    first_of_kind: dict[tuple, str] = {}
    for url in site.urls:
        first_of_kind.setdefault(kind(url), url)
    return list(first_of_kind.values())


@pytest.fixture(scope="module")
def tab(browser, server):
    """A browser tab of a view (pagesurvey.VIEWS) with any other options, kept for this module's tests, each of
    which opens its pages in it afresh: a new tab costs Chromium a new renderer; a page opened in a kept tab does not.
    Each test gets the tab on a blank page at the view's own size. No test here chooses a palette or stores anything."""
    opened = {}

    def opener(view: str, **options):
        key = (view, repr(sorted(options.items())))
        if key not in opened:
            context, _ = open_view(browser, server, view, **options)
            opened[key] = context.new_page()
        page = opened[key]
        page.goto("about:blank")
        page.set_viewport_size(VIEWS[view]["viewport"])  # a test may set another size for itself
        return page

    yield opener
    for page in opened.values():
        page.context.close()


def open_page(page, url: str, *, scripts: bool = True) -> None:
    """Open a page and let its scripts start: Material's and this site's run before the load event (none is
    deferred, and the search index comes only on demand), and two frames on their transitions have finished."""
    page.goto(url, wait_until="load")
    if scripts:
        page.evaluate(_SETTLE)


def tab_stops(page, *, scripts: bool = True, menu_only: bool = False) -> list[dict]:
    """Tab from where focus is until it leaves the page: where focus went, and whether it could be seen.

    With menu_only, Tab until focus leaves the menu: its stops, and the first stop after them.
    Without scripts, nothing waits for transitions: open the view with reduced motion, which Material honours.
    """
    stops = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(_FOCUS)
        if stop is None:
            return stops
        if scripts and not is_seen(stop):
            stop = page.evaluate(_SETTLED_FOCUS)
        stops.append(stop)
        if menu_only and not stop["menu"]:
            return stops
    raise AssertionError(f"focus never left the page after {MAX_TAB_STOPS} presses of Tab")


def tab_to(page, selector: str) -> None:
    """Press Tab until the element matching selector has focus (none, if it has: the opening menu gives its first
    stop focus)."""
    for _ in range(MAX_TAB_STOPS):
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def is_seen(stop: dict) -> bool:
    """Whether focus could be seen at a stop: a ring, shown, and not covered."""
    return stop["ring"] and stop["seen"] and stop["uncovered"]


def unseen(url: str, stops: list[dict]) -> list[str]:
    """The stops where focus could not be seen: no ring, hidden, or covered."""
    return [f"/{url}: {stop['name']}: {stop}" for stop in stops if not is_seen(stop)]


def menu_links(page) -> list[str]:
    """The addresses of a built page's menu, other than the page's own: other pages, and its own contents list."""
    links = page.select(".md-sidebar--primary a.md-nav__link[href]")
    return [a["href"] for a in links if a["href"] not in ("./", ".")]


def contents_links(page) -> list[str]:
    """The addresses of the page's own contents list in a built page's menu (only a page of the menu has one)."""
    return [a["href"] for a in page.select(".md-sidebar--primary .md-nav--secondary a[href]")]


def open_menu_by_keyboard(page) -> None:
    """Tab to the header's menu button and press Enter, and let the drawer finish opening."""
    tab_to(page, MENU_BUTTON)
    page.keyboard.press("Enter")
    page.evaluate(_SETTLE)


@pytest.mark.parametrize("view", ["light", "narrow"])
def test_focus_is_always_visible_on_every_kind_of_page(tab, server, site, view, kinds):
    # Reduced motion (which Material honours) ends each transition at once: the ring is the same, the walk quicker.
    page = tab(view, reduced_motion="reduce")
    found = []
    for url in kinds:
        open_page(page, url)
        stops = tab_stops(page)
        assert stops[0]["name"] == f"a {site.page(url).select_one('a.md-skip').get_text(strip=True)}", url
        found += unseen(url, stops)
    assert found == []


def test_tab_reaches_every_menu_link_in_view_without_javascript_on_a_narrow_screen(tab, server, site, kinds):
    """Without JavaScript the menu button and the label of the page's contents answer no key: Tab itself must
    bring each link of the menu, the page's contents list included, into view."""
    page = tab("narrow", java_script_enabled=False, reduced_motion="reduce")
    found, missed = [], []
    assert any(contents_links(site.page(url)) for url in kinds)  # a page whose contents list is in its menu
    for url in kinds:
        page.goto(url)
        closed = page.locator(".md-sidebar--primary").bounding_box()
        assert closed["x"] + closed["width"] <= 0, url  # the menu starts shut, out of view
        stops = tab_stops(page, scripts=False)
        found += unseen(url, stops)
        reached = {stop["href"] for stop in stops if stop["menu"]}
        expected = menu_links(site.page(url))
        assert len(set(expected) - set(contents_links(site.page(url)))) > 5, url  # the whole menu, not the contents alone
        missed += [f"/{url}: {href}" for href in expected if href not in reached]
    assert found == []
    assert missed == []


def test_skip_link_moves_to_the_content(tab, server, site):
    page = tab("light")
    url = site.urls[0]
    open_page(page, url)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    target = site.page(url).select_one("a.md-skip")["href"]
    assert page.evaluate("location.hash") == target
    page.keyboard.press("Tab")  # the next stop is in the content, after the heading skipped to
    assert page.evaluate("document.activeElement.closest('article') !== null")


@pytest.mark.parametrize("view", ["light", "narrow"])
def test_search_finds_a_partner_and_opens_its_page_by_keyboard(tab, server, compact, view):
    partner = compact.partners[0]
    page = tab(view)
    open_page(page, "")
    tab_to(page, "input.md-search__input")
    page.keyboard.type(partner.name)
    # The results follow each key typed: wait for those of the whole name, whose first is the partner's page.
    first = page.locator(".md-search-result__item").first.locator("a.md-search-result__link")
    expect(first).to_have_attribute("href", re.compile(rf"partners/{re.escape(partner.slug)}/"))
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('.md-search-result__link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("?")[0] == f"{server}partners/{partner.slug}/"


def test_menu_opens_by_keyboard_on_a_narrow_screen(tab, server):
    page = tab("narrow")
    open_page(page, "compact/")  # a page within a section: the menu opens with it
    tab_to(page, MENU_BUTTON)
    assert not page.evaluate(DRAWER_OPEN)
    page.keyboard.press("Enter")
    assert page.evaluate(DRAWER_OPEN)
    first_nav_link = page.locator(".md-sidebar--primary a.md-nav__link").first.inner_text().strip()  # while it shows
    stops = [page.evaluate(_FOCUS), *tab_stops(page)]  # where the opening drawer put focus, then each Tab on
    nav_stops = [stop for stop in stops if stop["name"].startswith("a ") and stop["seen"]]
    assert any(stop["name"] == f"a {first_nav_link}" for stop in nav_stops)


def test_the_pages_contents_open_from_the_menu_by_keyboard_on_a_narrow_screen(tab, server, site, kinds):
    """In the open menu the page's own item is a button, collapsed; Enter or Space opens the page's contents
    below it, in view, and closes them again, and Tab walks the contents in view."""
    page = tab("narrow")
    urls = [url for url in kinds if contents_links(site.page(url))]
    assert urls
    found, missed = [], []
    for url in urls:
        expected = contents_links(site.page(url))
        closed, opened = {"button": True, "expanded": "false", "shown": []}, {"button": True, "expanded": "true", "shown": expected}
        open_page(page, url)
        open_menu_by_keyboard(page)
        tab_to(page, CONTENTS_BUTTON)
        assert page.evaluate(_DISCLOSURE) == closed, url
        for key, state in [("Enter", opened), ("Space", closed), ("Space", opened)]:
            page.keyboard.press(key)
            page.evaluate(_SETTLE)
            assert page.evaluate(_DISCLOSURE) == state, f"/{url}: {key}"
            found += unseen(url, [page.evaluate(_FOCUS)])  # the button, never covered by what it opens
        stops = tab_stops(page, menu_only=True)
        found += unseen(url, stops)
        reached = {stop["href"] for stop in stops}
        missed += [f"/{url}: {href}" for href in expected if href not in reached]
    assert found == []
    assert missed == []


def test_the_open_menu_hides_no_focus_on_a_narrow_screen(tab, server, site, kinds):
    """Opened from its button by keyboard, the drawer covers that button: focus moves into the drawer, every stop
    in it is in view, and the drawer shuts as focus leaves it, so that the next stop is in view too."""
    page = tab("narrow")
    found = []
    for url in kinds:
        open_page(page, url)
        open_menu_by_keyboard(page)
        first = page.evaluate(_FOCUS)
        assert first["menu"], f"/{url}: focus stayed on {first['name']}"
        stops = [first, *tab_stops(page, menu_only=True)]
        found += unseen(url, stops)
        assert not stops[-1]["menu"] and not page.evaluate(DRAWER_OPEN), url
    assert found == []


@pytest.mark.parametrize("key", ["Escape", "Shift+Tab"])
def test_the_open_menu_gives_focus_back_on_a_narrow_screen(tab, server, key):
    """Escape, or Shift+Tab from the menu's first stop, shuts the menu; Escape gives focus back to its button."""
    page = tab("narrow")
    open_page(page, "compact/governance/")
    open_menu_by_keyboard(page)
    page.keyboard.press(key)
    page.evaluate(_SETTLE)
    assert not page.evaluate(DRAWER_OPEN)
    stop = page.evaluate(_FOCUS)
    assert unseen("compact/governance/", [stop]) == []
    if key == "Escape":
        assert page.evaluate("selector => document.activeElement.matches(selector)", MENU_BUTTON)


@pytest.mark.parametrize("how", ["Enter", "Space", "click"])
def test_the_menu_button_is_a_button_that_says_whether_the_menu_is_open(tab, server, site, how):
    """WCAG 4.1.2 at 320 px: the header's menu control is a button named "Menu" (not a label, which a screen
    reader heard as text), it controls the menu's navigation, and says whether the menu is open."""
    page = tab("narrow")
    url = "compact/governance/"
    open_page(page, url)
    header = page.locator(".md-header")
    menu = header.get_by_role("button", name="Menu", exact=True)  # as the accessibility tree has it
    assert menu.count() == 1
    assert menu.get_attribute("aria-expanded") == "false"
    assert header.get_by_role("button", name="Menu", exact=True, expanded=False).count() == 1
    controlled = menu.evaluate("button => document.getElementById(button.getAttribute('aria-controls'))?.closest('.md-sidebar--primary') !== null")
    assert controlled  # the drawer's navigation
    links = page.locator(f"#{menu.get_attribute('aria-controls')} a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert set(menu_links(site.page(url))) <= set(links)
    if how == "click":
        menu.click()
    else:
        tab_to(page, MENU_BUTTON)
        page.keyboard.press(how)
    page.evaluate(_SETTLE)
    assert page.evaluate(DRAWER_OPEN)
    assert menu.get_attribute("aria-expanded") == "true"
    assert header.get_by_role("button", name="Menu", exact=True, expanded=True).count() == 1
    page.keyboard.press("Escape")
    page.evaluate(_SETTLE)
    assert not page.evaluate(DRAWER_OPEN)
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("selector => document.activeElement.matches(selector)", MENU_BUTTON)


def test_the_menu_button_follows_the_drawer_however_it_shuts(tab, server):
    """Material's script, the shade beside the open drawer and focus leaving it shut the drawer too: the button
    says so each time."""
    page = tab("narrow")
    open_page(page, "compact/governance/")
    menu = page.locator(MENU_BUTTON)
    for shut in ["document.querySelector('.md-overlay').click()", "document.getElementById('__drawer').click()"]:
        menu.click()
        page.evaluate(_SETTLE)
        assert menu.get_attribute("aria-expanded") == "true"
        page.evaluate(shut)
        page.evaluate(_SETTLE)
        assert not page.evaluate(DRAWER_OPEN)
        assert menu.get_attribute("aria-expanded") == "false", shut


@pytest.mark.parametrize("scripts", [True, False], ids=["javascript", "no-javascript"])
def test_the_menu_has_one_tab_stop_on_a_narrow_screen_and_none_without_javascript(tab, server, scripts):
    """With the button in its place, the label takes no focus: Tab through the header meets the menu once, on
    the button. Without JavaScript no key works the label, so Tab does not stop on it at all (it walks into the
    drawer instead: see the test above)."""
    page = tab("narrow", java_script_enabled=scripts)
    open_page(page, "compact/governance/", scripts=scripts)
    # The focused element of the header: which of the menu's controls it is, or its tag and classes.
    focused = f"""() => {{
      const focused = document.activeElement;
      if (!focused.closest(".md-header")) return null;
      if (focused.matches("{MENU_BUTTON}")) return "menu button";
      if (focused.matches("[for='__drawer']")) return "menu label";
      return `${{focused.tagName.toLowerCase()}}.${{[...focused.classList].join(".")}}`;
    }}"""
    stops = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(focused)
        if stop is not None:
            stops.append(stop)
        elif stops:
            break  # Tab has gone through the header and out of it
    assert [stop for stop in stops if stop.startswith("menu ")] == (["menu button"] if scripts else []), stops
    assert page.locator(MENU_LABEL).is_visible() != scripts


@pytest.mark.parametrize("width", [320, 1219, 1220, 1280])
def test_the_menu_button_shows_exactly_where_the_label_does_without_javascript(tab, server, width):
    """Material hides its menu label at 76.25em (1220 px) and wider, where the navigation is a sidebar: the button
    in its place shows where the label shows without JavaScript, and a wide screen has no menu button at all."""
    shown = {}
    for scripts, control in [(True, MENU_BUTTON), (False, MENU_LABEL)]:
        page = tab("narrow", java_script_enabled=scripts)
        page.set_viewport_size({"width": width, "height": 640})
        open_page(page, "compact/governance/", scripts=scripts)
        shown[scripts] = page.locator(control).is_visible()
        if scripts:
            assert page.locator(control).count() == 1  # there, hidden or not
            assert not page.locator(MENU_LABEL).is_visible()
            assert page.locator(".md-header").get_by_role("button", name="Menu", exact=True).count() == int(shown[scripts])
    assert shown[True] == shown[False] == (width < 1220)


# The transform of the arrow of the focused button: "none" pointing to the side, a rotation pointing down.
_ARROW = "() => getComputedStyle(document.activeElement.querySelector('.md-nav__icon'), '::after').transform"


def section_toggles(page) -> dict[str, list[str]]:
    """Material's section toggles in a built page's menu (labels with a Tab stop), by their id: the addresses
    of the section's own items, each a page or a section of its own, other than the page itself (on a narrow
    screen, its item is the button of its contents)."""
    found = {}
    for label in page.select(".md-nav--primary label.md-nav__link[tabindex][id]"):
        items = page.select_one(f'nav[aria-labelledby="{label["id"]}"]').select(":scope > ul > li")
        links = [a["href"] for item in items for a in item.select(":scope > a[href], :scope > .md-nav__container > a[href]")]
        found[label["id"]] = [href for href in links if href not in ("./", ".")]
    return found


@pytest.mark.parametrize("view", ["light", "narrow"])
def test_each_section_of_the_menu_opens_from_a_button_that_says_whether_it_is_open(tab, server, site, view, kinds):
    """WCAG 4.1.2 on a wide and a narrow screen: the control that opens a section of the menu is a button (not
    Material's label, which a screen reader heard as text), it says whether the section is open and controls the
    section's list; Enter and Space close and open it, its links shown only while it is open (the list saying so
    where it carries aria-expanded), and its arrow points down while the list is open below it and to the side
    when it is shut."""
    page = tab(view)
    urls = [url for url in kinds if section_toggles(site.page(url))]
    assert urls  # a page within a section, whose section is open in its menu
    for url in urls:
        open_page(page, url)
        if view == "narrow":
            open_menu_by_keyboard(page)
        for label_id, items in section_toggles(site.page(url)).items():
            assert items, f"/{url}: {label_id}"
            assert not page.locator(f"#{label_id}").is_visible(), f"/{url}: the label shows beside its button"
            tab_to(page, f".md-sidebar--primary button[aria-controls]:has(+ #{label_id})")
            opened = page.evaluate(_DISCLOSURE)
            assert opened["button"] and opened["expanded"] == "true", f"/{url}: {label_id}: {opened}"
            assert set(items) <= set(opened["shown"]), f"/{url}: {label_id}"
            assert page.evaluate(_ARROW) != "none", f"/{url}: {label_id}"
            for key, expanded in [("Enter", "false"), ("Space", "true")]:
                page.keyboard.press(key)
                page.evaluate(_SETTLE)
                state = page.evaluate(_DISCLOSURE)
                assert state["expanded"] == expanded, f"/{url}: {label_id}: {key}"
                assert (state["shown"] == []) == (expanded == "false"), f"/{url}: {label_id}: {key}: {state['shown']}"
                assert (page.evaluate(_ARROW) == "none") == (expanded == "false"), f"/{url}: {label_id}: {key}"
                listed = page.locator(f'nav[aria-labelledby="{label_id}"]').get_attribute("aria-expanded")
                assert listed in (None, expanded), f"/{url}: {label_id}: {key}: the section's list says {listed}"


def test_a_contents_link_chosen_in_the_menu_shuts_it_and_focus_goes_on_from_its_heading(tab, server, site, kinds):
    """On a narrow screen, a link of the page's contents chosen in the menu by keyboard shuts the menu and shows
    its heading below the header; the next Tab goes on from that heading, in view, not into the shut menu."""
    page = tab("narrow")
    url = next(url for url in kinds if contents_links(site.page(url)))
    target = contents_links(site.page(url))[-1]  # the last, far down the page: the page must move to it
    open_page(page, url)
    open_menu_by_keyboard(page)
    tab_to(page, CONTENTS_BUTTON)
    page.keyboard.press("Enter")
    tab_to(page, f".md-sidebar--primary .md-nav--secondary a[href='{target}']")
    page.keyboard.press("Enter")
    page.evaluate(_SETTLE)
    assert not page.evaluate(DRAWER_OPEN)
    heading = page.evaluate(
        """id => {
          const box = document.getElementById(id).getBoundingClientRect();
          return {below_header: box.top >= document.querySelector(".md-header").getBoundingClientRect().bottom - 1, on_screen: box.bottom <= innerHeight};
        }""",
        target.removeprefix("#"),
    )
    assert heading == {"below_header": True, "on_screen": True}, f"/{url}{target}"
    page.keyboard.press("Tab")
    stop = page.evaluate(_SETTLED_FOCUS)
    assert not stop["menu"] and unseen(url, [stop]) == [], stop
    after = "id => { const heading = document.getElementById(id); return heading.contains(document.activeElement) || Boolean(heading.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING); }"
    assert page.evaluate(after, target.removeprefix("#")), f"/{url}{target}: {stop}"
