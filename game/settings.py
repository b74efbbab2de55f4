"""The player's settings, kept in the user's folder as JSON: for now, which mods are enabled.

Mods are off until the player enables them. A missing or unreadable settings file gives the
defaults with a message; it is never a reason not to start. Writes are atomic.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .paths import user_dir


@dataclass(slots=True)
class Settings:
    mods: list[str] = field(default_factory=list)
    problem: str = ""  # why the file could not be read, if it could not


def settings_path() -> Path:
    return user_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.is_file():
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Settings(problem=f"{path}: could not be read ({exc}); using the defaults")
    mods = data.get("mods", []) if isinstance(data, dict) else []
    if not isinstance(mods, list) or not all(isinstance(m, str) for m in mods):
        return Settings(problem=f"{path}: 'mods' must be a list of mod ids; using none")
    return Settings(mods=list(mods))


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"mods": settings.mods}, out, indent=2)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
