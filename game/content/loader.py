"""Loading what a game is played with: the base content plus the enabled mods.

A broken mod never stops the game: its problems are kept for the Mod problems screen and the
command line, the mod is disabled with the reason, and the rest loads. Only broken base content
is fatal (and names every problem).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .build import ContentError, Loaded, load_content
from .modfiles import ModFilesError
from .mods import ModInfo, ModSet, discover, mod_hash, resolve
from .yamlio import Problem


@dataclass(slots=True)
class GameContent:
    loaded: Loaded
    mods: ModSet
    problems: list[Problem] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # mod id -> mod_hash, taken when loaded

    @property
    def ruleset(self):
        return self.loaded.ruleset

    @property
    def active(self) -> list[str]:
        return [m.id for m in self.mods.order]

    def mod_records(self) -> list[dict[str, str]]:
        """What a save records of the mods: id, version and a hash of their files."""
        return [
            {"id": m.id, "version": ".".join(map(str, m.version)), "hash": self.hashes[m.id]} for m in self.mods.order
        ]


def mod_label(mod: ModInfo) -> str:
    """How a mod's files are named in problems: relative to the folder holding its mods folder."""
    return str(mod.path.relative_to(mod.path.parent.parent)) + "/"


def load_game(data: Path, chosen: list[str], roots: list[Path]) -> GameContent:
    found = resolve(discover(roots), chosen)
    problems = list(found.problems)
    order = list(found.order)
    while True:
        try:
            loaded = load_content(data, order)
        except ContentError as exc:
            culprits = [
                m for m in order if any(p.path.startswith(mod_label(m)) for p in exc.problems if p.severity == "error")
            ]
            if not culprits and order:
                culprits = [order[-1]]  # a base record broke because of a mod: drop the last one
            if not culprits:
                raise  # the base content itself is broken
            for mod in culprits:
                first = next(
                    (p for p in exc.problems if p.severity == "error" and p.path.startswith(mod_label(mod))), None
                )
                found.disabled[mod.id] = str(first) if first else "it broke the base content"
                order.remove(mod)
            problems.extend(p for p in exc.problems if any(p.path.startswith(mod_label(m)) for m in culprits))
            continue
        hashes, broken = {}, []
        for mod in order:
            try:
                hashes[mod.id] = mod_hash(mod)
            except ModFilesError as exc:  # changed on disk since discovery: refuse it the same way
                found.disabled[mod.id] = str(exc)
                problems.append(Problem(str(mod.path), 1, 1, "error", str(exc)))
                broken.append(mod)
        if broken:
            order = [m for m in order if m not in broken]
            continue
        found.order = order
        problems.extend(loaded.problems)
        return GameContent(loaded, found, problems, hashes)
