"""Where an organisation signs online: the repository's "Sign the Compact" issue form, when the site knows the
repository. It knows it from the "Edit this page" address (mkdocs.yml's edit_uri, set by COMPACT_EDIT_URI), the
one place the repository is configured; without it, no address is made up and /sign/ gives the paper route only."""

from __future__ import annotations

import re

SIGN_FORM = "sign-the-compact.yml"
_GITHUB_EDIT = re.compile(r"^(https://github\.com/[A-Za-z0-9-]+/[A-Za-z0-9._-]+)/edit/")


def sign_form_url(edit_uri: str | None) -> str | None:
    """The address of the repository's "Sign the Compact" form, from a GitHub edit address; None otherwise."""
    match = _GITHUB_EDIT.match(edit_uri or "")
    return f"{match[1]}/issues/new?template={SIGN_FORM}" if match else None
