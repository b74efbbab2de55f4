"""The frozen bundle of definitions a game is played with, plus its content hash.

Arrays in the state (loyalty, standing, indicators) are indexed by the order of the records
here, so the ruleset also owns the id -> index maps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .defs import (
    AxisDef,
    BaseDef,
    BodyDef,
    CardDef,
    CharacterDef,
    EventDef,
    FactionDef,
    GlossaryDef,
    IndicatorDef,
    LadderDef,
    OfficeDef,
    RegionDef,
    Rules,
    ScenarioDef,
    TraitDef,
    TutorialStepDef,
)
from .history_defs import HistorySeriesDef, HistoryTolerancesDef, PolicyLineDef


@dataclass(frozen=True, slots=True)
class Ruleset:
    factions: dict[str, FactionDef]
    characters: dict[str, CharacterDef]
    offices: dict[str, OfficeDef]
    bodies: dict[str, BodyDef]
    regions: dict[str, RegionDef]
    bases: dict[str, BaseDef]
    axes: dict[str, AxisDef]
    indicators: dict[str, IndicatorDef]
    events: dict[str, EventDef]
    cards: dict[str, CardDef]
    traits: dict[str, TraitDef]
    ladders: dict[str, LadderDef]
    scenarios: dict[str, ScenarioDef]
    rules: Rules
    content_hash: str
    glossary: dict[str, GlossaryDef] = field(default_factory=dict)
    tutorial: tuple[TutorialStepDef, ...] = ()  # the guided first year (not hashed: not played)
    history: tuple[HistorySeriesDef, ...] = ()  # the record beside the game's charts (not hashed: not played)
    policy_lines: dict[str, PolicyLineDef] = field(default_factory=dict)  # `history`'s lines (not hashed: not played)
    tolerances: HistoryTolerancesDef = HistoryTolerancesDef({}, ())  # `history`'s checks (not hashed: not played)
    faction_ids: tuple[str, ...] = field(init=False)
    character_ids: tuple[str, ...] = field(init=False)
    base_ids: tuple[str, ...] = field(init=False)
    indicator_ids: tuple[str, ...] = field(init=False)
    fi: dict[str, int] = field(init=False)  # faction index
    ci: dict[str, int] = field(init=False)  # character index
    bi: dict[str, int] = field(init=False)  # base index
    ii: dict[str, int] = field(init=False)  # indicator index
    cache: dict[str, Any] = field(init=False, repr=False, compare=False)  # tables derived once

    def __post_init__(self) -> None:
        def ids(d: dict[str, Any]) -> tuple[str, ...]:
            return tuple(d.keys())

        object.__setattr__(self, "faction_ids", ids(self.factions))
        object.__setattr__(self, "character_ids", ids(self.characters))
        object.__setattr__(self, "base_ids", ids(self.bases))
        object.__setattr__(self, "indicator_ids", ids(self.indicators))
        object.__setattr__(self, "fi", {k: i for i, k in enumerate(self.faction_ids)})
        object.__setattr__(self, "ci", {k: i for i, k in enumerate(self.character_ids)})
        object.__setattr__(self, "bi", {k: i for i, k in enumerate(self.base_ids)})
        object.__setattr__(self, "ii", {k: i for i, k in enumerate(self.indicator_ids)})
        object.__setattr__(self, "cache", {})

    def ladder_of(self, faction: str) -> LadderDef:
        return self.ladders[self.factions[faction].ladder]

    def trait(self, trait_id: str) -> TraitDef:
        return self.traits[trait_id]
