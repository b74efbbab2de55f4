"""The save file: versioned JSON (never pickle) with a header readable on its own.

    {"header": {format, game_version, scenario, seed, turn, date, content_hash, mods: [...],
                factions: [...], saved_at, state_hash, checksum},
     "table": {humans, levels, options},
     "log": [action, ...], "turn_hashes": [...], "state": {...}}

`checksum` (from format 3) is a sha256 over the canonical JSON of the whole document without
it — header, table, log, turn hashes and state — so no part can be changed unnoticed.
`read_save` refuses, with a one-line reason naming what is wrong, anything it cannot trust: a
file too large, too deep, not UTF-8, not JSON, of the wrong shape or types at any level, from an
unknown or newer format, changed since it was written, or whose state does not rebuild. Nothing
is executed and nothing is written while reading.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..content import safeio
from ..core.actions import Action, action_from_dict
from ..core.calendar import pretty_date
from ..core.state import GameState, state_hash
from .atomic import write_atomic
from .migrations import CURRENT, OLDEST, SIGNED, upgrade
from .shape import shape_problem

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
        "header": {k: v for k, v in data.header.items() if k != "checksum"},
        "table": data.table,
        "log": [a.to_dict() for a in data.log],
        "turn_hashes": list(data.turn_hashes),
        "state": data.state.to_dict(),
    }
    return json.dumps(sign(doc), ensure_ascii=False, separators=(",", ":"))


def checksum(doc: dict[str, Any]) -> str:
    """sha256 over the canonical JSON of the document without its checksum."""
    unsigned = {**doc, "header": {k: v for k, v in doc["header"].items() if k != "checksum"}}
    text = json.dumps(unsigned, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def sign(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with header.checksum set (last in the header, after everything it covers)."""
    header = {k: v for k, v in doc["header"].items() if k != "checksum"}
    header["checksum"] = checksum(doc)
    return {**doc, "header": header}


def make_header(
    state: GameState, content_hash: str, mods: list[dict[str, str]], factions: list[str], saved_at: str
) -> dict[str, Any]:
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
    header: dict[str, Any] = _document(path)["header"]
    return header


def read_save(path: Path) -> SaveData:
    doc = _document(path)
    name = path.name
    try:
        log = [action_from_dict(a) for a in doc["log"]]
    except Exception as exc:  # noqa: BLE001 - any failure to rebuild outside data is a damaged file
        raise SaveError(f"{name}: the action log is damaged ({_short(exc)})") from exc
    try:
        state = GameState.from_dict(doc["state"])
        ok = doc["header"].get("state_hash") in (None, state_hash(state))
    except Exception as exc:  # noqa: BLE001 - as above: wrong types at any depth end here
        raise SaveError(f"{name}: the game state is damaged ({type(exc).__name__}: {_short(exc)})") from exc
    if not ok:
        raise SaveError(f"{name}: the game state does not match its checksum; the file was changed or damaged")
    return SaveData(doc["header"], state, log, doc["turn_hashes"], doc["table"])


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 120 else text[:117] + "..."


def _document(path: Path) -> dict[str, Any]:
    name = path.name
    try:
        doc = safeio.read_json(path, MAX_SAVE_BYTES)
    except safeio.ReadError as exc:
        reason = str(exc)
        if reason.startswith("not valid JSON"):
            reason = "not a readable save (" + reason.removeprefix("not valid JSON (")
        raise SaveError(f"{name}: {reason}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("header"), dict):
        raise SaveError(f"{name}: not a Testament save (no header)")
    fmt = doc["header"].get("format")
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        raise SaveError(f"{name}: the save format is missing or not a number")
    if fmt > CURRENT:
        saved_by = doc["header"].get("game_version", "a newer version")
        saved_by = saved_by if isinstance(saved_by, str) and len(saved_by) < 20 else "a newer version"
        raise SaveError(
            f"{name}: written by Testament {saved_by} in save format {fmt}; this is {__version__} (format {CURRENT}) — update the game"
        )
    if fmt < OLDEST:
        raise SaveError(f"{name}: save format {fmt} is too old to load (oldest supported: {OLDEST})")
    for key, kind in (("log", list), ("state", dict)):
        if not isinstance(doc.get(key), kind):
            raise SaveError(f"{name}: '{key}' is missing or of the wrong type")
    if fmt >= SIGNED and doc["header"].get("checksum") != checksum(doc):
        raise SaveError(f"{name}: the file does not match its checksum; it was changed or damaged after it was saved")
    doc = upgrade(doc)
    problem = shape_problem(doc)
    if problem:
        raise SaveError(f"{name}: {problem}")
    return doc
