"""Chronicle entries (a key and parameters in the state) turned into sentences for people.

The core never formats text; the trace, and later the window, read it here. Keys without a
sentence fall back to a plain rendering, so a new mechanic is never silently dropped.
"""

from __future__ import annotations

from typing import Any

from ..core.ruleset import Ruleset
from . import names
from .debates import DebateSentences

# How a death is told: (this turn, in the chronicle; looking back, in an epilogue)
DEATHS = {
    "natural": ("dies of natural causes", "died of natural causes"),
    "surgery": ("dies on the operating table", "died after an operation"),
    "executed": ("is shot", "was shot"),
    "suicide": ("takes his own life", "took his own life"),
    "murdered": ("is murdered", "was murdered"),
    "killed_in_prison": ("is killed in prison", "was killed in prison"),
    "in_custody": ("dies in custody", "died in custody"),
    "unknown": ("dies", "died"),
}


def death_now(cause: str) -> str:
    return DEATHS.get(cause, DEATHS["unknown"])[0]


def death_then(cause: str) -> str:
    return DEATHS.get(cause, DEATHS["unknown"])[1]


class Text(DebateSentences):
    def __init__(self, rs: Ruleset) -> None:
        self.rs = rs
        self.when: int | None = None  # the date being told (absolute half-year): offices go by its names

    def faction(self, fid: str | None) -> str:
        """'the Right' (mid-sentence; `entry` capitalises a sentence that begins with it)."""
        return names.faction(self.rs, fid)

    def of(self, fid: str | None) -> str:
        """'the Right's', 'the Left SRs''."""
        return names.possessive(self.rs, fid)

    def person(self, cid: str | None) -> str:
        if cid is None:
            return "nobody"
        d = self.rs.characters.get(cid)
        return d.name if d else cid

    def office(self, oid: str) -> str:
        return names.office_name(self.rs, oid, self.when)

    def position(self, axis_id: str, position_id: str) -> str:
        axis = self.rs.axes[axis_id]
        return next((p.name for p in axis.positions if p.id == position_id), position_id)

    def motion(self, kind: str, params: dict[str, Any], detail: dict[str, Any] | None = None) -> str:
        p, d = params, detail or {}
        if kind == "policy":
            axis = self.rs.axes[p["axis"]]
            if "to" in d:
                return f"to move {axis.name.lower()} from {self.position(axis.id, d['from'])} to {self.position(axis.id, d['to'])}"
            return f"to move {axis.name.lower()} one step {'on' if p['step'] > 0 else 'back'}"
        if kind == "remove" and d.get("holder"):
            return f"to remove {self.person(d['holder'])} as {self.office(p['office'])}"
        if kind == "appoint":
            return f"to make {self.person(p['character'])} {self.office(p['office'])}"
        if kind == "remove":
            return f"to remove the {self.office(p['office'])}"
        if kind == "expel_member":
            return f"to expel {self.person(p['character'])} from the Politburo"
        if kind == "censure":
            return f"to censure {self.faction(p['faction'])}"
        if kind == "readmit":
            return f"to readmit {self.faction(p['faction'])}"
        if kind == "convene":
            return f"to convene a {p['meeting']}"
        if kind == "publish":
            return "to publish Lenin's Testament"
        if kind == "compromise":
            return f"to name {self.person(p['figure'])} the party's moral authority"
        return kind

    def entry(self, key: str, p: dict[str, Any], when: int | None = None) -> str | None:
        """One chronicle entry as a sentence, or None for bookkeeping entries; `when` (an absolute
        half-year, `dated`) names the offices as they were then."""
        self.when = when
        method = getattr(self, "_" + key.replace(".", "_"), None)
        if method is not None:
            sentence = method(p)
            return names.capitalise(sentence) if sentence else sentence
        if key in ("turn.began", "income", "lobby.secret", "motion.proposed"):
            return None
        return f"{key}: " + ", ".join(f"{k}={v}" for k, v in p.items()) if p else key

    @staticmethod
    def dated(start_year: int, turn: int) -> int:
        """The absolute half-year of a log entry's turn (as `core.calendar.now`)."""
        return start_year * 2 + turn

    # ---- sentences, one per chronicle key ----------------------------------------------------

    def _person_died(self, p):
        return f"{self.person(p['character'])} {death_now(p['cause'])}."

    def _person_exiled(self, p):
        return f"{self.person(p['character'])} is sent into exile."

    def _person_arrested(self, p):
        return f"{self.person(p['character'])} is arrested."

    def _policy_changed(self, p):
        axis = self.rs.axes[p["axis"]]
        pos = next(x for x in axis.positions if x.id == p["position"])
        return f"{axis.name}: the line is now {pos.name}."

    def _office_filled(self, p):
        return f"{self.person(p['holder'])} becomes {self.office(p['office'])}."

    def _office_vacated(self, p):
        return f"{self.person(p.get('holder'))} loses the post of {self.office(p['office'])}."

    def _vote_held(self, p):
        from .votes import VoteWords

        words = VoteWords(self.rs)
        turned = [
            f"{self.person(row[0])} ({words.whip(row[2], row[4])})"
            for row in p.get("why", [])
            if len(row) > 4
            and row[2] is not None
            and row[4] in ("for", "against")
            and dict(p.get("ballots", [])).get(row[0]) is not None
            and dict(p.get("ballots", [])).get(row[0]) != (row[4] == "for")
        ]
        defected = f" Defected: {', '.join(turned)}." if turned else ""
        return f"{self.vote_verdict(p)} {words.odds(p)}{defected}"

    def vote_verdict(self, p):
        """'The Politburo carried the Right's motion to ..., 4 to 3.'"""
        verdict = "carried" if p["passed"] else "defeated"
        motion = self.motion(p["kind"], p["params"], p.get("detail"))
        return f"The Politburo {verdict} {self.of(p['proposer'])} motion {motion}, {p['yes']} to {p['no']}."

    def _motion_lapsed(self, p):
        return f"{self.of(p['proposer'])} motion {self.motion(p['kind'], p['params'])} lapses."

    def _event_chosen(self, p):
        ev = self.rs.events[p["event"]]
        choice = next(c for c in ev.choices if c.id == p["option"])
        return f"{ev.title}. {names.faction(self.rs, p['chooser'], start=True)} decides: {choice.label}."

    def _event_lapsed(self, p):
        return None

    def _teacher_action(self, p):
        kind = p["kind"]
        if kind in ("skip", "inject"):
            title = self.rs.events[p["event"]].title if p["event"] in self.rs.events else p["event"]
            return (
                f"Teacher: the event {names.quoted(title)} is skipped and does not happen in this game."
                if kind == "skip"
                else f"Teacher: the event {names.quoted(title)} is brought in now."
            )
        if kind == "advance":
            return f"Teacher: {self.of(p['faction'])} turn is ended."
        if kind == "recover":
            freed = ", ".join(self.person(c) for c in p.get("freed", []))
            back = f"; {freed} back at liberty" if freed else ""
            seats = f"; {p['seats']} Central Committee seats" if p.get("seats") else ""
            return (
                f"Teacher: recovery for {self.faction(p['faction'])} (alternate history): back to "
                f"{self.rung_name(p['faction'], p['rung'])}, {p['influence']} influence{seats}{back}."
            )
        if kind == "undo_turn":
            return f"Teacher: the last whole turn is undone; the class replays from here (was turn {p['turn'] + 1})."
        if kind == "rounds":
            return "Teacher: from now on the teams act in rounds, one action each in turn order."
        if kind == "hotseat":
            return "Teacher: the game goes on at one computer, each team through its whole turn in turn."
        if kind == "pause":
            return "Teacher: the game is paused for a discussion."
        return f"Teacher: {kind}."

    def _class_vote(self, p):
        counts = ", ".join(f"{name} {n}" for name, n in p["counts"].items())
        chosen = f"; entered: {p['chosen']}" if p.get("chosen") else ""
        return f"Class vote for {self.faction(p['faction'])} on {p['subject']}: {counts}{chosen}."

    def rung_name(self, faction: str, rung_id: str) -> str:
        ladder = self.rs.ladder_of(faction)
        return next((r.name.lower() for r in ladder.rungs if r.id == rung_id), rung_id)

    def _card_event(self, p):
        return f"{self.faction(p['faction'])} plays {names.quoted(self.rs.cards[p['card']].title)}."

    def _card_influence(self, p):
        return None

    def _card_rival_event(self, p):
        card = self.rs.cards[p["card"]]
        if not p["fired"]:
            return None
        return f"{self.faction(p['faction'])} spends {names.quoted(card.title)} for influence, and it works for {self.faction(p['owner'])} all the same."

    def _declare(self, p):
        outcome = "and the hold is real" if p["won"] else "but he does not follow"
        return f"{self.faction(p['faction'])} declares its hold on {self.person(p['character'])}, {outcome}."

    def _appoint_secretary(self, p):
        region = self.rs.regions[p["region"]].name
        return (
            f"The Secretariat puts one of {self.of(p['faction'])} people in charge of the {region} party organisation."
        )

    def _campaign(self, p):
        return None

    def _organise(self, p):
        return f"{self.faction(p['faction'])} organises its supporters in {self.rs.regions[p['region']].name}."

    def _platform(self, p):
        return f"{self.faction(p['faction'])} publishes a platform. The apparatus calls it factionalism."

    def _pact_offered(self, p):
        return f"{self.faction(p['faction'])} offers {self.faction(p['partner'])} {self.a_pact(p['kind'], p.get('against'))}."

    def _pact_accepted(self, p, viewer=None):
        """`faction` accepted `partner`'s offer (and says why: 'you' to a viewer who offered it)."""
        from .pacts import answer

        what = f"{self.of(p['partner'])} {self.pact_name(p['kind'], p.get('against'))}"
        return answer(self.rs, p["faction"], True, p.get("reason"), p["partner"], viewer, what)

    def _pact_declined(self, p, viewer=None):
        from .pacts import answer

        what = f"{self.of(p['partner'])} {self.pact_name(p['kind'], p.get('against'))}"
        return answer(self.rs, p["faction"], False, p.get("reason"), p["partner"], viewer, what)

    def _pact_broken(self, p):
        how = {
            "motion": "by moving against its partner",
            "denounce": "by denouncing its partner",
            "whip": "by whipping against its partner",
            "declared": "openly",
        }.get(p.get("how", ""), "")
        head = f"{self.faction(p['faction'])} breaks its {self.pact_name(p['kind'])} with {self.faction(p['partner'])}"
        cost = f"{names.signed(-p.get('prestige', 0))} prestige, {names.signed(-p.get('trust', 0))} trust"
        return f"{head}{' ' + how if how else ''} ({cost})."

    def _pact_ended(self, p):
        return f"The {self.pact_name(p['kind'])} of {self.faction(p['faction'])} and {self.faction(p['partner'])} runs its course."

    def _pact_lapsed(self, p):
        return None

    def _pact_opened(self, p):
        return f"{self.faction(p['faction'])} and {self.faction(p['partner'])} stand in {self.a_pact(p['kind'], p.get('against'))}."

    def _session_opened(self, p):
        return None

    def pact_name(self, kind: str, against: str | None = None) -> str:
        from .pacts import phrase

        return phrase(self.rs, kind, against)

    def a_pact(self, kind: str, against: str | None = None) -> str:
        name = self.pact_name(kind, against)
        return ("an " if name[0] in "aeiou" else "a ") + name

    def _denounce(self, p):
        return f"{self.faction(p['faction'])} denounces {self.faction(p['target'])}."

    def _recant(self, p):
        return f"{self.faction(p['faction'])} recants its errors."

    def _special(self, p):
        spec = next(s for s in self.rs.factions[p["faction"]].specials if s.id == p["special"])
        return f"{self.faction(p['faction'])}: {spec.name}."

    def _congress_speech(self, p):
        return None

    def _congress_co_report(self, p):
        return f"{self.faction(p['faction'])} will stand a co-report at the congress."

    def _congress_co_report_failed(self, p):
        return f"The co-report of {self.faction(p['faction'])} wins only {round(p['share'] * 100)}% of the hall."

    def _congress_co_report_held(self, p):
        return f"The co-report of {self.faction(p['faction'])} wins {round(p['share'] * 100)}% of the hall."

    def _congress_held(self, p):
        cc = ", ".join(f"{self.faction(k)} {v}" for k, v in p["cc"].items())
        return f"The Party Congress meets and elects a Central Committee: {cc}."

    def _plenum_elected(self, p):
        names = ", ".join(self.person(m) for m in p["members"])
        body = self.rs.bodies[p["body"]].name
        return f"The new {body}: {names}."

    def _plenum_dropped(self, p):
        return f"{self.person(p['character'])} is not re-elected to the {self.rs.bodies[p['body']].name}."

    def _plenum_coopted(self, p):
        return f"A plenum co-opts {self.person(p['character'])} to the {self.rs.bodies[p['body']].name}."

    def _plenum_expulsion(self, p):
        verdict = "expels" if p["carried"] else "refuses to expel"
        return (
            f"A joint plenum {verdict} {self.person(p['character'])} from the Politburo ({p['yes']} of {p['total']})."
        )

    def _plenum_removal(self, p):
        verdict = "removes" if p["carried"] else "refuses to remove"
        return f"A joint plenum {verdict} {self.person(p['holder'])} as {self.office(p['office'])} ({p['yes']} of {p['total']} votes)."

    def _discipline_struck(self, p):
        return f"The Control Commission, in {self.of(p['judge'])} hands, strikes at {self.faction(p['faction'])}."

    def _discipline_rung(self, p):
        ladder = self.rs.ladder_of(p["faction"])
        rung = next(r for r in ladder.rungs if r.id == p["rung"])
        return f"{self.faction(p['faction'])}: {rung.name}."

    def _discipline_stripped(self, p):
        return f"{self.person(p['character'])} is removed from his posts."

    def _faction_exiled(self, p):
        return f"With its leaders gone, {self.faction(p['faction'])} fights on as the exiled opposition."

    def _country_famine(self, p):
        return f"Famine: about {p['deaths']:,} thousand people die of hunger this half-year."

    def _era_began(self, p):
        return {
            1: "The era of NEP.",
            2: "The era of the Great Break.",
            3: "The era of the Terror and the coming war.",
        }.get(p["era"])

    def _game_over(self, p):
        return None

    def _body_removed(self, p):
        return f"{self.person(p['character'])} loses his seat in the {self.rs.bodies[p['body']].name}."
