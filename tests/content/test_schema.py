"""The schemas are defined once: they check the content, generate the JSON Schemas editors use,
and write the field reference in docs/MODDING.md, which must not go stale."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from game.content.jsonschema import schemas, write_schemas
from game.content.kinds import FOLDERS
from game.content.reference import current, reference

ROOT = Path(__file__).resolve().parents[2]


def test_the_field_reference_in_modding_md_is_current():
    assert current(ROOT / "docs" / "MODDING.md") == reference(), (
        "run: python -m game schema --reference docs/MODDING.md"
    )


def test_every_field_has_a_description():
    from game.content.kinds import KINDS

    def walk(spec, where):
        for name, (kind, _req, doc) in spec.items():
            assert doc, f"{where}.{name} has no description"
            if isinstance(kind, dict):
                walk(kind, f"{where}.{name}")
            if isinstance(kind, list):
                walk(kind[0], f"{where}.{name}[]")

    for kind, spec in KINDS.items():
        walk(spec, kind)


def test_json_schemas_accept_all_base_content(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    written = write_schemas(tmp_path)
    assert {p.name for p in written} >= {"event.schema.json", "card.schema.json", "mod.schema.json"}
    for folder, kind in FOLDERS.items():
        validator = jsonschema.Draft202012Validator(json.loads((tmp_path / f"{kind}.schema.json").read_text()))
        for path in sorted((ROOT / "data" / folder).glob("*.yaml")):
            data = json.loads(json.dumps(yaml.safe_load(path.read_text())))
            errors = [e.message for e in validator.iter_errors(data)]
            assert not errors, f"{path}: {errors[:3]}"


def test_json_schemas_reject_a_misspelt_field():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(schemas()["card"])
    assert list(validator.iter_errors([{"id": "x", "titel": "y"}]))


def test_schema_command_writes_files(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "game", "schema", "--out", str(tmp_path)], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0
    assert (tmp_path / "faction.schema.json").is_file()
