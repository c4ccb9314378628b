"""JSON Schemas of the data files, for editors' IDEs: generated from the model, with the data's own lists.

Each schema carries every rule of its own file that the check knows and JSON Schema can say: fields, types,
enumerations, patterns and lengths, and the keys a file declares for itself (a partner's type is one of the
types of data/partners.yml). Rules across files (a meeting's partners), and those of free text (no personal
details), are the check's alone.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .compact import Compact
from .loading import DATA_FILES

SCHEMA_FOLDER = "schemas"


def _declared_keys(compact: Compact) -> dict[str, dict[tuple[str, ...], list[Any]]]:
    """By data file, the place in its schema of each value that must be one of the file's own keys, and the keys."""
    return {
        "partners.yml": {("$defs", "Partner", "properties", "type"): [kind.key for kind in compact.partners_file.types]},
        "principles.yml": {
            ("$defs", "Principle", "properties", "objective"): [objective.number for objective in compact.objectives],
            ("$defs", "Principle", "properties", "commits", "items"): [party.key for party in compact.principles_file.parties],
        },
    }


def schema_files(compact: Compact) -> dict[str, str]:
    """Each data file's schema file name and its JSON text, for this data."""
    files = {}
    declared = _declared_keys(compact)
    for data_file, model in DATA_FILES.items():
        stem = data_file.removesuffix(".yml")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        schema["title"] = f"data/{data_file}"
        for path, keys in declared.get(data_file, {}).items():
            place = schema
            for part in path:
                place = place[part]
            place["enum"] = keys
        files[f"{stem}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return files


def stale_schemas(compact: Compact, root: Path) -> list[str]:
    """The schema files of root/schemas/ that differ from this model and data."""
    folder = root / SCHEMA_FOLDER
    return [name for name, text in schema_files(compact).items() if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]


def write_schemas(compact: Compact, root: Path, names: list[str] | None = None) -> None:
    """Write the schema files (those named, or all) for this model and data."""
    folder = root / SCHEMA_FOLDER
    folder.mkdir(exist_ok=True)
    for name, text in schema_files(compact).items():
        if names is None or name in names:
            (folder / name).write_text(text, encoding="utf-8")
