"""Set-up files (`.testament-setup`): the start of a classroom game in a few lines of JSON, so
a teacher can hand the same start to every group and every class.

    {"format": 1, "scenario": "scissors", "preset": "one_lesson", "seed": 1924,
     "teams": ["bukharin", "trotsky"], "ai": {"zinoviev_kamenev": "standard", "left_sr": "easy"},
     "options": {"handover": true, "vote_reports": true}, "summarise": ["famine"]}

`summarise` (optional) lists content tags whose texts are summarised in this game, on top of the
player's own content settings, so a teacher's choice travels with the set-up.

The same file gives the same game on every machine (with the same content and mods).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..ai import LEVELS
from ..content import safeio
from ..content.tags import TAGS, as_options, known_tags
from ..core.ruleset import Ruleset
from ..persistence.atomic import write_atomic
from .live import Session, option_problem

SUFFIX = ".testament-setup"
MAX_BYTES = 100_000


class SetupError(Exception):
    """A set-up file that cannot be used; str() names the file and what is wrong."""


@dataclass(slots=True)
class Setup:
    scenario: str
    seed: int
    preset: str | None = None
    teams: list[str] = field(default_factory=list)
    ai: dict[str, str] = field(default_factory=dict)
    options: dict[str, bool | int] = field(default_factory=dict)
    summarise: list[str] = field(default_factory=list)  # content tags (content.tags.TAGS)

    def to_dict(self) -> dict:
        return {
            "format": 1,
            "scenario": self.scenario,
            "preset": self.preset,
            "seed": self.seed,
            "teams": list(self.teams),
            "ai": dict(self.ai),
            "options": dict(self.options),
            "summarise": list(self.summarise),
        }

    def start(self, rs: Ruleset) -> Session:
        session = Session.start(rs, self.scenario, self.seed, list(self.teams), dict(self.ai), self.preset)
        session.options.update(self.options)
        session.options.update(as_options(self.summarise))  # added to the player's settings for this game
        return session


def write_setup(path: Path, setup: Setup) -> Path:
    if not path.name.endswith(SUFFIX):
        path = path.with_name(path.name + SUFFIX)
    write_atomic(path, json.dumps(setup.to_dict(), indent=2) + "\n")
    return path


def read_setup(path: Path, rs: Ruleset) -> Setup:
    """A set-up file checked field by field; SetupError names the file and the first problem."""
    name = path.name
    try:
        doc = safeio.read_json(path, MAX_BYTES)
    except safeio.ReadError as exc:
        raise SetupError(f"{name}: not a usable set-up file: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("format") != 1 or isinstance(doc.get("format"), bool):
        raise SetupError(f"{name}: not a Testament set-up file (format 1 expected)")
    scenario = doc.get("scenario")
    if not isinstance(scenario, str) or scenario not in rs.scenarios:
        raise SetupError(f"{name}: unknown scenario {_show(scenario)} (this game has: {', '.join(rs.scenarios)})")
    scen = rs.scenarios[scenario]
    preset = doc.get("preset")
    if preset is not None and (not isinstance(preset, str) or scen.preset(preset) is None):
        raise SetupError(f"{name}: scenario '{scenario}' has no preset {_show(preset)}")
    seed = doc.get("seed")
    if not isinstance(seed, int) or isinstance(seed, bool) or not 0 <= seed < 2**63:
        raise SetupError(f"{name}: the seed must be a whole number from 0 to {2**63 - 1}")
    teams = doc.get("teams", [])
    if not isinstance(teams, list) or any(not isinstance(t, str) or t not in scen.playable for t in teams):
        raise SetupError(f"{name}: teams must be playable factions of the scenario: {', '.join(scen.playable)}")
    ai = doc.get("ai", {})
    if not isinstance(ai, dict) or any(not isinstance(level, str) or level not in LEVELS for level in ai.values()):
        raise SetupError(f"{name}: AI levels are {', '.join(LEVELS[:-1])} or {LEVELS[-1]}")
    options = doc.get("options", {})
    if not isinstance(options, dict):
        raise SetupError(f"{name}: 'options' must be a mapping of option names to values")
    for key, value in options.items():
        problem = option_problem(key, value)
        if problem:
            raise SetupError(f"{name}: options: {problem}")
    summarise = doc.get("summarise", [])
    if not isinstance(summarise, list) or any(not isinstance(tag, str) or tag not in TAGS for tag in summarise):
        raise SetupError(f"{name}: 'summarise' is a list of content tags: {', '.join(TAGS)}")
    return Setup(scenario, seed, preset, list(teams), dict(ai), dict(options), known_tags(summarise))


def _show(value: object) -> str:
    """A value from the file, quoted and cut short, for a one-line message."""
    if isinstance(value, str):
        text = f"'{value}'"
    else:
        text = json.dumps(value) if isinstance(value, (int, float, bool, type(None))) else f"(a {type(value).__name__})"
    return text if len(text) <= 40 else text[:37] + "..."
