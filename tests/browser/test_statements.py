"""The statements about this site: accessibility and privacy, each linked from the footer of every page."""

from __future__ import annotations

import re
from urllib.parse import urljoin

# The sections of GOV.UK's sample accessibility statement, in its order (its h2 and h3 headings), from
# https://www.gov.uk/government/publications/sample-accessibility-statement
ACCESSIBILITY_SECTIONS = [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Non-accessible content",
    "Non-compliance with the accessibility regulations",
    "Disproportionate burden",
    "Content that is not within the scope of the accessibility regulations",
    "What we are doing to improve accessibility",
    "Preparation of this accessibility statement",
]
STATEMENTS = {"accessibility/": "Accessibility statement", "privacy/": "Privacy"}


def words(element) -> str:
    """An element's text with white space folded and permalink marks left out."""
    return re.sub(r"\s+", " ", "".join(s for s in element.find_all(string=True) if not s.find_parent(class_="headerlink"))).strip()


def test_every_page_links_to_the_statements_from_its_footer(site):
    for url in site.urls:
        footer = site.page(url).select_one("footer")
        linked = {urljoin(f"/{url}", a["href"]).lstrip("/"): words(a) for a in footer.select("a[href]")}
        assert {target: linked.get(target) for target in STATEMENTS} == STATEMENTS, url


def test_the_accessibility_statement_follows_the_sample_statement(site):
    article = site.page("accessibility/").select_one("article")
    headings = [words(heading) for heading in article.select("h2, h3")]
    assert [heading for heading in headings if heading in ACCESSIBILITY_SECTIONS] == ACCESSIBILITY_SECTIONS
    assert "not yet recorded" in words(article)  # the organisation that runs the site: the seed does not say
    links = {urljoin("/accessibility/", a["href"]) for a in article.select("a[href]")}
    assert {"/privacy/", "/audit/"} <= links


def test_the_privacy_notice_says_what_is_and_is_not_collected(site):
    article = site.page("privacy/").select_one("article")
    headings = [words(heading) for heading in article.select("h2")]
    assert headings[:2] == ["What this website collects", "What it does not do"]
    assert {"What your browser keeps", "What the host may record"} <= set(headings)
