"""The expected shape of a save's header, table and turn hashes, checked before anything reads
them: the Load screen, the report and the session trust these fields, so a wrong type or an
absurd length at any level is a refusal with the field's name, never a crash further on.
"""

from __future__ import annotations

from typing import Any

MAX_TEXT = 200  # a header text is shown in one line of the Load screen
MAX_ITEMS = 100


def _text(v: Any) -> bool:
    return isinstance(v, str) and len(v) <= MAX_TEXT


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**63


def _texts(v: Any) -> bool:
    return isinstance(v, list) and len(v) <= MAX_ITEMS and all(_text(x) for x in v)


def _mods(v: Any) -> bool:
    return (
        isinstance(v, list)
        and len(v) <= MAX_ITEMS
        and all(isinstance(m, dict) and all(_text(m.get(k)) for k in ("id", "version", "hash")) for m in v)
    )


HEADER = {
    "format": (_int, "a number"),
    "game_version": (_text, "text"),
    "scenario": (_text, "text"),
    "seed": (_int, "a whole number"),
    "turn": (_int, "a whole number"),
    "date": (_text, "text"),
    "phase": (_text, "text"),
    "content_hash": (_text, "text"),
    "mods": (_mods, "a list of {id, version, hash} texts"),
    "factions": (_texts, "a list of texts"),
    "saved_at": (_text, "text"),
    "state_hash": (_text, "text"),
    "checksum": (_text, "text"),
}


def _options(v: Any) -> bool:
    return (
        isinstance(v, dict)
        and len(v) <= MAX_ITEMS
        and all(_text(k) and (isinstance(x, bool) or _int(x)) for k, x in v.items())
    )


def _levels(v: Any) -> bool:
    return isinstance(v, dict) and len(v) <= MAX_ITEMS and all(_text(k) and _text(x) for k, x in v.items())


TABLE = {
    "humans": (_texts, "a list of faction ids"),
    "levels": (_levels, "a mapping of faction ids to AI levels"),
    "options": (_options, "a mapping of option names to true, false or a number"),
}


STATE = {  # the state's own scalars, which everything that shows a save reads first
    "scenario": (_text, "text"),
    "seed": (_int, "a whole number"),
    "turn": (_int, "a whole number"),
    "start_year": (_int, "a whole number"),
    "phase": (_text, "text"),
}


def shape_problem(doc: dict[str, Any]) -> str:
    """What is wrong with the header, table or turn hashes of an upgraded save, or ''."""
    header = doc["header"]
    for key, (test, what) in HEADER.items():
        if key in header and not test(header[key]):
            return f"the header's '{key}' should be {what}; the file is damaged"
    table = doc.setdefault("table", {})
    if not isinstance(table, dict):
        return "'table' should be a mapping; the file is damaged"
    for key, (test, what) in TABLE.items():
        if key in table and not test(table[key]):
            return f"the table's '{key}' should be {what}; the file is damaged"
    state = doc["state"]
    for key, (test, what) in STATE.items():
        if not test(state.get(key)):
            return f"the state's '{key}' should be {what}; the file is damaged"
    log = state.get("log", [])
    if not isinstance(log, list) or not all(
        isinstance(e, list) and len(e) == 3 and _int(e[0]) and _text(e[1]) and isinstance(e[2], dict) for e in log
    ):
        return "the chronicle (state.log) should be a list of [turn, key, parameters]; the file is damaged"
    hashes = doc.setdefault("turn_hashes", [])
    if not isinstance(hashes, list) or not all(_text(h) for h in hashes):
        return "turn_hashes must be a list of text"
    return ""
