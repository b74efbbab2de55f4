"""`python -m game host --setup FILE [--port P] [--lan]`: a classroom host without a window.

It starts the set-up's game, prints what it listens on, the room code, the address the teams open
and the teacher's board (with its secret key), and serves until Ctrl-C. By default it listens on
this computer only (127.0.0.1); `--lan` opens it to the room's network. Autosaves go to the saves
folder's `network/`, with the report and the record of which device did what at the game's end.
"""

from __future__ import annotations

import sys
from pathlib import Path


def run_host(content, setup_path: Path | None, port: int, lan: bool) -> int:
    from ..net.hosting import LOCAL, lan_address
    from ..net.record import after_turn, write_report
    from ..net.room import Room
    from ..net.server import Host, run
    from ..session.paths import resource_root, saves_dir
    from ..session.setupfile import SetupError, read_setup

    if setup_path is None:
        print("error: host needs --setup FILE (a .testament-setup file; New game > Export set-up)", file=sys.stderr)
        return 2
    try:
        setup = read_setup(setup_path, content.ruleset)
    except SetupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not setup.teams:
        print(
            f"error: {setup_path.name} names no teams: every faction would be played by the computer", file=sys.stderr
        )
        return 1
    room = Room(setup.start(content.ruleset))
    folder = saves_dir() / "network"
    host = Host(
        room,
        resource_root() / "assets" / "web",
        after_turn(folder, content),
        lambda r: print(f"report: {write_report(folder, r, content)}", flush=True),
    )

    def announce(address: str, bound: int) -> None:
        shown = lan_address() if lan else LOCAL
        host.public_url = f"http://{shown}:{bound}"
        where = "the local network (every interface)" if lan else "this computer only (add --lan for the room)"
        print(f"Listening on {address}:{bound} - {where}")
        print(f"Room code: {room.code}")
        print(f"Teams open: http://{shown}:{bound}/ (or {host.join_url('')}, the board's QR code)")
        print(f"Board for the projector: http://{shown}:{bound}/board")
        print(f"Teacher's board (keep this link to yourself): http://{shown}:{bound}/board#key={room.teacher_key}")
        print(f"Autosaves and the report: {folder}")
        print("Ctrl-C stops the host.", flush=True)

    run(host, "0.0.0.0" if lan else LOCAL, port, announce)
    after_turn(folder, content)(room)  # the game as it was left, so it can be resumed in the window
    print("\nThe host has stopped; the game is autosaved.")
    return 0
