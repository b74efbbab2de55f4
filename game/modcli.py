"""`python -m game mods`: list the installed mods and enable or disable them in the settings."""

from __future__ import annotations

from pathlib import Path

from .content.mods import discover
from .paths import mod_roots
from .settings import load_settings, save_settings


def run_mods(data: Path, enable: list[str], disable: list[str]) -> int:
    found = discover(mod_roots())
    settings = load_settings()
    if settings.problem:
        print(f"warning: {settings.problem}")
    unknown = [m for m in enable if m not in found.available]
    for mod_id in unknown:
        print(f"error: no installed mod '{mod_id}'")
    if unknown:
        return 1
    changed = False
    for mod_id in enable:
        if mod_id not in settings.mods:
            settings.mods.append(mod_id)
            changed = True
    for mod_id in disable:
        if mod_id in settings.mods:
            settings.mods.remove(mod_id)
            changed = True
    if changed:
        save_settings(settings)
    for problem in found.problems:
        print(problem)
    if not found.available:
        print("no mods installed (put mod folders in: " + ", ".join(str(r) for r in mod_roots()) + ")")
    for mod_id, info in found.available.items():
        mark = "on " if mod_id in settings.mods else "off"
        version = ".".join(map(str, info.version))
        print(f"[{mark}] {mod_id} {version} - {info.name} ({info.path})")
    for mod_id, why in found.disabled.items():
        print(f"[bad] {mod_id}: {why}")
    return 0
