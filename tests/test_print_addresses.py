"""Links within the site carry their full address for paper (compact_site.print_addresses); other links do not."""

from __future__ import annotations

from compact_site.print_addresses import with_print_addresses

PAGE = "https://compact.example/partners/vast/"


def test_a_link_within_the_site_gets_its_full_address():
    html = '<p><a href="../../sign/#agreement">sign</a> and <a class="x" href="../">partners</a></p>'
    assert with_print_addresses(html, PAGE) == (
        '<p><a href="../../sign/#agreement" data-print-address="https://compact.example/sign/#agreement">sign</a>'
        ' and <a class="x" href="../" data-print-address="https://compact.example/partners/">partners</a></p>'
    )


def test_links_elsewhere_within_the_page_and_lookalike_attributes_are_left_alone():
    html = (
        '<a href="https://www.gov.uk/">GOV.UK</a><a href="mailto:a@b.example">mail</a><a href="//cdn.example/x">x</a>'
        '<a href="#top">top</a><a href="">here</a><a data-href="../x/">no href</a>'
    )
    assert with_print_addresses(html, PAGE) == html


def test_without_a_site_address_the_path_from_the_site_root_is_printed():
    assert 'data-print-address="/principles/"' in with_print_addresses('<a href="../../principles/">p</a>', "/partners/vast/")
