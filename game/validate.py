"""`python -m game validate`: check the content and print every problem as file:line:col.

Issue 3 extends this to mods and paths; today it checks the base content folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .content.build import ContentError, load_content

KIND_NAMES = {
    "faction": "factions",
    "character": "characters",
    "event": "events",
    "card": "cards",
    "region": "regions",
    "body": "bodies",
    "base": "bases",
    "axis": "policy axes",
    "indicator": "indicators",
    "trait": "traits",
    "ladder": "ladders",
    "scenario": "scenarios",
}


def run_validate(folder: Path) -> int:
    try:
        loaded = load_content(folder)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem)
        errors = sum(1 for p in exc.problems if p.severity == "error")
        print(f"{errors} error(s)", file=sys.stderr)
        return 1
    for problem in loaded.problems:
        print(problem)
    counts = ", ".join(f"{n} {KIND_NAMES[k]}" for k, n in loaded.counts.items())
    print(f"ok: {counts}")
    return 0
