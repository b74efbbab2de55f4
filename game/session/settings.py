"""The player's settings, kept in the user's folder as JSON: enabled mods, the window's options and
the content settings (which tagged texts are summarised, and whether the notice has been read).

Mods are off until the player enables them. A missing settings file gives the defaults; one that
cannot be used (not JSON, too deep, too large, a folder...) is set aside as `settings.json.broken-N`
with a notice, and the defaults are used: it is never a reason not to start. Writes are atomic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..content import safeio
from ..content.tags import known_tags
from .paths import user_dir


@dataclass(slots=True)
class Settings:
    mods: list[str] = field(default_factory=list)
    width: int = 1600
    height: int = 900
    fullscreen: bool = False
    ui_scale: int = 100  # percent, 100-200
    markers: bool = True  # faction letters on every seat (colour-blind safe)
    animation: int = 100  # percent speed of animations
    summarise: list[str] = field(default_factory=list)  # content tags whose texts are summarised (content.tags.TAGS)
    content_notice_seen: bool = False  # the notice before the first game has been read
    problem: str = ""  # why the file could not be read, if it could not

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in WINDOW_FIELDS + ("mods", "summarise", "content_notice_seen")}


WINDOW_FIELDS = ("width", "height", "fullscreen", "ui_scale", "markers", "animation")
LIMITS = {"width": (800, 7680), "height": (600, 4320), "ui_scale": (100, 200), "animation": (0, 400)}


def settings_path() -> Path:
    return user_dir() / "settings.json"


MAX_BYTES = 1_000_000


def load_settings(path: Path | None = None) -> Settings:
    """The settings; a file that cannot be used is set aside (renamed) and the defaults used."""
    path = path or settings_path()
    if not path.exists() and not path.is_symlink():
        return Settings()
    try:
        data = safeio.read_json(path, MAX_BYTES)
        if not isinstance(data, dict):
            raise safeio.ReadError("expected a JSON object")
    except safeio.ReadError as exc:
        return Settings(problem=f"{path}: could not be read ({exc}); {set_aside(path)}; using the defaults")
    return _from_dict(data, path)


def set_aside(path: Path) -> str:
    """Rename a broken settings file out of the way, so the next write does not lose it."""
    for i in range(1, 100):
        spare = path.with_name(f"{path.name}.broken-{i}")
        if spare.exists() or spare.is_symlink():
            continue
        try:
            path.rename(spare)
        except OSError as exc:
            return f"it could not be set aside ({exc.strerror})"
        return f"it was set aside as {spare.name}"
    return "it was left as it is"


def _from_dict(data: dict, path: Path) -> Settings:
    settings = Settings()
    mods = data.get("mods", [])
    if isinstance(mods, list) and all(isinstance(m, str) for m in mods):
        settings.mods = list(mods)
    else:
        settings.problem = f"{path}: 'mods' must be a list of mod ids; using none"
    for key in WINDOW_FIELDS:
        value = data.get(key)
        default = getattr(settings, key)
        if isinstance(value, type(default)) and not (isinstance(value, bool) and not isinstance(default, bool)):
            low, high = LIMITS.get(key, (value, value)) if not isinstance(value, bool) else (value, value)
            setattr(settings, key, min(max(value, low), high) if not isinstance(value, bool) else value)
    summarise = data.get("summarise", [])
    if isinstance(summarise, list):
        settings.summarise = known_tags(summarise)  # unknown tags (a newer version's, a typo) are dropped
    if isinstance(data.get("content_notice_seen"), bool):
        settings.content_notice_seen = data["content_notice_seen"]
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    from ..persistence.atomic import write_atomic

    write_atomic(path or settings_path(), json.dumps(settings.to_dict(), indent=2))
