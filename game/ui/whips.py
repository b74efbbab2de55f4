"""The whip panel's view-model (pure, no pygame): for each motion on the table in the session phase,
what it is, its honest odds as the faction sees them, who could still move, the faction's whip
(its default pre-set from its stance, or the pact that binds it and what breaking costs), and the
Whip action one click sends: for -> against -> free vote -> for.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core import actions as A
from ..core.rules import odds as O
from ..core.rules import pacts as PA
from ..core.rules.votes import whip_of
from ..core.ruleset import Ruleset
from ..core.state import GameState, Motion
from ..text import names
from ..text.chronicle import Text
from ..text.votes import pct

NEXT = {"for": "against", "against": "free", "free": "for"}
WORDS = {"for": "FOR", "against": "AGAINST", "free": "FREE VOTE"}


@dataclass(frozen=True, slots=True)
class WhipRow:
    motion: int
    title: str  # "The Right's motion to make Kalinin General Secretary"
    odds: str  # "now: 64 % — could still move: Kalinin, Rudzutak (their leanings unknown to you)"
    whip: str  # for | against | free
    note: str  # "default: your stance" | "set by you" | "bound by your pact with ..."
    action: A.Whip  # the next whip


def odds_line(rs: Ruleset, view: GameState, motion: Motion, viewer: str) -> str:
    """The honest odds in words, with who could still move and whom your whip directs."""
    o = O.honest(rs, view, motion, viewer)
    mine = [m for m, _, boss in o.members if boss == viewer]
    return f"now: {pct(o.p)}{could_move(rs, o.could_move, mine)}" + (
        f". Your whip directs {', '.join(_last(rs, m) for m in mine)}." if mine else ". You direct no member."
    )


def _last(rs: Ruleset, cid: str) -> str:
    return rs.characters[cid].name.split()[-1]


def could_move(rs: Ruleset, movers: tuple[str, ...] | list[str], mine: list[str]) -> str:
    """' — could still move: Kalinin, Rudzutak (their leanings unknown to you); your Rykov, if a
    rival holds him in secret' — or nothing."""
    others = [_last(rs, c) for c in movers if c not in mine]
    own = [_last(rs, c) for c in movers if c in mine]
    parts = [f"{', '.join(others)} (their leanings unknown to you)"] if others else []
    if own:
        parts.append(f"your {', '.join(own)}, if a rival holds {'him' if len(own) == 1 else 'them'} in secret")
    return f" — could still move: {'; '.join(parts)}" if parts else ""


def pact_note(rs: Ruleset, view: GameState, viewer: str, motion: Motion, whip: str) -> str:
    """What the faction's pacts say about this motion, and whether this whip keeps them."""
    target = PA.struck(rs, view, motion)
    if motion.proposer == viewer or target == viewer:
        return ""
    bound, pact = PA.binding(rs, view, viewer, motion, target)
    if pact is None or bound is None:
        return ""
    k = PA.pact_kinds(rs).get(pact.kind)
    partner = names.faction(rs, PA.partner_of(pact, viewer) or pact.b)
    cost = f"{k.break_prestige} prestige and {k.break_trust} trust" if k else "prestige and trust"
    wanted = "for" if bound else "against"
    if whip == wanted:
        return f"bound by your pact with {partner} to whip {wanted}: breaking it costs {cost}"
    return f"BREAKS your pact with {partner} (it binds you to whip {wanted}): costs {cost}"


def rows(rs: Ruleset, view: GameState, viewer: str) -> list[WhipRow]:
    t = Text(rs)
    out = []
    mine = view.whips.get(viewer, {})
    for m in view.agenda:
        whip = whip_of(rs, view, viewer, m, None)
        chosen = str(m.id) in mine
        note = pact_note(rs, view, viewer, m, whip) or ("set by you" if chosen else "default: your stance")
        if chosen and note.startswith("bound"):
            note = "set by you; " + note
        title = f"{names.possessive(rs, m.proposer, start=True)} motion {t.motion(m.kind, m.params)}"
        proposed = f" (proposed at {pct(m.odds)})" if m.odds is not None and m.odds >= 0 else ""
        out.append(
            WhipRow(
                m.id,
                title + proposed,
                odds_line(rs, view, m, viewer),
                whip,
                note,
                A.Whip(viewer, motion=m.id, whip=NEXT[whip]),
            )
        )
    return out
