"""Where things live: the resource root (PyInstaller aware), the bundled data and mods, and the
user's folder (settings, user mods) — platformdirs knows where that is on each system.

TESTAMENT_USER_DIR overrides the user's folder (tests and classrooms with roaming profiles).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs


def resource_root() -> Path:
    """The folder holding data/ and assets/: the repository, or the unpacked bundle when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    return resource_root() / "data"


def saves_dir() -> Path:
    """The repository's saves/ when run from source; the user's folder when frozen.
    TESTAMENT_SAVES_DIR (or --saves-dir on the command line) overrides both."""
    override = os.environ.get("TESTAMENT_SAVES_DIR")
    if override:
        return Path(override)
    if getattr(sys, "frozen", False):
        return user_dir() / "saves"
    return resource_root() / "saves"


def game_mods_dir() -> Path:
    return resource_root() / "mods"


def user_dir() -> Path:
    override = os.environ.get("TESTAMENT_USER_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir("testament", appauthor=False))


def user_mods_dir() -> Path:
    return user_dir() / "mods"


def mod_roots() -> list[Path]:
    return [game_mods_dir(), user_mods_dir()]
