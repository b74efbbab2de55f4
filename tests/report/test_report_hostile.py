"""A report is a file a student hands to a teacher: built from a save and a mod whose every text
holds markup, it must contain no live markup at all — only the page's own tags and attributes."""

from __future__ import annotations

import dataclasses
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import yaml

from game.content.loader import load_game
from game.persistence.codec import SaveData, make_header, read_save, sign, write_save
from game.report.html import build_report
from game.session.headless import play_game

ROOT = Path(__file__).resolve().parents[2]
MOD = "example_workers_opposition"
PAYLOAD = """<script>alert(1)</script><img src=x onerror=alert(2)><pwn-tag a='x'>"'&</textarea>"""
TEXT_FIELDS = {"name", "short", "title", "text", "history", "bio", "description", "label", "summary", "native", "term"}
TEXT_LISTS = {"sources", "discussion_questions", "authors"}
PAGE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "p",
    "b",
    "table",
    "tr",
    "td",
    "th",
    "div",
    "span",
    "br",
    # the charts, inline SVG
    "svg",
    "rect",
    "text",
    "line",
    "polyline",
    "circle",
    "ul",
    "li",
}
PAGE_ATTRS = {"lang", "charset", "class", "alt"} | {
    "role",
    "aria-label",
    "width",
    "height",
    "viewbox",
    "xmlns",
    "x",
    "y",
    "fill",
    "font-size",
    "font-family",
    "text-anchor",
    "x1",
    "y1",
    "x2",
    "y2",
    "stroke",
    "stroke-width",
    "points",
    "cx",
    "cy",
    "r",
}


def poison(value):
    """Every text field of a record (and every item of a list of texts) gets the payload."""
    if isinstance(value, list):
        return [poison(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, v in value.items():
        if key in TEXT_FIELDS and isinstance(v, str):
            out[key] = v + PAYLOAD
        elif key in TEXT_LISTS and isinstance(v, list):
            out[key] = [x + PAYLOAD if isinstance(x, str) else x for x in v]
        else:
            out[key] = poison(v)
    return out


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)
        self.sources += [v for name, v in attrs if name == "src"]


def hostile_mod(root: Path) -> Path:
    folder = root / "mods" / MOD
    shutil.copytree(ROOT / "mods" / MOD, folder)
    for path in folder.rglob("*.yaml"):
        path.write_text(
            yaml.safe_dump(poison(yaml.safe_load(path.read_text(encoding="utf-8"))), allow_unicode=True),
            encoding="utf-8",
        )
    return root / "mods"


def test_no_markup_from_a_save_or_a_mod_survives_in_the_report(tmp_path):
    content = load_game(ROOT / "data", [MOD], [hostile_mod(tmp_path)])
    assert content.active == [MOD], content.mods.disabled
    rs = content.ruleset
    assert rs.factions["workers_opposition"].name.endswith(PAYLOAD)
    # The marker and colour cannot hold markup in content; the report must escape them all the same.
    wo = dataclasses.replace(rs.factions["workers_opposition"], marker=PAYLOAD)
    rs = dataclasses.replace(rs, factions={**rs.factions, "workers_opposition": wo})
    record = play_game(rs, "scissors", 5, max_turns=3)
    state = record.state
    state.log.append([state.turn, "teacher.action", {"what": PAYLOAD, "faction": PAYLOAD}])
    state.log.append([state.turn, "office.filled", {"holder": PAYLOAD, "office": PAYLOAD}])
    state.log.append([state.turn, "event.chosen", {"event": PAYLOAD, "choice": PAYLOAD, "chooser": PAYLOAD}])
    header = make_header(state, rs.content_hash, content.mod_records(), [PAYLOAD, PAYLOAD], PAYLOAD)
    header.update(date=PAYLOAD, phase=PAYLOAD, game_version=PAYLOAD)
    table = {
        "humans": [PAYLOAD, "trotsky"],
        "levels": {f: PAYLOAD for f in rs.faction_ids},
        "options": {PAYLOAD: True, "turn_timer": 7},
    }
    path = tmp_path / "hostile.testament.json"
    write_save(path, SaveData(header, state, list(record.actions), [], table))
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["header"].pop("state_hash")  # a forger can drop the state hash and re-sign the file
    path.write_text(json.dumps(sign(doc)), encoding="utf-8")
    data = read_save(path)

    page = build_report(rs, data, title=PAYLOAD, summarise=["famine"])
    parser = Tags()
    parser.feed(page)
    assert parser.tags <= PAGE_TAGS, parser.tags - PAGE_TAGS
    assert parser.attrs <= PAGE_ATTRS, parser.attrs - PAGE_ATTRS
    assert not parser.sources, "the report loads no images: its charts are inline SVG"
    assert "<script" not in page and "<pwn-tag" not in page
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert page.count(escaped) >= 5, "the hostile texts must be shown, escaped, not dropped"
    assert f"[{escaped}" in page  # the marker
    assert "The Workers&#x27; Opposition&lt;script&gt;" in page  # the mod faction's name
