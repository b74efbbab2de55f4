"""The inbox's view-model (pure, no pygame): what happened since a faction's last turn, from its
player view's chronicle — offers to it, pacts that touch it, votes, appointments, deaths, events —
each line with the thing it names, so a click can open it (a vote -> its report; a person or an
office -> selected on the apparatus screen; an event -> the encyclopedia; a pact -> Relations).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.ruleset import Ruleset
from ..text.chronicle import Text

PACT_KEYS = (
    "pact.offered",
    "pact.accepted",
    "pact.declined",
    "pact.broken",
    "pact.ended",
    "pact.lapsed",
    "pact.opened",
)
TAGS = {
    "vote.held": "VOTE",
    "plenum.removal": "PLENUM",
    "plenum.expulsion": "PLENUM",
    "congress.held": "CONGRESS",
    "office.filled": "OFFICE",
    "office.vacated": "OFFICE",
    "person.died": "DEATH",
    "person.exiled": "EXILE",
    "person.arrested": "ARREST",
    "event.chosen": "EVENT",
    "policy.changed": "POLICY",
    "discipline.rung": "DISCIPLINE",
    "discipline.stripped": "DISCIPLINE",
    "country.famine": "FAMINE",
    "era.began": "ERA",
    "card.event": "CARD",
    "denounce": "DENOUNCED",
    "declare": "HOLD",
}


@dataclass(frozen=True, slots=True)
class Line:
    tag: str  # VOTE, OFFER, PACT, DEATH...
    text: str
    target: tuple[
        str, Any
    ]  # ("vote", entry) | ("person", id) | ("office", id) | ("event", id) | ("relations", None) | ("chronicle", None)


def lines(rs: Ruleset, log: list, viewer: str, start_year: int | None = None) -> list[Line]:
    """The inbox for `viewer` from these chronicle entries (its player view's, since its last turn);
    with the game's `start_year`, offices are named as they were on each entry's date."""
    t = Text(rs)
    out = []
    for entry in log:
        turn, key, p = entry
        t.when = None if start_year is None else t.dated(start_year, turn)
        if key in PACT_KEYS:
            if viewer not in (p.get("faction"), p.get("partner")) and key != "pact.opened":
                continue
            words = t.entry(key, p, t.when)
            if key in ("pact.accepted", "pact.declined"):  # to the offerer: "you are stronger than they are"
                words = getattr(t, "_" + key.replace(".", "_"))(p, viewer)
            if key == "pact.offered" and p.get("partner") == viewer:
                out.append(Line("OFFER", (words or "") + " Answer it in Relations (key R).", ("relations", None)))
            elif words:
                out.append(Line("PACT", words, ("relations", None)))
            continue
        if key not in TAGS:
            continue
        if key == "denounce" and p.get("target") != viewer:
            continue
        if key == "event.chosen" and p.get("chooser") == viewer:
            continue  # its own choice: it knows
        words = t.entry(key, p, t.when)
        if not words:
            continue
        out.append(Line(TAGS[key], words, _target(key, p, entry)))
    return out


def _target(key: str, p: dict, entry: list) -> tuple[str, Any]:
    if key in ("vote.held", "plenum.removal", "plenum.expulsion", "congress.held"):
        return "vote", entry
    if key == "office.filled" and p.get("office"):
        return "office", p["office"]
    if key == "office.vacated" and p.get("office"):
        return "office", p["office"]
    if key.startswith("person.") or key in ("discipline.stripped", "declare"):
        return "person", p.get("character")
    if key == "event.chosen":
        return "event", p.get("event")
    return "chronicle", None
