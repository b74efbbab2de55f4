"""Effects and conditions in words: the one describer of the content vocabulary (core/effects.py,
core/conditions.py) for people. "Collectivisation +15 points; peasant mood −8; your standing with
the peasantry +6; every region's sentiment toward you −6" - every number signed, every name from
the ruleset (indicators, positions, factions, people, offices), never a raw id. The hand, the event
dialog, the encyclopedia and the after-action report all read it, so modded records get it too.
Every kind in the vocabulary has a wording here (a test holds it to that).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..core.calendar import SEASONS
from ..core.defs import Clause
from ..core.ruleset import Ruleset
from .chronicle import death_now
from .names import capitalise, number, office_name, possessive_of, quoted, signed
from .names import faction as faction_name
from .names import possessive as faction_possessive

# First words that stay capitalised when a name is used mid-sentence ("Comintern strength").
PROPER = {"Comintern", "Red", "Komsomol", "Pravda", "Soviet", "Soviets", "Politburo", "Party", "Central", "Lenin's"}
MEETINGS = {"plenum": "a plenum of the Central Committee", "congress": "a Party Congress"}
COUNT = {1: "one", 2: "two", 3: "three", 4: "four"}


def common(name: str) -> str:
    """A name as a common noun mid-sentence: 'Peasant mood' -> 'peasant mood'; proper names stay."""
    first = name.split(" ", 1)[0]
    if first in PROPER or first[1:2].isupper() or not first[:1].isupper():
        return name
    return name[:1].lower() + name[1:]


@dataclass(frozen=True, slots=True)
class Who:
    """A faction reference in words, with its possessive and the verb form it takes."""

    subject: str
    of: str
    you: bool = False

    def does(self, verb: str) -> str:
        """'you control' / 'the Left controls' (verb given in the third person)."""
        if self.you:
            base = verb[:-2] if verb.endswith(("shes", "ches", "sses")) else verb[:-1] if verb.endswith("s") else verb
            return f"you {base}"
        return f"{self.subject} {verb}"


YOU = Who("you", "your", True)


@dataclass(slots=True)
class Describer:
    """Words for clauses, with the faction placeholders (chooser, player, owner) named as the reader
    should read them: 'you' for the viewer, a faction's name, or a role ('whoever chooses')."""

    rs: Ruleset
    refs: dict[str, Who] = field(default_factory=dict)
    when: int | None = None  # the date spoken of (absolute half-year): offices go by its names

    # ---- who, what, where ------------------------------------------------------------------

    def who(self, ref: str) -> Who:
        if ref in self.refs:
            return self.refs[ref]
        if ref == "all":
            return Who("every faction", "every faction's")
        if ref == "chooser":
            return Who("whoever chooses", "the chooser's")
        if ref == "player":
            return Who("whoever plays it", "the player's")
        if ref == "owner":
            return Who("its owner", "its owner's")
        return as_played_by(self.rs, ref)

    def person(self, cid: str) -> str:
        d = self.rs.characters.get(cid)
        return d.name if d else cid.replace("_", " ").title()

    def office(self, oid: str) -> str:
        return office_name(self.rs, oid, self.when)

    def body(self, bid: str) -> str:
        d = self.rs.bodies.get(bid)
        return d.name if d else bid.replace("_", " ")

    def indicator(self, iid: str) -> str:
        d = self.rs.indicators.get(iid)
        return common(d.name) if d else iid.replace("_", " ")

    def unit(self, iid: str) -> str:
        d = self.rs.indicators.get(iid)
        unit = d.unit if d else ""
        if unit.startswith("%"):
            return " points"
        if unit == "thousands":
            return " thousand"
        if unit.startswith("million"):
            return " " + unit
        return ""

    def base(self, bid: str) -> str:
        d = self.rs.bases.get(bid)
        name = common(d.name) if d else bid.replace("_", " ")
        return name if name.lower().startswith("the ") else f"the {name}"

    def region(self, rid: str) -> str:
        d = self.rs.regions.get(rid)
        return d.name if d else rid.replace("_", " ")

    def axis(self, aid: str) -> str:
        d = self.rs.axes.get(aid)
        return common(d.name) if d else aid.replace("_", " ")

    def position(self, aid: str, pid: str) -> str:
        d = self.rs.axes.get(aid)
        return next((p.name for p in d.positions if p.id == pid), pid) if d else pid

    def card(self, cid: str) -> str:
        d = self.rs.cards.get(cid)
        return f"the card {quoted(d.title)}" if d else "a card"

    def flag(self, flag: str) -> str:
        """A flag is the mark a choice leaves for later events: named by the choice (or card) that
        sets it - "the choice “Publish it in Pravda” in “Lenin's Testament”"."""
        for ev in self.rs.events.values():
            for c in ev.choices:
                if ("set_flag", flag) in c.effects:
                    return f"the choice {quoted(c.label)} in {quoted(ev.title)}"
        card = next((c for c in self.rs.cards.values() if ("set_flag", flag) in c.effects), None)
        if card is not None:
            return f"the card {quoted(card.title)}"
        words = [w.capitalize() if w in self.rs.characters else w for w in flag.split("_")]
        return quoted(" ".join(words))

    def date(self, half_year: int) -> str:
        return f"{SEASONS[half_year % 2]} {half_year // 2}"

    # ---- clauses ---------------------------------------------------------------------------

    def effect(self, name: str, p: Any) -> str:
        words = EFFECT_WORDS.get(name)
        return words(self, p) if words else name.replace("_", " ")

    def effects(self, clauses: Iterable[Clause], start: bool = True) -> str:
        """A whole list of effects as one sentence, clauses joined by semicolons (capitalised if it
        `start`s a sentence)."""
        clauses = sorted(clauses, key=lambda c: c[0] in ("set_flag", "clear_flag"))  # what later events remember last
        parts = [w for name, p in clauses if (w := self.effect(name, p))]
        words = "; ".join(parts) if parts else "no effect"
        return capitalise(words) if start else words

    def condition(self, name: str, p: Any) -> str:
        words = CONDITION_WORDS.get(name)
        return words(self, p) if words else name.replace("_", " ")

    def conditions(self, clauses: Iterable[Clause], start: bool = True) -> str:
        parts = [self.condition(name, p) for name, p in clauses]
        words = "; ".join(parts) if parts else "at any time"
        return capitalise(words) if start else words


# ---- effect wordings ------------------------------------------------------------------------


def _indicator(d: Describer, p: dict) -> str:
    turns = int(p.get("over_turns", 1))
    spread = f", spread over {turns} half-years" if turns > 1 else ""
    return f"{d.indicator(p['id'])} {signed(p['add'])}{d.unit(p['id'])}{spread}"


def _faction_number(what: str) -> Callable[[Describer, dict], str]:
    return lambda d, p: f"{d.who(p['faction']).of} {what} {signed(p['add'])}"


def _loyalty(d: Describer, p: dict) -> str:
    return f"{possessive_of(d.person(p['character']))} loyalty to {d.who(p['faction']).subject} {signed(p['add'])}"


def _standing(d: Describer, p: dict) -> str:
    return f"{d.who(p['faction']).of} standing with {d.base(p['base'])} {signed(p['add'])}"


def _sentiment(d: Describer, p: dict) -> str:
    toward = d.who(p["faction"]).subject
    if p["region"] == "all":
        return f"every region's sentiment toward {toward} {signed(p['add'])}"
    return f"sentiment in {d.region(p['region'])} toward {toward} {signed(p['add'])}"


def _policy(d: Describer, p: dict) -> str:
    axis = d.rs.axes.get(p["axis"])
    if "set" in p:
        return f"{d.axis(p['axis'])} policy set to {d.position(p['axis'], p['set'])}"
    step = int(p.get("step", 0))
    if step == 0 or axis is None:
        return f"{d.axis(p['axis'])} policy unchanged"
    end = axis.positions[-1 if step > 0 else 0].name
    steps = f"{COUNT.get(abs(step), number(abs(step)))} step{'s' if abs(step) > 1 else ''}"
    return f"{d.axis(p['axis'])} policy {steps} toward {end}"


def _fate(words: str) -> Callable[[Describer, Any], str]:
    return lambda d, who: f"{d.person(who)} {words}"


def _rung(d: Describer, p: dict) -> str:
    move = int(p["move"])
    if move == 0:
        return f"{d.who(p['faction']).of} discipline unchanged"
    steps = f"{COUNT.get(abs(move), number(abs(move)))} rung{'s' if abs(move) > 1 else ''}"
    return f"{d.who(p['faction']).of} discipline {steps} {'harsher' if move > 0 else 'milder'}"


EFFECT_WORDS: dict[str, Callable[[Describer, Any], str]] = {
    "indicator": _indicator,
    "influence": _faction_number("influence"),
    "heat": _faction_number("heat"),
    "prestige": _faction_number("prestige"),
    "loyalty": _loyalty,
    "standing": _standing,
    "sentiment": _sentiment,
    "policy": _policy,
    "set_flag": lambda d, f: "later events remember this",
    "clear_flag": lambda d, f: f"later events forget {d.flag(f)}",
    "kill": lambda d, p: f"{d.person(p['character'])} {death_now(p['cause'])}",
    "exile": _fate("is sent into exile"),
    "arrest": _fate("is arrested"),
    "vacate": lambda d, o: f"the post of {d.office(o)} falls vacant",
    "appoint": lambda d, p: f"{d.person(p['character'])} becomes {d.office(p['office'])}",
    "fill_if_vacant": lambda d, p: (
        f"{d.person(p['character'])} takes the post of {d.office(p['office'])} if it falls vacant"
    ),
    "remove_from_body": lambda d, p: f"{d.person(p['character'])} loses his seat in the {d.body(p['body'])}",
    "rung": _rung,
    "grip": lambda d, p: f"the secretaries' grip on congress delegations {signed(p['add'])}",
    "repression_momentum": lambda d, p: f"the momentum of repression from below {signed(p['add'])}",
    "convene": lambda d, m: f"{MEETINGS.get(m, 'a ' + m.replace('_', ' '))} meets this half-year",
    "add_card": lambda d, c: f"{d.card(c)} goes into the draw pile",
    "remove_card": lambda d, c: f"{d.card(c)} leaves the game",
    "propose_compromise": lambda d, p: (
        f"{d.who(p['faction']).does('puts')} {d.person(p['figure'])} to the Politburo as the party's moral authority"
    ),
    "correct_figures": lambda d, p: (
        f"the plan's reported output comes {round(100 * p['share'])} % of the way back to the real"
    ),
}


# ---- condition wordings ---------------------------------------------------------------------


def _bounds(p: dict, unit: str = "") -> str:
    parts = []
    for key, words in (("above", "above"), ("at_least", "at least"), ("below", "below"), ("at_most", "at most")):
        if key in p:
            parts.append(f"{words} {number(p[key])}{unit}")
    return " and ".join(parts) or "at any level"


def _policy_is(d: Describer, p: dict) -> str:
    axis = d.axis(p["axis"])
    parts = []
    if "is" in p:
        parts.append(f"{axis} policy is {d.position(p['axis'], p['is'])}")
    if "at_least" in p:
        parts.append(f"{axis} policy has reached {d.position(p['axis'], p['at_least'])} or beyond")
    if "at_most" in p:
        parts.append(f"{axis} policy has gone no further than {d.position(p['axis'], p['at_most'])}")
    return " and ".join(parts) or f"any {axis} policy"


def _rung_is(d: Describer, p: dict) -> str:
    who = d.who(p["faction"])
    if p.get("at_most") == 0 and "at_least" not in p:
        return f"{who.subject} {'are' if who.you else 'is'} in good standing with the party"
    return f"{who.of} discipline {_bounds(p, ' rungs down the ladder')}"


def _strength(d: Describer, p: dict) -> str:
    return f"{d.who(p['faction']).of} share of all the factions' strength in the apparatus {_bounds(p, ' %')}"


CONDITION_WORDS: dict[str, Callable[[Describer, Any], str]] = {
    "after": lambda d, when: f"from {d.date(when)}",
    "before": lambda d, when: f"before {d.date(when)}",
    "indicator": lambda d, p: f"{d.indicator(p['id'])} {_bounds(p, d.unit(p['id']))}",
    "policy": _policy_is,
    "flag": lambda d, f: f"after {d.flag(f)}",
    "not_flag": lambda d, f: f"not after {d.flag(f)}",
    "alive": lambda d, who: f"{d.person(who)} is alive",
    "dead": lambda d, who: f"{d.person(who)} is dead",
    "holds": lambda d, p: f"{d.person(p['character'])} is {d.office(p['office'])}",
    "controls": lambda d, p: f"{d.who(p['faction']).does('controls')} the {d.office(p['office'])}",
    "in_body": lambda d, p: f"{d.person(p['character'])} sits in the {d.body(p['body'])}",
    "heat": lambda d, p: f"{d.who(p['faction']).of} heat {_bounds(p)}",
    "strength_share": _strength,
    "rung": _rung_is,
    "any": lambda d, cs: "either " + ", or ".join(d.condition(n, q) for n, q in cs),
    "all": lambda d, cs: "all of: " + ", and ".join(d.condition(n, q) for n, q in cs),
    "not": lambda d, c: f"not so: {d.condition(*c)}",
}


# ---- readers for the places that show a record ----------------------------------------------


def for_card(rs: Ruleset, card_id: str, viewer: str | None = None) -> Describer:
    """A card's words: its player is the viewer ('you'); its owner is its faction (or the player)."""
    card = rs.cards[card_id]
    player = YOU if viewer else Who("whoever plays it", "the player's")
    owner = YOU if card.faction in (None, viewer) and viewer else None
    if owner is None:
        owner = as_played_by(rs, card.faction) if card.faction in rs.factions else player
    return Describer(rs, {"chooser": player, "player": player, "owner": owner})


def for_event(rs: Ruleset, viewer: str | None = None) -> Describer:
    """An event's options as the one who chooses reads them ('you'), or as anyone does."""
    return Describer(rs, {"chooser": YOU} if viewer else {})


def for_faction(rs: Ruleset, faction: str, viewer: str | None = None) -> Describer:
    """A faction's special action: its owner is the faction ('you' to its own player)."""
    own = YOU if faction == viewer else as_played_by(rs, faction)
    return Describer(rs, {"chooser": own, "player": own, "owner": own})


def as_played_by(rs: Ruleset, faction: str | None) -> Who:
    return Who(faction_name(rs, faction), faction_possessive(rs, faction))


def option_lines(rs: Ruleset, event_id: str, viewer: str | None = None) -> list[str]:
    """Each option of an event with what it does: 'Publish it in Pravda: inner-party democracy +8; ...'."""
    event = rs.events[event_id]
    said = for_event(rs, viewer)
    if viewer is None and event.chooser in rs.factions:  # an event one faction always decides names it
        said = Describer(rs, {"chooser": as_played_by(rs, event.chooser)})
    said.when = event.first_turn  # the offices as they were named when it comes
    return [f"{c.label}: {said.effects(c.effects, start=False)}" for c in event.choices]


def entry_effects(rs: Ruleset, key: str, p: dict[str, Any]) -> str | None:
    """What a chronicle entry's event, card or special did, named for a reader outside the game
    (the after-action report): 'Effects: the Right's standing with the peasantry +8; ...'."""
    if key == "event.chosen" and p.get("event") in rs.events:
        choice = next((c for c in rs.events[p["event"]].choices if c.id == p.get("option")), None)
        said = Describer(rs, {"chooser": as_played_by(rs, p.get("chooser"))}, rs.events[p["event"]].first_turn)
        return f"Effects: {said.effects(choice.effects, start=False)}." if choice else None
    if key in ("card.event", "card.rival_event") and p.get("card") in rs.cards and p.get("fired", True):
        card = rs.cards[p["card"]]
        player = as_played_by(rs, p.get("faction"))
        owner = as_played_by(rs, card.faction) if card.faction in rs.factions else player
        said = Describer(rs, {"chooser": player, "player": player, "owner": owner})
        return f"Effects: {said.effects(card.effects, start=False)}."
    return None
