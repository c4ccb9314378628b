"""JSON Schemas of the data files, generated from the model, for editors' IDEs."""

from __future__ import annotations

import json

from .loading import DATA_FILES


def schema_files() -> dict[str, str]:
    """Each data file's schema file name and its JSON text."""
    files = {}
    for data_file, model in DATA_FILES.items():
        stem = data_file.removesuffix(".yml")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        schema["title"] = f"data/{data_file}"
        files[f"{stem}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return files
