"""`python -m game bench`: the performance budgets of DESIGN §19, measured on this machine.

Prints game_ms_median (all-AI games of the main scenario, some cut short by sole power),
full_game_ms_median (only those played to spring 1941), games_per_s, the AI's median decision
time (per move; the hard level's per faction-turn, with its look-ahead iterations per second) and
the content load time. Timing lives here and in the CLI, never in the core.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from ..content.build import load_content
from ..core.ruleset import Ruleset
from ..session.headless import play_game


def save_figures(rs: Ruleset) -> dict:
    """save_ms and load_ms for a full 35-turn game (the first seed that plays to spring 1941)."""
    import tempfile

    from ..persistence.codec import SaveData, make_header, read_save, write_save

    for seed in range(1, 200):
        record = play_game(rs, "succession", seed, hash_turns=True)
        if record.state.turn == record.state.last_turn:
            break
    header = make_header(record.state, rs.content_hash, [], list(rs.faction_ids), "bench")
    data = SaveData(header, record.state, list(record.actions), list(record.turn_hashes), {})
    saves, loads = [], []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.testament.json"
        for _ in range(7):
            t0 = time.perf_counter()
            write_save(path, data)
            saves.append((time.perf_counter() - t0) * 1000.0)
            t0 = time.perf_counter()
            read_save(path)
            loads.append((time.perf_counter() - t0) * 1000.0)
        size = path.stat().st_size
    return {
        "save_ms": round(statistics.median(saves), 2),
        "load_ms": round(statistics.median(loads), 2),
        "save_kb": round(size / 1024, 1),
    }


def rss_mb() -> float:
    """Peak resident memory of this process so far (it has just played the bench games)."""
    try:
        import resource
    except ImportError:  # Windows
        return -1.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / 1024.0 if sys.platform != "darwin" else peak / 1024.0 / 1024.0, 1)


def window_figures(content) -> dict:
    """menu_startup_s, frame_ms_median, frame_ms_p95; empty if the window cannot be measured."""
    try:
        from ..ui.bench_ui import frame_times, menu_startup_s

        median, p95 = frame_times(content)
    except ImportError as exc:  # the window's libraries are not installed here
        return {"window": f"not measured: {exc}"}
    return {
        "menu_startup_s": round(menu_startup_s(), 3),
        "frame_ms_median": round(median, 2),
        "frame_ms_p95": round(p95, 2),
    }


def hard_figures(rs: Ruleset, games: int, turns: int, think: int = 1) -> dict:
    """ai_decision_hard_ms_median and _p95: the hard AI's thinking per faction-turn (its event
    choices and its plan, which it makes at the start of its intrigue turn), with every faction
    but the apparatus played hard, over the first `turns` turns of `games` games; `think`
    multiplies its look-ahead budget."""
    if games <= 0 or turns <= 0:
        return {}
    scen = rs.scenarios["succession"]
    levels = {f: "hard" for f in scen.playable if f != scen.apparatus}
    per_turn: dict[tuple[int, int, str], float] = {}
    iterations = 0
    for seed in range(1, games + 1):
        record = play_game(rs, "succession", seed, time_decisions=True, levels=levels, max_turns=turns, think=think)
        iterations += record.iterations
        for turn, faction, ms in record.decisions:
            if faction in levels:
                key = (seed, turn, faction)
                per_turn[key] = per_turn.get(key, 0.0) + ms
    times = sorted(per_turn.values())
    return {
        "ai_decision_hard_ms_median": round(statistics.median(times), 1),
        "ai_decision_hard_ms_p95": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1),
        "ai_decision_hard_samples": len(times),
        # look-ahead iterations (a candidate played out on one sampled world) per second of hard thinking
        "hard_iterations_per_s": round(iterations / max(sum(times) / 1000.0, 1e-9), 1),
    }


def run_bench(
    rs: Ruleset,
    data: Path,
    games: int,
    as_json: bool,
    content=None,
    hard_games: int = 2,
    hard_turns: int = 6,
    think: int = 1,
) -> int:
    loads = []
    for _ in range(5):
        t0 = time.perf_counter()
        load_content(data)
        loads.append((time.perf_counter() - t0) * 1000.0)
    game_ms, full_ms, decisions, turns = [], [], [], []
    started = time.perf_counter()
    for seed in range(1, games + 1):
        t0 = time.perf_counter()
        record = play_game(rs, "succession", seed, time_decisions=True)
        ms = (time.perf_counter() - t0) * 1000.0
        game_ms.append(ms)
        if record.state.turn == record.state.last_turn:
            full_ms.append(ms)  # played to spring 1941, not cut short by sole power
        decisions.extend(record.decision_ms)
        turns.append(record.state.turn + 1)
    elapsed = time.perf_counter() - started
    result = {
        "game_ms_median": round(statistics.median(game_ms), 1),
        "game_ms_p95": round(sorted(game_ms)[max(0, int(len(game_ms) * 0.95) - 1)], 1),
        "full_game_ms_median": round(statistics.median(full_ms), 1) if full_ms else None,
        "full_games": len(full_ms),
        "games_per_s": round(games / elapsed, 2),
        "turns_median": statistics.median(turns),
        "ai_decision_ms_median": round(statistics.median(decisions), 3),
        "ai_decision_ms_p95": round(sorted(decisions)[int(len(decisions) * 0.95)], 3),
        "content_load_ms": round(statistics.median(loads), 1),
        "games": games,
    }
    result.update(hard_figures(rs, hard_games, hard_turns, think))
    result.update(save_figures(rs))
    result["rss_mb"] = rss_mb()
    if content is not None:
        result.update(window_figures(content))
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:28} {value}")
    return 0
