"""Content folders -> a validated, frozen Ruleset.

Reads every `data/<kind>/*.yaml` file in name order, checks each record against its declaration,
builds the core's definitions, checks every cross-reference once all records are in, and hashes
the canonical merged data. All problems are gathered; any error raises ContentError with all of
them, each naming its file, line and column.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core import defs as D
from ..core.calendar import half_year
from ..core.ruleset import Ruleset
from .check import Checker, Clauses
from .schema import FOLDERS, KINDS
from .yamlio import Located, Problem, YamlError, load_records, load_yaml


class ContentError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__("\n".join(str(p) for p in errors[:20]) + (f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""))


@dataclass(slots=True)
class Loaded:
    ruleset: Ruleset
    problems: list[Problem]
    counts: dict[str, int]


def read_folders(root: Path, checker: Checker) -> dict[str, list[Located]]:
    records: dict[str, list[Located]] = {kind: [] for kind in KINDS}
    for folder, kind in FOLDERS.items():
        for path in sorted((root / folder).glob("*.yaml")):
            try:
                records[kind].extend(load_records(path, _label(root, path)))
            except YamlError as exc:
                checker.problems.append(exc.problem)
    return records


def _label(root: Path, path: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def load_content(root: Path) -> Loaded:
    """Load and validate the content under `root` (the `data/` folder)."""
    checker = Checker()
    records = read_folders(root, checker)
    rules = _read_rules(root, checker)
    usable: dict[str, list[Located]] = {}
    for kind, items in records.items():
        seen: dict[str, Located] = {}
        usable[kind] = []
        for loc in items:
            if not checker.fields(loc, KINDS[kind], loc.data, f"{kind} '{_id(loc)}'"):
                continue
            rid = loc.data["id"]
            if rid in seen:
                other = seen[rid]
                checker.error(loc, "id", f"duplicate {kind} id '{rid}'", f"first defined at {other.path}:{other.line}")
                continue
            seen[rid] = loc
            usable[kind].append(loc)
    if checker.errors:
        raise ContentError(checker.problems)
    ruleset = _assemble(usable, rules, checker)
    if checker.errors:
        raise ContentError(checker.problems)
    counts = {kind: len(items) for kind, items in usable.items()}
    return Loaded(ruleset, checker.problems, counts)


def _id(loc: Located) -> str:
    return str(loc.data.get("id", "?")) if isinstance(loc.data, dict) else "?"


def _read_rules(root: Path, checker: Checker) -> dict[str, Any]:
    path = root / "rules" / "rules.yaml"
    try:
        data, _ = load_yaml(path, _label(root, path))
    except YamlError as exc:
        checker.problems.append(exc.problem)
        return {}
    if not isinstance(data, dict):
        checker.problems.append(Problem(_label(root, path), 1, 1, "error", "rules.yaml must be a mapping"))
        return {}
    return data


def ideology(d: dict[str, int]) -> D.Ideology:
    return D.Ideology(d["economic"], d["democracy"], d["international"])


def _assemble(usable: dict[str, list[Located]], rules: dict[str, Any], checker: Checker) -> Ruleset:
    ids = {kind: {loc.data["id"] for loc in items} for kind, items in usable.items()}
    offices = {o["id"]: (loc, o) for loc in usable["body"] for o in loc.data.get("offices", [])}
    ids["office"] = set(offices)
    positions = {loc.data["id"]: [p["id"] for p in loc.data["positions"]] for loc in usable["axis"]}
    ids["position"] = {p for ps in positions.values() for p in ps}
    ids["card"] = ids["card"]
    clauses = Clauses(checker, ids, positions)
    refs = _RefCheck(checker, ids)

    def conv(loc: Located, items: Any, where: str, effects: bool) -> tuple:
        got = clauses.convert(loc, items or [], where, effects)
        return got if got is not None else ()

    traits = {loc.data["id"]: _trait(loc.data) for loc in usable["trait"]}
    ladders = {loc.data["id"]: _ladder(loc.data) for loc in usable["ladder"]}
    characters = {}
    for loc in usable["character"]:
        d = loc.data
        refs.one(loc, "faction", d["faction"], "faction", nullable=True)
        refs.one(loc, "base", d.get("base"), "base", nullable=True)
        for t in d.get("traits", []):
            refs.one(loc, "traits", t, "trait")
        characters[d["id"]] = _character(d)
    factions = {}
    for loc in usable["faction"]:
        d = loc.data
        for leader in d["leaders"]:
            refs.one(loc, "leaders", leader, "character")
        refs.one(loc, "ladder", d.get("ladder", "party"), "ladder")
        specials = tuple(
            D.SpecialDef(
                s["id"], s["name"], s["text"], s.get("ap", 1), s.get("influence", 0), s.get("heat", 0),
                s.get("once_per_turns", 0), conv(loc, s["effects"], f"special {s['id']}.effects", True),
                conv(loc, s.get("conditions"), f"special {s['id']}.conditions", False),
            )
            for s in d.get("specials", [])
        )
        factions[d["id"]] = _faction(d, specials, refs, loc, positions)
    bodies, office_defs = {}, {}
    for loc in usable["body"]:
        d = loc.data
        bodies[d["id"]] = D.BodyDef(d["id"], d["name"], d["kind"], d["seating"], d.get("seats", 0), d["description"])
        for o in d.get("offices", []):
            refs.one(loc, "offices", o.get("base"), "base", nullable=True)
            office_defs[o["id"]] = D.OfficeDef(
                o["id"], o["name"], d["id"], tuple(o.get("powers", [])), o.get("income", 0),
                o.get("prestige", 1), o["chosen_by"], o.get("base"),
            )
    regions = {}
    for loc in usable["region"]:
        d = loc.data
        for k in d["sentiment"]:
            if k != "uncommitted":
                refs.one(loc, "sentiment", k, "faction")
        regions[d["id"]] = D.RegionDef(
            d["id"], d["name"], d["membership"], float(d["peasant_share"]), dict(d["sentiment"]),
            d.get("soviet_strength", 0), d["description"],
        )
    bases = {}
    for loc in usable["base"]:
        d = loc.data
        refs.one(loc, "office", d.get("office"), "office", nullable=True)
        bases[d["id"]] = D.BaseDef(d["id"], d["name"], d.get("office"), d.get("income", 1), ideology(d["ideology"]), d["description"])
    indicators = {
        loc.data["id"]: D.IndicatorDef(
            d["id"], d["name"], d["unit"], float(d["low"]), float(d["high"]), float(d["base_target"]),
            float(d["rate"]), d["description"], d.get("cumulative", False),
        )
        for loc in usable["indicator"]
        for d in [loc.data]
    }
    axes = {}
    for loc in usable["axis"]:
        d = loc.data
        for p in d["positions"]:
            for k in list(p.get("targets", {})) + list(p.get("drift", {})):
                refs.one(loc, "positions", k, "indicator")
        axes[d["id"]] = D.AxisDef(
            d["id"], d["name"], d["ideology_axis"],
            tuple(D.PositionDef(p["id"], p["name"], p["ideology"], dict(p.get("targets", {})), dict(p.get("drift", {})), p["text"]) for p in d["positions"]),
            d["description"],
        )
    events = {}
    for loc in usable["event"]:
        d = loc.data
        _check_chooser(refs, loc, d["chooser"])
        choices = tuple(
            D.ChoiceDef(c["id"], c["label"], c.get("text", ""), conv(loc, c["effects"], f"choice {c['id']}.effects", True))
            for c in d["choices"]
        )
        if len(choices) < 2:
            checker.error(loc, "choices", f"event '{d['id']}' needs at least two choices")
        events[d["id"]] = D.EventDef(
            d["id"], d["title"], half_year(d["window"]["from"]), half_year(d["window"]["to"]),
            conv(loc, d.get("conditions"), "conditions", False), d.get("weight", 100), d.get("once", True),
            d["chooser"], d["text"], choices, d["history"], tuple(d["sources"]),
            tuple(d.get("content_tags", [])), tuple(d.get("discussion_questions", [])), d.get("illustration", ""),
        )
    cards = {}
    for loc in usable["card"]:
        d = loc.data
        refs.one(loc, "faction", d["faction"], "faction", nullable=True)
        cards[d["id"]] = D.CardDef(
            d["id"], d["title"], d["era"], d["value"], d["faction"], conv(loc, d.get("conditions"), "conditions", False),
            d["text"], conv(loc, d["effects"], "effects", True), d["history"], tuple(d["sources"]), tuple(d.get("content_tags", [])),
        )
    scenarios = {loc.data["id"]: _scenario(loc, refs, positions) for loc in usable["scenario"]}
    for loc, flag in clauses.flags_read:
        if flag not in clauses.flags_set and not flag.startswith(("platform:", "testament_published")):
            checker.warning(loc, None, f"flag '{flag}' is read but never set by any effect", "the condition can never hold")
    content_hash = _hash(usable, rules)
    return Ruleset(
        factions=factions, characters=characters, offices=office_defs, bodies=bodies, regions=regions,
        bases=bases, axes=axes, indicators=indicators, events=events, cards=cards, traits=traits,
        ladders=ladders, scenarios=scenarios, rules=D.Rules(rules), content_hash=content_hash,
    )


class _RefCheck:
    def __init__(self, checker: Checker, ids: dict[str, set[str]]) -> None:
        self.c = checker
        self.ids = ids

    def one(self, loc: Located, key: str, value: Any, kind: str, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if value not in self.ids.get(kind, set()):
            import difflib

            near = difflib.get_close_matches(str(value), sorted(self.ids.get(kind, set())), n=1)
            self.c.error(loc, key, f"{_id(loc)}: unknown {kind} '{value}' in '{key}'", f"did you mean '{near[0]}'?" if near else "")


def _check_chooser(refs: _RefCheck, loc: Located, chooser: str) -> None:
    if chooser == "politburo":
        return
    if chooser.startswith("office:"):
        refs.one(loc, "chooser", chooser.split(":", 1)[1], "office")
    else:
        refs.one(loc, "chooser", chooser, "faction")


def _trait(d: dict) -> D.TraitDef:
    return D.TraitDef(d["id"], d["name"], float(d.get("lobby_rate", 1.0)), float(d.get("defect", 0.0)), float(d.get("fear", 1.0)), float(d.get("hazard", 0.0)), int(d.get("oratory", 0)))


def _ladder(d: dict) -> D.LadderDef:
    rungs = tuple(
        D.RungDef(r["id"], r["name"], r.get("ap_penalty", 0), r["can_propose"], r["holds_offices"], r["leaders"], r["party_member"])
        for r in d["rungs"]
    )
    return D.LadderDef(d["id"], d["name"], rungs)


def _character(d: dict) -> D.CharacterDef:
    died = d.get("died") or {}
    sk = d["skills"]
    return D.CharacterDef(
        d["id"], d["name"], d.get("native", ""), d["born"],
        half_year(died["date"]) if died else None, died.get("cause", "natural") if died else "natural",
        d["faction"], d.get("leader", False), ideology(d["ideology"]), tuple(d.get("traits", [])),
        sk["oratory"], sk["organisation"], sk["intrigue"], d.get("base"), d.get("portrait", d["id"]),
        d["bio"], d["history"], tuple(d["sources"]), d.get("alternate", False),
    )


def _faction(d: dict, specials: tuple, refs: _RefCheck, loc: Located, positions: dict[str, list[str]]) -> D.FactionDef:
    agenda = d["agenda"]
    policies = []
    for item in agenda.get("policies", []):
        axis = item.get("axis")
        if axis not in positions or item.get("target") not in positions[axis]:
            refs.c.error(loc, "agenda", f"{d['id']}: agenda policy {item!r} names no known axis and position")
            continue
        policies.append(D.AgendaPolicy(axis, positions[axis].index(item["target"]), float(item.get("weight", 1))))
    inds = []
    for item in agenda.get("indicators", []):
        refs.one(loc, "agenda", item.get("indicator"), "indicator")
        inds.append(D.AgendaIndicator(item.get("indicator", ""), item.get("above"), item.get("below"), float(item.get("weight", 1))))
    return D.FactionDef(
        d["id"], d["name"], d["short"], d["colour"], d["marker"], tuple(d["leaders"]), ideology(d["ideology"]),
        d["playable"], d.get("party", True), d.get("ladder", "party"), d["influence"], d.get("heat", 0),
        d.get("prestige", 5), tuple(policies), tuple(inds), specials, {k: float(v) for k, v in d["ai"].items()},
        d["description"], d.get("apparatus", False), {k: float(v) for k, v in (d.get("score_scale") or {}).items()},
    )


def _scenario(loc: Located, refs: _RefCheck, positions: dict[str, list[str]]) -> D.ScenarioDef:
    d = loc.data
    start = half_year(d["start"])
    start_year = start // 2
    for f in d["playable"] + [d["apparatus"]]:
        refs.one(loc, "playable", f, "faction")
    for office, who in d["offices"].items():
        refs.one(loc, "offices", office, "office")
        refs.one(loc, "offices", who, "character", nullable=True)
    for body, members in d["bodies"].items():
        refs.one(loc, "bodies", body, "body")
        for m in members:
            refs.one(loc, "bodies", m, "character")
    for key in ("cc_seats", "ccc_seats", "soviet_seats"):
        for f in d[key]:
            if f != "independent":
                refs.one(loc, key, f, "faction")
    for region, f in d["secretaries"].items():
        refs.one(loc, "secretaries", region, "region")
        refs.one(loc, "secretaries", f, "faction", nullable=True)
    for axis, pos in d["policies"].items():
        if axis not in positions or pos not in positions[axis]:
            refs.c.error(loc, "policies", f"unknown policy position {axis}: {pos}")
    for ind in d["indicators"]:
        refs.one(loc, "indicators", ind, "indicator")
    for base, row in d["standing"].items():
        refs.one(loc, "standing", base, "base")
        for f in row:
            refs.one(loc, "standing", f, "faction")
    for cid, row in (d.get("loyalty") or {}).items():
        refs.one(loc, "loyalty", cid, "character")
        for f in row:
            refs.one(loc, "loyalty", f, "faction")
    for cid in d.get("dead_at_start", []):
        refs.one(loc, "dead_at_start", cid, "character")
    return D.ScenarioDef(
        d["id"], d["name"], d["description"], start_year, d["turns"], tuple(d["playable"]), d["apparatus"],
        {k: v for k, v in d["offices"].items() if v is not None}, {k: tuple(v) for k, v in d["bodies"].items()},
        dict(d["cc_seats"]), dict(d["ccc_seats"]), dict(d["soviet_seats"]), dict(d["secretaries"]),
        dict(d["policies"]), {k: float(v) for k, v in d["indicators"].items()},
        {k: dict(v) for k, v in d["standing"].items()}, {k: dict(v) for k, v in (d.get("loyalty") or {}).items()},
        tuple(half_year(c) - start for c in d["congresses"]), tuple(d.get("dead_at_start", [])), d["grip"],
        {int(k): float(v) for k, v in d["tension"].items()},
    )


def _hash(usable: dict[str, list[Located]], rules: dict[str, Any]) -> str:
    canonical = {kind: sorted((loc.data for loc in items), key=lambda r: r["id"]) for kind, items in usable.items()}
    canonical["rules"] = rules  # type: ignore[assignment]
    text = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()
