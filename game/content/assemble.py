"""Checked records -> the core's frozen definitions, with every cross-reference checked.

Runs after every record has passed its field declarations, so fields are present and typed;
what is left to check is that each id a record names exists, and the clauses' vocabulary.
"""

from __future__ import annotations

from typing import Any

from ..core import defs as D
from ..core.calendar import half_year
from ..core.ruleset import Ruleset
from .check import Checker, Clauses, did_you_mean, show
from .yamlio import Located


def ideology(d: dict[str, int]) -> D.Ideology:
    return D.Ideology(d["economic"], d["democracy"], d["international"])


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
    refs = _RefCheck(checker, ids)
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
        factions[d["id"]] = _faction(d, specials, refs, loc, positions, tuple(line))
    _distinct_looks(usable["faction"], checker)
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
        _check_chooser(refs, loc, d["chooser"])
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
    scenarios = {loc.data["id"]: _scenario(loc, refs, positions) for loc in usable["scenario"]}
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


ENGINE_FLAGS = ("platform:", "testament_published")  # flags the rules themselves set


def _check_pact_kinds(checker: Checker, rules: dict[str, Any]) -> None:
    from ..core.rules.pacts import kind_problems
    from .yamlio import Problem

    if not rules:
        return
    for message in kind_problems(rules):
        checker.problems.append(Problem("rules/rules.yaml", 1, 1, "error", message))


class _RefCheck:
    def __init__(self, checker: Checker, ids: dict[str, set[str]]) -> None:
        self.c = checker
        self.ids = ids
        self.pact_kinds: dict[str, Any] = {}

    def one(self, loc: Located, at: str | tuple, value: Any, kind: str, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        known = self.ids.get(kind, set())
        if value not in known:
            path = (at,) if isinstance(at, str) else at
            self.c.error(
                loc, path, f"{loc.data['id']}{show(path)}: unknown {kind} '{value}'", did_you_mean(value, known)
            )


def _check_chooser(refs: _RefCheck, loc: Located, chooser: str) -> None:
    if chooser == "politburo":
        return
    if chooser.startswith("office:"):
        refs.one(loc, "chooser", chooser.split(":", 1)[1], "office")
    else:
        refs.one(loc, "chooser", chooser, "faction")


def _trait(d: dict) -> D.TraitDef:
    return D.TraitDef(
        d["id"],
        d["name"],
        float(d.get("lobby_rate", 1.0)),
        float(d.get("defect", 0.0)),
        float(d.get("fear", 1.0)),
        float(d.get("hazard", 0.0)),
        int(d.get("oratory", 0)),
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


def _faction(
    d: dict, specials: tuple, refs: _RefCheck, loc: Located, positions: dict[str, list[str]], line: tuple = ()
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
    return D.FactionDef(
        d["id"],
        d["name"],
        d["short"],
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
    )


def _scenario(loc: Located, refs: _RefCheck, positions: dict[str, list[str]]) -> D.ScenarioDef:
    d = loc.data
    start = half_year(d["start"])
    start_year = start // 2
    for i, f in enumerate(d["playable"]):
        refs.one(loc, ("playable", i), f, "faction")
    refs.one(loc, "apparatus", d["apparatus"], "faction")
    for office, who in d["offices"].items():
        refs.one(loc, ("offices", office), office, "office")
        refs.one(loc, ("offices", office), who, "character", nullable=True)
    for body, members in d["bodies"].items():
        refs.one(loc, ("bodies", body), body, "body")
        for i, m in enumerate(members):
            refs.one(loc, ("bodies", body, i), m, "character")
    for key in ("cc_seats", "ccc_seats", "soviet_seats"):
        for f in d[key]:
            if f != "independent":
                refs.one(loc, (key, f), f, "faction")
    for region, f in d["secretaries"].items():
        refs.one(loc, ("secretaries", region), region, "region")
        refs.one(loc, ("secretaries", region), f, "faction", nullable=True)
    for axis, pos in d["policies"].items():
        if axis not in positions or pos not in positions[axis]:
            refs.c.error(loc, ("policies", axis), f"{d['id']}.policies.{axis}: unknown policy position '{pos}'")
    for ind in d["indicators"]:
        refs.one(loc, ("indicators", ind), ind, "indicator")
    for base, row in d["standing"].items():
        refs.one(loc, ("standing", base), base, "base")
        for f in row:
            refs.one(loc, ("standing", base, f), f, "faction")
    for cid, row in (d.get("loyalty") or {}).items():
        refs.one(loc, ("loyalty", cid), cid, "character")
        for f in row:
            refs.one(loc, ("loyalty", cid, f), f, "faction")
    for i, cid in enumerate(d.get("dead_at_start", [])):
        refs.one(loc, ("dead_at_start", i), cid, "character")
    return D.ScenarioDef(
        d["id"],
        d["name"],
        d["description"],
        start_year,
        d["turns"],
        tuple(d["playable"]),
        d["apparatus"],
        {k: v for k, v in d["offices"].items() if v is not None},
        {k: tuple(v) for k, v in d["bodies"].items()},
        dict(d["cc_seats"]),
        dict(d["ccc_seats"]),
        dict(d["soviet_seats"]),
        dict(d["secretaries"]),
        dict(d["policies"]),
        {k: float(v) for k, v in d["indicators"].items()},
        {k: dict(v) for k, v in d["standing"].items()},
        {k: dict(v) for k, v in (d.get("loyalty") or {}).items()},
        tuple(half_year(c) - start for c in d["congresses"]),
        tuple(d.get("dead_at_start", [])),
        d["grip"],
        {int(k): float(v) for k, v in d["tension"].items()},
        tuple(_preset(loc, refs, i, x) for i, x in enumerate(d.get("presets", []))),
        tuple(_scenario_pact(loc, refs, i, x) for i, x in enumerate(d.get("pacts", []))),
    )


def _scenario_pact(loc: Located, refs: _RefCheck, i: int, x: dict) -> D.ScenarioPactDef:
    for key in ("a", "b", "against"):
        if x.get(key) is not None:
            refs.one(loc, ("pacts", i, key), x[key], "faction")
    if x["kind"] not in refs.pact_kinds:
        refs.c.error(
            loc,
            ("pacts", i, "kind"),
            f"{loc.data['id']}.pacts[{i}].kind: unknown pact kind '{x['kind']}'",
            did_you_mean(x["kind"], list(refs.pact_kinds)),
        )
    elif refs.pact_kinds[x["kind"]].get("against") and not x.get("against"):
        refs.c.error(
            loc, ("pacts", i), f"{loc.data['id']}.pacts[{i}]: a '{x['kind']}' pact names the faction it is against"
        )
    if x["a"] == x["b"] or x.get("against") in (x["a"], x["b"]):
        refs.c.error(
            loc,
            ("pacts", i),
            f"{loc.data['id']}.pacts[{i}]: a pact binds two different factions (and is against a third)",
        )
    return D.ScenarioPactDef(x["kind"], x["a"], x["b"], x["turns"], x.get("against"), x.get("text", ""))


def _preset(loc: Located, refs: _RefCheck, i: int, x: dict) -> D.PresetDef:
    from ..core.actions import ACTION_TYPES

    for j, tag in enumerate(x.get("actions", [])):
        if tag not in ACTION_TYPES:
            refs.c.error(
                loc,
                ("presets", i, "actions", j),
                f"{loc.data['id']}.presets[{i}].actions[{j}]: unknown action type '{tag}'",
                did_you_mean(tag, list(ACTION_TYPES)),
            )
    scale: dict[str, dict[str, float]] = {}
    for f, row in (x.get("score_scale") or {}).items():
        refs.one(loc, ("presets", i, "score_scale", f), f, "faction")
        if not isinstance(row, dict) or any(
            k not in ("power", "program") or isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v <= 5
            for k, v in row.items()
        ):
            refs.c.error(
                loc,
                ("presets", i, "score_scale", f),
                f"{loc.data['id']}.presets[{i}].score_scale.{f}: "
                "expected {power: number, program: number}, each above 0 and at most 5",
            )
            continue
        scale[f] = {k: float(v) for k, v in row.items()}
    return D.PresetDef(
        x["id"],
        x["name"],
        x["minutes"],
        x.get("turns", 0),
        x.get("lessons", 1),
        x.get("action_points", 0),
        tuple(x.get("actions", [])),
        x["text"],
        scale,
    )


def _glossary(loc: Located, refs: _RefCheck, ids: dict[str, set[str]]) -> D.GlossaryDef:
    d = loc.data
    for i, other in enumerate(d.get("related", [])):
        refs.one(loc, ("related", i), other, "glossary")
    return D.GlossaryDef(
        d["id"], d["term"], d.get("native", ""), d["text"], tuple(d.get("related", [])), tuple(d["sources"])
    )


def _distinct_looks(factions: list[Located], checker: Checker) -> None:
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
