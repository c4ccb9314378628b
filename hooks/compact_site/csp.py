"""A strict Content-Security-Policy for a built page, as a <meta> tag. Independent of any site engine.

Scripts, styles, images, fonts and connections come only from the site itself. The page's own inline
scripts and <style> elements are allowed one by one, by the SHA-256 hash of their exact text, so a script
injected into a page (or edited after the build) does not run. Nothing allows 'unsafe-inline' or
'unsafe-eval', and no other host is named: so no event handler attribute and no javascript: address runs either.
This is the second line: the data's text reaches a page only as escaped text or as sanitized HTML
(compact_site.markup), and the build refuses an inline script that the theme does not write (with_csp_meta).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# Directives a <meta> policy can carry (frame-ancestors, report-uri and sandbox are ignored in <meta>).
BASE_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    # Material's icons are SVG data: URIs in its own stylesheet (CSS masks load as images).
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),  # the search worker fetches the site's search index
    "worker-src": ("'self'",),  # the search worker itself
    "manifest-src": ("'self'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}

# Script types that the browser runs; any other type (application/json for Material's config) is data.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET_META = re.compile(r"\s*<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


class CspError(Exception):
    """A page that the policy cannot allow: an inline script the theme does not write, or a policy of its own."""


# One pass over the page finds what the policy must hash: comments (skipped), the raw text elements <script> and
# <style> with their text, and start tags that may carry a style="" attribute. A quoted attribute value may hold
# '>'; the page's text cannot hold '<' unescaped, so every '<' here opens markup. It decides no safety of the
# data's text (compact_site.markup's sanitizer does); it finds the theme's scripts and styles to hash.
_ATTRIBUTES = r"""([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)"""
_MARKUP = re.compile(
    r"<!--.*?-->"
    rf"|<(script|style)\b{_ATTRIBUTES}>(.*?)</\1\s*>"
    rf"|<([a-z][^\s/>]*){_ATTRIBUTES}>",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _attributes(text: str) -> dict[str, str]:
    """A start tag's attributes by (lower-cased) name, their character references resolved."""
    values = {}
    for name, double, single, bare in _ATTRIBUTE.findall(text):
        value = double or single or bare
        values[name.lower()] = html.unescape(value) if "&" in value else value
    return values


@dataclass
class _InlineCode:
    """The text of a page's inline scripts, <style> elements and style attributes; whether it has a policy."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    style_attributes: list[str] = field(default_factory=list)
    has_policy: bool = False


def source_hash(text: str) -> str:
    """A CSP hash source for an inline script or style: the browser hashes its exact text as UTF-8."""
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _scan(page: str) -> _InlineCode:
    """Every inline script, style and style attribute of the page, and whether it has a policy already."""
    found = _InlineCode()
    for raw_tag, raw_attributes, text, tag, attributes in _MARKUP.findall(page):
        if raw_tag.lower() == "style":
            found.styles.append(text)
        elif raw_tag:
            values = _attributes(raw_attributes)
            if "src" not in values and values.get("type", "").lower() in _SCRIPT_TYPES:
                found.scripts.append(text)
        elif "style" in attributes.lower() or "http-equiv" in attributes.lower():
            values = _attributes(attributes)
            if "style" in values:
                found.style_attributes.append(values["style"])
            if tag.lower() == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
                found.has_policy = True
    return found


def policy_for(page: str, *, live_preview: bool = False) -> str:
    """The policy for a page: the base policy, plus the hash of each inline script and style it holds.

    live_preview is for `mkdocs serve` only: its live reload adds an inline script whose text changes
    with every request, so no hash can allow it, and inline scripts are allowed by 'unsafe-inline' instead
    (a browser ignores 'unsafe-inline' beside any hash, so the hashes go).
    """
    return _policy(_scan(page), live_preview=live_preview)


def _policy(found: _InlineCode, *, live_preview: bool) -> str:
    directives = {name: list(sources) for name, sources in BASE_POLICY.items()}
    if live_preview:
        directives["script-src"].append("'unsafe-inline'")
    else:
        directives["script-src"] += sorted({source_hash(script) for script in found.scripts})
    directives["style-src"] += sorted({source_hash(style) for style in found.styles})
    if found.style_attributes:
        # A style="" attribute runs only by its hash and 'unsafe-hashes' (CSP 3): still no arbitrary inline style.
        directives["style-src"] += ["'unsafe-hashes'", *sorted({source_hash(style) for style in found.style_attributes})]
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


# A <script> element with no src in a theme template, and a {{ ... }} expression within its text.
_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_EXPRESSION = re.compile(r"\{\{.*?\}\}", re.DOTALL)


def theme_scripts(templates: Iterable[str]) -> list[re.Pattern[str]]:
    """The inline scripts that theme templates write, each as a pattern of its whole text: a {{ ... }} expression
    in it (an address, such as the site's base URL) may stand for any text without quotes, brackets or
    backslashes, which could not end the string it is printed in."""
    patterns = []
    for template in templates:
        for script in _TEMPLATE_SCRIPT.findall(template):
            parts = _EXPRESSION.split(script)
            patterns.append(re.compile("[^\"'<>\\\\]*".join(re.escape(part) for part in parts), re.DOTALL))
    return patterns


def with_csp_meta(page: str, *, live_preview: bool = False, known_scripts: Sequence[re.Pattern[str]] | None = None) -> str:
    """The page with its policy at the top of <head> (after the charset), so that it covers all that follows.

    With known_scripts (theme_scripts), an inline script that is none of them stops here: the policy allows
    each inline script by its hash, so a script that reached the page from its content or its data (an editor's
    <script>, a value printed unescaped) would otherwise be allowed as well as the theme's own.
    """
    found = _scan(page)
    if known_scripts is not None:
        unknown = [script for script in found.scripts if not any(known.fullmatch(script) for known in known_scripts)]
        if unknown:
            raise CspError(f"an inline script that no theme template writes: {unknown[0][:80]!r}")
    if found.has_policy:
        raise CspError("the page already has a Content-Security-Policy <meta> tag")
    head = _HEAD.search(page)
    if head is None:
        raise CspError("the page has no <head> to put its policy in")
    charset = _CHARSET_META.match(page, head.end())  # it stays first: a browser looks for it in the first 1024 bytes
    insert_at = charset.end() if charset else head.end()
    tag = f'<meta http-equiv="Content-Security-Policy" content="{_policy(found, live_preview=live_preview)}">'
    return f"{page[:insert_at]}\n      {tag}{page[insert_at:]}"
