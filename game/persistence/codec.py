"""The save file: versioned JSON (never pickle) with a header readable on its own.

    {"header": {format, game_version, scenario, seed, turn, date, content_hash, mods: [...],
                factions: [...], saved_at},
     "table": {humans, levels, options},
     "log": [action, ...], "turn_hashes": [...], "state": {...}}

`read_save` refuses, with a one-line reason naming what is wrong, anything it cannot trust: a
file too large, not UTF-8, not JSON, of the wrong shape, from an unknown or newer format, or
whose state does not rebuild. Nothing is executed and nothing is written while reading.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.actions import Action, action_from_dict
from ..core.calendar import pretty_date
from ..core.state import GameState, state_hash
from .atomic import write_atomic
from .migrations import CURRENT, OLDEST, upgrade

MAX_SAVE_BYTES = 20_000_000


class SaveError(Exception):
    """A save that cannot be loaded; str() is the one-line reason for the player."""


@dataclass(slots=True)
class SaveData:
    header: dict[str, Any]
    state: GameState
    log: list[Action]
    turn_hashes: list[str] = field(default_factory=list)
    table: dict[str, Any] = field(default_factory=dict)


def encode(data: SaveData) -> str:
    doc = {
        "header": data.header,
        "table": data.table,
        "log": [a.to_dict() for a in data.log],
        "turn_hashes": list(data.turn_hashes),
        "state": data.state.to_dict(),
    }
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def make_header(state: GameState, content_hash: str, mods: list[dict[str, str]], factions: list[str], saved_at: str) -> dict[str, Any]:
    return {
        "format": CURRENT,
        "game_version": __version__,
        "scenario": state.scenario,
        "seed": state.seed,
        "turn": state.turn,
        "date": pretty_date(state.turn, state.start_year),
        "phase": state.phase,
        "content_hash": content_hash,
        "mods": mods,
        "factions": factions,
        "saved_at": saved_at,
        "state_hash": state_hash(state),
    }


def write_save(path: Path, data: SaveData) -> None:
    write_atomic(path, encode(data))


def read_header(path: Path) -> dict[str, Any]:
    """Only the header, for the load screen; raises SaveError like read_save."""
    return _document(path)["header"]


def read_save(path: Path) -> SaveData:
    doc = _document(path)
    name = path.name
    try:
        log = [action_from_dict(a) for a in doc["log"]]
    except (ValueError, TypeError) as exc:
        raise SaveError(f"{name}: the action log is damaged ({exc})") from exc
    try:
        state = GameState.from_dict(doc["state"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SaveError(f"{name}: the game state is damaged ({type(exc).__name__}: {exc})") from exc
    if doc["header"].get("state_hash") not in (None, state_hash(state)):
        raise SaveError(f"{name}: the game state does not match its checksum; the file was changed or damaged")
    hashes = doc.get("turn_hashes", [])
    if not isinstance(hashes, list) or not all(isinstance(h, str) for h in hashes):
        raise SaveError(f"{name}: turn_hashes must be a list of text")
    return SaveData(doc["header"], state, log, hashes, doc.get("table", {}))


def _document(path: Path) -> dict[str, Any]:
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SaveError(f"{name}: cannot be read ({exc.strerror})") from exc
    if size > MAX_SAVE_BYTES:
        raise SaveError(f"{name}: {size:,} bytes is too large for a save (limit {MAX_SAVE_BYTES:,})")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SaveError(f"{name}: not a save file (not UTF-8 text)") from exc
    except OSError as exc:
        raise SaveError(f"{name}: cannot be read ({exc.strerror})") from exc
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        truncated = not text.rstrip().endswith("}")
        hint = "it ends early: the file is truncated" if truncated else f"line {exc.lineno}, column {exc.colno}"
        raise SaveError(f"{name}: not a readable save ({exc.msg}; {hint})") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("header"), dict):
        raise SaveError(f"{name}: not a Testament save (no header)")
    fmt = doc["header"].get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise SaveError(f"{name}: the save format is missing or not a number")
    if fmt > CURRENT:
        saved_by = doc["header"].get("game_version", "a newer version")
        raise SaveError(f"{name}: written by Testament {saved_by} in save format {fmt}; this is {__version__} (format {CURRENT}) — update the game")
    if fmt < OLDEST:
        raise SaveError(f"{name}: save format {fmt} is too old to load (oldest supported: {OLDEST})")
    for key, kind in (("log", list), ("state", dict)):
        if not isinstance(doc.get(key), kind):
            raise SaveError(f"{name}: '{key}' is missing or of the wrong type")
    return upgrade(doc)
