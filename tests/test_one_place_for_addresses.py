"""The site map (compact_site/sitemap.py) is the one place that spells an entry's address: no template or other
module of the core makes one from a slug, so a change of address scheme is one change, checked by one test."""

from __future__ import annotations

import re

from sitebuild import ROOT

CORE = ROOT / "hooks" / "compact_site"
# A folder of entries followed by something that puts a slug or a page number after it: "partners/{{", f"…/{slug",
# "principles/" ~ principle.slug.
ADDRESS_FROM_A_SLUG = re.compile(r"""(?:partners|principles|objectives|by-type)/(?:\{\{|\{[a-z_]|["'] ~)""")


def test_no_template_or_module_but_the_site_map_makes_an_entrys_address():
    sources = [*CORE.glob("*.py"), *(CORE / "templates").glob("*.j2")]
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sources
        if path.name != "sitemap.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if ADDRESS_FROM_A_SLUG.search(line)
    ]
    assert found == []


def test_the_check_would_see_an_address_spelled_by_hand():
    assert ADDRESS_FROM_A_SLUG.search('[x](../partners/{{ partner.slug }}.md)')
    assert ADDRESS_FROM_A_SLUG.search('f"{site_url}principles/{principle.slug}/"')
    assert ADDRESS_FROM_A_SLUG.search('root ~ "principles/" ~ principle.slug')
    assert not ADDRESS_FROM_A_SLUG.search("[the directory](../partners/index.md)")
