"""A strict Content-Security-Policy for a built page, as a <meta> tag. Independent of any site engine.

Scripts, styles, images, fonts and connections come only from the site itself. The page's own inline
scripts and <style> elements are allowed one by one, by the SHA-256 hash of their exact text, so a script
injected into a page (or edited after the build) does not run. Nothing allows 'unsafe-inline' or
'unsafe-eval', and no other host is named.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

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


class _InlineCode(HTMLParser):
    """Collects the text of a page's inline scripts, <style> elements and style attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self.problems: list[str] = []
        self.has_policy = False
        self._open: list[str] | None = None  # the list that the element now open collects into

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if _EVENT_HANDLER.fullmatch(name):
                self.problems.append(f"<{tag} {name}=...>: an inline event handler; attach it from a script file")
            if name in ("href", "src", "action") and value.strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>: a javascript: address")
        if "style" in values:
            self.style_attributes.append(values["style"])
        if tag == "meta" and values.get("http-equiv", "").lower() == "content-security-policy":
            self.has_policy = True
        if tag == "script" and "src" not in values and values.get("type", "").lower() in _SCRIPT_TYPES:
            self._open = self.scripts
            self.scripts.append("")
        elif tag == "style":
            self._open = self.styles
            self.styles.append("")

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._open = None


def source_hash(text: str) -> str:
    """A CSP hash source for an inline script or style: the browser hashes its exact text as UTF-8."""
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _scan(html: str) -> _InlineCode:
    found = _InlineCode()
    found.feed(html)
    found.close()
    if found.problems:
        raise CspError("; ".join(dict.fromkeys(found.problems)))
    return found


def policy_for(html: str, *, live_preview: bool = False) -> str:
    """The policy for a page: the base policy, plus the hash of each inline script and style it holds.

    live_preview is for `mkdocs serve` only: its live reload adds an inline script whose text changes
    with every request, so no hash can allow it, and inline scripts are allowed by 'unsafe-inline' instead
    (a browser ignores 'unsafe-inline' beside any hash, so the hashes go).
    """
    found = _scan(html)
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


def with_csp_meta(html: str, *, live_preview: bool = False) -> str:
    """The page with its policy at the top of <head> (after the charset), so that it covers all that follows."""
    if _scan(html).has_policy:
        raise CspError("the page already has a Content-Security-Policy <meta> tag")
    head = _HEAD.search(html)
    if head is None:
        raise CspError("the page has no <head> to put its policy in")
    charset = _CHARSET_META.match(html, head.end())  # it stays first: a browser looks for it in the first 1024 bytes
    insert_at = charset.end() if charset else head.end()
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html, live_preview=live_preview)}">'
    return f"{html[:insert_at]}\n      {tag}{html[insert_at:]}"
