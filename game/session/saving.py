"""Saving and loading whole games: a session to a SaveData and back, with the checks that keep
a save from loading into the wrong content (other mods, changed files, another scenario set).
Also autosaves rotating the last five, listing saves for the load screen, and GameSaver: the
one way a game in play is saved (quick save, autosave, a lesson's end, beside the report).
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
    return GameSaver(session, content, folder).autosave()


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


QUICKSAVE = f"quicksave{SUFFIX}"


class GameSaver:
    """The one way a game in play is saved, whoever asks: the quick save (F5 and the pause menu),
    the autosave at each new turn and at the end, the save at a lesson's end and the one beside
    the end-of-game report. Each writes through `save`; nothing else in the window saves (a
    resize or a redraw never does). Errors (OSError, SaveError) go to the caller to show."""

    def __init__(self, session: Session, content: GameContent, folder: Path) -> None:
        self.session, self.content, self.folder = session, content, folder
        self.saved_turn: int | None = None  # the turn last autosaved (or seen, at the first look)
        self.saved_end = False

    def save(self, name: str) -> Path:
        return save_session(self.folder / name, self.session, self.content)

    def quick_save(self) -> Path:
        return self.save(QUICKSAVE)

    def autosave_if_new_turn(self) -> Path | None:
        """Autosave when a turn has passed since the last look, or the game has just ended."""
        turn, over = self.session.state.turn, self.session.over
        due = (self.saved_turn is not None and self.saved_turn != turn) or (over and not self.saved_end)
        self.saved_turn = turn
        if not due:
            return None
        self.saved_end = over
        return self.autosave()

    def autosave(self) -> Path:
        """Write autosave-1 (newest) and shift the older ones down; keep AUTOSAVES of them."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for i in range(AUTOSAVES, 1, -1):
            older = self.folder / f"autosave-{i - 1}{SUFFIX}"
            if older.exists():
                older.replace(self.folder / f"autosave-{i}{SUFFIX}")
        return self.save(f"autosave-1{SUFFIX}")

    def mark_saved(self) -> None:
        """Take the turn as it is now as saved (a teacher's rewind is no new turn to autosave)."""
        self.saved_turn = self.session.state.turn

    def stamp(self) -> str:
        state = self.session.state
        return f"{state.scenario}-seed{state.seed}"

    def lesson_name(self, lesson: int) -> str:
        return f"{self.stamp()}-lesson{lesson}{SUFFIX}"

    def lesson_end(self, lesson: int) -> Path:
        return self.save(self.lesson_name(lesson))

    def report_stamp(self) -> str:
        """The name a report and the save beside it share."""
        return f"{self.stamp()}-turn{self.session.state.turn + 1}"

    def beside_report(self) -> Path:
        """The game as it is now, saved under the name its report is written beside."""
        return self.save(f"{self.report_stamp()}{SUFFIX}")
