"""A strict Content-Security-Policy for a built page, as a <meta> tag. Independent of any site engine.

Scripts, styles, images, fonts and connections come only from the site itself. The page's own inline
scripts and <style> elements are allowed one by one, by the SHA-256 hash of their exact text, so a script
injected into a page (or edited after the build) does not run. Nothing allows 'unsafe-inline' or
'unsafe-eval', and no other host is named.
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
_EVENT_HANDLER = re.compile(r"on[a-z]+")
_CHARSET_META = re.compile(r"\s*<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.IGNORECASE)


class CspError(Exception):
    """A page that no strict policy can allow as it stands (an inline event handler, say)."""


# One pass over the page finds what a policy must know: comments (skipped), the raw text elements <script> and
# <style> with their text, and every other start tag. A quoted attribute value may hold '>'; the page's text
# cannot hold '<' unescaped, so every '<' here opens markup. A regular expression, not html.parser: this runs
# on every page of every build, and is several times faster (measured on a partner page).
_ATTRIBUTES = r"""([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)"""
_MARKUP = re.compile(
    r"<!--.*?-->"
    rf"|<(script|style)\b{_ATTRIBUTES}>(.*?)</\1\s*>"
    rf"|<([a-z][^\s/>]*){_ATTRIBUTES}>",
    re.DOTALL | re.IGNORECASE,
)
# Attributes (lower-cased) that match none of these need no closer look: no handler, style, policy or script
# address. Each pattern opens with literal text, which the regex engine finds fast, and checks the character
# before it after (one alternation with a leading class made the search seven times as long on a partner page);
# lower-cased text, as re.IGNORECASE is several times slower again.
# - A browser reads "/" between attributes as a space (<img/onerror=...>), and starts a new attribute right
#   after a quoted value (<a href="x"onclick=...>). A handler is looked for with its "=": without a value it
#   runs nothing, and words of a page's description (" one", " only") would send the page the slow way.
# - "stylesheet" is not a style attribute: it would send every page the slow way.
# - A character reference can hide a letter of "javascript:" only as a number (HTML names no letter), and so can
#   &Tab; and &NewLine;, which a browser drops from an address (below); those of quotation marks and apostrophes,
#   which escaping writes into names and titles, hide nothing.
_HANDLER_HINT = re.compile(r"""on(?<=[\s/"']on)[a-z]+\s*=""")
_STYLE_HINT = re.compile(r"""style(?<=[\s/"']style)(?![a-z-])""")
_REFERENCE_HINT = re.compile(r"&(?:#(?!39;|x27;|34;|x22;)|tab;|newline;)")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _worth_a_look(attributes: str) -> bool:
    """Whether lower-cased attribute text may hold what a policy must know of or refuse."""
    return (
        "javascript" in _without_tabs_and_newlines(attributes)
        or "http-equiv" in attributes
        or _HANDLER_HINT.search(attributes) is not None
        or _STYLE_HINT.search(attributes) is not None
        or _REFERENCE_HINT.search(attributes) is not None
    )


@dataclass
class _InlineCode:
    """The text of a page's inline scripts, <style> elements and style attributes, and what no policy allows."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    style_attributes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    has_policy: bool = False

    def start_tag(self, tag: str, attributes: str) -> dict[str, str]:
        """Check one start tag's attributes; return them by name, their character references resolved."""
        values = {}
        for name, double, single, bare in _ATTRIBUTE.findall(attributes):
            value = double or single or bare
            values[name.lower()] = html.unescape(value) if "&" in value else value
        for name, value in values.items():
            if _EVENT_HANDLER.fullmatch(name):
                self.problems.append(f"<{tag} {name}=...>: an inline event handler; attach it from a script file")
            if name in ("href", "src", "action") and _is_javascript(value):
                self.problems.append(f"<{tag} {name}={value!r}>: a javascript: address")
        if "style" in values:
            self.style_attributes.append(values["style"])
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.has_policy = True
        return values


# A browser drops every ASCII tab and newline from an address, wherever they stand, and the control characters and
# spaces at its ends (the URL standard): "java<tab>script:" is a javascript: address.
_AROUND_ADDRESSES = "".join(map(chr, range(0x21)))


def _without_tabs_and_newlines(text: str) -> str:
    return text.replace("\t", "").replace("\n", "").replace("\r", "")  # three passes in C: str.translate is slower


def _is_javascript(address: str) -> bool:
    """Whether a browser reads the address (its character references resolved) as a javascript: one."""
    return _without_tabs_and_newlines(address).strip(_AROUND_ADDRESSES).lower().startswith("javascript:")


def source_hash(text: str) -> str:
    """A CSP hash source for an inline script or style: the browser hashes its exact text as UTF-8."""
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _scan(page: str) -> _InlineCode:
    """Every inline script, style and style attribute of the page; CspError if it holds what no policy allows."""
    found = _InlineCode()
    markup = _MARKUP.findall(page)
    # One search over the attributes of all start tags at once: on most pages no tag needs a closer look, and
    # then none is searched on its own (two thirds of the scan's time on a partner page went on those searches).
    any_worth_a_look = _worth_a_look("\0".join([item[4] for item in markup]).lower())
    for raw_tag, raw_attributes, text, tag, attributes in markup:
        if raw_tag:
            values = found.start_tag(raw_tag.lower(), raw_attributes)
            if raw_tag.lower() == "style":
                found.styles.append(text)
            elif "src" not in values and values.get("type", "").lower() in _SCRIPT_TYPES:
                found.scripts.append(text)
        elif any_worth_a_look and tag and _worth_a_look(attributes.lower()):
            found.start_tag(tag.lower(), attributes)
    if found.problems:
        raise CspError("; ".join(dict.fromkeys(found.problems)))
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
