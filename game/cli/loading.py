"""The content a command runs on: the base game plus mods (default: those enabled in settings),
loaded once per run, its problems printed one per line."""

from __future__ import annotations

import sys
from pathlib import Path

from ..session.paths import data_dir

CONTENT_CACHE: dict = {}


def content_of(args):
    """The loaded content (base plus mods), loaded once per run."""
    if "content" not in CONTENT_CACHE:
        CONTENT_CACHE["content"] = load_content(args.data, mod_list(args.mods))
    return CONTENT_CACHE["content"]


def mod_list(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [m.strip() for m in text.split(",") if m.strip()]


def load_content(folder: Path | None, mods: list[str] | None):
    """The content with the chosen mods (default: those enabled in settings); problems to stderr."""
    from ..content.build import ContentError
    from ..content.loader import load_game
    from ..session.paths import mod_roots
    from ..session.settings import load_settings

    if mods is None:
        settings = load_settings()
        CONTENT_CACHE["settings"] = settings  # the window shows its problem: read it once
        if settings.problem:
            print(f"warning: {settings.problem}", file=sys.stderr)
        mods = settings.mods
    try:
        content = load_game(folder or data_dir(), mods, mod_roots())
    except ContentError as exc:
        print("The game's content has errors:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return None
    for mod_id, why in content.mods.disabled.items():
        print(f"warning: mod '{mod_id}' is disabled: {why}", file=sys.stderr)
    if content.active:
        print(f"mods: {', '.join(content.active)}", file=sys.stderr)
    return content
