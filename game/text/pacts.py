"""Pacts in words: what each side of a pact undertakes, for how long and what breaking it costs,
generated from the pact kind's data (rules.yaml `pact_kinds`), and why a faction accepted or
refused an offer. Pure: the window, the trace and the report all read it; no pygame here.
"""

from __future__ import annotations

from ..core.calendar import pretty_date
from ..core.rules.pacts import PactKind, pact_kinds
from ..core.ruleset import Ruleset
from . import names

# Motion kinds as a pact names them ("motions to appoint, to change policy ...").
KIND_WORDS = {
    "policy": "change policy",
    "appoint": "appoint to an office",
    "convene": "convene a meeting (plenum or congress)",
    "publish": "publish Lenin's Testament",
    "readmit": "readmit a faction",
    "censure": "censure a faction",
    "remove": "remove an office holder",
    "expel_member": "expel from the Politburo",
    "compromise": "name a compromise figure",
}

# Why a computer player accepted or refused (game/ai/diplomacy.py judge_offer's keys); {you} is
# the offerer: "you" to the offerer itself, its name to everyone else.
ACCEPT = {
    "common_enemy": "a common enemy",
    "protection": "it needs protection",
    "paid": "the price is worth it",
    "agenda_close": "{your} agenda is close to theirs",
    "trust": "they trust {you}",
}
REFUSE = {
    "stronger": "{you} {are} stronger than they are",
    "distrust": "they do not trust {you}",
    "agenda_far": "{your} agenda is too far from theirs",
    "binds_us": "it would bind them and {you} would owe nothing",
    "against_friend": "it would turn them against a friend",
}


def short(rs: Ruleset, fid: str | None, start: bool = False) -> str:
    """A faction in a sentence ('the Right'; 'The Right' at its `start`)."""
    return names.faction(rs, fid, start) if fid else "nobody"


def phrase(rs: Ruleset, kind: str, against: str | None = None) -> str:
    """A pact's kind in a sentence: 'non-aggression pact', 'vote support pact', 'bloc against the Left'."""
    k = pact_kinds(rs).get(kind)
    name = (k.name if k else kind.replace("_", " ")).lower().replace(" against a rival", "")
    if not any(w in name for w in ("pact", "alliance", "bloc")):
        name += " pact"
    return name + (f" against {short(rs, against)}" if against else "")


def until(turn: int, start_year: int) -> str:
    """The half-year a pact lasts through: turn t is spring (even) or autumn (odd) of start + t//2."""
    return pretty_date(turn, start_year)


def undertakings(rs: Ruleset, kind: str, offerer: str, partner: str, against: str | None = None) -> list[str]:
    """Exactly what each side undertakes under a pact of this kind (one sentence each)."""
    k = pact_kinds(rs).get(kind)
    if k is None:
        return [f"An unknown kind of pact ({kind})."]
    a, b = names.possessive(rs, offerer), short(rs, partner, start=True)
    named = [KIND_WORDS.get(m, m) for m in k.kinds]
    motions = ", ".join(named[:-1]) + (" or " if len(named) > 1 else "") + (named[-1] if named else "")
    out = []
    if k.support == "offerer" and k.kinds:
        out.append(f"{b} whips its members for {a} motions to {motions}; {short(rs, offerer)} owes nothing in return.")
    elif k.support == "mutual" and k.kinds:
        out.append(f"Each whips its members for the other's motions to {motions}.")
    if k.no_strike:
        out.append("Neither moves to censure, remove or expel the other's people, nor denounces the other.")
    if k.against and against:
        c = short(rs, against)
        out.append(f"Both whip for motions that strike at {c}, and against every motion {c} proposes.")
    if not out:
        out.append("Nothing is bound.")
    out.append("No pact makes a faction vote against itself or its own people.")
    return out


def breaking(k: PactKind) -> str:
    return f"breaking it costs {k.break_prestige} prestige and {k.break_trust} of the partner's trust"


def terms(
    rs: Ruleset,
    kind: str,
    offerer: str,
    partner: str,
    through: int,
    start_year: int,
    against: str | None = None,
    price: int = 0,
) -> str:
    """The whole offer in words: the kind, each undertaking, how long, the price, the cost of breaking."""
    k = pact_kinds(rs).get(kind)
    name = phrase(rs, kind, against)
    head = f"{name[0].upper()}{name[1:]}, through {until(through, start_year)}."
    body = " ".join(undertakings(rs, kind, offerer, partner, against))
    paid = f" {short(rs, offerer, start=True)} pays {price} influence on acceptance." if price else ""
    cost = f" Breaking it: {k.break_prestige} prestige and {k.break_trust} trust." if k else ""
    return f"{head} {body}{paid}{cost}"


def answer(
    rs: Ruleset,
    faction: str,
    accepted: bool,
    reason: str | None,
    offerer: str | None = None,
    viewer: str | None = None,
    what: str = "",
) -> str:
    """'The Left refuses: you are stronger than they are.' — to the offerer; to others, by name.
    `what`, if given, names the offer: 'The Left refuses the Right's alliance: ...'."""
    words = (ACCEPT if accepted else REFUSE).get(reason or "", (reason or "").replace("_", " "))
    if offerer is None or offerer == viewer:
        you, your, are = "you", "your", "are"
    else:
        you, are = short(rs, offerer), "is"
        your = names.possessive(rs, offerer)
    why = words.format(you=you, your=your, are=are)
    head = f"{short(rs, faction, start=True)} {'accepts' if accepted else 'refuses'}" + (f" {what}" if what else "")
    return f"{head}: {why}." if why else f"{head}."
