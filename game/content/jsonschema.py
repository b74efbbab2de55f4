"""JSON Schemas for editors, generated from the same field declarations the validator uses.

`python -m game schema --out DIR` writes one `<kind>.schema.json` per record kind plus
`mod.schema.json`. A `# yaml-language-server: $schema=...` line at the top of a content file then
gives autocompletion and hover docs in editors that speak the YAML language server protocol.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..core.conditions import CONDITIONS
from ..core.effects import EFFECTS
from ..core.registry import Registry
from .fieldtypes import base_type, value_range
from .kinds import KINDS
from .merge import OPERATOR_KEYS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^\d{4}-(spring|autumn)$"

MOD_OPERATORS = {
    "op": {
        "enum": ["add", "override", "replace", "delete"],
        "description": "mods only: how this record merges (default add)",
    },
    "extends": {"type": "string", "description": "mods only: start as a copy of this record"},
    "append": {"type": "object", "description": "mods only: field -> items to append to a list field"},
    "remove": {"type": "object", "description": "mods only: field -> items (or ids) to remove from a list field"},
    "merge": {"type": "object", "description": "mods only: field -> keys to set in a mapping field"},
}
assert set(MOD_OPERATORS) == set(OPERATOR_KEYS)


def field_schema(kind: Any, description: str = "") -> dict[str, Any]:
    if isinstance(kind, dict):
        out = record_schema(kind)
    elif isinstance(kind, list):
        out = {"type": "array", "items": record_schema(kind[0])}
    else:
        out = _scalar(kind)
    if description:
        out["description"] = description
    return out


def _scalar(kind: str) -> dict[str, Any]:
    t = base_type(kind)
    out: dict[str, Any] = {
        "str": {"type": "string"},
        "int": {"type": "integer"},
        "number": {"type": "number"},
        "bool": {"type": "boolean"},
        "list": {"type": "array"},
        "dict": {"type": "object"},
        "str|null": {"type": ["string", "null"]},
        "date": {"type": "string", "pattern": DATE_PATTERN},
        "conditions": {"type": "array", "items": clause_schema(CONDITIONS)},
        "effects": {"type": "array", "items": clause_schema(EFFECTS)},
        "texts": {"type": "array", "items": {"type": "string"}},
        "dates": {"type": "array", "items": {"type": "string", "pattern": DATE_PATTERN}},
        "number_map": {"type": "object", "additionalProperties": {"type": "number"}},
        "int_map": {"type": "object", "additionalProperties": {"type": "integer"}},
        "text_map": {"type": "object", "additionalProperties": {"type": ["string", "null"]}},
        "texts_map": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "number_table": {
            "type": "object",
            "additionalProperties": {"type": "object", "additionalProperties": {"type": "number"}},
        },
        "year_map": {
            "type": "object",
            "propertyNames": {"pattern": r"^\d{4}$"},
            "additionalProperties": {"type": "number"},
        },
        "colour": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"},
    }[t]
    bounds = value_range(kind)
    if bounds:
        out["minimum"], out["maximum"] = bounds
    return out


def record_schema(spec: dict[str, Any], operators: bool = False) -> dict[str, Any]:
    props = {name: field_schema(kind, doc) for name, (kind, _required, doc) in spec.items()}
    if operators:
        props.update(MOD_OPERATORS)
    required = [name for name, (_k, req, _d) in spec.items() if req]
    return {
        "type": "object",
        "properties": props,
        "required": [] if operators else required,
        "additionalProperties": False,
    }


def clause_schema(registry: Registry) -> dict[str, Any]:
    """One-key mappings: the key names a vocabulary entry, the value its parameters."""
    options = []
    for name, entry in registry.items():
        options.append(
            {
                "type": "object",
                "properties": {name: _params(entry.spec)},
                "required": [name],
                "additionalProperties": False,
                "description": entry.doc,
            }
        )
    return {"oneOf": options}


def _params(spec: Any) -> dict[str, Any]:
    if isinstance(spec, str):
        if spec in ("int", "number"):
            return {"type": "integer" if spec == "int" else "number"}
        if spec in ("conditions", "condition"):
            return {"type": "array" if spec == "conditions" else "object"}
        return {"type": "string"}
    props = {k.rstrip("?"): _params(v) for k, v in spec.items()}
    required = [k for k in spec if not k.endswith("?")]
    return {"type": "object", "properties": props, "required": required, "additionalProperties": False}


MANIFEST = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,63}$", "description": "the mod's id: a slug"},
        "name": {"type": "string", "description": "the name shown to players"},
        "version": {
            "type": "string",
            "pattern": r"^\d+\.\d+\.\d+$",
            "description": "semantic version, MAJOR.MINOR.PATCH",
        },
        "game": {"type": "string", "description": "game versions supported, e.g. '>=0.1.0, <0.2.0'"},
        "requires": {"type": "array", "description": "mod ids, or {id, version} mappings"},
        "incompatible": {
            "type": "array",
            "items": {"type": "string"},
            "description": "mod ids that cannot load with this one",
        },
        "description": {"type": "string"},
        "authors": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["id", "name", "version"],
    "additionalProperties": False,
}


def schemas() -> dict[str, dict[str, Any]]:
    out = {}
    for kind, spec in KINDS.items():
        out[kind] = {
            "$schema": DIALECT,
            "title": f"Testament {kind} records",
            "description": f"A content file holding a list of {kind} records.",
            "type": "array",
            "items": record_schema(spec, operators=True),
        }
    out["mod"] = {"$schema": DIALECT, "title": "Testament mod.yaml", **MANIFEST}
    return out


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, schema in schemas().items():
        path = folder / f"{kind}.schema.json"
        path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
