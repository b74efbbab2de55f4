"""The classroom protocol, version 1: every message a page or the teacher sends, checked on arrival.

A message is one JSON object of at most MAX_BYTES bytes with `"v": 1` and a `type`; each type has
a fixed set of fields of fixed kinds and sizes, and anything else is refused with a `ProtocolError`
whose code and text go back to the sender. No message is ever half-used: it is checked whole
before the room looks at it. The action a page sends is rebuilt here into an action record; the
actor is never taken from the page but from the device's token (docs/NETWORK.md).
"""

from __future__ import annotations

import json
from dataclasses import fields
from functools import cache
from typing import Any

from ..core import actions as A

VERSION = 1
MAX_BYTES = 4096  # a page's largest honest message is a few hundred bytes
MAX_TEXT = 80
MAX_INT = 10_000

# What a student's page may ask the host to do; teacher controls and class votes are not actions a
# page may send (they come from the teacher, or from the tally of the pages' votes).
PAGE_ACTIONS = tuple(tag for tag in A.ACTION_TYPES if tag not in ("teacher", "class_vote"))
CONTROLS = (
    "pause",
    "resume",
    "advance",
    "skip",
    "inject",
    "recover",
    "undo_turn",
    "timer",
    "kick",
    "readmit",
    "swap",
    "open_vote",
    "close_vote",
    "report",
)

_STR, _INT, _OBJ, _LIST = "text", "whole number", "object", "list"
# type -> {field: (kind, required)}; `v` and `type` are checked for every message.
FIELDS: dict[str, dict[str, tuple[str, bool]]] = {
    "join": {"room": (_STR, True), "faction": (_STR, True), "name": (_STR, False)},
    "rejoin": {"token": (_STR, True)},
    "act": {"seq": (_INT, True), "at": (_INT, True), "action": (_OBJ, True)},
    "undo": {"seq": (_INT, True), "at": (_INT, True)},
    "vote": {"seq": (_INT, True), "poll": (_INT, True), "option": (_STR, True)},
    "watch": {},
    "ping": {"id": (_INT, False)},
    "teacher": {"key": (_STR, True)},
    "control": {
        "seq": (_INT, True),
        "control": (_STR, True),
        "device": (_STR, False),
        "faction": (_STR, False),
        "event": (_STR, False),
        "minutes": (_INT, False),
        "subject": (_STR, False),
        "options": (_LIST, False),
    },
}


class ProtocolError(Exception):
    """A message refused; `code` is stable (for pages and tests), `text` is for people."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(text)
        self.code, self.text = code, text


def error(code: str, text: str, seq: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"v": VERSION, "type": "error", "code": code, "text": text}
    if seq is not None:
        out["seq"] = seq
    return out


def parse(raw: str | bytes) -> dict[str, Any]:
    """The message as a checked dict, or ProtocolError."""
    size = len(raw.encode("utf-8") if isinstance(raw, str) else raw)
    if size > MAX_BYTES:
        raise ProtocolError("too_large", f"A message may be at most {MAX_BYTES} bytes; this one was {size}.")
    try:
        msg = json.loads(raw)
    except (ValueError, RecursionError):
        raise ProtocolError("malformed", "The message is not JSON.") from None
    if not isinstance(msg, dict):
        raise ProtocolError("malformed", "A message is a JSON object.")
    if msg.get("v") != VERSION or isinstance(msg.get("v"), bool):
        raise ProtocolError("version", f"This host speaks protocol version {VERSION}; reload the page.")
    kind = msg.get("type")
    spec = FIELDS.get(kind) if isinstance(kind, str) else None
    if spec is None:
        raise ProtocolError("unknown_type", f"Unknown message type {_show(kind)}.")
    extra = sorted(set(msg) - set(spec) - {"v", "type"})
    if extra:
        raise ProtocolError("malformed", f"A '{kind}' message has no field {', '.join(map(repr, extra))}.")
    for name, (what, required) in spec.items():
        if name not in msg:
            if required:
                raise ProtocolError("malformed", f"A '{kind}' message needs '{name}'.")
            continue
        _check_value(f"{kind}.{name}", msg[name], what)
    return msg


def _check_value(where: str, value: Any, what: str) -> None:
    ok = {
        _STR: isinstance(value, str) and len(value) <= MAX_TEXT,
        _INT: isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 2**31,
        _OBJ: isinstance(value, dict),
        _LIST: isinstance(value, list)
        and len(value) <= 8
        and all(isinstance(v, str) and 0 < len(v) <= MAX_TEXT for v in value),
    }[what]
    if not ok:
        raise ProtocolError("malformed", f"'{where}' must be a {what} of sensible size.")


def page_action(data: dict[str, Any], actor: str) -> A.Action:
    """The action a page asked for, played by `actor` (its device's faction).

    Every field must have the kind of the record's own field (a number where a number belongs),
    and an `actor` field, if the page sent one, must be its own faction: anything else is forged.
    """
    tag = data.get("type")
    if not isinstance(tag, str) or tag not in PAGE_ACTIONS:
        if tag in A.ACTION_TYPES:
            raise ProtocolError("forged", f"A team's page cannot send a '{tag}' action.")
        raise ProtocolError("malformed", f"Unknown action type {_show(tag)}.")
    cls = A.ACTION_TYPES[tag]
    if "actor" in data and data["actor"] != actor:
        raise ProtocolError("forged", "A device acts only for its own faction.")
    kinds = {f.name: type(f.default) for f in fields(cls) if f.name != "actor"}
    values = {k: v for k, v in data.items() if k not in ("type", "actor")}
    for name, value in values.items():
        kind = kinds.get(name)
        if kind is None:
            raise ProtocolError("malformed", f"A '{tag}' action has no field '{name}'.")
        if type(value) is not kind:
            raise ProtocolError("malformed", f"'{tag}.{name}' must be a {kind.__name__}.")
        if (kind is str and len(value) > MAX_TEXT) or (kind is int and abs(value) > MAX_INT):
            raise ProtocolError("malformed", f"'{tag}.{name}' is out of range.")
    return cls(actor, **values)


def action_fields(action: A.Action) -> dict[str, Any]:
    """An action as a page sends it back: its type and fields, without the actor (the records hold
    ids and numbers only, so their fields are read as they are: a page has hundreds of options)."""
    return {"type": action.tag, **{name: getattr(action, name) for name in _page_fields(type(action))}}


@cache
def _page_fields(cls: type[A.Action]) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.name != "actor")


def _show(value: Any) -> str:
    text = json.dumps(value)[:40] if isinstance(value, (str, int, float, bool, type(None))) else "(not text)"
    return text
