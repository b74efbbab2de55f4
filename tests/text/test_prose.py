"""The texts of a traced full game read as prose (issue 13, item 6): every chronicle sentence, the
narrated trace, every vote report line, every pact's terms and answer, the tooltips and option
previews each faction's view offers at a few moments, and the after-action report. None may show
a raw id, "s's", doubled quotes, "-0.0" or a capitalised article mid-sentence."""

from __future__ import annotations

import html
import io
import re

import pytest

from game.core.view import player_view
from game.persistence.codec import SaveData, make_header
from game.report.html import build_report
from game.session.headless import play_game
from game.text.chronicle import Text
from game.text.names import label
from game.text.narrate import Narrator
from game.text.pacts import terms
from game.text.votes import VoteWords
from game.ui import inbox_model, presenters, relations_model, whips

from .prose import known_ids, problems

MOMENTS = (1, 5, 9, 12)  # turns at which every faction's view is read (seed 1 ends in turn 13)


def tooltips(rs, view, viewer: str) -> list[str]:
    """What the window would show this faction: the info of each thing, and each option's words."""
    out = []
    things = [("person", c) for c in rs.characters] + [("office", o) for o in rs.offices]
    things += [("region", r) for r in rs.regions] + [("base", b) for b in rs.bases] + [("body", b) for b in rs.bodies]
    for kind, key in things:
        out += presenters.describe(rs, view, viewer, kind, key)
    options = presenters.own_options(rs, view, viewer, True) + presenters.policy_options(rs, view, viewer)
    options += presenters.hand_options(rs, view, viewer, ())
    for kind, key in [("person", "kalinin"), ("office", "general_secretary"), ("region", "ukraine"), ("base", "press")]:
        options += presenters.options(rs, view, viewer, kind, key)
    out += [f"{o.label} ({o.cost}): {o.preview}" for o in options]
    out += [f"{r.title}: {r.odds}; {r.note}" for r in whips.rows(rs, view, viewer)]
    out += [line.text for line in inbox_model.lines(rs, view.log, viewer)]
    for item in relations_model.pacts_in_force(rs, view, viewer) + relations_model.offers(rs, view, viewer):
        out += [item.text] + [f"{words}: {tip}" for words, _, tip in item.actions]
    out += relations_model.others_pacts(rs, view, viewer) + relations_model.attitudes(rs, view, viewer)
    return out


def vote_lines(rs, log) -> list[str]:
    t, w = Text(rs), VoteWords(rs)
    out = []
    for _turn, key, p in log:
        if key == "vote.held":
            out += [t.vote_verdict(p), w.odds(p), *w.changes(p), *w.members(p)]
        elif key == "congress.held":
            out.append(", ".join(f"{t.of(k)} report {n}" for k, n in p["reports"].items()))
        elif key == "pact.offered":
            out.append(terms(rs, p["kind"], p["faction"], p["partner"], 6, 1924, p.get("against"), p.get("price", 0)))
        elif key in ("pact.accepted", "pact.declined"):
            said = getattr(t, "_" + key.replace(".", "_"))
            out += [said(p, p["partner"]), said(p, p["faction"])]
    return out


def report_text(rs, record) -> list[str]:
    """The report's own sentences (the authors' history notes and their sources are left out: they
    are prose by people, and cite book titles such as 'The Road to Terror')."""
    header = make_header(record.state, rs.content_hash, [], [f"{label(rs, f)}: AI" for f in rs.faction_ids], "now")
    data = SaveData(header, record.state, list(record.actions), list(record.turn_hashes), {"humans": []})
    page = build_report(rs, data)
    page = re.sub(r"<div class='history'>.*?</div></div>", "", page, flags=re.S)
    page = re.sub(r"<(style|svg)\b.*?</\1>", "", page, flags=re.S)
    page = re.sub(r"<li><b>.*?</li>", "", page, flags=re.S)  # the discussion questions, by the authors
    return [html.unescape(line) for line in re.split(r"<[^>]+>", page) if line.strip()]


@pytest.fixture(scope="module")
def traced(rs):
    trace = io.StringIO()
    narrator = Narrator(rs, trace)
    views = []

    def on_turn(state):
        narrator.turn(state)
        if state.turn in MOMENTS:
            views.extend((f, player_view(rs, state, f)) for f in rs.faction_ids)

    record = play_game(rs, "succession", 1, on_turn=on_turn)
    narrator.ending(record.state)
    return record, trace.getvalue(), views


def test_a_traced_game_reads_as_prose(rs, traced):
    record, trace, views = traced
    assert views, "the game ended before the first moment"
    t = Text(rs)
    texts = {
        "chronicle": [s for _, k, p in record.state.log if (s := t.entry(k, p))],
        "trace": [line for line in trace.splitlines() if line.strip()],
        "votes and pacts": vote_lines(rs, record.state.log),
        "report": report_text(rs, record),
    }
    for viewer, view in views:
        texts[f"tooltips of {viewer} in turn {view.turn}"] = tooltips(rs, view, viewer)
    ids, names = known_ids(rs)
    bad = [
        f"{where}: {text!r}: {x}"
        for where, lines in texts.items()
        for text in lines
        for x in problems(text, ids, names)
    ]
    assert not bad, f"{len(bad)} problems:\n" + "\n".join(dict.fromkeys(bad[:40]))
    assert sum(len(lines) for lines in texts.values()) > 2000  # the scan read a whole game, not a stub


@pytest.mark.parametrize(
    "text",
    [
        "The Left SRs's report",
        "the independents's report",
        "Pass the controls to the Bukharin's Right player.",
        "The Politburo carried The Right's motion to censure the Left, 4 to 3.",
        "Play '\"Enrich yourselves!\"' for its event",
        'The Right plays \u201c"Enrich yourselves!"\u201d.',
        "human cost -0.0",
        "peasant mood \u22120",
        "Powers: command_police",
        "Follows: bukharin",
    ],
)
def test_the_scan_catches_what_issue_13_found(rs, text):
    ids, names = known_ids(rs)
    assert problems(text, ids, names)
