"""What the host writes to disk: autosaves at each new turn, and at the end (or on the teacher's
asking) the after-action report with a section listing which device did what, plus the same
record as JSON beside it, so a teacher can see each team's decisions and who made them.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from ..content.loader import GameContent
from ..persistence.atomic import write_atomic
from ..session.saving import autosave, save_session, to_save
from .room import Room


def devices_section(room: Room) -> str:
    """The report's 'On the network' section: each device, its team and each of its decisions."""
    rs = room.session.rs
    rows = []
    for entry in room.record:
        team = rs.factions[entry["faction"]].short if entry["faction"] in rs.factions else ""
        result = "; ".join(entry["result"])
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(v))}</td>"
                for v in (entry["date"], entry["name"], entry["device"], team, entry["did"], result)
            )
            + "</tr>"
        )
    devices = ", ".join(
        f"{html.escape(d['name'])} ({d['id']}, {html.escape(rs.factions[d['faction']].short)})"
        for d in room.devices.listing()
    )
    polls = "".join(
        f"<li>{html.escape(p.subject)}: " + ", ".join(f"{html.escape(o)} {n}" for o, n in p.counts().items()) + "</li>"
        for p in room.polls
    )
    return (
        '<section class="network"><h2>On the network</h2>'
        f"<p>Room {room.code}. Devices: {devices or 'none'}.</p>"
        + (f"<h3>Class votes from the pages</h3><ul>{polls}</ul>" if polls else "")
        + "<table><tr><th>When</th><th>Device</th><th>Id</th><th>Team</th><th>Did</th><th>What came of it</th></tr>"
        + "".join(rows)
        + "</table></section>"
    )


def write_report(folder: Path, room: Room, content: GameContent) -> Path:
    """The report (with the devices) and its JSON record, named after the room; returns the HTML."""
    from ..report.html import build_report  # its charts are drawn with pygame: loaded only when written

    folder.mkdir(parents=True, exist_ok=True)
    page = build_report(content.ruleset, to_save(room.session, content))
    page = page.replace("</body></html>", devices_section(room) + "</body></html>", 1)
    stem = folder / f"classroom-{room.code}"
    save_session(folder / f"classroom-{room.code}.testament.json", room.session, content)
    path = stem.with_suffix(".report.html")
    write_atomic(path, page)
    record = {"room": room.code, "devices": room.devices.listing(), "record": room.record}
    record["polls"] = [p.public() for p in room.polls]
    write_atomic(stem.with_suffix(".devices.json"), json.dumps(record, indent=1) + "\n")
    return path


def after_turn(folder: Path, content: GameContent):
    """The host's hook at each new turn: autosave; at the game's end, the report too."""

    def hook(room: Room) -> None:
        autosave(folder, room.session, content)
        if room.session.over:
            write_report(folder, room, content)

    return hook
