"""GameState: everything that changes during a game, its clone, plain-dict form and hash.

Numbers are integers or floats rounded at each step, and every dict is built in ruleset order,
so the canonical JSON (and so `state_hash`) is the same on every platform. The seeded generator
lives here as one integer (`rng`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .rng import Rng

LOYALTY_DTYPE = np.int16


@dataclass(slots=True)
class FactionState:
    influence: int
    heat: int
    prestige: int
    rung: int = 0
    ap: int = 0
    credibility: int = 100
    hand: list[str] = field(default_factory=list)
    power: float = 0.0
    program: float = 0.0
    done: bool = False  # finished its intrigue turn this turn
    specials_used: dict[str, int] = field(default_factory=dict)  # special id -> turn last used
    exiled: bool = False  # leaders gone: plays on as the exiled opposition
    speech: int = 0  # influence committed to congress speeches this turn
    co_report: bool = False
    appointments: int = 0  # regional secretaries named this turn

    def clone(self) -> FactionState:
        return FactionState(
            self.influence,
            self.heat,
            self.prestige,
            self.rung,
            self.ap,
            self.credibility,
            list(self.hand),
            self.power,
            self.program,
            self.done,
            dict(self.specials_used),
            self.exiled,
            self.speech,
            self.co_report,
            self.appointments,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "influence": self.influence,
            "heat": self.heat,
            "prestige": self.prestige,
            "rung": self.rung,
            "ap": self.ap,
            "credibility": self.credibility,
            "hand": list(self.hand),
            "power": round(self.power, 4),
            "program": round(self.program, 4),
            "done": self.done,
            "specials_used": dict(self.specials_used),
            "exiled": self.exiled,
            "speech": self.speech,
            "co_report": self.co_report,
            "appointments": self.appointments,
        }

    @staticmethod
    def from_dict(d: dict[str, Any]) -> FactionState:
        return FactionState(**d)


@dataclass(slots=True)
class Motion:
    """A motion on the Politburo agenda. `params` holds ids and numbers only.

    `id` numbers the motions of a game (whips name it); `odds` is the proposer's honest chance
    when it was proposed, and `snap` each member's chance then, [member, p_yes, whose he seemed]
    — so the vote report can say what changed before the vote."""

    kind: str
    proposer: str
    params: dict[str, Any]
    id: int = 0
    odds: float = -1.0
    snap: list[list[Any]] = field(default_factory=list)

    def copy(self) -> Motion:
        return Motion(self.kind, self.proposer, dict(self.params), self.id, self.odds, [list(s) for s in self.snap])

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "proposer": self.proposer, "params": dict(self.params)}
        if self.id:  # absent on motions from before they were numbered, so old states hash the same
            data.update(id=self.id, odds=self.odds, snap=[list(s) for s in self.snap])
        return data

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Motion:
        return Motion(
            d["kind"],
            d["proposer"],
            dict(d["params"]),
            d.get("id", 0),
            d.get("odds", -1.0),
            [list(s) for s in d.get("snap", [])],
        )


@dataclass(slots=True)
class Pact:
    """A pact offered by `a` to `b` (a kind from rules.yaml pact_kinds), in force once accepted
    until the end of `until_turn`; `against` names the third faction of a bloc."""

    a: str
    b: str
    kind: str
    until_turn: int
    accepted: bool = False
    price: int = 0
    against: str | None = None
    offered: int = 0  # the turn it was offered (an unanswered offer lapses)

    def copy(self) -> Pact:
        return Pact(self.a, self.b, self.kind, self.until_turn, self.accepted, self.price, self.against, self.offered)

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "kind": self.kind,
            "until_turn": self.until_turn,
            "accepted": self.accepted,
            "price": self.price,
            **({"against": self.against} if self.against is not None else {}),
            **({"offered": self.offered} if self.offered else {}),
        }

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Pact:
        return Pact(
            d["a"],
            d["b"],
            d["kind"],
            d["until_turn"],
            d.get("accepted", False),
            d.get("price", 0),
            d.get("against"),
            d.get("offered", 0),
        )


@dataclass(slots=True)
class GameState:
    scenario: str
    seed: int
    start_year: int
    last_turn: int
    turn: int
    phase: str  # chronicle | intrigue | session (whips before the Politburo votes) | over
    rng: Rng  # the game's dice; its whole state is one integer
    factions: dict[str, FactionState]
    loyalty_public: np.ndarray  # [characters, factions] int16, what everyone may know
    loyalty_secret: np.ndarray  # [characters, factions] int16, known only to that faction
    lobbied: np.ndarray  # [characters, factions] int16, lobbying spent this turn
    status: list[str]  # per character: free | exiled | arrested | dead
    offices: dict[str, str | None]
    seats: dict[str, list[str]]  # named-seat bodies -> member character ids
    blocs: dict[str, dict[str, int]]  # abstract-seat bodies -> faction (or "independent") -> seats
    secretaries: dict[str, str | None]  # region -> faction of its party secretary
    sentiment: dict[str, dict[str, int]]  # region -> faction/"uncommitted" -> weight 0-100
    standing: np.ndarray  # [bases, factions] int16 0-100
    policies: dict[str, int]  # axis -> position index
    indicators: np.ndarray  # float64, rounded to 3 decimals
    history: list[list[float]]  # indicator values at the end of each turn
    fading: list[list[Any]]  # [indicator, amount per turn, turns left]
    flags: dict[str, int]  # flag -> turn it was set
    grip: int
    momentum: int  # repression momentum
    deck: list[str]
    discard: list[str]
    era: int
    fired: dict[str, int]  # event id -> turn it fired
    event_queue: list[str]  # chronicle events waiting for their chooser this turn
    order: list[str]  # intrigue order this turn
    acting: int  # index into order
    agenda: list[Motion]
    pacts: list[Pact]
    convene: list[list[Any]]  # [turn, "plenum" | "congress"] meetings convened
    streak: dict[str, int]  # consecutive turns of sole power
    deaths: list[list[Any]]  # [character, turn, cause]
    log: list[list[Any]]  # chronicle entries: [turn, key, params]
    winner: str | None = None
    win_reason: str | None = None
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    war_outcome: str | None = None
    preset: str | None = None  # the classroom preset this game is played with, if any
    whips: dict[str, dict[str, str]] = field(default_factory=dict)  # faction -> motion id -> for | against | free
    trust: dict[str, dict[str, int]] = field(default_factory=dict)  # faction -> other -> 0-100
    motion_seq: int = 0  # motions proposed so far this game (the next one's id)
    view_of: str | None = None  # set on a player view: whose view it is (never saved or hashed)

    # ---- helpers -------------------------------------------------------------------------

    def clone(self, keep_log: bool = True) -> GameState:
        """A deep copy; `keep_log=False` leaves the chronicle out (for throwaway views)."""
        return GameState(
            self.scenario,
            self.seed,
            self.start_year,
            self.last_turn,
            self.turn,
            self.phase,
            self.rng.copy(),
            {k: v.clone() for k, v in self.factions.items()},
            self.loyalty_public.copy(),
            self.loyalty_secret.copy(),
            self.lobbied.copy(),
            list(self.status),
            dict(self.offices),
            {k: list(v) for k, v in self.seats.items()},
            {k: dict(v) for k, v in self.blocs.items()},
            dict(self.secretaries),
            {k: dict(v) for k, v in self.sentiment.items()},
            self.standing.copy(),
            dict(self.policies),
            self.indicators.copy(),
            list(self.history),  # rows are never mutated once appended
            [list(f) for f in self.fading],
            dict(self.flags),
            self.grip,
            self.momentum,
            list(self.deck),
            list(self.discard),
            self.era,
            dict(self.fired),
            list(self.event_queue),
            list(self.order),
            self.acting,
            [m.copy() for m in self.agenda],
            [p.copy() for p in self.pacts],
            [list(c) for c in self.convene],
            dict(self.streak),
            list(self.deaths),
            list(self.log) if keep_log else [],  # entries are never mutated once appended
            self.winner,
            self.win_reason,
            {k: dict(v) for k, v in self.scores.items()},
            self.war_outcome,
            self.preset,
            {k: dict(v) for k, v in self.whips.items()},
            {k: dict(v) for k, v in self.trust.items()},
            self.motion_seq,
            self.view_of,
        )

    @property
    def acting_faction(self) -> str | None:
        if self.phase in ("intrigue", "session") and self.acting < len(self.order):
            return self.order[self.acting]
        return None

    def note(self, key: str, **params: Any) -> None:
        """Append a chronicle entry: a key and its parameters, formatted only by the UI."""
        self.log.append([self.turn, key, params])

    # ---- plain data ------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data = self._to_dict()
        if self.preset is not None:  # absent when unused, so states from before presets hash the same
            data["preset"] = self.preset
        # Absent while unused, so a state saved before whips, trust and numbered motions hashes the same.
        if self.whips:
            data["whips"] = {k: dict(v) for k, v in self.whips.items()}
        if self.trust:
            data["trust"] = {k: dict(v) for k, v in self.trust.items()}
        if self.motion_seq:
            data["motion_seq"] = self.motion_seq
        return data

    def _to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "seed": self.seed,
            "start_year": self.start_year,
            "last_turn": self.last_turn,
            "turn": self.turn,
            "phase": self.phase,
            "rng": self.rng.state,
            "factions": {k: v.to_dict() for k, v in self.factions.items()},
            "loyalty_public": self.loyalty_public.tolist(),
            "loyalty_secret": self.loyalty_secret.tolist(),
            "lobbied": self.lobbied.tolist(),
            "status": list(self.status),
            "offices": dict(self.offices),
            "seats": {k: list(v) for k, v in self.seats.items()},
            "blocs": {k: dict(v) for k, v in self.blocs.items()},
            "secretaries": dict(self.secretaries),
            "sentiment": {k: dict(v) for k, v in self.sentiment.items()},
            "standing": self.standing.tolist(),
            "policies": dict(self.policies),
            "indicators": [round(float(x), 3) for x in self.indicators],
            "history": [list(row) for row in self.history],
            "fading": [list(f) for f in self.fading],
            "flags": dict(self.flags),
            "grip": self.grip,
            "momentum": self.momentum,
            "deck": list(self.deck),
            "discard": list(self.discard),
            "era": self.era,
            "fired": dict(self.fired),
            "event_queue": list(self.event_queue),
            "order": list(self.order),
            "acting": self.acting,
            "agenda": [m.to_dict() for m in self.agenda],
            "pacts": [p.to_dict() for p in self.pacts],
            "convene": [list(c) for c in self.convene],
            "streak": dict(self.streak),
            "deaths": [list(d) for d in self.deaths],
            "log": [[t, k, dict(p)] for t, k, p in self.log],
            "winner": self.winner,
            "win_reason": self.win_reason,
            "scores": {k: dict(v) for k, v in self.scores.items()},
            "war_outcome": self.war_outcome,
        }

    @staticmethod
    def from_dict(d: dict[str, Any]) -> GameState:
        def arr(rows: list) -> np.ndarray:
            return np.array(rows, dtype=LOYALTY_DTYPE)

        return GameState(
            scenario=d["scenario"],
            seed=d["seed"],
            start_year=d["start_year"],
            last_turn=d["last_turn"],
            turn=d["turn"],
            phase=d["phase"],
            rng=Rng(d["rng"]),
            factions={k: FactionState.from_dict(v) for k, v in d["factions"].items()},
            loyalty_public=arr(d["loyalty_public"]),
            loyalty_secret=arr(d["loyalty_secret"]),
            lobbied=arr(d["lobbied"]),
            status=list(d["status"]),
            offices=dict(d["offices"]),
            seats={k: list(v) for k, v in d["seats"].items()},
            blocs={k: dict(v) for k, v in d["blocs"].items()},
            secretaries=dict(d["secretaries"]),
            sentiment={k: dict(v) for k, v in d["sentiment"].items()},
            standing=arr(d["standing"]),
            policies=dict(d["policies"]),
            indicators=np.array(d["indicators"], dtype=np.float64),
            history=[list(row) for row in d["history"]],
            fading=[list(f) for f in d["fading"]],
            flags=dict(d["flags"]),
            grip=d["grip"],
            momentum=d["momentum"],
            deck=list(d["deck"]),
            discard=list(d["discard"]),
            era=d["era"],
            fired=dict(d["fired"]),
            event_queue=list(d["event_queue"]),
            order=list(d["order"]),
            acting=d["acting"],
            agenda=[Motion.from_dict(m) for m in d["agenda"]],
            pacts=[Pact.from_dict(p) for p in d["pacts"]],
            convene=[list(c) for c in d["convene"]],
            streak=dict(d["streak"]),
            deaths=[list(x) for x in d["deaths"]],
            log=[[t, k, dict(p)] for t, k, p in d["log"]],
            winner=d["winner"],
            win_reason=d["win_reason"],
            scores={k: dict(v) for k, v in d["scores"].items()},
            war_outcome=d["war_outcome"],
            preset=d.get("preset"),
            whips={k: dict(v) for k, v in d.get("whips", {}).items()},
            trust={k: dict(v) for k, v in d.get("trust", {}).items()},
            motion_seq=d.get("motion_seq", 0),
        )


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def state_hash(state: GameState) -> str:
    """sha256 over the canonical JSON of the state: equal hashes mean equal games."""
    return hashlib.sha256(canonical_json(state.to_dict()).encode("ascii")).hexdigest()
