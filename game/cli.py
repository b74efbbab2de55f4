"""The command line: play (default), simulate, history, bench, validate, schema, mods.

`python -m game` and the `testament` console script both land here.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import __version__
from .paths import data_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="testament", description="Testament: the Soviet succession struggle, 1924-1941."
    )
    parser.add_argument("--version", action="version", version=f"testament {__version__}")
    parser.add_argument("--data", type=Path, default=None, help="content folder (default: the bundled data/)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the game to play")
    parser.add_argument("--scenario", default="succession", help="scenario id (succession, scissors)")
    parser.add_argument("--mods", default=None, help="comma-separated mod ids to enable (default: as in settings)")
    parser.add_argument(
        "--setup", type=Path, default=None, help="open the window on the game a .testament-setup file describes"
    )
    parser.add_argument(
        "--saves-dir",
        type=Path,
        default=None,
        help="where saves are kept (default: saves/ from source, else your user folder)",
    )
    sub = parser.add_subparsers(dest="command")

    play = sub.add_parser("play", help="open the window (the default command)")
    play.add_argument("--headless", action="store_true", help="no window: narrate one all-AI game instead")

    shots = sub.add_parser("screenshots", help="render each main screen of a seeded game to PNG files")
    shots.add_argument("outdir", type=Path)
    shots.add_argument("--seed", type=int, default=7)
    shots.add_argument("--size", default="1600x900", help="window size, e.g. 1280x720")
    shots.add_argument("--scale", type=int, default=100, help="UI scale in percent, 100-200 (as in Settings)")

    sim = sub.add_parser("simulate", help="play all-AI games headless")
    sim.add_argument("--games", type=int, default=1)
    sim.add_argument("--seed", type=int, default=1, help="seed of the first game; game i uses seed + i")
    sim.add_argument("--scenario", default="succession")
    sim.add_argument("--json", action="store_true", help="print one JSON document")
    sim.add_argument("--trace", action="store_true", help="narrate each turn")
    sim.add_argument("--mods", default=None, help="comma-separated mod ids to enable")
    sim.add_argument("--save", type=Path, default=None, help="write a save of the (last) game here")
    sim.add_argument(
        "--level",
        default="standard",
        help="AI level of every faction: easy, standard or hard (the apparatus always plays standard)",
    )
    sim.add_argument(
        "--levels",
        default="",
        metavar="FACTION=LEVEL[,...]",
        help="AI level of some factions, e.g. bukharin=hard,trotsky=easy (over --level)",
    )

    hist = sub.add_parser("history", help="play a policy line through the country model beside the historical record")
    hist.add_argument(
        "--line",
        default="historical",
        help="policy line id from data/history/lines.yaml (historical, nep, bukharin, ...)",
    )
    hist.add_argument("--seeds", type=int, default=10, help="seeds (weather draws) to take the median over")
    hist.add_argument(
        "--json", action="store_true", help="print {line, seeds, years: {YEAR: {indicator: median}}, war}"
    )

    rep = sub.add_parser("replay", help="replay a save's actions and check every turn's state hash")
    rep.add_argument("save", type=Path)

    report = sub.add_parser("report", help="write the after-action report of a saved game as one HTML file")
    report.add_argument("save", type=Path)
    report.add_argument("--out", type=Path, default=None, help="the HTML file (default: next to the save)")
    report.add_argument(
        "--summarise",
        default="",
        metavar="TAG[,TAG]",
        help="show the summary, not the full notes, of events and cards with these content tags "
        "(famine, repression, execution, violence)",
    )

    bench = sub.add_parser("bench", help="measure the performance budgets of DESIGN §19")
    bench.add_argument("--games", type=int, default=20)
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--hard-games", type=int, default=2, help="games timed with the hard AI (0: skip)")
    bench.add_argument("--hard-turns", type=int, default=6, help="turns of each of those games")

    val = sub.add_parser("validate", help="check the content (and mods) and report every problem")
    val.add_argument("paths", nargs="*", type=Path, help="a mod folder or a content file to check on top of the base")
    val.add_argument("--strict", action="store_true", help="warnings count as errors")
    val.add_argument("--mods", default=None, help="comma-separated mod ids (default: every installed mod)")

    schema = sub.add_parser("schema", help="write a JSON Schema per record kind, for editors")
    schema.add_argument("--out", type=Path, default=Path("schemas"), help="folder to write into (default: schemas/)")
    schema.add_argument(
        "--reference", type=Path, default=None, help="rewrite the field reference in this Markdown file"
    )

    mods = sub.add_parser("mods", help="list installed mods, or enable and disable them")
    mods.add_argument("--enable", metavar="ID", action="append", default=[])
    mods.add_argument("--disable", metavar="ID", action="append", default=[])
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `... | head` closed the pipe: not an error for the user
        sys.stderr.close()
        return 0
    except OSError as exc:  # a file or folder that cannot be written or read: one line, never a traceback
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    command = args.command or "play"
    if args.saves_dir is not None:
        import os

        os.environ["TESTAMENT_SAVES_DIR"] = str(args.saves_dir)
    _sweep()
    if command == "replay":
        return _replay(args)
    if command == "report":
        return _report(args)
    if command == "validate":
        from .validate import run_validate

        return run_validate(args.data or data_dir(), args.paths, _mod_list(args.mods), args.strict)
    if command == "schema":
        from .content.jsonschema import write_schemas

        if args.reference is not None:
            from .content.reference import rewrite

            rewrite(args.reference)
            print(args.reference)
            return 0
        for path in write_schemas(args.out):
            print(path)
        return 0
    if command == "mods":
        from .modcli import run_mods

        return run_mods(args.data or data_dir(), args.enable, args.disable)
    content = _load_content(args.data, _mod_list(args.mods))
    if content is None:
        return 1
    _CONTENT_CACHE["content"] = content
    rs = content.ruleset
    if command == "play":
        if getattr(args, "headless", False):
            from .narrate import narrate_game

            narrate_game(rs, args.scenario, args.seed, sys.stdout)
            return 0
        return _window(args)
    if command == "screenshots":
        from .ui.screenshots import take_screenshots

        width, height = (int(v) for v in args.size.lower().split("x"))
        for path in take_screenshots(
            _content(args), args.outdir, args.seed, (width, height), max(100, min(200, args.scale))
        ):
            print(path)
        return 0
    if command == "simulate":
        return _simulate(rs, args)
    if command == "history":
        from .history_cmd import run_history

        return run_history(rs, args.data or data_dir(), args.line, args.seeds, args.json)
    if command == "bench":
        from .bench import run_bench

        return run_bench(rs, args.data or data_dir(), args.games, args.json, content, args.hard_games, args.hard_turns)
    return 2


def _window(args) -> int:
    """Open the window; without a display, say so and narrate a game instead of failing."""
    try:
        import pygame  # noqa: F401  (fails early if the window's libraries are missing)

        from .settings import load_settings
        from .ui.app import start_window
    except ImportError as exc:
        print(f"The window needs pygame-ce and pygame_gui ({exc}). Reinstall with: pip install -e .", file=sys.stderr)
        return 1
    try:
        return start_window(_content(args), _CONTENT_CACHE.get("settings") or load_settings(), args.setup)
    except Exception as exc:  # noqa: BLE001 - no display is a normal situation on servers
        import pygame

        if not isinstance(exc, pygame.error):
            raise
        print(
            f"No window could be opened ({exc}); narrating an all-AI game instead (play --headless).", file=sys.stderr
        )
        from .narrate import narrate_game

        narrate_game(_content(args).ruleset, args.scenario, args.seed, sys.stdout)
        return 0


_CONTENT_CACHE: dict = {}


def _sweep() -> None:
    """Remove what killed writes left behind in the folders the game writes to."""
    from .paths import saves_dir, user_dir
    from .persistence.atomic import sweep

    for folder in (saves_dir(), user_dir()):
        sweep(folder)


def _content(args):
    """The loaded content (base plus mods), loaded once per run."""
    if "content" not in _CONTENT_CACHE:
        _CONTENT_CACHE["content"] = _load_content(args.data, _mod_list(args.mods))
    return _CONTENT_CACHE["content"]


def _mod_list(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [m.strip() for m in text.split(",") if m.strip()]


def _load_content(folder: Path | None, mods: list[str] | None):
    """The content with the chosen mods (default: those enabled in settings); problems to stderr."""
    from .content.build import ContentError
    from .content.loader import load_game
    from .paths import mod_roots
    from .settings import load_settings

    if mods is None:
        settings = load_settings()
        _CONTENT_CACHE["settings"] = settings  # the window shows its problem: read it once
        if settings.problem:
            print(f"warning: {settings.problem}", file=sys.stderr)
        mods = settings.mods
    try:
        content = load_game(folder or data_dir(), mods, mod_roots())
    except ContentError as exc:
        print("The game's content has errors:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return None
    for mod_id, why in content.mods.disabled.items():
        print(f"warning: mod '{mod_id}' is disabled: {why}", file=sys.stderr)
    if content.active:
        print(f"mods: {', '.join(content.active)}", file=sys.stderr)
    return content


def _simulate(rs, args) -> int:
    from .narrate import Narrator
    from .sim import game_summary, play_game

    if args.scenario not in rs.scenarios:
        print(f"unknown scenario '{args.scenario}'; choose one of: {', '.join(rs.scenarios)}", file=sys.stderr)
        return 2
    levels, problem = _levels(rs, args.level, args.levels)
    if args.save is not None and args.save.is_dir():
        print(
            f"error: --save {args.save}: it is a folder; give a file name, like {args.save / 'game.testament.json'}",
            file=sys.stderr,
        )
        return 1
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
        )
        per_game_ms.append((time.perf_counter() - t0) * 1000.0)
        if narrator:
            narrator.ending(record.state)
        games.append(game_summary(rs, record))
        if args.save is not None:
            _save_record(
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
                f"win share: {', '.join(f'{f} {_share(games, f)}' for f in contenders)} "
                f"(an even share would be {100 / len(contenders):.0f}% each)"
            )
    return 0


def _share(games: list[dict], faction: str) -> str:
    return f"{100 * sum(1 for g in games if g['winner'] == faction) / len(games):.0f}%"


def _levels(rs, level: str, pairs: str) -> tuple[dict[str, str], str | None]:
    """The AI level of each faction from --level and --levels, or the problem with them."""
    from .ai import LEVELS

    levels = {f: level for f in rs.faction_ids}
    for item in filter(None, (p.strip() for p in pairs.split(","))):
        faction, _, value = item.partition("=")
        if faction.strip() not in rs.factions:
            return {}, f"--levels: unknown faction '{faction.strip()}' (the factions are: {', '.join(rs.faction_ids)})"
        levels[faction.strip()] = value.strip()
    bad = next((v for v in levels.values() if v not in LEVELS), None)
    if bad is not None:
        return {}, f"unknown AI level '{bad}' (the levels are: {', '.join(LEVELS)})"
    return levels, None


def _save_record(record, path: Path) -> None:
    from .persistence.codec import SaveData, make_header, write_save
    from .persistence.games import saved_now

    content = _CONTENT_CACHE["content"]
    rs = content.ruleset
    factions = [f"{rs.factions[f].short}: AI" for f in rs.faction_ids]
    header = make_header(record.state, rs.content_hash, content.mod_records(), factions, saved_now())
    table = {"humans": [], "levels": {}, "options": {}}
    write_save(path, SaveData(header, record.state, list(record.actions), list(record.turn_hashes), table))
    print(f"saved: {path}", file=sys.stderr)


def _saved_game(args):
    """(save data, content) for a save given on the command line; prints the problem and returns None."""
    from .persistence.codec import SaveError, read_save
    from .persistence.games import check_content

    try:
        data = read_save(args.save)
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    mods = [m["id"] for m in data.header.get("mods", []) if isinstance(m, dict) and isinstance(m.get("id"), str)]
    content = _load_content(args.data, mods)
    if content is None:
        return None
    try:
        check_content(data, content, args.save.name)
    except SaveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
    return data, content


def _report(args) -> int:
    from .contentfilter import TAGS
    from .report.html import build_report

    tags = [t.strip() for t in args.summarise.split(",") if t.strip()]
    unknown = [t for t in tags if t not in TAGS]
    if unknown:
        print(
            f"error: --summarise: unknown content tag '{unknown[0]}' (the tags are {', '.join(TAGS)})", file=sys.stderr
        )
        return 2
    loaded = _saved_game(args)
    if loaded is None:
        return 1
    data, content = loaded
    if args.out is not None and args.out.is_dir():
        print(
            f"error: --out {args.out}: it is a folder; give a file name, like {args.out / 'report.html'}",
            file=sys.stderr,
        )
        return 1
    out = args.out or args.save.with_name(
        args.save.name.replace(".testament.json", "").replace(".json", "") + "-report.html"
    )
    from .persistence.atomic import write_atomic

    write_atomic(out, build_report(content.ruleset, data, summarise=tags))
    print(out)
    return 0


def _replay(args) -> int:
    """Exit 0 if every turn's hash matches, 1 naming the first turn that diverges or the problem."""
    from .persistence.replay import replay
    from .reasontext import reason_text

    loaded = _saved_game(args)
    if loaded is None:
        return 1
    data, content = loaded
    result = replay(content.ruleset, data)
    words = f": {reason_text(content.ruleset, result.refusal)}" if result.refusal else ""
    print(("ok: " if result.ok else "error: ") + result.message + words, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1
