"""Frozen definitions built from content: what factions, people, offices and cards *are*.

Nothing here changes during a game; the mutable side is `state.py`. Conditions and effects are
kept as plain, already-validated tuples of (name, params) so the core never sees YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Params = dict[str, Any]
Clause = tuple[str, Any]  # one condition or effect: (vocabulary name, parameters)

IDEOLOGY_AXES = ("economic", "democracy", "international")


@dataclass(frozen=True, slots=True)
class Ideology:
    economic: int
    democracy: int
    international: int

    def get(self, axis: str) -> int:
        return int(getattr(self, axis))

    def distance(self, other: Ideology) -> float:
        """Mean absolute distance over the three axes, 0-100."""
        return (
            abs(self.economic - other.economic)
            + abs(self.democracy - other.democracy)
            + abs(self.international - other.international)
        ) / 3.0


@dataclass(frozen=True, slots=True)
class TraitDef:
    id: str
    name: str
    lobby_rate: float = 1.0  # multiplies loyalty gained from lobbying
    defect: float = 0.0  # added to the chance of defecting from a faction's whip
    fear: float = 1.0  # multiplies the weight of fear in votes
    hazard: float = 0.0  # added to the natural-death chance per turn
    oratory: int = 0  # added to oratory in congress speeches
    no_office: bool = False  # cannot be appointed to an office (incapacitated)


@dataclass(frozen=True, slots=True)
class CharacterDef:
    id: str
    name: str
    native: str
    born: int
    died_turn: int | None  # the turn of the historical death (may be outside the game)
    died_cause: str
    faction: str | None
    leader: bool
    ideology: Ideology
    traits: tuple[str, ...]
    oratory: int
    organisation: int
    intrigue: int
    base: str | None
    portrait: str
    bio: str
    history: str
    sources: tuple[str, ...]
    alternate: bool = False


@dataclass(frozen=True, slots=True)
class SpecialDef:
    id: str
    name: str
    text: str
    ap: int
    influence: int
    heat: int
    once_per_turns: int  # 0 = every turn; n = at most once every n turns
    effects: tuple[Clause, ...]
    conditions: tuple[Clause, ...] = ()


@dataclass(frozen=True, slots=True)
class AgendaPolicy:
    axis: str
    target: int  # position index
    weight: float


@dataclass(frozen=True, slots=True)
class LineItem:
    """A policy target a faction pursues only while its conditions hold (not scored)."""

    axis: str
    target: int  # position index
    weight: float
    when: tuple[Clause, ...]


@dataclass(frozen=True, slots=True)
class AgendaIndicator:
    indicator: str
    above: float | None
    below: float | None
    weight: float


@dataclass(frozen=True, slots=True)
class FactionDef:
    id: str
    name: str
    short: str
    colour: str
    marker: str  # a letter that marks the faction without relying on colour
    leaders: tuple[str, ...]
    ideology: Ideology
    playable: bool
    party: bool  # sits in party bodies (the Left SRs do not)
    ladder: str
    influence: int
    heat: int
    prestige: int
    agenda_policies: tuple[AgendaPolicy, ...]
    agenda_indicators: tuple[AgendaIndicator, ...]
    specials: tuple[SpecialDef, ...]
    ai: dict[str, float]
    description: str
    apparatus: bool = False
    score_scale: dict[str, float] = field(default_factory=dict)  # power/program multipliers
    line: tuple[LineItem, ...] = ()  # policy targets pursued (proposed, whipped) while their conditions hold
    the: bool = False  # in a sentence its short name takes "the" ("the Right")
    possessive: str = ""  # the short name's possessive when not the plain rule ("Left SRs'"); "" = the rule


@dataclass(frozen=True, slots=True)
class OfficeDef:
    id: str
    name: str
    body: str
    powers: tuple[str, ...]
    income: int
    prestige: int
    chosen_by: str  # "central_committee" (at plenums) or "politburo" (by motion)
    base: str | None  # the constituency this office commands, if any
    renamed: tuple[tuple[int, str], ...] = ()  # (from half-year, name), in date order: the OGPU became the NKVD


@dataclass(frozen=True, slots=True)
class BodyDef:
    id: str
    name: str
    kind: str  # party | state
    seating: str  # "named" (characters hold seats), "abstract" (seats counted per faction), "none"
    seats: int
    description: str


@dataclass(frozen=True, slots=True)
class RegionDef:
    id: str
    name: str
    membership: int  # party members and candidates, thousands, at the start
    peasant_share: float  # 0-1
    sentiment: dict[str, int]  # rank-and-file leanings at the start; "uncommitted" allowed
    soviet_strength: int  # Left SR strength in the local soviets, 0-100
    description: str


@dataclass(frozen=True, slots=True)
class BaseDef:
    id: str
    name: str
    office: str | None  # the office whose holder commands this base
    income: int  # influence a turn to the faction with the highest standing (if >= 50)
    ideology: Ideology
    description: str


@dataclass(frozen=True, slots=True)
class PositionDef:
    id: str
    name: str
    ideology: int  # where this position sits on the axis's ideology scale
    targets: dict[str, float]  # shifts of indicator targets while in force
    drift: dict[str, float]  # per-turn additions while in force
    text: str


@dataclass(frozen=True, slots=True)
class AxisDef:
    id: str
    name: str
    ideology_axis: str
    positions: tuple[PositionDef, ...]
    description: str

    def index(self, position: str) -> int:
        for i, pos in enumerate(self.positions):
            if pos.id == position:
                return i
        raise KeyError(f"{self.id} has no position {position}")


@dataclass(frozen=True, slots=True)
class IndicatorDef:
    id: str
    name: str
    unit: str
    low: float
    high: float
    base_target: float
    rate: float  # how fast the value moves toward its target each turn (0-1)
    description: str
    cumulative: bool = False


@dataclass(frozen=True, slots=True)
class ChoiceDef:
    id: str
    label: str
    text: str
    effects: tuple[Clause, ...]


@dataclass(frozen=True, slots=True)
class EventDef:
    id: str
    title: str
    first_turn: int
    last_turn: int
    conditions: tuple[Clause, ...]
    weight: int
    once: bool
    chooser: str
    text: str
    choices: tuple[ChoiceDef, ...]
    history: str
    sources: tuple[str, ...]
    content_tags: tuple[str, ...] = ()
    discussion_questions: tuple[str, ...] = ()
    illustration: str = ""
    summary: str = ""  # shown instead of the text when a tag is summarised (content settings)


@dataclass(frozen=True, slots=True)
class CardDef:
    id: str
    title: str
    era: int
    value: int
    faction: str | None
    conditions: tuple[Clause, ...]
    text: str
    effects: tuple[Clause, ...]
    history: str
    sources: tuple[str, ...]
    content_tags: tuple[str, ...] = ()
    summary: str = ""  # shown instead of the text when a tag is summarised (content settings)


@dataclass(frozen=True, slots=True)
class GlossaryDef:
    id: str
    term: str
    native: str
    text: str
    related: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RungDef:
    id: str
    name: str
    ap_penalty: int
    can_propose: bool
    holds_offices: bool  # False: leaders and controlled members lose their offices
    leaders: str  # free | exiled | arrested | dead
    party_member: bool


@dataclass(frozen=True, slots=True)
class LadderDef:
    id: str
    name: str
    rungs: tuple[RungDef, ...]


@dataclass(frozen=True, slots=True)
class PresetDef:
    """A classroom preset: how long the game runs and how much of the rules it uses."""

    id: str
    name: str
    minutes: int  # the lesson time it is planned for
    turns: int  # turns played (0 = the whole scenario)
    lessons: int  # lessons the game is spread over; each ends on a save point
    action_points: int  # 0 = the rules' usual number
    actions: tuple[str, ...]  # action types allowed (empty = all): fewer actions to learn
    text: str
    score_scale: dict[str, dict[str, float]] = field(default_factory=dict)  # faction -> power/program multipliers


@dataclass(frozen=True, slots=True)
class ScenarioPactDef:
    """A pact in force when the scenario opens (the historical alignments)."""

    kind: str  # a key of rules.yaml pact_kinds
    a: str
    b: str
    turns: int  # turns it holds from the start
    against: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class ScenarioDef:
    id: str
    name: str
    description: str
    start_year: int
    turns: int
    playable: tuple[str, ...]
    apparatus: str
    offices: dict[str, str]
    bodies: dict[str, tuple[str, ...]]
    cc_seats: dict[str, int]
    ccc_seats: dict[str, int]
    soviet_seats: dict[str, int]
    secretaries: dict[str, str | None]
    policies: dict[str, str]
    indicators: dict[str, float]
    standing: dict[str, dict[str, int]]
    loyalty: dict[str, dict[str, int]]
    congresses: tuple[int, ...]
    dead_at_start: tuple[str, ...]
    grip: int
    tension: dict[int, float]  # exogenous international tension by year
    presets: tuple[PresetDef, ...] = ()
    pacts: tuple[ScenarioPactDef, ...] = ()
    death_dates: dict[str, int] = field(
        default_factory=dict
    )  # character -> half-year his natural death may come from (alternate history)
    score_scale: dict[str, dict[str, float]] = field(default_factory=dict)  # the scenario's own balance, as a preset's

    def preset(self, preset_id: str | None) -> PresetDef | None:
        return next((p for p in self.presets if p.id == preset_id), None)


class Rules(dict):  # type: ignore[type-arg]
    """Tunable numbers of the rules (data/rules/rules.yaml); every one explains a mechanic.

    A read-only dict: the rules are read tens of thousands of times a game, at a dict's speed."""

    __slots__ = ()

    def _read_only(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("the rules are read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _read_only  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class TutorialStepDef:
    """A step of the guided first year (data/tutorial/): a prompt, what it points at, what it waits for."""

    id: str
    title: str
    text: str
    point: str
    until: tuple[str, str]  # (kind, argument): ("next", ""), ("turn", "1"), ("action", "lobby")...
