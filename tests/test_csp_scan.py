"""The Content-Security-Policy of a page: the inline scripts and styles it hashes, and the inline scripts it refuses:
any that the theme's templates do not write."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from compact_site.csp import CspError, policy_for, theme_scripts, with_csp_meta


def page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def directive(policy: str, name: str) -> list[str]:
    """The sources of one directive of a policy."""
    return next(part.split()[1:] for part in policy.split("; ") if part.split()[0] == name)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_each_inline_script_and_style_is_allowed_by_the_hash_of_its_exact_text():
    script, style, attribute = 'var a = "</p>" ;', "p { color: #000 }", "color: red"
    policy = policy_for(page(f'<script>{script}</script><style>{style}</style><p style="{attribute}">x</p>'))
    assert directive(policy, "script-src") == ["'self'", sha256(script)]
    assert directive(policy, "style-src") == ["'self'", sha256(style), "'unsafe-hashes'", sha256(attribute)]


def test_data_scripts_external_scripts_and_commented_out_code_get_no_hash():
    body = '<script type="application/json">{"a": 1}</script><script src="a.js"></script><!-- <script>x()</script> -->'
    assert directive(policy_for(page(body)), "script-src") == ["'self'"]


def test_a_quoted_greater_than_sign_does_not_end_a_tag():
    policy = policy_for(page('<p title="a > b" style="color: red">x</p>'))
    assert directive(policy, "style-src") == ["'self'", "'unsafe-hashes'", sha256("color: red")]


def test_escaped_markup_in_the_text_is_text():
    body = "<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img onerror=x&gt;</p>"
    assert directive(policy_for(page(body)), "script-src") == ["'self'"]


def test_the_policy_goes_first_in_the_head_after_the_charset():
    result = with_csp_meta(page("<p>x</p>", head='<meta charset="utf-8"><title>t</title>'))
    assert re.search(r'<head><meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="[^"]+"><title>', result)


def test_a_page_that_already_has_a_policy_is_refused():
    with pytest.raises(CspError, match="already has a Content-Security-Policy"):
        with_csp_meta(page("", head='<meta http-equiv="content-security-policy" content="default-src *">'))


def test_the_live_preview_allows_inline_scripts_without_hashes():
    policy = policy_for(page("<script>reload()</script>"), live_preview=True)
    assert directive(policy, "script-src") == ["'self'", "'unsafe-inline'"]


# --- Only the theme's own inline scripts -----------------------------------------------------------------

THEME = '<script>__scope=new URL("{{ config.extra.scope | d(base_url) }}",location)</script>\n{% if x %}<script>var a=1</script>{% endif %}'


def test_the_theme_scripts_are_its_templates_inline_scripts_with_their_expressions_filled_in():
    known = theme_scripts([THEME])
    for script in ('__scope=new URL("../..",location)', '__scope=new URL(".",location)', "var a=1"):
        assert any(pattern.fullmatch(script) for pattern in known), script
    for script in ('__scope=new URL("x",location);alert(1)', '__scope=new URL("x");alert("y",location)', "var a=1;alert(1)"):
        assert not any(pattern.fullmatch(script) for pattern in known), script


def test_a_page_with_an_inline_script_no_template_writes_is_refused():
    known = theme_scripts([THEME])
    assert "sha256-" in with_csp_meta(page("<script>var a=1</script>"), known_scripts=known)
    with pytest.raises(CspError, match=r"an inline script that no theme template writes: 'alert\(1\)'"):
        with_csp_meta(page("<script>var a=1</script><p>x</p><script>alert(1)</script>"), known_scripts=known)
    assert "<script type=\"application/json\">" in with_csp_meta(page('<script type="application/json">{"a": 1}</script>'), known_scripts=known)
