"""How strong is a level? Games paired on seeds, and the balance of a scenario.

For each faction, the same seeds are played twice: once with that faction at the level measured,
once at the baseline, every other faction standard. The difference of the faction's score on each
seed is what is averaged (pairing cancels most of the luck of the draw), with a 95 % interval from
the normal approximation. Games run in worker processes; each is seeded, so the result is the same
however many workers play them.
"""

from __future__ import annotations

import math
import os
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..content.loader import load_game
from ..core.ruleset import Ruleset
from .headless import play_game

_WORKER: dict = {}


@dataclass(frozen=True, slots=True)
class Job:
    scenario: str
    seed: int
    levels: tuple[tuple[str, str], ...]
    preset: str | None = None
    think: int = 1  # the hard level's look-ahead budget, multiplied


def _init(data: str, mods: tuple[str, ...], roots: tuple[str, ...]) -> None:
    _WORKER["rs"] = load_game(Path(data), list(mods), [Path(r) for r in roots]).ruleset


def _play(job: Job) -> tuple[dict, float]:
    rs: Ruleset = _WORKER["rs"]
    started = time.perf_counter()
    record = play_game(rs, job.scenario, job.seed, levels=dict(job.levels), preset=job.preset, think=job.think)
    s = record.state
    summary = {"winner": s.winner, "how": s.win_reason, "scores": {f: v["total"] for f, v in s.scores.items()}}
    return summary, time.perf_counter() - started


def run_jobs(source: tuple[Path, list[str], list[Path]], jobs: list[Job], workers: int | None = None) -> list:
    """(summary, seconds) for each job, in order. `source`: the data folder, the mods and the mod roots."""
    data, mods, roots = source
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    init = (str(data), tuple(mods), tuple(str(r) for r in roots))
    if workers == 1:
        _init(*init)
        return [_play(j) for j in jobs]
    with ProcessPoolExecutor(workers, initializer=_init, initargs=init) as pool:
        return list(pool.map(_play, jobs, chunksize=max(1, len(jobs) // (workers * 4))))


def interval(diffs: list[float]) -> tuple[float, float, float]:
    """Mean and its 95 % interval (normal approximation; a single game has no spread)."""
    mean = statistics.fmean(diffs)
    if len(diffs) < 2:
        return mean, mean, mean
    half = 1.96 * statistics.stdev(diffs) / math.sqrt(len(diffs))
    return mean, mean - half, mean + half


def paired(
    source: tuple[Path, list[str], list[Path]],
    rs: Ruleset,
    scenario: str,
    level: str,
    baseline: str,
    factions: list[str],
    games: int,
    seed: int,
    workers: int | None = None,
    think: int = 1,
) -> dict:
    """The strength report: per faction, the mean score difference (level minus baseline) with
    its 95 % interval, the win rates at both, and the seconds per game."""
    jobs = [
        Job(scenario, seed + i, ((f, lvl),), None, think)
        for f in factions
        for lvl in (level, baseline)
        for i in range(games)
    ]
    results = run_jobs(source, jobs, workers)
    out: dict = {"level": level, "baseline": baseline, "games": games, "seed": seed, "factions": {}}
    for k, f in enumerate(factions):
        at_level = results[2 * k * games : (2 * k + 1) * games]
        at_base = results[(2 * k + 1) * games : (2 * k + 2) * games]
        diffs = [a["scores"][f] - b["scores"][f] for (a, _), (b, _) in zip(at_level, at_base, strict=True)]
        mean, low, high = interval(diffs)
        out["factions"][f] = {
            "mean_diff": round(mean, 3),
            "ci95": [round(low, 3), round(high, 3)],
            "win_rate_level": round(sum(s["winner"] == f for s, _ in at_level) / games, 3),
            "win_rate_baseline": round(sum(s["winner"] == f for s, _ in at_base) / games, 3),
            "s_per_game": round(statistics.fmean(t for _, t in at_level + at_base), 3),
        }
    return out


def balance(
    source: tuple[Path, list[str], list[Path]],
    rs: Ruleset,
    scenario: str,
    games: int,
    seed: int,
    preset: str | None = None,
    workers: int | None = None,
) -> dict:
    """Every faction standard: who wins how often, and how (sole power or on points)."""
    jobs = [Job(scenario, seed + i, (), preset) for i in range(games)]
    results = run_jobs(source, jobs, workers)
    scen = rs.scenarios[scenario]
    contenders = list(scen.playable) + [scen.apparatus]
    table = {}
    for f in contenders:
        won = [s for s, _ in results if s["winner"] == f]
        table[f] = {
            "wins": len(won),
            "win_rate": round(len(won) / games, 3),
            "sole_power": sum(1 for s in won if s["how"] == "sole_power"),
            "mean_score": round(statistics.fmean(s["scores"][f] for s, _ in results), 2),
        }
    undecided = sum(1 for s, _ in results if not s["winner"])
    return {
        "scenario": scenario,
        "preset": preset,
        "games": games,
        "seed": seed,
        "factions": table,
        "no_winner": undecided,
    }
