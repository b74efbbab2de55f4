"""Save-format upgrades, applied in order from the save's format to the current one.

Format 1 was the first, written only by development builds before the table (who plays each
faction, AI levels, options) was saved; format 2 adds it. Each step takes and returns the plain
JSON document; a test loads a committed format-1 fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT = 2
OLDEST = 1

Doc = dict[str, Any]


def _v1_to_v2(doc: Doc) -> Doc:
    doc = dict(doc)
    doc["table"] = {"humans": [], "levels": {}, "options": {"handover": True, "vote_reports": True}}
    doc["header"] = {**doc["header"], "format": 2}
    return doc


STEPS: dict[int, Callable[[Doc], Doc]] = {1: _v1_to_v2}


def upgrade(doc: Doc) -> Doc:
    version = doc["header"]["format"]
    while version < CURRENT:
        doc = STEPS[version](doc)
        version = doc["header"]["format"]
    return doc
