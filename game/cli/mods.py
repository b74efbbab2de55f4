"""`python -m game mods`: where mods and settings live, the installed mods with the state of each,
and enabling or disabling them in the settings.

The state of a mod is worked out by `content.mods.mod_states`, which the window's Mods screen uses
too, so the two always agree: `on` (enabled and loads), `off` (installed, not enabled), or `bad` (it cannot
load, with the reason — enabled or not).
"""

from __future__ import annotations

from pathlib import Path

from ..content.mods import discover, mod_states
from ..session.paths import mod_roots, user_dir, user_mods_dir
from ..session.settings import load_settings, save_settings, settings_path


def run_mods(data: Path, enable: list[str], disable: list[str]) -> int:
    found = discover(mod_roots())
    settings = load_settings()
    print(f"user folder:   {user_dir()}")
    print(f"user mods:     {user_mods_dir()}  (put mod folders here)")
    print(f"game mods:     {mod_roots()[0]}")
    print(f"settings file: {settings_path()}")
    if settings.problem:
        print(f"warning: {settings.problem}")
    status = 0
    for mod_id in enable:
        if mod_id in found.available and mod_id not in found.disabled:
            continue
        if mod_id in found.disabled:
            print(f"error: mod '{mod_id}' cannot be enabled: {found.disabled[mod_id]}")
        else:
            print(f"error: no installed mod '{mod_id}' (installed: {', '.join(found.available) or 'none'})")
        status = 1
    if status:
        return status
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
    if not found.available and not found.disabled:
        print("no mods installed (put mod folders in: " + ", ".join(str(r) for r in mod_roots()) + ")")
    for mod_id, (state, why) in mod_states(found, settings.mods).items():
        info = found.available.get(mod_id)
        if info is None:
            print(f"[bad] {mod_id}: {why}")
            continue
        version = ".".join(map(str, info.version))
        tail = f": {why}" if why else ""
        print(f"[{state.ljust(3)}] {mod_id} {version} - {info.name} ({info.path}){tail}")
    return 0
