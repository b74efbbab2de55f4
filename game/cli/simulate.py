"""`simulate` and `play --headless`: all-AI games, their summaries, traces and saves."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from .loading import CONTENT_CACHE


def narrate_game(rs, scenario: str, seed: int, out) -> None:
    """Play an all-AI game and narrate it turn by turn (the window's fallback without a display)."""
    from ..session.headless import play_game
    from ..text.narrate import Narrator

    narrator = Narrator(rs, out)
    print(f"Testament — {rs.scenarios[scenario].name}, seed {seed}. All factions played by the AI.", file=out)
    record = play_game(rs, scenario, seed, on_turn=narrator.turn)
    narrator.ending(record.state)


def run_simulate(rs, args) -> int:
    from ..session.headless import game_summary, play_game
    from ..text.narrate import Narrator

    if args.scenario not in rs.scenarios:
        print(f"unknown scenario '{args.scenario}'; choose one of: {', '.join(rs.scenarios)}", file=sys.stderr)
        return 2
    levels, problem = levels_of(rs, args.level, args.levels)
    if args.save is not None and args.save.is_dir():
        print(
            f"error: --save {args.save}: it is a folder; give a file name, like {args.save / 'game.testament.json'}",
            file=sys.stderr,
        )
        return 1
    if args.think < 1:
        problem = "--think: at least 1"
    if problem:
        print(problem, file=sys.stderr)
        return 2
    games = []
    started = time.perf_counter()
    per_game_ms = []
    for i in range(args.games):
        seed = args.seed + i
        narrator = Narrator(rs, sys.stdout) if args.trace and not args.json else None
        t0 = time.perf_counter()
        record = play_game(
            rs,
            args.scenario,
            seed,
            on_turn=narrator.turn if narrator else None,
            hash_turns=args.save is not None,
            levels=levels,
            think=args.think,
        )
        per_game_ms.append((time.perf_counter() - t0) * 1000.0)
        if narrator:
            narrator.ending(record.state)
        games.append(game_summary(rs, record))
        if args.save is not None:
            save_record(
                record,
                args.save if args.games == 1 else args.save.with_name(f"{args.save.stem}-{seed}{args.save.suffix}"),
            )
    elapsed = time.perf_counter() - started
    if args.json:
        doc = {
            "scenario": args.scenario,
            "content_hash": rs.content_hash,
            "levels": levels,
            "games": games,
            "timing": {"total_s": round(elapsed, 3), "game_ms": [round(x, 1) for x in per_game_ms]},
        }
        print(json.dumps(doc, indent=2))
    elif not args.trace:
        for g in games:
            print(f"seed {g['seed']}: winner {g['winner'] or 'none'} ({g['how']}) after {g['turns']} turns")
        if len(games) > 1:
            for f in rs.faction_ids:
                wins = sum(1 for g in games if g["winner"] == f)
                mean = sum(g["scores"][f] for g in games) / len(games)
                level = "standard" if rs.factions[f].apparatus else levels[f]  # as make_bot plays it
                print(
                    f"{f} ({level}): mean score {mean:.2f}, won {wins} of {len(games)} ({100 * wins / len(games):.0f}%)"
                )
            undecided = sum(1 for g in games if not g["winner"])
            if undecided:
                print(f"no winner: {undecided} of {len(games)}")
            contenders = [f for f in rs.scenarios[args.scenario].playable] + [rs.scenarios[args.scenario].apparatus]
            print(
                f"win share: {', '.join(f'{f} {share(games, f)}' for f in contenders)} "
                f"(an even share would be {100 / len(contenders):.0f}% each)"
            )
    return 0


def share(games: list[dict], faction: str) -> str:
    return f"{100 * sum(1 for g in games if g['winner'] == faction) / len(games):.0f}%"


def levels_of(rs, level: str, pairs: str) -> tuple[dict[str, str], str | None]:
    """The AI level of each faction from --level and --levels, or the problem with them."""
    from ..ai import BASELINES, LEVELS

    levels = {f: level for f in rs.faction_ids}
    for item in filter(None, (p.strip() for p in pairs.split(","))):
        faction, _, value = item.partition("=")
        if faction.strip() not in rs.factions:
            return {}, f"--levels: unknown faction '{faction.strip()}' (the factions are: {', '.join(rs.faction_ids)})"
        levels[faction.strip()] = value.strip()
    bad = next((v for v in levels.values() if v not in LEVELS + BASELINES), None)
    if bad is not None:
        return {}, f"unknown AI level '{bad}' (the levels are: {', '.join(LEVELS + BASELINES)})"
    return levels, None


def save_record(record, path: Path) -> None:
    from ..persistence.codec import SaveData, make_header, write_save
    from ..session.saving import saved_now
    from ..text.names import label

    content = CONTENT_CACHE["content"]
    rs = content.ruleset
    factions = [f"{label(rs, f)}: AI" for f in rs.faction_ids]
    header = make_header(record.state, rs.content_hash, content.mod_records(), factions, saved_now())
    table = {"humans": [], "levels": {}, "options": {}}
    write_save(path, SaveData(header, record.state, list(record.actions), list(record.turn_hashes), table))
    print(f"saved: {path}", file=sys.stderr)
