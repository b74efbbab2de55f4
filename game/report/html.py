"""The after-action report: one self-contained, printable HTML file from a saved game.

Who played each faction; how it ended; a timeline of the key decisions, votes, appointments,
congresses, deaths and events, each beside what really happened (the events' and cards' history
notes, with sources); the country's charts with the historical series beside the game's; the
epilogue; and the discussion questions of the events that happened. No scripts, no links to
load: the charts are inline SVG, so it works offline and prints. Every value written into the
page, from the save, the content or a mod, goes through `esc` (a save is a file a student hands
to a teacher: nothing in it may become markup).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from ..content.tags import note as note_for
from ..content.tags import shown_text, summarised_tags
from ..core.calendar import pretty_date
from ..core.ruleset import Ruleset
from ..persistence.codec import SaveData
from ..text.chronicle import Text
from ..text.effects import entry_effects
from ..text.narrate import epilogue_lines
from .charts import chart_svg

KEY_ENTRIES = (
    "event.chosen",
    "vote.held",
    "office.filled",
    "congress.held",
    "plenum.removal",
    "plenum.expulsion",
    "person.died",
    "person.exiled",
    "person.arrested",
    "discipline.rung",
    "policy.changed",
    "card.event",
    "card.rival_event",
    "plenum.elected",
    "teacher.action",
    "class.vote",
    "country.famine",
    "pact.opened",
    "pact.accepted",
    "pact.broken",
)
CHARTS = (
    "grain_harvest",
    "procurement",
    "industrial_output",
    "collectivisation",
    "peasant_mood",
    "repression",
    "camp_population",
    "famine_deaths",
    "repression_deaths",
    "war_readiness",
)

CSS = """
body { font-family: 'PT Sans', 'Segoe UI', Arial, sans-serif; background: #ece2c8; color: #18140f; margin: 2em auto; max-width: 58em; }
h1 { background: #be1e22; color: #faf6ec; padding: .3em .5em; font-size: 2.2em; text-transform: uppercase; letter-spacing: .02em; }
h2 { border-bottom: 4px solid #18140f; text-transform: uppercase; margin-top: 1.6em; }
h3 { color: #82120f; margin-bottom: .2em; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #18140f; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #18140f; color: #faf6ec; }
.entry { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; border-bottom: 1px solid #b4a88f; padding: .4em 0; }
.history { background: #faf6ec; border-left: 4px solid #be1e22; padding: .3em .6em; font-size: .92em; }
.sources { color: #6e6558; font-size: .85em; }
.effects { color: #3c352b; font-size: .9em; }
.tag { color: #be1e22; font-weight: bold; }
img { max-width: 100%; border: 1px solid #18140f; }
@media print { body { background: white; } .entry { break-inside: avoid; } img { break-inside: avoid; } }
"""


def history_points(rs: Ruleset, indicator: str) -> tuple[str, dict[int, tuple[float, float]]]:
    for series in rs.history:
        if series.indicator == indicator:
            return series.label, series.points()
    return "", {}


def esc(value: Any) -> str:
    """Any value as text safe inside HTML elements and quoted attributes."""
    return html.escape(str(value), quote=True)


def entry_text(t: Text, key: str, p: Any, when: int | None = None) -> str | None:
    """A chronicle entry as a sentence; one this version cannot read (a damaged or hand-made save)
    is shown as such rather than stopping the report."""
    try:
        return t.entry(key, p, when) if isinstance(p, dict) else None
    except Exception:  # noqa: BLE001 - any value in the save may be wrong; the report must still be written
        return f"(an entry this version cannot read: {key})"


def _part(heading: str, build, *args) -> list[str]:
    """One section of the page; a save whose data for it is damaged gets a note, not a crash."""
    try:
        return build(*args)
    except Exception:  # noqa: BLE001 - a loaded save may still hold values of the wrong kind deep in its state
        return [
            f"<h2>{esc(heading)}</h2>",
            "<p>This part of the report could not be written: the save's data for it is damaged.</p>",
        ]


def build_report(rs: Ruleset, data: SaveData, title: str = "", summarise: Iterable[str] = ()) -> str:
    """The page; events and cards tagged with any of `summarise` show their summary, not their notes."""
    state = data.state
    t = Text(rs)
    e = esc
    scen = rs.scenarios[state.scenario]  # the loaders checked it is one of the content's
    parts = [
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{e(title or 'Testament — after-action report')}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{e(title or 'After-action report')}</h1>",
    ]
    parts += _part(
        "The game",
        lambda: [
            f"<p><b>{e(scen.name)}</b>, seed {e(state.seed)}. "
            f"{e(pretty_date(0, state.start_year))} to {e(pretty_date(state.turn, state.start_year))}.</p>"
        ],
    )
    parts += _part("The factions", _players, rs, data)
    parts += _part("In the classroom", _classroom, rs, data, t)
    parts += _part(
        "How it ended",
        lambda: ["<h2>How it ended</h2>"] + [f"<p>{e(line)}</p>" for line in epilogue_lines(rs, state) if line.strip()],
    )
    parts += _part("Timeline", _timeline, rs, data, t, tuple(summarise))
    parts += _part("The country", _charts, rs, data)
    parts += _part("For discussion", _questions, rs, data)
    parts.append(
        "<p class='sources'>Made by Testament from a saved game. The history notes are the game's own, in its "
        "authors' words, with their sources; where historians disagree, the notes say so.</p></body></html>"
    )
    return "\n".join(parts)


def _players(rs: Ruleset, data: SaveData) -> list[str]:
    humans = set(data.table.get("humans", []))
    levels = data.table.get("levels", {})
    rows = []
    for fid in rs.faction_ids:
        if fid not in data.state.factions:
            continue
        f = rs.factions[fid]
        who = "a team of players" if fid in humans else f"the computer ({levels.get(fid, 'standard')})"
        score = data.state.scores.get(fid, {}).get("total")
        rows.append(
            f"<tr><td>{esc(f.name)} [{esc(f.marker)}]</td><td>{esc(who)}</td><td>{'' if score is None else esc(score)}</td></tr>"
        )
    return ["<h2>The factions</h2><table><tr><th>Faction</th><th>Played by</th><th>Score</th></tr>", *rows, "</table>"]


def _classroom(rs: Ruleset, data: SaveData, t: Text) -> list[str]:
    """The preset and the table's options, then every teacher intervention and class vote."""
    e = esc
    state = data.state
    preset = rs.scenarios[state.scenario].preset(state.preset)
    options = data.table.get("options", {}) if isinstance(data.table, dict) else {}
    setting = [f"Preset: {preset.name}." if preset else "Free play (no classroom preset)."]
    if options.get("turn_timer"):
        setting.append(f"Turn timer: {options['turn_timer']} minutes.")
    setting += [
        words
        for key, words in (
            ("rotate_driver", "The driver rotated each turn."),
            ("class_vote", "Events and motions were put to a class vote."),
        )
        if options.get(key)
    ]
    entries = [(turn, key, p) for turn, key, p in state.log if key in ("teacher.action", "class.vote")]
    rows = [
        f"<tr><td>{e(pretty_date(turn, state.start_year))}</td><td>{e(entry_text(t, key, p, t.dated(state.start_year, turn)) or '')}</td></tr>"
        for turn, key, p in entries
    ]
    out = ["<h2>In the classroom</h2>", f"<p>{e(' '.join(setting))}</p>"]
    if rows:
        out += [
            "<p>The teacher's interventions and the class votes (interventions change this game's history: "
            "recovery and brought-in events are alternate history).</p>",
            "<table><tr><th>When</th><th>What</th></tr>",
            *rows,
            "</table>",
        ]
    else:
        out.append("<p>No teacher interventions and no class votes.</p>")
    return out


def _beside(rs: Ruleset, key: str, p: dict[str, Any], summarise: tuple[str, ...] = ()) -> str:
    """What really happened, for entries that have a history note (or the summary, by the content settings)."""
    e = esc
    note, sources, tags = "", (), ()
    record = rs.events.get(p.get("event", "")) if key == "event.chosen" else rs.cards.get(p.get("card", ""))
    if record is not None and summarised_tags(record, summarise):
        text, hidden = shown_text(record, summarise)
        return (
            f"<div class='history'><b>Summary.</b> {e(text)} <span class='tag'>[{e(note_for(hidden))}: "
            f"the full text and history note are in the game's Encyclopedia]</span>"
            f"<div class='sources'>Sources: {e('; '.join(record.sources))}</div></div>"
        )
    if key == "event.chosen" and p.get("event") in rs.events:
        ev = rs.events[p["event"]]
        note, sources, tags = ev.history, ev.sources, ev.content_tags
    elif key in ("card.event", "card.rival_event") and p.get("card") in rs.cards:
        card = rs.cards[p["card"]]
        note, sources, tags = card.history, card.sources, card.content_tags
    elif key == "person.died" and p.get("character") in rs.characters:
        person = rs.characters[p["character"]]
        note, sources = person.history, person.sources
    if not note:
        return ""
    tag = f"<span class='tag'>[{e(', '.join(tags))}]</span> " if tags else ""
    return (
        f"<div class='history'><b>What really happened.</b> {tag}{e(note)}"
        f"<div class='sources'>Sources: {e('; '.join(sources))}</div></div>"
    )


def _timeline(rs: Ruleset, data: SaveData, t: Text, summarise: tuple[str, ...] = ()) -> list[str]:
    state = data.state
    out = ["<h2>Timeline</h2>"]
    turn = None
    for entry_turn, key, p in state.log:
        if key not in KEY_ENTRIES:
            continue
        line = entry_text(t, key, p, t.dated(state.start_year, entry_turn))
        if not line:
            continue
        if entry_turn != turn:
            turn = entry_turn
            out.append(f"<h3>{esc(pretty_date(turn, state.start_year))}</h3>")
        try:
            beside = _beside(rs, key, p, summarise)
            effects = entry_effects(rs, key, p)
        except Exception:  # noqa: BLE001 - as in entry_text: a damaged entry has no history note
            beside, effects = "", None
        said = esc(line) + (f"<br><span class='effects'>{esc(effects)}</span>" if effects else "")
        if beside:
            out.append(f"<div class='entry'><div>{said}</div>{beside}</div>")
        else:
            out.append(f"<div>{said}</div>")
    return out


def _charts(rs: Ruleset, data: SaveData) -> list[str]:
    state = data.state
    out = [
        "<h2>The country</h2><p>Red: this game, each half-year. Black: the historical figures where the fact "
        "sheets have them (a bar is a range between estimates).</p>"
    ]
    for ind in CHARTS:
        if ind not in rs.ii:
            continue
        d = rs.indicators[ind]
        label, points = history_points(rs, ind)
        values = [row[rs.ii[ind]] for row in state.history]
        svg = chart_svg(d.name, d.unit, state.start_year, values, points)
        caption = f" History: {esc(label)}." if label else ""
        out.append(f"<p>{svg}<br><span class='sources'>{esc(d.description)}{caption}</span></p>")
    return out


def _questions(rs: Ruleset, data: SaveData) -> list[str]:
    asked = []
    for eid in data.state.fired:
        ev = rs.events.get(eid)
        if ev:
            asked += [(ev.title, q) for q in ev.discussion_questions]
    general = [
        ("The whole game", q)
        for q in (
            "Was Stalinism inevitable given the party's structure, or did it depend on one man?",
            "Could the oppositions have united in time? Why did they, or didn't they, in your game?",
            "What did NEP's survival require — and what would it have cost?",
        )
    ]
    rows = [f"<li><b>{esc(title)}:</b> {esc(q)}</li>" for title, q in asked + general]
    return ["<h2>For discussion</h2><ul>", *rows, "</ul>"]
