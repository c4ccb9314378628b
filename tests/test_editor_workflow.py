"""The editors' workflow: fresh schemas, an address list that new pages join and none leaves, a check that finds
what the build refuses, renames that keep links, inert hostile text, edit links to the real source and
byte-identical builds. (The preview: tests/test_preview_hooks.py.)"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.exceptions import Abort

from compact_site.loading import load_compact
from compact_site.schemas import schema_files
from hostile_data import HOSTILE_PROSE, HOSTILE_TITLE, UNUSUAL_NAMES
from running_scripts import run_script
from sitebuild import ROOT, build_site, copy_project


def words(element) -> str:
    """An element's text as a reader sees it, without the ¶ of a heading's permalink."""
    return re.sub(r"\s+", " ", element.get_text("")).strip().removesuffix("¶").strip()


# --- Committed files kept up to date ---------------------------------------------------------------


@pytest.fixture(scope="module")
def schemas() -> dict[str, str]:
    return schema_files(load_compact(ROOT / "data"))


def test_the_committed_schemas_match_the_model_and_the_data(schemas):
    for name, text in schemas.items():
        committed = ROOT / "schemas" / name
        assert committed.exists() and committed.read_text(encoding="utf-8") == text, f"run scripts/schemas --update ({name})"


def test_each_data_file_names_its_schema_for_editors_ides(schemas):
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    for name in schemas:
        data_file = name.replace(".schema.json", ".yml")
        first_line = (ROOT / "data" / data_file).read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../schemas/{name}"
        assert settings[f"./schemas/{name}"] == f"data/{data_file}"
    assert len(settings) == len(schemas)
    assert "redhat.vscode-yaml" in json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]


def test_the_schemas_carry_the_files_own_lists_and_the_address_rule(schemas):
    compact = load_compact(ROOT / "data")
    partner = json.loads(schemas["partners.schema.json"])["$defs"]["Partner"]["properties"]
    assert partner["type"]["enum"] == [kind.key for kind in compact.partners_file.types]
    assert partner["sector"]["enum"] == ["public", "private", "vcs"] and partner["name"]["maxLength"] == 200
    principle = json.loads(schemas["principles.schema.json"])["$defs"]["Principle"]["properties"]
    assert principle["objective"]["enum"] == [objective.number for objective in compact.objectives]
    assert principle["commits"]["items"]["enum"] == [party.key for party in compact.principles_file.parties]
    address = re.compile(next(option["pattern"] for option in partner["website"]["anyOf"] if "pattern" in option))
    assert address.match("https://www.example.org.uk/about") and address.match("http://example.org")
    assert not any(address.match(bad) for bad in ("javascript:alert(1)", "www.example.org.uk", "https://www.example .org.uk/", "/about"))


def test_a_new_type_of_partner_passes_the_check_which_updates_the_schema(tmp_path):
    root = copy_project(tmp_path / "project")
    partners = root / "data" / "partners.yml"
    text = partners.read_text(encoding="utf-8")
    last_type = "  - {key: vcs-infrastructure-body, sector: vcs, name: VCS infrastructure body, plural: VCS infrastructure bodies}\n"
    partners.write_text(text.replace(last_type, last_type + "  - {key: housing-association, sector: vcs, name: Housing association, plural: Housing associations}\n"), encoding="utf-8")
    result = run_check(root)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "Updated schemas/partners.schema.json, which your editor reads (commit it with your change)\n"
    assert json.loads((root / "schemas" / "partners.schema.json").read_text(encoding="utf-8"))["$defs"]["Partner"]["properties"]["type"]["enum"][10] == "housing-association"


def test_a_new_type_of_partner_must_be_offered_by_the_sign_form_too(tmp_path):
    """tests/test_github_files.py holds the form to the data's types: the check says so first, naming the form."""
    root = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / ".github", root / ".github")
    partners = root / "data" / "partners.yml"
    last_type = "  - {key: other, name: Other, plural: Other organisations}\n"
    partners.write_text(partners.read_text(encoding="utf-8").replace(last_type, last_type + "  - {key: housing-association, sector: vcs, name: Housing association, plural: Housing associations}\n"), encoding="utf-8")
    result = run_check(root)
    assert result.returncode == 1
    form = ".github/ISSUE_TEMPLATE/sign-the-compact.yml"
    line = (root / form).read_text(encoding="utf-8").splitlines().index("    id: type") + 1
    [problem] = result.stderr.splitlines()[1:]
    assert problem.strip().startswith(f"{form}:{line}: the form's type options are [") and problem.endswith("'Housing association']: make them the same, in that order")
    path = root / form
    path.write_text(path.read_text(encoding="utf-8").replace("        - Other\n", "        - Other\n        - Housing association\n"), encoding="utf-8")
    assert run_check(root).returncode == 0


def test_every_listed_address_is_a_page_built(site):
    """The lock holds: every address of urls.txt is published. A page not listed yet is no error (see below)."""
    listed = {line for line in (ROOT / "urls.txt").read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
    assert listed <= {url or "/" for url in site.urls}


def run_check(root: Path) -> subprocess.CompletedProcess:
    return run_script("check", "--root", str(root))


VAST_NAMED = "  - slug: vast\n    name: VAST\n    sector: vcs\n    type: vcs-infrastructure-body\n    status: named\n    signed_on:\n"
NEW_PARTNER = "  - slug: new-partner\n    name: New Partner\n    sector: vcs\n    type: vcs-infrastructure-body\n    status: named\n    joined_on: 2017-05-02\n"
ROUTINE_CHANGES = {
    "a-signature": (VAST_NAMED, VAST_NAMED.replace("status: named\n    signed_on:\n", "status: signed\n    signed_on: 2017-05-02\n"), ["compact/annual-reports/2017/"]),
    "a-withdrawal": (VAST_NAMED, VAST_NAMED.replace("status: named\n", "status: withdrawn\n    withdrawn_on: 2017-05-02\n"), ["compact/annual-reports/2017/"]),
    "a-joining": (VAST_NAMED, VAST_NAMED + "    website:\n    compact_champion:\n    implementation_plan:\n" + NEW_PARTNER, ["compact/annual-reports/2017/", "partners/new-partner/"]),
}


@pytest.mark.parametrize("change", ROUTINE_CHANGES)
def test_a_routine_change_in_a_new_year_passes_the_check_which_records_the_new_addresses(tmp_path, change):
    """A signature, a withdrawal or a joining in a new year makes new pages (the year's report; a new partner's
    own): the check passes and adds them to urls.txt, in order, for the pull request; a second run adds nothing."""
    old, new, pages = ROUTINE_CHANGES[change]
    root = copy_project(tmp_path / "project")
    partners = root / "data" / "partners.yml"
    text = partners.read_text(encoding="utf-8")
    assert old in text
    partners.write_text(text.replace(old, new), encoding="utf-8")
    before = (root / "urls.txt").read_text(encoding="utf-8").splitlines()
    result = run_check(root)
    assert result.returncode == 0, result.stderr
    after = (root / "urls.txt").read_text(encoding="utf-8").splitlines()
    assert sorted(set(after) - set(before)) == pages and set(before) < set(after)
    assert [f"New address, added to urls.txt (commit it with your change): /{url}" for url in pages] == result.stderr.splitlines()
    assert after[2:] == sorted(after[2:], key=lambda url: "" if url == "/" else url)
    assert run_check(root).stderr == ""


@pytest.mark.parametrize(
    "page, find, replace, message",
    [
        ("compact/resolving-difficulties.md", 'editor_note("is-this-right")', 'editor_note("is-this-rihgt")', "docs/compact/resolving-difficulties.md: editor_note('is-this-rihgt'): no note with that id in data/notes.yml"),
        ("compact/resolving-difficulties.md", "(*is this right?*)", "(*is that right?*)", "docs/compact/resolving-difficulties.md: editor_note('is-this-right') is about 'is this right?', which the page does not contain"),
        ("privacy.md", "\n\n", "\n\nSee [the partners](partners/nobody.md).\n\n", "docs/privacy.md: the link 'partners/nobody.md' leads to 'partners/nobody.md', which is not a page or file of the site"),
        ("privacy.md", "\n\n", "\n\nSee [the partners](/partners/).\n\n", "docs/privacy.md: the link '/partners/' is absolute; write it relative to this page"),
        ("privacy.md", "\n\n", "\n\nSee [the partners](partners/).\n\n", "docs/privacy.md: the link 'partners/' names no file"),
        ("privacy.md", "\n\n", "\n\nSee [signing](sign.md#no-such-heading).\n\n", "docs/privacy.md: the link 'sign.md#no-such-heading' leads to an anchor that 'sign.md' does not have"),
        ("privacy.md", "\n\n", "\n\n<script>alert(1)</script>\n\n", "docs/privacy.md: <script>: a page may run no script of its own"),
        ("privacy.md", "\n\n", '\n\n<p onclick="alert(1)">Hello</p>\n\n', "docs/privacy.md: <p onclick=...>: a page may run no script of its own"),
        ("privacy.md", "\n\n", "\n\nSee [this](javascript:alert(1)).\n\n", "docs/privacy.md: the link 'javascript:alert(1)' runs a script"),
    ],
    ids=["unknown-note", "note-quote-gone", "missing-page", "absolute-link", "link-to-a-folder", "missing-anchor", "script", "handler", "javascript-link"],
)
def test_the_check_finds_what_the_build_refuses_in_a_page(tmp_path, page, find, replace, message):
    root = copy_project(tmp_path / "project")
    path = root / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert find in text
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")
    result = run_check(root)
    assert result.returncode == 1
    problems = [line.strip() for line in result.stderr.splitlines()[1:]]
    assert len(problems) == 1 and problems[0].startswith(message), result.stderr


def test_a_page_the_check_refuses_the_build_refuses_with_the_same_message(tmp_path, caplog):
    root = copy_project(tmp_path / "project")
    page = root / "docs" / "compact" / "resolving-difficulties.md"
    page.write_text(page.read_text(encoding="utf-8").replace('editor_note("is-this-right")', 'editor_note("is-this-rihgt")'), encoding="utf-8")
    message = run_check(root).stderr.splitlines()[1].strip()
    with pytest.raises(Abort) as raised:
        build_site(root, tmp_path / "site")
    assert message in str(raised.value) + caplog.text  # the build says it as it stops, or in its log


def test_a_link_the_check_passes_the_build_passes(tmp_path):
    """Links to a page, to a heading of another page and of its own: the check and the strict build accept them."""
    root = copy_project(tmp_path / "project")
    page = root / "docs" / "privacy.md"
    heading = next(line for line in (root / "docs" / "updating-this-site.md").read_text(encoding="utf-8").splitlines() if line.startswith("## "))
    anchor = re.sub(r"[^a-z0-9]+", "-", heading[3:].lower()).strip("-")
    links = f"\n\nSee [the partners](partners/index.md), [updating](updating-this-site.md#{anchor}) and [VAST](partners/vast.md).\n"
    page.write_text(page.read_text(encoding="utf-8") + links, encoding="utf-8")
    assert run_check(root).returncode == 0
    build_site(root, tmp_path / "site")


# --- Renaming keeps old links working --------------------------------------------------------------


@pytest.fixture(scope="module")
def renamed(tmp_path_factory):
    """VAST renamed to a new slug, its old one kept in former_slugs; built."""
    project = copy_project(tmp_path_factory.mktemp("renamed"))
    partners = project / "data" / "partners.yml"
    text = partners.read_text(encoding="utf-8")
    partners.write_text(text.replace("  - slug: vast\n", "  - slug: vast-stoke-on-trent\n    former_slugs: [vast]\n"), encoding="utf-8")
    return build_site(project, tmp_path_factory.mktemp("site"))


def test_a_renamed_partner_is_found_at_its_old_address(renamed):
    old = renamed.root / "partners" / "vast" / "index.html"
    html = old.read_text(encoding="utf-8")
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    assert refresh, "the old address redirects without JavaScript"
    target = urljoin("/partners/vast/", refresh[1]).strip("/")
    assert target == "partners/vast-stoke-on-trent"
    assert words(renamed.page(target).select_one("article h1")) == "VAST"
    assert re.search(r'<link rel="canonical" href="[^"]+/partners/vast-stoke-on-trent/">', html)


def test_a_rename_without_a_redirect_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    partners = project / "data" / "partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("  - slug: vast\n", "  - slug: vast-stoke\n"), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1 and "partners/vast/: this published address would disappear" in result.stderr


# --- Hostile and unusual text (tests/hostile_data.py) ----------------------------------------------


@pytest.mark.parametrize("index", range(len(UNUSUAL_NAMES)))
def test_names_are_shown_exactly_as_written(hostile_site, index):
    page = hostile_site.page(f"partners/unusual-{index}/")
    assert words(page.select_one("article h1")) == UNUSUAL_NAMES[index]
    assert page.title.get_text().startswith(UNUSUAL_NAMES[index])
    directory = hostile_site.page("partners/").select_one("article")
    assert UNUSUAL_NAMES[index] in [words(a) for a in directory.select("li a")]


def test_no_markup_from_the_data_becomes_live(hostile_site):
    pages = [f"partners/unusual-{index}/" for index in range(len(UNUSUAL_NAMES))]
    for url in (*pages, "partners/", "principles/accreditation-of-volunteering/", "compact/objectives/people-families-and-communities/"):
        page = hostile_site.page(url)
        for script in page.select("script"):
            assert "alert(1)" not in script.get_text(), url
        assert not page.select("[onerror], [onclick]"), url
        assert not [a for a in page.select("a[href]") if a["href"].strip().lower().startswith("javascript:")], url
    principle = words(hostile_site.page("principles/accreditation-of-volunteering/").select_one("article"))
    assert HOSTILE_PROSE in principle, "hostile prose is shown as the characters written"


def test_a_title_with_markup_is_shown_as_written_and_runs_nowhere(hostile_site):
    for url in hostile_site.urls:
        page = hostile_site.page(url)
        assert not [script for script in page.select("script") if "alert(" in script.get_text()], url
        assert HOSTILE_TITLE in page.title.get_text(), url
    home = hostile_site.page("")
    assert HOSTILE_TITLE in words(home.select_one(".md-header__title"))
    assert HOSTILE_TITLE in words(home.select_one(".md-banner")), "the draft notice"


# --- Edit links ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def with_edit_links(tmp_path_factory):
    os.environ["COMPACT_EDIT_URI"] = "https://github.com/owner/repo/edit/main/docs/"
    try:
        return build_site(ROOT, tmp_path_factory.mktemp("site"))
    finally:
        del os.environ["COMPACT_EDIT_URI"]


@pytest.mark.parametrize(
    "url, source",
    [
        ("compact/", "docs/compact/index.md"),
        ("partners/vast/", "data/partners.yml"),
        ("principles/buy-local/", "data/principles.yml"),
        ("compact/objectives/effective-services/", "data/principles.yml"),
        ("sign/", "data/agreement.yml"),
    ],
)
def test_edit_this_page_opens_the_source_of_the_page(with_edit_links, url, source):
    (link,) = with_edit_links.page(url).select('a[title="Edit this page"]')
    assert link["href"] == f"https://github.com/owner/repo/edit/main/{source}"


def test_without_a_configured_repository_there_is_no_edit_link(site):
    assert not site.page("compact/").select('a[title="Edit this page"]')


# --- Deterministic builds --------------------------------------------------------------------------


def digest_tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_sources_build_byte_identical_output(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1416009600")
    project = copy_project(tmp_path / "project")
    first = build_site(project, tmp_path / "first")
    time.sleep(1.1)  # a build that stamped the clock anywhere would now differ
    second = build_site(project, tmp_path / "second")
    one, two = digest_tree(first.root), digest_tree(second.root)
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
