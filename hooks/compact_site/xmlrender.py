"""Render XML files (the SVG badges, the Atom feed) from Jinja templates, every value escaped for XML.

The Markdown templates escape for Markdown; these escape for XML, and also drop the few characters XML 1.0
cannot hold at all (most control characters), which even an escaped value may not contain: a name with a
stray control character still gives a well-formed file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).parent / "templates"  # beside the Markdown templates
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: Any) -> Markup:
    """A value as XML character data or an attribute value: escaped, and only characters XML allows."""
    if isinstance(value, Markup):
        return value
    return escape(_NOT_XML.sub("", "" if value is None else str(value)))


def xml_environment() -> jinja2.Environment:
    """A Jinja environment for the XML templates in templates/."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        finalize=xml_text,
        autoescape=False,  # finalize escapes every printed value, and also drops what XML cannot hold
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
