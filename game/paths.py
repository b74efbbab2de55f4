"""Where things live: the resource root (PyInstaller aware), the bundled data, and saves."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The folder holding data/ and assets/: the repository, or the unpacked bundle when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return resource_root() / "data"


def saves_dir() -> Path:
    return resource_root() / "saves"
