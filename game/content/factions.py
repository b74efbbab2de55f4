"""Factions as the core's definitions, with the ids they name checked and their looks (colour,
marker) kept apart from each other (part of assembling the content; see assemble.py)."""

from __future__ import annotations

from ..core import defs as D
from .check import Checker
from .scenarios import RefCheck
from .yamlio import Located


def ideology(d: dict[str, int]) -> D.Ideology:
    return D.Ideology(d["economic"], d["democracy"], d["international"])


def faction(
    d: dict, specials: tuple, refs: RefCheck, loc: Located, positions: dict[str, list[str]], line: tuple = ()
) -> D.FactionDef:
    agenda = d["agenda"]
    policies = []
    for i, item in enumerate(agenda.get("policies", [])):
        axis = item.get("axis")
        if axis not in positions or item.get("target") not in positions[axis]:
            refs.c.error(
                loc,
                ("agenda", "policies", i),
                f"{d['id']}.agenda.policies[{i}]: {item!r} names no known axis and position",
                "each item is {axis: <axis id>, target: <position id>, weight: <number>}",
            )
            continue
        policies.append(D.AgendaPolicy(axis, positions[axis].index(item["target"]), float(item.get("weight", 1))))
    inds = []
    for i, item in enumerate(agenda.get("indicators", [])):
        refs.one(loc, ("agenda", "indicators", i), item.get("indicator"), "indicator")
        if ("above" in item) == ("below" in item):
            refs.c.error(
                loc,
                ("agenda", "indicators", i),
                f"{d['id']}.agenda.indicators[{i}]: give exactly one of above or below",
                "for example {indicator: peasant_mood, above: 55, weight: 2}",
            )
        inds.append(
            D.AgendaIndicator(
                item.get("indicator", ""), item.get("above"), item.get("below"), float(item.get("weight", 1))
            )
        )
    short, the = prose_name(d)
    return D.FactionDef(
        d["id"],
        d["name"],
        short,
        d["colour"],
        d["marker"],
        tuple(d["leaders"]),
        ideology(d["ideology"]),
        d["playable"],
        d.get("party", True),
        d.get("ladder", "party"),
        d["influence"],
        d.get("heat", 0),
        d.get("prestige", 5),
        tuple(policies),
        tuple(inds),
        specials,
        {k: float(v) for k, v in d["ai"].items()},
        d["description"],
        d.get("apparatus", False),
        {k: float(v) for k, v in (d.get("score_scale") or {}).items()},
        line,
        the,
        d.get("possessive", ""),
    )


def prose_name(d: dict) -> tuple[str, bool]:
    """The short name and whether it takes "the"; a record without `the` that wrote its short name
    with the article ("The Workers") keeps reading right mid-sentence ("the Workers")."""
    short = d["short"]
    if "the" in d:
        return short, bool(d["the"])
    if short.startswith("The ") and len(short) > 4:
        return short[4:], True
    return short, False


def distinct_looks(factions: list[Located], checker: Checker) -> None:
    """Each faction needs its own colour and its own one-letter marker, or the board cannot tell them apart."""
    seen: dict[tuple[str, str], Located] = {}
    for loc in factions:
        d = loc.data
        marker = d["marker"]
        if len(marker) != 1 or not marker.isalnum():
            checker.error(
                loc,
                "marker",
                f"faction '{d['id']}': marker '{marker}' must be one letter or digit",
                "for example marker: W",
            )
        for field, value in (("colour", d["colour"].lower()), ("marker", marker.upper())):
            other = seen.get((field, value))
            if other is not None:
                checker.error(
                    loc,
                    field,
                    f"faction '{d['id']}': {field} '{d[field]}' is already faction '{other.data['id']}''s "
                    f"({other.path}:{other.line})",
                    f"choose a {field} no other faction uses",
                )
            else:
                seen[(field, value)] = loc
