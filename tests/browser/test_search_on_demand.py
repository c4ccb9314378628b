"""The search index is fetched only when a reader searches, and search then works: by keyboard and by touch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

INDEX = "search/search_index.json"


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def requested(page: Page) -> list[str]:
    """Every URL the page requests from now on (the list grows as it does)."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def index_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if url.endswith(INDEX)]


def test_no_page_load_fetches_the_search_index(page: Page, site):
    urls = requested(page)
    for url in ("", "partners/", "principles/", "sign/"):
        page.goto(url, wait_until="networkidle")
    assert urls and not index_requests(urls)


def test_the_keyboard_shortcut_fetches_the_index_once_and_finds_a_partner(page: Page, compact):
    partner = compact.partners[-1]
    urls = requested(page)
    page.goto("", wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type(partner.name)
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=10_000)
    assert partner.name in result.inner_text()
    assert len(index_requests(urls)) == 1


def test_opening_search_by_touch_on_a_narrow_screen_fetches_the_index(browser: Browser, server: str):
    context = browser.new_context(base_url=server, viewport={"width": 320, "height": 640}, has_touch=True)
    page = context.new_page()
    urls = requested(page)
    page.goto("", wait_until="networkidle")
    assert not index_requests(urls)
    # The page is idle already, so waiting for idleness would not wait: wait for the request the tap must make.
    with page.expect_request(lambda request: request.url.endswith(INDEX), timeout=10_000):
        page.locator("label.md-header__button[for=__search]").tap()
    page.wait_for_timeout(500)  # time for a second request, which must not come
    assert len(index_requests(urls)) == 1
    context.close()


def test_a_page_opened_from_a_search_result_gets_the_index_to_highlight_the_words(page: Page, compact):
    partner = compact.partners[0]
    word = partner.name.split()[0]
    urls = requested(page)
    page.goto(f"partners/{partner.slug}/?h={word}", wait_until="networkidle")
    assert len(index_requests(urls)) == 1
    marks = page.locator("article mark")
    marks.first.wait_for(timeout=10_000)  # Material marks the words once the index has come
    assert word.casefold() in {text.casefold() for text in marks.all_inner_texts()}
