"""`report --summarise TAG[,TAG]`: events and cards with those content tags show their summary in
the after-action report, saying so, instead of their full notes; the others are unchanged."""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _finished_game(tmp_path):
    from game.content.loader import load_game
    from game.session.live import Session
    from game.session.saving import save_session

    content = load_game(ROOT / "data", [], [ROOT / "mods"])
    rs = content.ruleset
    session = Session.start(rs, "succession", 2, [])
    session.run_bots()
    tagged = []
    for _, key, p in session.state.log:
        record = (
            rs.events.get(p.get("event", ""))
            if key == "event.chosen"
            else rs.cards.get(p.get("card", ""))
            if key in ("card.event", "card.rival_event")
            else None
        )
        if record is not None and record.content_tags and (key != "card.rival_event" or p.get("fired")):
            tagged.append(record)
    assert tagged, "no tagged event or card in this game: pick another seed"
    save = save_session(tmp_path / "g.testament.json", session, content)
    return rs, save, tagged


def _report(save, out, *extra):
    return subprocess.run(
        [sys.executable, "-m", "game", "report", str(save), "--out", str(out), *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


def test_the_report_summarises_the_chosen_tags(tmp_path):
    rs, save, tagged = _finished_game(tmp_path)
    record = tagged[0]
    tag = record.content_tags[0]
    full, short = tmp_path / "full.html", tmp_path / "short.html"
    assert _report(save, full).returncode == 0
    done = _report(save, short, "--summarise", f"{tag},famine")
    assert done.returncode == 0, done.stderr
    full_page, short_page = full.read_text(encoding="utf-8"), short.read_text(encoding="utf-8")
    history, summary = html.escape(record.history), html.escape(record.summary)
    assert history in full_page and summary not in full_page
    assert summary in short_page and history not in short_page
    assert f"Summarised (content settings: {tag}" in short_page
    untagged = [r for r in tagged if tag not in r.content_tags and "famine" not in r.content_tags]
    for other in untagged:  # records without the chosen tags keep their notes
        assert html.escape(other.history) in short_page


def test_an_unknown_tag_is_refused(tmp_path):
    _, save, _ = _finished_game(tmp_path)
    done = _report(save, tmp_path / "r.html", "--summarise", "gore")
    assert done.returncode == 2 and "unknown content tag 'gore'" in done.stderr
    assert not (tmp_path / "r.html").exists()
