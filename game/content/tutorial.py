"""The guided first year: data/tutorial/first_year.yaml, read and checked with the rest of the
content so a broken step is a located one-line error. Base content only: a translation or a mod
of the tutorial edits that file."""

from __future__ import annotations

from pathlib import Path

from ..core.defs import TutorialStepDef
from .check import Checker, did_you_mean, optional_records
from .schema import TUTORIAL_STEP
from .yamlio import Located

TUTORIAL_FILE = Path("tutorial") / "first_year.yaml"
POINTS = (
    "top_bar",
    "diagram",
    "politburo",
    "panel",
    "tab_faction",
    "tab_policy",
    "tab_hand",
    "end_turn",
    "chronicle",
    "dialog",
)
UNTIL = {"next": False, "intrigue": False, "session": False, "select": False, "turn": True, "tab": True, "action": True}
TABS = ("Selection", "Faction", "Policy", "Hand")


def read_tutorial(root: Path, label: str, checker: Checker, actions: set[str]) -> tuple[TutorialStepDef, ...]:
    """The steps under `root` (none if the file is absent); problems go to `checker`."""
    items = optional_records(checker, root / TUTORIAL_FILE, label)
    steps = [_step(loc, checker, actions) for loc in items]
    seen: set[str] = set()
    for loc, step in zip(items, steps, strict=True):
        if step is not None and step.id in seen:
            checker.error(loc, "id", f"tutorial step '{step.id}': the id is used twice")
        seen.add(step.id if step else "")
    return tuple(s for s in steps if s is not None)


def _step(loc: Located, checker: Checker, actions: set[str]) -> TutorialStepDef | None:
    name = loc.data.get("id", "?") if isinstance(loc.data, dict) else "?"
    if not checker.fields(loc, TUTORIAL_STEP, loc.data, f"tutorial step '{name}'"):
        return None
    d = loc.data
    if d["point"] not in POINTS:
        checker.error(
            loc, "point", f"tutorial step '{name}': unknown point '{d['point']}'", did_you_mean(d["point"], POINTS)
        )
        return None
    kind, _, arg = str(d["until"]).partition(" ")
    problem = _until_problem(kind, arg.strip(), actions)
    if problem:
        checker.error(loc, "until", f"tutorial step '{name}': {problem}", did_you_mean(kind, UNTIL))
        return None
    return TutorialStepDef(d["id"], d["title"], d["text"], d["point"], (kind, arg.strip()))


def _until_problem(kind: str, arg: str, actions: set[str]) -> str | None:
    if kind not in UNTIL:
        return f"unknown 'until' '{kind}' (one of: {', '.join(UNTIL)})"
    if UNTIL[kind] and not arg:
        return f"'until: {kind}' needs what it waits for (e.g. 'turn 1', 'tab Hand', 'action lobby')"
    if not UNTIL[kind] and arg:
        return f"'until: {kind}' takes nothing after it"
    if kind == "turn" and not arg.isdigit():
        return f"'until: turn' needs a turn number, not '{arg}'"
    if kind == "tab" and arg not in TABS:
        return f"unknown tab '{arg}' (one of: {', '.join(TABS)})"
    if kind == "action" and arg not in actions:
        return f"unknown action '{arg}' (one of: {', '.join(sorted(actions))})"
    return None
