"""The record kinds of the content: each kind's field declarations (schema.py) and its folder under data/."""

from __future__ import annotations

from .schema import (
    AXIS,
    BASE,
    BODY,
    CARD,
    CHARACTER,
    EVENT,
    FACTION,
    GLOSSARY,
    INDICATOR,
    LADDER,
    REGION,
    SCENARIO,
    SILENCE,
    TRAIT,
    F,
)

KINDS: dict[str, dict[str, F]] = {
    "character": CHARACTER,
    "faction": FACTION,
    "body": BODY,
    "region": REGION,
    "base": BASE,
    "axis": AXIS,
    "indicator": INDICATOR,
    "event": EVENT,
    "card": CARD,
    "trait": TRAIT,
    "ladder": LADDER,
    "scenario": SCENARIO,
    "glossary": GLOSSARY,
}
for _spec in KINDS.values():
    _spec["silence"] = SILENCE

# folder under data/ -> record kind
FOLDERS: dict[str, str] = {
    "factions": "faction",
    "characters": "character",
    "bodies": "body",
    "regions": "region",
    "bases": "base",
    "policies": "axis",
    "indicators": "indicator",
    "events": "event",
    "cards": "card",
    "traits": "trait",
    "ladders": "ladder",
    "scenarios": "scenario",
    "glossary": "glossary",
}
