"""GameState: everything that changes during a game, its clone, plain-dict form and hash.

Numbers are integers or floats rounded at each step, and every dict is built in ruleset order,
so the canonical JSON (and so `state_hash`) is the same on every platform. The seeded generator
lives here as one integer (`rng`). Clone and plain-dict form are derived from the fields
(records.py): a new field needs only its declaration, with a `spec` if its type asks for one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

import numpy as np

from .records import Codec, clone_record, dump_record, load_record, record_map, records, spec
from .rng import Rng

LOYALTY_DTYPE = np.int16


def _loyalty(rows: list[list[int]]) -> np.ndarray:
    return np.array(rows, dtype=LOYALTY_DTYPE)


def _indicator_values(values: np.ndarray) -> list[float]:
    return [round(float(x), 3) for x in values]


def _indicators(values: list[float]) -> np.ndarray:
    return np.array(values, dtype=np.float64)


def _rounded(places: int) -> Callable[[float], float]:
    return lambda value: round(value, places)


LOYALTY = Codec(copy=np.ndarray.copy, dump=np.ndarray.tolist, load=_loyalty)  # an int16 matrix


@dataclass(slots=True)
class FactionState:
    influence: int
    heat: int
    prestige: int
    rung: int = 0
    ap: int = 0
    credibility: int = 100
    hand: list[str] = field(default_factory=list)
    power: float = spec(default=0.0, dump=_rounded(4))
    program: float = spec(default=0.0, dump=_rounded(4))
    done: bool = False  # finished its intrigue turn this turn
    specials_used: dict[str, int] = field(default_factory=dict)  # special id -> turn last used
    exiled: bool = False  # leaders gone: plays on as the exiled opposition
    speech: int = 0  # influence committed to congress speeches this turn
    co_report: bool = False
    appointments: int = 0  # regional secretaries named this turn
    # Where it stood when the game began (its share of all strength, its agenda met): the score counts
    # what it achieved beyond that (scoring.final_scores); 0 in saves from before this was kept.
    start_power: float = spec(default=0.0, dump=_rounded(4), omit=True)
    start_program: float = spec(default=0.0, dump=_rounded(4), omit=True)

    def clone(self) -> FactionState:
        return clone_record(self)

    def to_dict(self) -> dict[str, Any]:
        return dump_record(self)

    @staticmethod
    def from_dict(d: dict[str, Any]) -> FactionState:
        return load_record(FactionState, d)


@dataclass(slots=True)
class Motion:
    """A motion on the Politburo agenda. `params` holds ids and numbers only.

    `id` numbers the motions of a game (whips name it); `odds` is the proposer's honest chance
    when it was proposed, and `snap` each member's chance then, [member, p_yes, whose he seemed]
    — so the vote report can say what changed before the vote. The three are absent from the
    plain form of a motion from before they were numbered, so old states hash the same."""

    kind: str
    proposer: str
    params: dict[str, Any]
    id: int = spec(default=0, omit=True)
    odds: float = spec(default=-1.0, omit="id")
    snap: list[list[Any]] = spec(default_factory=list, omit="id")

    def copy(self) -> Motion:
        return clone_record(self)

    def to_dict(self) -> dict[str, Any]:
        return dump_record(self)

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Motion:
        return load_record(Motion, d)


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
    against: str | None = spec(default=None, omit=True)
    offered: int = spec(default=0, omit=True)  # the turn it was offered (an unanswered offer lapses)

    def copy(self) -> Pact:
        return clone_record(self)

    def to_dict(self) -> dict[str, Any]:
        return dump_record(self)

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Pact:
        return load_record(Pact, d)


def _log_entries(log: list[list[Any]]) -> list[list[Any]]:
    return [[t, k, dict(p)] for t, k, p in log]


@dataclass(slots=True, kw_only=True)
class GameState:
    """Fields in the order they are saved; `omit` ones are absent while unused, so a state saved
    before whips, trust, numbered motions and presets loads and hashes the same."""

    scenario: str
    seed: int
    start_year: int
    last_turn: int
    turn: int = 0
    phase: str = "chronicle"  # chronicle | intrigue | session (whips before the Politburo votes) | over
    rng: Rng = spec(copy=Rng.copy, dump=attrgetter("state"), load=Rng)  # the game's dice: one integer
    factions: dict[str, FactionState] = spec(record_map(FactionState))
    loyalty_public: np.ndarray = spec(LOYALTY)  # [characters, factions], what everyone may know
    loyalty_secret: np.ndarray = spec(LOYALTY)  # [characters, factions], known only to that faction
    lobbied: np.ndarray = spec(LOYALTY)  # [characters, factions], lobbying spent this turn
    status: list[str]  # per character: free | exiled | arrested | dead
    offices: dict[str, str | None]
    seats: dict[str, list[str]]  # named-seat bodies -> member character ids
    blocs: dict[str, dict[str, int]]  # abstract-seat bodies -> faction (or "independent") -> seats
    secretaries: dict[str, str | None]  # region -> faction of its party secretary
    sentiment: dict[str, dict[str, int]]  # region -> faction/"uncommitted" -> weight 0-100
    standing: np.ndarray = spec(LOYALTY)  # [bases, factions] 0-100
    policies: dict[str, int]  # axis -> position index
    indicators: np.ndarray = spec(copy=np.ndarray.copy, dump=_indicator_values, load=_indicators)  # rounded to 3 places
    history: list[list[float]] = spec(copy=list)  # indicator values at the end of each turn (rows never change)
    fading: list[list[Any]] = field(default_factory=list)  # [indicator, amount per turn, turns left]
    flags: dict[str, int] = field(default_factory=dict)  # flag -> turn it was set
    grip: int
    momentum: int = 0  # repression momentum
    deck: list[str] = field(default_factory=list)
    discard: list[str] = field(default_factory=list)
    era: int = 0
    fired: dict[str, int] = field(default_factory=dict)  # event id -> turn it fired
    event_queue: list[str] = field(default_factory=list)  # chronicle events waiting for their chooser this turn
    order: list[str] = field(default_factory=list)  # intrigue order this turn
    acting: int = 0  # index into order
    agenda: list[Motion] = spec(records(Motion), default_factory=list)
    pacts: list[Pact] = spec(records(Pact), default_factory=list)
    convene: list[list[Any]] = field(default_factory=list)  # [turn, "plenum" | "congress"] meetings convened
    streak: dict[str, int]  # consecutive turns of sole power
    deaths: list[list[Any]] = spec(default_factory=list, copy=list)  # [character, turn, cause] (never change)
    # the chronicle: [turn, key, params] entries, formatted by the UI (entries never change once noted)
    log: list[list[Any]] = spec(default_factory=list, copy=list, dump=_log_entries, load=_log_entries)
    winner: str | None = None
    win_reason: str | None = None
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    war_outcome: str | None = None
    preset: str | None = spec(default=None, omit=True)  # the classroom preset this game is played with
    whips: dict[str, dict[str, str]] = spec(default_factory=dict, omit=True)  # faction -> motion id -> whip
    trust: dict[str, dict[str, int]] = spec(default_factory=dict, omit=True)  # faction -> other -> 0-100
    motion_seq: int = spec(default=0, omit=True)  # motions proposed so far this game (the next one's id)
    rounds: bool = spec(default=False, omit=True)  # a networked class: the move passes after each action (flow)
    view_of: str | None = spec(default=None, saved=False)  # on a player view: whose view it is (never saved)

    # ---- helpers -------------------------------------------------------------------------

    def clone(self, keep_log: bool = True) -> GameState:
        """A deep copy; `keep_log=False` leaves the chronicle out (for throwaway views)."""
        return clone_record(self) if keep_log else clone_record(self, log=[])

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
        return dump_record(self)

    @staticmethod
    def from_dict(d: dict[str, Any]) -> GameState:
        return load_record(GameState, d)


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def state_hash(state: GameState) -> str:
    """sha256 over the canonical JSON of the state: equal hashes mean equal games."""
    return hashlib.sha256(canonical_json(state.to_dict()).encode("ascii")).hexdigest()
