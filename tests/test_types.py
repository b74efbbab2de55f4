"""`mypy --strict` is clean for the rules core and the save files (the [tool.mypy] section of
pyproject.toml names the folders; the layers above are followed silently, not checked)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_core_and_persistence_are_strictly_typed():
    pytest.importorskip("mypy", reason="mypy is a dev dependency")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "game/core", "game/persistence"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    errors = [line for line in out.stdout.splitlines() if re.match(r"^\S+\.py:\d+: error:", line)]
    assert not errors, "\n".join(errors)
    assert out.returncode == 0 and "Success" in out.stdout, out.stdout + out.stderr
