"""Shared fixtures: the base ruleset, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.build import load_content

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def rs():
    return load_content(ROOT / "data").ruleset


@pytest.fixture(scope="session", autouse=True)
def _private_user_folder(tmp_path_factory):
    """Tests never touch the real user's settings or saves (subprocesses inherit this)."""
    import os

    old = {k: os.environ.get(k) for k in ("TESTAMENT_USER_DIR", "TESTAMENT_SAVES_DIR")}
    os.environ["TESTAMENT_USER_DIR"] = str(tmp_path_factory.mktemp("user"))
    os.environ["TESTAMENT_SAVES_DIR"] = str(tmp_path_factory.mktemp("saves"))  # never the repository's saves/
    yield
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
