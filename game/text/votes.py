"""A Politburo vote in words (the `vote.held` chronicle entry): the three odds, what moved them and
why, and each member's ballot with his whip and his reasons, each reason with its points. Pure: the
window's vote report, the narrated trace and the after-action report all read it; no pygame here.
"""

from __future__ import annotations

import math
from typing import Any

from ..core.ruleset import Ruleset
from . import names

MINUS = names.MINUS


def pct(p: float | None) -> str:
    return "?" if p is None else f"{round(100 * p)} %"


def points(v: float) -> str:
    """A contribution to a chance, as signed points: -0.12 -> '−12 points'."""
    n = round(100 * v)
    if n == 0:
        return "under 1 point" if v else "0 points"
    sign = "+" if n > 0 else MINUS
    return f"{sign}{abs(n)} point{'s' if abs(n) != 1 else ''}"


class VoteWords:
    def __init__(self, rs: Ruleset) -> None:
        self.rs = rs

    def faction(self, fid: str | None) -> str:
        return names.faction(self.rs, fid)

    def of(self, fid: str | None) -> str:
        return names.possessive(self.rs, fid)

    def person(self, cid: str | None) -> str:
        d = self.rs.characters.get(cid or "")
        return d.name if d else (cid or "nobody")

    # ---- the odds and what moved them ------------------------------------------------------

    def odds(self, p: dict[str, Any]) -> str:
        """'When proposed 64 %; on the eve of the vote, as the Left saw it, 58 %; the true chance 71 %.'"""
        parts = []
        if p.get("p_proposed") is not None:
            parts.append(f"when proposed {pct(p['p_proposed'])}")
        if p.get("p_view") is not None:
            parts.append(f"on the eve of the vote, as {self.faction(p['proposer'])} saw it, {pct(p['p_view'])}")
        parts.append(f"the true chance {pct(p.get('p_pass'))}")
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."

    def cause(self, key: str, q: dict[str, Any]) -> str:
        who, side = self.person(q.get("character")), self.faction(q.get("faction"))
        words = {
            "joined": f"{who} took a seat",
            "revealed": f"{names.possessive_of(who)} allegiance to {side} became known",
            "pact": f"{self.of(q.get('faction'))} pact with {self.faction(q.get('partner'))}",
            "lobbying": f"your lobbying of {who}",
            "left": f"{who} left the Politburo ({q.get('status', 'gone')})",
            "settled": "rivals acted and what was uncertain settled",
            "secret_hold": f"{side} secretly held {who}",
            "not_held": f"{who} was not in fact held by {side}",
            "whip": f"{side} whipped {'a free vote' if q.get('whip') == 'free' else q.get('whip', '?')}",
            "rival_lobbying": f"rivals lobbied {who}",
            "hidden": "what the proposer could not see",
        }
        return names.capitalise(words.get(key, key.replace("_", " ")))

    def changes(self, p: dict[str, Any]) -> list[str]:
        """Each change of the odds with its cause and points, before the vote then hidden."""
        out = []
        for stage, key, q, delta in p.get("changes", []):
            when = "before the vote" if stage == "before" else "unseen until the vote"
            big = " (a big swing)" if abs(delta) > 0.10 else ""
            out.append(f"{self.cause(key, q)}: {points(delta)} {when}{big}")
        return out

    # ---- each member -----------------------------------------------------------------------

    def reason(self, key: str, v: float) -> str | None:
        """A whipped member's reason to defect (or to follow), in words with its points."""
        name, _, arg = key.partition(":")
        if name == "whip":
            return None
        if name == "leader":
            return "he leads the faction: he never defects"
        if name == "own_fate":
            return "the motion is his own removal: he votes no"
        if name == "chance":
            words = "the day's mood (a small chance of defection)"
        elif name == "ideology":
            words = "his ideology is far from this motion"
        elif name == "rival_hold":
            words = f"{self.of(arg)} hold on him"
        elif name == "fear":
            words = f"fear of {self.faction(arg)}, who command the police"
        elif name == "trait":
            trait = self.rs.traits.get(arg)
            words = f"he is {trait.name if trait else arg}"
        else:
            words = key.replace("_", " ")
        if abs(v) < 0.005:
            return None
        return f"{words}: {points(v)}"

    def free_reasons(self, parts: list[list[Any]]) -> list[str]:
        """An independent's or a free vote's logit parts, each as the points it moved his chance of yes."""
        total = sum(v for _, v in parts)
        p_all = 1 / (1 + math.exp(-total))
        words = {
            "ideology": "his own views on the motion",
            "lobbying": "lobbying",
            "bandwagon": "the expected majority",
            "fear": "fear of the police",
        }
        out = []
        for k, v in parts:
            without = 1 / (1 + math.exp(-(total - v)))
            if abs(p_all - without) >= 0.01:
                out.append(f"{words.get(k, k)}: {points(p_all - without)}")
        return out

    def whip(self, boss: str | None, whip: str | None) -> str:
        if boss is None:
            return "independent"
        if whip in (None, "free"):
            return f"free vote ({self.faction(boss)})"
        return f"whipped {whip} by {self.faction(boss)}"

    def members(self, p: dict[str, Any]) -> list[str]:
        """One line per member: vote, whip, defected or not, and his reasons."""
        ballots = {m: b for m, b in p.get("ballots", [])}
        out = []
        for row in p.get("why", []):
            member, p_yes, boss, reasons = row[0], row[1], row[2], row[3]
            whip = row[4] if len(row) > 4 else None
            vote = ballots.get(member)
            said = "yes" if vote else "no"
            defected = boss is not None and whip in ("for", "against") and vote is not None and vote != (whip == "for")
            if boss is not None and whip in ("for", "against"):
                why = [w for w in (self.reason(k, v) for k, v in reasons) if w]
            else:
                why = (
                    self.free_reasons(reasons)
                    if not any(k == "own_fate" for k, _ in reasons)
                    else ["the motion is his own removal: he votes no"]
                )
            tail = "; ".join(why) if why else "no reason to do otherwise"
            whipped = boss is not None and whip in ("for", "against") and vote is not None
            flag = " — DEFECTED" if defected else (" (kept to the whip)" if whipped else "")
            out.append(
                f"{self.person(member)}: {said}{flag} ({self.whip(boss, whip)}; chance of yes {pct(p_yes)}) — {tail}"
            )
        return out
