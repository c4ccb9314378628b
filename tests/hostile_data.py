"""Hostile and unusual text that the escaping tests write into one copy of the project, built once per run (the
`hostile_site` fixture, tests/conftest.py): partners named as markup and with letters beyond ASCII, prose and an
editor's note written as markup, the document's title holding a script, and partners.yml saved with a byte-order
mark and Windows line endings. Each test reads the pages that show its own text.
"""

from __future__ import annotations

import json
from pathlib import Path

HOSTILE_NAME = "Ysgol <script>alert(1)</script> & Co"
UNUSUAL_NAMES = [HOSTILE_NAME, "Cwmni </title><script>alert(1)</script>", "Zoë's Café – Cyf. (Caerdydd)", "*Not emphasis* [not a link](javascript:alert(1)) # _x_ \\ |"]
HOSTILE_PROSE = '<img src=x onerror="alert(1)"> A sentence with {: onclick="alert(1)" } in it.'
HOSTILE_TITLE = 'Compact <script>alert("title")</script> & "Co"'
# A note that a check of the field alone finds harmless (a definition list's line and a definition), but which, in
# its place in an admonition on the page, Python-Markdown read as a javascript: link before fields were put into
# pages as sanitized HTML.
HOSTILE_NOTE = ": [x]\n    [x]: javascript:alert(1)"
NOTE_PAGE = "compact/resolving-difficulties/"  # the page that shows the note HOSTILE_NOTE replaces

_IS_THIS_RIGHT = """    note: >-
      The draft's editors left this question in the text. It is not yet confirmed that the
      Staffordshire and Stoke on Trent Compact Working Group is the contact for support from
      Compact Champions, and the draft gives no contact details for the group.
"""


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name} no longer holds the text the hostile data replaces: {old[:60]!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def write_hostile_data(project: Path) -> None:
    """Write the hostile and unusual text into the data of the project copy at `project`."""
    data = project / "data"
    _replace_once(data / "principles.yml", "      Partners will encourage and work towards", f"      {HOSTILE_PROSE} Partners will encourage and work towards")
    _replace_once(data / "document.yml", "title: Staffordshire and Stoke on Trent Compact\n", f"title: '{HOSTILE_TITLE}'\n")
    _replace_once(data / "notes.yml", _IS_THIS_RIGHT, f"    note: {json.dumps(HOSTILE_NOTE)}\n")
    partners = data / "partners.yml"
    entries = "".join(
        f'  - slug: unusual-{n}\n    name: "{name.replace(chr(92), chr(92) * 2)}"\n    sector: vcs\n'
        f"    type: vcs-infrastructure-body\n    status: named\n"
        for n, name in enumerate(UNUSUAL_NAMES)
    )
    text = "\ufeff" + partners.read_text(encoding="utf-8") + entries
    partners.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
