"""Saving and loading whole games: a session to a SaveData and back, with the checks that keep
a save from loading into the wrong content (other mods, changed files, another scenario set).
Also the save folder, autosaves rotating the last five, and listing saves for the load screen.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from ..content.loader import GameContent
from ..persistence.codec import SaveData, SaveError, make_header, read_header, read_save, write_save
from ..text.names import label
from .live import Session

AUTOSAVES = 5
SUFFIX = ".testament.json"


def saved_now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


def to_save(session: Session, content: GameContent) -> SaveData:
    rs = content.ruleset
    factions = [f"{label(rs, f)}: {'person' if f in session.humans else 'AI'}" for f in rs.faction_ids]
    header = make_header(session.state, content.ruleset.content_hash, content.mod_records(), factions, saved_now())
    return SaveData(header, session.state, list(session.timeline.log), list(session.turn_hashes), session.table())


def check_content(data: SaveData, content: GameContent, name: str) -> None:
    """Refuse a save made with other content, naming the mods that are missing or changed."""
    saved = {m["id"]: m for m in data.header.get("mods", []) if isinstance(m, dict) and "id" in m}
    active = {m["id"]: m for m in content.mod_records()}
    missing = [m for m in saved if m not in active]
    if missing:
        raise SaveError(
            f"{name}: made with mod(s) {', '.join(missing)}, which are not enabled — enable them and load again"
        )
    extra = [m for m in active if m not in saved]
    if extra:
        raise SaveError(f"{name}: made without mod(s) {', '.join(extra)} — disable them and load again")
    changed = [m for m in saved if saved[m].get("hash") != active[m]["hash"]]
    if changed:
        raise SaveError(
            f"{name}: mod(s) {', '.join(changed)} changed since this game was saved; it cannot continue exactly"
        )
    if data.header.get("content_hash") != content.ruleset.content_hash:
        raise SaveError(f"{name}: the game's content changed since this save (another version of the game?)")
    if data.state.scenario not in content.ruleset.scenarios:
        raise SaveError(f"{name}: unknown scenario '{data.state.scenario}'")


def load_session(path: Path, content: GameContent) -> Session:
    data = read_save(path)
    check_content(data, content, path.name)
    return Session.resume(content.ruleset, data.state, data.log, data.turn_hashes, data.table)


def save_session(path: Path, session: Session, content: GameContent) -> Path:
    if path.name != Path(path.name).name or ".." in path.parts:
        raise SaveError(f"{path}: a save name may not leave the saves folder")
    write_save(path, to_save(session, content))
    return path


def safe_name(name: str) -> str:
    """A file name from what a player typed: letters, digits, - and _ only."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name.strip())[:60]
    return cleaned or "save"


def autosave(folder: Path, session: Session, content: GameContent) -> Path:
    """Write autosave-1 (newest) and shift the older ones down; keep AUTOSAVES of them."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(AUTOSAVES, 1, -1):
        older = folder / f"autosave-{i - 1}{SUFFIX}"
        if older.exists():
            older.replace(folder / f"autosave-{i}{SUFFIX}")
    return save_session(folder / f"autosave-1{SUFFIX}", session, content)


def list_saves(folder: Path) -> list[tuple[Path, dict[str, Any] | None, str]]:
    """Every save in the folder, newest first: (path, header or None, problem)."""
    out: list[tuple[Path, dict[str, Any] | None, str]] = []
    if not folder.is_dir():
        return out
    try:
        paths = list(folder.glob(f"*{SUFFIX}"))
    except OSError:
        return out  # the folder cannot be listed: no saves to show, never a crash
    for path in sorted(paths, key=mtime, reverse=True):
        try:
            out.append((path, read_header(path), ""))
        except SaveError as exc:
            out.append((path, None, str(exc)))
    return out


def mtime(path: Path) -> float:
    """When a listed file last changed, or 0 if it cannot be asked (sorting never fails)."""
    try:
        return path.stat().st_mtime
    except OSError:  # a dangling link, or gone since the folder was listed
        return 0.0
