"""Scenarios as the core's definitions: who sits where, the opening pacts, the classroom presets,
with every id they name checked (part of assembling the content; see assemble.py)."""

from __future__ import annotations

from typing import Any

from ..core import defs as D
from ..core.calendar import half_year
from .check import Checker, did_you_mean, show
from .yamlio import Located


class RefCheck:
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


def check_chooser(refs: RefCheck, loc: Located, chooser: str) -> None:
    if chooser == "politburo":
        return
    if chooser.startswith("office:"):
        refs.one(loc, "chooser", chooser.split(":", 1)[1], "office")
    else:
        refs.one(loc, "chooser", chooser, "faction")


def scenario(loc: Located, refs: RefCheck, positions: dict[str, list[str]]) -> D.ScenarioDef:
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
    for cid in d.get("death_dates") or {}:
        refs.one(loc, ("death_dates", cid), cid, "character")
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
        tuple(preset(loc, refs, i, x) for i, x in enumerate(d.get("presets", []))),
        tuple(scenario_pact(loc, refs, i, x) for i, x in enumerate(d.get("pacts", []))),
        {cid: half_year(date) for cid, date in (d.get("death_dates") or {}).items()},
        score_scales(loc, refs, ("score_scale",), d["id"], d.get("score_scale")),
    )


def scenario_pact(loc: Located, refs: RefCheck, i: int, x: dict) -> D.ScenarioPactDef:
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


def preset(loc: Located, refs: RefCheck, i: int, x: dict) -> D.PresetDef:
    from ..core.actions import ACTION_TYPES

    for j, tag in enumerate(x.get("actions", [])):
        if tag not in ACTION_TYPES:
            refs.c.error(
                loc,
                ("presets", i, "actions", j),
                f"{loc.data['id']}.presets[{i}].actions[{j}]: unknown action type '{tag}'",
                did_you_mean(tag, list(ACTION_TYPES)),
            )
    scale = score_scales(
        loc, refs, ("presets", i, "score_scale"), f"{loc.data['id']}.presets[{i}]", x.get("score_scale")
    )
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


def score_scales(
    loc: Located, refs: RefCheck, path: tuple[Any, ...], label: str, raw: dict | None
) -> dict[str, dict[str, float]]:
    """faction -> {power, program} multipliers (a scenario's or a preset's own balance), checked."""
    scale: dict[str, dict[str, float]] = {}
    for f, row in (raw or {}).items():
        refs.one(loc, (*path, f), f, "faction")
        if not isinstance(row, dict) or any(
            k not in ("power", "program") or isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v <= 5
            for k, v in row.items()
        ):
            refs.c.error(
                loc,
                (*path, f),
                f"{label}.score_scale.{f}: expected {{power: number, program: number}}, each above 0 and at most 5",
            )
            continue
        scale[f] = {k: float(v) for k, v in row.items()}
    return scale
