"""The field types of the content schema: their names in error messages and their ranges.

A type is a name ("str", "int", "number", "bool", "list", "dict", "str|null", "conditions",
"effects", "date", or a typed container: "texts", "dates", "number_map", "int_map", "text_map",
"texts_map", "number_table", "year_map", "year_ranges", "colour"), optionally with a range
("int:0..100"), or a nested field dict for a mapping, or [dict] for a list of them.
"""

from __future__ import annotations

from typing import Any


def base_type(t: str) -> str:
    return t.split(":", 1)[0]


def value_range(t: Any) -> tuple[float, float] | None:
    if not isinstance(t, str) or ":" not in t:
        return None
    low, high = t.split(":", 1)[1].split("..")
    cast = int if base_type(t) == "int" else float
    return cast(low), cast(high)


def type_name(t: Any) -> str:
    if isinstance(t, dict):
        return "a mapping"
    if isinstance(t, list):
        return "a list of mappings"
    bounds = value_range(t)
    names = {
        "str": "text",
        "int": "a whole number",
        "number": "a number",
        "bool": "true or false",
        "list": "a list",
        "dict": "a mapping",
        "str|null": "text or null",
        "date": "a date like 1927-autumn",
        "conditions": "a list of conditions",
        "effects": "a list of effects",
        "texts": "a list of texts",
        "dates": "a list of dates like 1927-autumn",
        "number_map": "a mapping of ids to numbers",
        "int_map": "a mapping of ids to whole numbers",
        "text_map": "a mapping of ids to ids (or null)",
        "texts_map": "a mapping of ids to lists of ids",
        "number_table": "a mapping of ids to mappings of ids to numbers",
        "year_map": "a mapping of years to numbers",
        "year_ranges": "a mapping of years to a number or [low, high]",
        "colour": "a colour '#rrggbb' in quotes",
    }
    name = names.get(base_type(t), t)
    return f"{name} from {bounds[0]} to {bounds[1]}" if bounds else name
