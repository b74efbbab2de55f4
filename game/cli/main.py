"""The command line: play (default), simulate, history, bench, validate, schema, mods.

`python -m game` and the `testament` console script both land here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import __version__
from ..session.paths import data_dir
from .loading import CONTENT_CACHE, content_of, load_content, mod_list
from .saved import run_replay, run_report
from .simulate import run_simulate
from .strength import add_parser as add_strength_parser


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
    sim.add_argument(
        "--think", type=int, default=1, help="multiply the hard level's look-ahead budget by N (default 1)"
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

    bench = sub.add_parser("bench", help="measure the performance budgets")
    bench.add_argument("--games", type=int, default=20)
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--hard-games", type=int, default=2, help="games timed with the hard AI (0: skip)")
    bench.add_argument("--hard-turns", type=int, default=6, help="turns of each of those games")
    bench.add_argument(
        "--think", type=int, default=1, help="multiply the hard level's look-ahead budget by N (default 1)"
    )

    add_strength_parser(sub)

    val = sub.add_parser("validate", help="check the content (and mods) and report every problem")
    val.add_argument("paths", nargs="*", type=Path, help="a mod folder or a content file to check on top of the base")
    val.add_argument("--strict", action="store_true", help="warnings count as errors")
    val.add_argument("--mods", default=None, help="comma-separated mod ids (default: every installed mod)")

    schema = sub.add_parser("schema", help="write a JSON Schema per record kind, for editors")
    schema.add_argument("--out", type=Path, default=Path("schemas"), help="folder to write into (default: schemas/)")
    schema.add_argument(
        "--reference", type=Path, default=None, help="rewrite the field reference in this Markdown file"
    )

    host = sub.add_parser("host", help="host a classroom game on the network, without a window (docs/NETWORK.md)")
    host.add_argument("--setup", dest="host_setup", type=Path, default=None, help="the .testament-setup file to play")
    host.add_argument("--port", type=int, default=8765, help="port to listen on (default 8765; 0: any free port)")
    host.add_argument("--lan", action="store_true", help="listen on the local network, not only on this computer")

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
        return run_replay(args)
    if command == "report":
        return run_report(args)
    if command == "validate":
        from .validate import run_validate

        return run_validate(args.data or data_dir(), args.paths, mod_list(args.mods), args.strict)
    if command == "schema":
        from ..content.jsonschema import write_schemas

        if args.reference is not None:
            from ..content.reference import rewrite

            rewrite(args.reference)
            print(args.reference)
            return 0
        for path in write_schemas(args.out):
            print(path)
        return 0
    if command == "mods":
        from .mods import run_mods

        return run_mods(args.data or data_dir(), args.enable, args.disable)
    content = load_content(args.data, mod_list(args.mods))
    if content is None:
        return 1
    CONTENT_CACHE["content"] = content
    rs = content.ruleset
    if command == "play":
        if getattr(args, "headless", False):
            from .simulate import narrate_game

            narrate_game(rs, args.scenario, args.seed, sys.stdout)
            return 0
        return _window(args)
    if command == "screenshots":
        from ..ui.screenshots import take_screenshots

        width, height = (int(v) for v in args.size.lower().split("x"))
        for path in take_screenshots(
            content_of(args), args.outdir, args.seed, (width, height), max(100, min(200, args.scale))
        ):
            print(path)
        return 0
    if command == "simulate":
        return run_simulate(rs, args)
    if command == "strength":
        from .strength import run_strength

        return run_strength(content, args)
    if command == "history":
        from .history import run_history

        return run_history(rs, args.line, args.seeds, args.json)
    if command == "host":
        from .host import run_host

        return run_host(content, args.host_setup or args.setup, args.port, args.lan)
    if command == "bench":
        from .bench import run_bench

        return run_bench(
            rs, args.data or data_dir(), args.games, args.json, content, args.hard_games, args.hard_turns, args.think
        )
    return 2


def _window(args) -> int:
    """Open the window; without a display, say so and narrate a game instead of failing."""
    try:
        from ..session.settings import load_settings
        from ..ui.app import start_window  # fails early if the window's libraries are missing
        from ..ui.display import is_display_error
    except ImportError as exc:
        print(f"The window needs pygame-ce and pygame_gui ({exc}). Reinstall with: pip install -e .", file=sys.stderr)
        return 1
    try:
        return start_window(content_of(args), CONTENT_CACHE.get("settings") or load_settings(), args.setup)
    except Exception as exc:  # noqa: BLE001 - no display is a normal situation on servers
        if not is_display_error(exc):
            raise
        print(
            f"No window could be opened ({exc}); narrating an all-AI game instead (play --headless).", file=sys.stderr
        )
        from .simulate import narrate_game

        narrate_game(content_of(args).ruleset, args.scenario, args.seed, sys.stdout)
        return 0


def _sweep() -> None:
    """Remove what killed writes left behind in the folders the game writes to."""
    from ..persistence.atomic import sweep
    from ..session.paths import saves_dir, user_dir

    for folder in (saves_dir(), user_dir()):
        sweep(folder)
