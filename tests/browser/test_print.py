"""On paper: no navigation chrome, every word of the content, the full addresses of links, and the Agreement form
on one A4 page with room to write (Chromium's own PDF output, its pages counted)."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from pagesurvey import open_view, report

_PDF_PAGE = re.compile(rb"/Type\s*/Page\b")  # each page object of a PDF (the page tree is /Pages)
A4 = {"width": "210mm", "height": "297mm"}
MM_PER_CSS_PX = 25.4 / 96
# Room to write by hand: a line of writing wants 8 mm at least, a signature twice that.
ROOM_TO_WRITE_MM = {"compact-form__field--signature": 16, "compact-form__field--text": 8, "compact-form__field--date": 8}


def pdf_pages(pdf: bytes) -> int:
    """How many pages a PDF has."""
    return len(_PDF_PAGE.findall(pdf))


def test_no_page_prints_its_navigation_chrome(survey):
    visits = survey.visits("light")
    assert report(visits, "print_chrome") == []


def test_every_page_prints_all_its_content(survey):
    assert report(survey.visits("light"), "print_hidden_content") == []


def test_links_to_elsewhere_and_within_the_site_print_their_address(survey, site):
    visits = survey.visits("light")
    assert any(url for url in visits if "https://" in " ".join(visits[url].links))  # some page has such links
    within = [a for url in site.urls for a in site.page(url).select("article a[href]") if not a["href"].startswith(("#", "http", "mailto:"))]
    assert len(within) > 100  # and many link within the site
    assert report(visits, "print_hidden_addresses") == []


def test_the_agreement_form_prints_on_one_a4_page_with_room_to_write(browser, server, site):
    context, _ = open_view(browser, server, "light")
    page = context.new_page()
    page.goto("sign/#agreement-form", wait_until="load")  # the form's own address, which the page gives
    page.emulate_media(media="print")
    heights = page.evaluate(
        """() => [...document.querySelectorAll(".compact-form__field")].map(field =>
             [field.className, field.querySelector(".compact-form__space").getBoundingClientRect().height])"""
    )
    pdf = page.pdf(**A4, print_background=True)
    context.close()
    fields = site.page("sign/").select(".compact-form__field")
    assert len(heights) == len(fields) > 0
    for classes, height in heights:
        (kind,) = set(classes.split()) & ROOM_TO_WRITE_MM.keys()
        assert height * MM_PER_CSS_PX >= ROOM_TO_WRITE_MM[kind], (classes, height)
    assert pdf_pages(pdf) == 1


def test_the_signing_page_reached_by_its_agreements_heading_prints_whole(browser, server, site):
    """Partner pages link to the Agreement's heading (sign/#agreement): printed from there, the page prints
    whole, the Agreement on a page of its own, and only the form's own address prints the form alone."""
    links = [a["href"] for url in site.urls if url.startswith("partners/") for a in site.page(url).select("article a[href$='sign/#agreement']")]
    assert links, "partner pages link to the Agreement"
    context, _ = open_view(browser, server, "light")
    page = context.new_page()
    page.goto("sign/#agreement", wait_until="load")
    page.emulate_media(media="print")
    shown = page.evaluate("() => [...document.querySelectorAll('article h2')].filter(h => h.checkVisibility()).map(h => h.id)")
    context.close()
    headings = [heading["id"] for heading in site.page("sign/").select("article h2[id]")]
    assert shown == headings and "agreement" in shown


def heading_text(heading) -> str:
    """A heading's words, without its permalink mark."""
    return " ".join(part.strip() for part in heading.find_all(string=True) if not part.find_parent(class_="headerlink")).strip()


def reading_order(site, first: str, last: str) -> list[str]:
    """The pages from first up to (not including) last, following each page's link to the next page."""
    order, url = [], first
    while url != last:
        order.append(url)
        url = urljoin(f"/{url}", site.page(url).select_one("link[rel=next]")["href"]).lstrip("/")
    return order


def test_the_whole_compact_holds_every_part_in_reading_order(site):
    whole = "compact/whole/"
    parts = [url for url in reading_order(site, "compact/", whole) if url.startswith("compact/")]
    titles = [heading_text(site.page(url).select_one("article h1")) for url in parts]
    headings = [heading_text(heading) for heading in site.page(whole).select("article :is(h2, h3)")]
    assert len(parts) > 1
    assert [heading for heading in headings if heading in titles] == titles


def test_the_whole_compact_prints_as_one_document(browser, server):
    context, _ = open_view(browser, server, "light")
    page = context.new_page()
    page.goto("compact/whole/", wait_until="load")
    whole = page.pdf(**A4)
    page.goto("compact/", wait_until="load")
    first_part = page.pdf(**A4)
    context.close()
    assert pdf_pages(whole) > pdf_pages(first_part) >= 1


def test_the_agreement_form_with_a_long_organisation_name_still_prints_on_one_a4_page(browser, server, compact):
    """A partner's kit links to the form with its name: the longest name in the data, filled in, keeps one page."""
    partner = max(compact.partners, key=lambda p: len(p.name))
    context, _ = open_view(browser, server, "light")
    page = context.new_page()
    page.goto(f"partners/{partner.slug}/", wait_until="load")
    with page.expect_navigation():
        page.get_by_role("link", name=f"Print the Compact Agreement with {partner.name} filled in").click()
    page.emulate_media(media="print")
    assert page.locator(".compact-form__field--filled .compact-form__space").inner_text() == partner.name
    pdf = page.pdf(**A4)  # as browsers print by default: no background graphics
    context.close()
    assert pdf_pages(pdf) == 1
