"""Hostile content is refused quickly, with a clear message, and runs nothing."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.content.yamlio import MAX_BYTES, YamlError, load_records, parse_yaml

ROOT = Path(__file__).resolve().parents[2]


def refused(text: str, name: str = "evil.yaml") -> str:
    started = time.perf_counter()
    with pytest.raises(YamlError) as info:
        parse_yaml(text, name)
    assert time.perf_counter() - started < 5.0
    return str(info.value)


def test_python_tags_never_run(tmp_path):
    marker = tmp_path / "pwned"
    text = f"- !!python/object/apply:os.system ['touch {marker}']\n"
    assert "is not allowed in content" in refused(text)
    assert not marker.exists()
    assert "not allowed" in refused("- !!python/name:os.system\n")
    assert "not allowed" in refused("- !custom_tag {a: 1}\n")


def test_billion_laughs_is_refused_quickly():
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    message = refused("\n".join(lines) + "\n")
    assert "alias bomb" in message or "more than" in message


def test_deep_nesting_is_refused():
    text = "a: " + "[" * 200 + "]" * 200 + "\n"
    assert "nesting deeper than" in refused(text)


def test_huge_files_are_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("- id: x\n" + "# padding\n" * (MAX_BYTES // 10 + 10))
    started = time.perf_counter()
    with pytest.raises(YamlError) as info:
        load_records(path, "huge.yaml")
    assert time.perf_counter() - started < 5.0
    assert "huge.yaml:1:1: error: the file is" in str(info.value) and "the limit is" in str(info.value)


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("- id: caf\xe9\n".encode("latin-1"))
    with pytest.raises(YamlError) as info:
        load_records(path, "latin.yaml")
    assert "not UTF-8" in str(info.value)


def test_validate_refuses_a_hostile_mod_from_the_command_line(tmp_path):
    mod = tmp_path / "evil_mod"
    (mod / "events").mkdir(parents=True)
    (mod / "mod.yaml").write_text("id: evil_mod\nname: Evil\nversion: 1.0.0\n")
    marker = tmp_path / "pwned"
    (mod / "events" / "e.yaml").write_text(f"- !!python/object/apply:os.system ['touch {marker}']\n")
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(mod)], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert time.perf_counter() - started < 5.0
    assert out.returncode == 1
    assert (
        "e.yaml:1:3: error: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in content"
        in out.stdout
    )
    assert not marker.exists()
