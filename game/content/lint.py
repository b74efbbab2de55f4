"""Whole-content checks that no single record can see: scenario arithmetic, leaders and their
factions, and events or cards that can never fire (warnings, each with a code a record may
silence with a reason).
"""

from __future__ import annotations

from ..core.calendar import half_year_label
from ..core.ruleset import Ruleset
from .check import Checker
from .tags import TAGS
from .yamlio import Located


def lint(rs: Ruleset, usable: dict[str, list[Located]], checker: Checker) -> None:
    where = {kind: {loc.data["id"]: loc for loc in items} for kind, items in usable.items()}
    _scenarios(rs, where["scenario"], checker)
    _leaders(rs, where["faction"], checker)
    _people(rs, where["character"], checker)
    _events(rs, where["event"], checker)
    _cards(rs, where["card"], checker)
    _tags(rs, where, checker)


def _span(rs: Ruleset) -> tuple[int, int]:
    starts = [s.start_year * 2 for s in rs.scenarios.values()] or [0]
    ends = [s.start_year * 2 + s.turns - 1 for s in rs.scenarios.values()] or [0]
    return min(starts), max(ends)


def _scenarios(rs: Ruleset, locs: dict[str, Located], checker: Checker) -> None:
    for sid, scen in rs.scenarios.items():
        loc = locs[sid]
        for key, body in (
            ("cc_seats", "central_committee"),
            ("ccc_seats", "control_commission"),
            ("soviet_seats", "congress_of_soviets"),
        ):
            seats = rs.bodies[body].seats if body in rs.bodies else 0
            given = sum(getattr(scen, key).values())
            if given != seats:
                checker.error(
                    loc,
                    key,
                    f"{sid}.{key}: the seats add up to {given}, but the {body} has {seats}",
                    "seat counts are fixed: make them add up",
                )
        for body, members in scen.bodies.items():
            if body in rs.bodies and len(members) > rs.bodies[body].seats:
                checker.error(
                    loc,
                    ("bodies", body),
                    f"{sid}.bodies.{body}: {len(members)} members for {rs.bodies[body].seats} seats",
                )
            if len(set(members)) != len(members):
                checker.error(loc, ("bodies", body), f"{sid}.bodies.{body}: someone is listed twice")
        for office, who in scen.offices.items():
            if who in scen.dead_at_start:
                checker.error(loc, ("offices", office), f"{sid}.offices.{office}: {who} is dead at the start")
        for f in (*scen.playable, scen.apparatus):
            if f in rs.factions and not rs.factions[f].leaders:
                checker.error(loc, "playable", f"{sid}: faction '{f}' has no leaders")


def _leaders(rs: Ruleset, locs: dict[str, Located], checker: Checker) -> None:
    for fid, fdef in rs.factions.items():
        for i, cid in enumerate(fdef.leaders):
            person = rs.characters.get(cid)
            if person is not None and (person.faction != fid or not person.leader):
                checker.error(
                    locs[fid],
                    ("leaders", i),
                    f"{fid}.leaders[{i}]: {cid} must have faction: {fid} and leader: true",
                    "a leader is bound to his faction for the whole game",
                )


def _people(rs: Ruleset, locs: dict[str, Located], checker: Checker) -> None:
    for cid, person in rs.characters.items():
        if person.died_turn is not None and person.died_turn // 2 < person.born:
            checker.error(
                locs[cid], "died", f"{cid}: dies in {person.died_turn // 2}, before he is born in {person.born}"
            )


def _events(rs: Ruleset, locs: dict[str, Located], checker: Checker) -> None:
    first, last = _span(rs)
    for eid, ev in rs.events.items():
        loc = locs[eid]
        if ev.first_turn > ev.last_turn:
            checker.error(loc, "window", f"{eid}: the window ends before it begins")
            continue
        if ev.last_turn < first or ev.first_turn > last:
            checker.warning(
                loc,
                "window",
                f"{eid}: the window {half_year_label(ev.first_turn)} to {half_year_label(ev.last_turn)} is outside every scenario",
                "it can never fire",
                code="outside_scenarios",
            )
        for i, (name, value) in enumerate(ev.conditions):
            if (name == "after" and value > ev.last_turn) or (name == "before" and value <= ev.first_turn):
                checker.warning(
                    loc,
                    ("conditions", i),
                    f"{eid}.conditions[{i}]: '{name}: {half_year_label(value)}' contradicts the window",
                    "the event can never fire",
                    code="unreachable",
                )
            if name == "alive" and rs.characters[value].died_turn is not None:
                pass  # dynamic: he may die earlier or later in a game
        ids = [c.id for c in ev.choices]
        if len(set(ids)) != len(ids):
            checker.error(loc, "choices", f"{eid}: two choices share an id")


def _cards(rs: Ruleset, locs: dict[str, Located], checker: Checker) -> None:
    starts = {int(k): v for k, v in rs.rules.get("era_starts", {}).items()}
    for cid, card in rs.cards.items():
        if starts and card.era not in starts:
            checker.error(locs[cid], "era", f"{cid}: era {card.era} is not one of {sorted(starts)}")


def _tags(rs: Ruleset, where: dict[str, dict[str, Located]], checker: Checker) -> None:
    """A teacher may summarise tagged texts (content settings): each tag must be one the settings
    know, and each tagged record needs a summary of its own, or players read a generic line."""
    for kind, records in (("event", rs.events), ("card", rs.cards)):
        for rid, record in records.items():
            loc = where[kind][rid]
            for i, tag in enumerate(record.content_tags):
                if tag not in TAGS:
                    checker.warning(
                        loc,
                        ("content_tags", i),
                        f"{rid}.content_tags[{i}]: unknown tag '{tag}'",
                        f"the content settings know {', '.join(TAGS)}",
                        code="unknown_content_tag",
                    )
            if record.content_tags and not record.summary:
                checker.warning(
                    loc,
                    "content_tags",
                    f"{rid}: tagged {', '.join(record.content_tags)} but has no summary",
                    "add `summary:` (one or two sober sentences) for players who summarise these tags",
                    code="no_summary",
                )
