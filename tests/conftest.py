"""Shared fixtures: the base ruleset, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.build import load_content

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def rs():
    return load_content(ROOT / "data").ruleset
