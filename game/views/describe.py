"""What the board says about the thing under the mouse or selected: a person, an office, a region,
a constituency or a body, as far as the viewer can know (the tooltip and the selection panel)."""

from __future__ import annotations

from ..core.calendar import now
from ..core.rules.control import estimates
from ..core.ruleset import Ruleset
from ..core.state import GameState
from ..text import names
from ..text.effects import Describer
from ..text.names import office_name


def _name(rs: Ruleset, faction: str | None) -> str:
    """A faction as a label ('The Right'); a person of no faction is 'independent'."""
    if faction is None or faction not in rs.factions:
        return "independent"
    return names.label(rs, faction)


def describe(rs: Ruleset, view: GameState, viewer: str, kind: str, key: str) -> list[str]:
    """Lines for a tooltip or the info panel."""
    if kind == "person":
        p = rs.characters[key]
        owner = dict(zip(rs.character_ids, estimates(rs, view, viewer)))[key]
        c = rs.ci[key]
        mine = int(view.loyalty_public[c, rs.fi[viewer]]) + int(view.loyalty_secret[c, rs.fi[viewer]])
        best = max(((int(view.loyalty_public[c, rs.fi[f]]), f) for f in rs.faction_ids if f != viewer), default=(0, ""))
        offices = [office_name(rs, o, now(view)) for o, h in view.offices.items() if h == key]
        status = view.status[c]
        lines = [
            f"{p.name} ({p.native})" if p.native else p.name,
            f"Follows: {_name(rs, owner)}"
            + (" (leader)" if p.leader else "")
            + ("" if status == "free" else f" — {status}"),
            f"Loyalty to you: {mine} (your secret hold {int(view.loyalty_secret[c, rs.fi[viewer]])}); "
            f"highest known rival: {best[0]} ({_name(rs, best[1])})",
            "Control: the highest loyalty, at least 50 and 10 clear of the next.",
            f"Ideology: economy {p.ideology.economic}, democracy {p.ideology.democracy}, internationalism {p.ideology.international}",
            f"Traits: {', '.join(rs.traits[t].name for t in p.traits) or 'none'}",
        ]
        if offices:
            lines.append("Holds: " + ", ".join(offices))
        return lines
    if kind == "office":
        o = rs.offices[key]
        holder = view.offices.get(key)
        who = rs.characters[holder].name if holder else "vacant"
        chosen = (
            "elected by the Central Committee" if o.chosen_by == "central_committee" else "confirmed by the Politburo"
        )
        return [
            office_name(rs, key, now(view)),
            f"Held by: {who}",
            f"{chosen}; income {o.income}, prestige {o.prestige}",
            f"Powers: {names.powers(rs, key)}" + (f"; leads {Describer(rs).base(o.base)}" if o.base else ""),
        ]
    if kind == "region":
        r = rs.regions[key]
        sec = view.secretaries.get(key)
        shares = view.sentiment[key]
        total = sum(shares.values()) or 1
        split = names.capitalise(
            ", ".join(
                f"{names.faction(rs, k) if k in rs.factions else k} {round(100 * v / total)}%"
                for k, v in shares.items()
            )
        )
        return [
            r.name,
            f"Members: {r.membership} thousand; secretary: {_name(rs, sec)}",
            f"The secretary brings {view.grip}% of its delegates to his faction; the rest follow the rank and file:",
            split,
            r.description,
        ]
    if kind == "base":
        b = rs.bases[key]
        row = view.standing[rs.bi[key]]
        standing = ", ".join(f"{names.faction(rs, f)} {int(row[rs.fi[f]])}" for f in rs.faction_ids)
        return [
            b.name,
            f"Standing: {standing}",
            f"The leader (at least 50) draws {b.income} influence a turn.",
            b.description,
        ]
    if kind == "body":
        d = rs.bodies[key]
        return [d.name, d.description]
    return [key]
