"""Checked records -> the core's frozen definitions, with every cross-reference checked.

Runs after every record has passed its field declarations, so fields are present and typed;
what is left to check is that each id a record names exists, and the clauses' vocabulary.
"""

from __future__ import annotations

from typing import Any

from ..core import defs as D
from ..core.calendar import half_year
from ..core.ruleset import Ruleset
from .check import Checker, Clauses
from .factions import distinct_looks, faction, ideology
from .scenarios import RefCheck, check_chooser, scenario
from .yamlio import Located


def assemble(
    usable: dict[str, list[Located]],
    rules: dict[str, Any],
    checker: Checker,
    content_hash: str,
    known: dict[str, set[str]],
) -> Ruleset:
    """Build the ruleset from field-checked records; `known` has every id, usable or not."""
    ids = {kind: set(names) for kind, names in known.items()}
    offices = {o["id"]: (loc, o) for loc in usable["body"] for o in loc.data.get("offices", [])}
    ids["office"] = set(offices)
    positions = {loc.data["id"]: [p["id"] for p in loc.data["positions"]] for loc in usable["axis"]}
    ids["position"] = {p for ps in positions.values() for p in ps}
    ids["card"] = ids["card"]
    clauses = Clauses(checker, ids, positions)
    refs = RefCheck(checker, ids)
    refs.pact_kinds = rules.get("pact_kinds") if isinstance(rules.get("pact_kinds"), dict) else {}
    _check_pact_kinds(checker, rules)

    def conv(loc: Located, items: Any, kind: str, path: tuple, effects: bool) -> tuple:
        got = clauses.convert(loc, items or [], f"{kind} '{loc.data['id']}'", path, effects)
        return got if got is not None else ()

    traits = {loc.data["id"]: _trait(loc.data) for loc in usable["trait"]}
    ladders = {loc.data["id"]: _ladder(loc.data) for loc in usable["ladder"]}
    characters = {}
    for loc in usable["character"]:
        d = loc.data
        refs.one(loc, "faction", d["faction"], "faction", nullable=True)
        refs.one(loc, "base", d.get("base"), "base", nullable=True)
        for i, t in enumerate(d.get("traits", [])):
            refs.one(loc, ("traits", i), t, "trait")
        characters[d["id"]] = _character(d)
    factions = {}
    for loc in usable["faction"]:
        d = loc.data
        for i, leader in enumerate(d["leaders"]):
            refs.one(loc, ("leaders", i), leader, "character")
        refs.one(loc, "ladder", d.get("ladder", "party"), "ladder")
        specials = tuple(
            D.SpecialDef(
                s["id"],
                s["name"],
                s["text"],
                s.get("ap", 1),
                s.get("influence", 0),
                s.get("heat", 0),
                s.get("once_per_turns", 0),
                conv(loc, s["effects"], "faction", ("specials", i, "effects"), True),
                conv(loc, s.get("conditions"), "faction", ("specials", i, "conditions"), False),
            )
            for i, s in enumerate(d.get("specials", []))
        )
        line = []
        for i, item in enumerate(d.get("line", [])):
            axis = item["axis"]
            if axis not in positions or item["target"] not in positions[axis]:
                refs.c.error(
                    loc,
                    ("line", i),
                    f"{d['id']}.line[{i}]: {axis}/{item['target']} names no known axis and position",
                    "each item is {axis: <axis id>, target: <position id>, weight: <number>, when: [<conditions>]}",
                )
                continue
            when = conv(loc, item["when"], "faction", ("line", i, "when"), False)
            line.append(D.LineItem(axis, positions[axis].index(item["target"]), float(item.get("weight", 1)), when))
        factions[d["id"]] = faction(d, specials, refs, loc, positions, tuple(line))
    distinct_looks(usable["faction"], checker)
    bodies, office_defs = {}, {}
    for loc in usable["body"]:
        d = loc.data
        bodies[d["id"]] = D.BodyDef(d["id"], d["name"], d["kind"], d["seating"], d.get("seats", 0), d["description"])
        for i, o in enumerate(d.get("offices", [])):
            refs.one(loc, ("offices", i, "base"), o.get("base"), "base", nullable=True)
            office_defs[o["id"]] = D.OfficeDef(
                o["id"],
                o["name"],
                d["id"],
                tuple(o.get("powers", [])),
                o.get("income", 0),
                o.get("prestige", 1),
                o["chosen_by"],
                o.get("base"),
                _renamed(checker, loc, i, o.get("names", [])),
            )
    regions = {}
    for loc in usable["region"]:
        d = loc.data
        for k in d["sentiment"]:
            if k != "uncommitted":
                refs.one(loc, ("sentiment", k), k, "faction")
        regions[d["id"]] = D.RegionDef(
            d["id"],
            d["name"],
            d["membership"],
            float(d["peasant_share"]),
            dict(d["sentiment"]),
            d.get("soviet_strength", 0),
            d["description"],
        )
    bases = {}
    for loc in usable["base"]:
        d = loc.data
        refs.one(loc, "office", d.get("office"), "office", nullable=True)
        bases[d["id"]] = D.BaseDef(
            d["id"], d["name"], d.get("office"), d.get("income", 1), ideology(d["ideology"]), d["description"]
        )
    indicators = {
        loc.data["id"]: D.IndicatorDef(
            d["id"],
            d["name"],
            d["unit"],
            float(d["low"]),
            float(d["high"]),
            float(d["base_target"]),
            float(d["rate"]),
            d["description"],
            d.get("cumulative", False),
        )
        for loc in usable["indicator"]
        for d in [loc.data]
    }
    axes = {}
    for loc in usable["axis"]:
        d = loc.data
        for i, p in enumerate(d["positions"]):
            for field in ("targets", "drift"):
                for k in p.get(field, {}):
                    refs.one(loc, ("positions", i, field, k), k, "indicator")
        axes[d["id"]] = D.AxisDef(
            d["id"],
            d["name"],
            d["ideology_axis"],
            tuple(
                D.PositionDef(
                    p["id"], p["name"], p["ideology"], dict(p.get("targets", {})), dict(p.get("drift", {})), p["text"]
                )
                for p in d["positions"]
            ),
            d["description"],
        )
    events = {}
    for loc in usable["event"]:
        d = loc.data
        check_chooser(refs, loc, d["chooser"])
        choices = tuple(
            D.ChoiceDef(
                c["id"],
                c["label"],
                c.get("text", ""),
                conv(loc, c["effects"], "event", ("choices", i, "effects"), True),
            )
            for i, c in enumerate(d["choices"])
        )
        if len(choices) < 2:
            checker.error(loc, "choices", f"event '{d['id']}' needs at least two choices")
        events[d["id"]] = D.EventDef(
            d["id"],
            d["title"],
            half_year(d["window"]["from"]),
            half_year(d["window"]["to"]),
            conv(loc, d.get("conditions"), "event", ("conditions",), False),
            d.get("weight", 100),
            d.get("once", True),
            d["chooser"],
            d["text"],
            choices,
            d["history"],
            tuple(d["sources"]),
            tuple(d.get("content_tags", [])),
            tuple(d.get("discussion_questions", [])),
            d.get("illustration", ""),
            " ".join(d.get("summary", "").split()),
        )
    cards = {}
    for loc in usable["card"]:
        d = loc.data
        refs.one(loc, "faction", d["faction"], "faction", nullable=True)
        cards[d["id"]] = D.CardDef(
            d["id"],
            d["title"],
            d["era"],
            d["value"],
            d["faction"],
            conv(loc, d.get("conditions"), "card", ("conditions",), False),
            d["text"],
            conv(loc, d["effects"], "card", ("effects",), True),
            d["history"],
            tuple(d["sources"]),
            tuple(d.get("content_tags", [])),
            " ".join(d.get("summary", "").split()),
        )
    scenarios = {loc.data["id"]: scenario(loc, refs, positions) for loc in usable["scenario"]}
    for loc, path, flag in clauses.flags_read:
        if flag not in clauses.flags_set and not flag.startswith(ENGINE_FLAGS):
            checker.warning(
                loc,
                path,
                f"{loc.data['id']}: flag '{flag}' is read but never set by any effect",
                "the condition can never hold; set it somewhere or fix its spelling",
                code="flag_never_set",
            )
    glossary = {loc.data["id"]: _glossary(loc, refs, ids) for loc in usable["glossary"]}
    return Ruleset(
        factions=factions,
        characters=characters,
        offices=office_defs,
        bodies=bodies,
        regions=regions,
        bases=bases,
        axes=axes,
        indicators=indicators,
        events=events,
        cards=cards,
        traits=traits,
        ladders=ladders,
        scenarios=scenarios,
        rules=D.Rules(rules),
        content_hash=content_hash,
        glossary=glossary,
    )


ENGINE_FLAGS = (  # flags the rules themselves set
    "platform:",
    "testament_published",
    "moral_authority",  # rules/compromise.py (and the prefix of moral_authority:<figure>:<sponsor>)
    "plan_figures_found",  # rules/plan.py
    "abroad_",  # rules/abroad.py: abroad_<juncture>_won | _lost
)


def _check_pact_kinds(checker: Checker, rules: dict[str, Any]) -> None:
    from ..core.rules.pacts import kind_problems
    from .yamlio import Problem

    if not rules:
        return
    for message in kind_problems(rules):
        checker.problems.append(Problem("rules/rules.yaml", 1, 1, "error", message))


def _renamed(checker: Checker, loc: Located, index: int, names: list[dict]) -> tuple[tuple[int, str], ...]:
    """An office's dated names, checked: real dates, in order."""
    out: list[tuple[int, str]] = []
    for k, entry in enumerate(names):
        where = ("offices", index, "names", k, "from")
        try:
            when = half_year(entry["from"])
        except ValueError as exc:
            checker.error(loc, where, f"office name date: {exc}")
            continue
        if out and when <= out[-1][0]:
            checker.error(loc, where, "office names must be in date order, each later than the one before")
        out.append((when, entry["name"]))
    return tuple(out)


def _trait(d: dict) -> D.TraitDef:
    return D.TraitDef(
        d["id"],
        d["name"],
        float(d.get("lobby_rate", 1.0)),
        float(d.get("defect", 0.0)),
        float(d.get("fear", 1.0)),
        float(d.get("hazard", 0.0)),
        int(d.get("oratory", 0)),
        bool(d.get("no_office", False)),
    )


def _ladder(d: dict) -> D.LadderDef:
    rungs = tuple(
        D.RungDef(
            r["id"],
            r["name"],
            r.get("ap_penalty", 0),
            r["can_propose"],
            r["holds_offices"],
            r["leaders"],
            r["party_member"],
        )
        for r in d["rungs"]
    )
    return D.LadderDef(d["id"], d["name"], rungs)


def _character(d: dict) -> D.CharacterDef:
    died = d.get("died") or {}
    sk = d["skills"]
    return D.CharacterDef(
        d["id"],
        d["name"],
        d.get("native", ""),
        d["born"],
        half_year(died["date"]) if died else None,
        died.get("cause", "natural") if died else "natural",
        d["faction"],
        d.get("leader", False),
        ideology(d["ideology"]),
        tuple(d.get("traits", [])),
        sk["oratory"],
        sk["organisation"],
        sk["intrigue"],
        d.get("base"),
        d.get("portrait", d["id"]),
        d["bio"],
        d["history"],
        tuple(d["sources"]),
        d.get("alternate", False),
    )


def _glossary(loc: Located, refs: RefCheck, ids: dict[str, set[str]]) -> D.GlossaryDef:
    d = loc.data
    for i, other in enumerate(d.get("related", [])):
        refs.one(loc, ("related", i), other, "glossary")
    return D.GlossaryDef(
        d["id"], d["term"], d.get("native", ""), d["text"], tuple(d.get("related", [])), tuple(d["sources"])
    )
