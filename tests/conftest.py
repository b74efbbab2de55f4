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
    """Tests never read or write the real user's settings (subprocesses inherit this)."""
    import os

    old = os.environ.get("TESTAMENT_USER_DIR")
    os.environ["TESTAMENT_USER_DIR"] = str(tmp_path_factory.mktemp("user"))
    yield
    if old is None:
        os.environ.pop("TESTAMENT_USER_DIR", None)
    else:
        os.environ["TESTAMENT_USER_DIR"] = old
