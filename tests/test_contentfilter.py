"""Content settings: a tagged text is shown in full, or summarised when one of its tags is set to
be; the settings keep the choice (and drop tags they do not know); every tagged record in the
base content has a summary of its own, and one without is warned about."""

from __future__ import annotations

import json
from dataclasses import dataclass

from game.content.tags import (
    TAGS,
    as_options,
    generic_summary,
    in_force,
    known_tags,
    note,
    shown_text,
    summarised_tags,
    toggled,
)
from game.session.settings import Settings, load_settings, save_settings


@dataclass
class Record:
    text: str
    content_tags: tuple[str, ...] = ()
    summary: str = ""


def test_untagged_and_unsummarised_texts_are_shown_in_full():
    plain = Record("A plenum meets.")
    tagged = Record("Full text about the famine.", ("famine",), "A short summary.")
    assert shown_text(plain, ["famine"]) == ("A plenum meets.", ())
    assert shown_text(tagged, []) == ("Full text about the famine.", ())
    assert shown_text(tagged, ["execution", "violence"]) == ("Full text about the famine.", ())


def test_a_summarised_tag_shows_the_summary_and_names_the_tags():
    record = Record("Full text.", ("repression", "execution"), "  A short,\n sober summary. ")
    text, hidden = shown_text(record, ["execution"])
    assert text == "A short, sober summary." and hidden == ("execution",)
    assert shown_text(record, ["execution", "repression", "famine"])[1] == ("repression", "execution")
    assert note(hidden) == "Summarised (content settings: execution)"


def test_without_a_summary_a_neutral_line_names_the_topic_and_the_encyclopedia():
    record = Record("Full text with details.", ("famine", "execution"))
    text, hidden = shown_text(record, ["famine", "execution"])
    assert hidden == ("famine", "execution")
    assert "details" not in text and "famine and executions" in text and "Encyclopedia" in text
    assert text == generic_summary(hidden)


def test_tag_lists_are_cleaned_toggled_and_merged_with_a_games_options():
    assert known_tags(["violence", "gore", 3, "famine", "famine"]) == ["famine", "violence"]
    assert toggled([], "famine") == ["famine"] and toggled(["famine", "violence"], "famine") == ["violence"]
    options = {"handover": True, **as_options(["execution", "nonsense"])}
    assert options == {"handover": True, "summarise.execution": True}
    assert in_force(["famine"], options) == ["famine", "execution"]
    assert in_force([], {"summarise.famine": False}) == []
    assert summarised_tags(Record("x", ("famine",)), in_force([], options)) == ()


def test_settings_keep_the_content_choices(tmp_path):
    path = tmp_path / "settings.json"
    assert Settings().summarise == [] and Settings().content_notice_seen is False
    save_settings(Settings(summarise=["famine", "execution"], content_notice_seen=True), path)
    loaded = load_settings(path)
    assert loaded.summarise == ["famine", "execution"] and loaded.content_notice_seen is True
    assert not loaded.problem


def test_unknown_or_malformed_content_settings_are_ignored_without_a_crash(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"summarise": ["violence", "spiders", 7], "content_notice_seen": "yes", "width": 1280}))
    loaded = load_settings(path)
    assert loaded.summarise == ["violence"] and loaded.content_notice_seen is False and loaded.width == 1280
    path.write_text(json.dumps({"summarise": "famine"}))
    assert load_settings(path).summarise == []


def test_every_tagged_event_and_card_has_a_summary(rs):
    missing = [i for i, r in [*rs.events.items(), *rs.cards.items()] if r.content_tags and not r.summary]
    assert not missing, f"tagged without a summary: {missing}"
    for rid, record in [*rs.events.items(), *rs.cards.items()]:
        assert set(record.content_tags) <= set(TAGS), rid
        if record.summary:
            assert 40 <= len(record.summary) <= 400 and record.summary != record.text, rid


def test_a_tagged_record_without_a_summary_is_warned_about(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    mod = tmp_path / "tag_mod"
    (mod / "cards").mkdir(parents=True)
    (mod / "mod.yaml").write_text("id: tag_mod\nname: T\nversion: 1.0.0\n")
    card = (
        "- id: {id}\n  title: T\n  era: 1\n  value: 1\n  faction: null\n  text: x\n"
        "  effects: [{{heat: {{faction: trotsky, add: 1}}}}]\n  history: x\n  sources: [x]\n  content_tags: [{tags}]\n{extra}"
    )
    (mod / "cards" / "c.yaml").write_text(
        card.format(id="bare", tags="famine", extra="")
        + card.format(id="summed", tags="famine", extra="  summary: Counted, not told.\n")
        + card.format(id="odd", tags="gore", extra="  summary: An odd tag.\n")
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-m", "game", "validate", str(mod)], capture_output=True, text=True, cwd=root, timeout=120
    )
    assert "bare: tagged famine but has no summary [no_summary]" in out.stdout, out.stdout + out.stderr
    assert "summed" not in out.stdout
    assert "unknown tag 'gore' [unknown_content_tag]" in out.stdout
