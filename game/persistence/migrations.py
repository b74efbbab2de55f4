"""Save-format upgrades, applied in order from the save's format to the current one.

Format 1 was the first, written only by development builds before the table (who plays each
faction, AI levels, options) was saved; format 2 adds it. Format 3 adds a checksum over the
whole document (header, table, log and state): older saves have none and load as before,
trusting their state hash. Each step takes and returns the plain
JSON document; a test loads a committed format-1 fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CURRENT = 3
OLDEST = 1
SIGNED = 3  # from this format on, header.checksum covers the whole document

Doc = dict[str, Any]


def _v1_to_v2(doc: Doc) -> Doc:
    doc = dict(doc)
    doc["table"] = {"humans": [], "levels": {}, "options": {"handover": True, "vote_reports": True}}
    doc["header"] = {**doc["header"], "format": 2}
    return doc


def _v2_to_v3(doc: Doc) -> Doc:
    return {**doc, "header": {**doc["header"], "format": 3}}  # no checksum to check: read as before


STEPS: dict[int, Callable[[Doc], Doc]] = {1: _v1_to_v2, 2: _v2_to_v3}


def upgrade(doc: Doc) -> Doc:
    version = doc["header"]["format"]
    while version < CURRENT:
        doc = STEPS[version](doc)
        version = doc["header"]["format"]
    return doc
