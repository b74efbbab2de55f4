"""Hypothesis mutates real saves, set-up files, settings and mod files — byte flips, truncation,
type swaps at any depth, deep nesting — and every reader either loads the file or refuses it
with a one-line message: never a traceback, never more than a few seconds."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.build import load_content
from game.content.loader import load_game
from game.persistence.codec import SaveData, SaveError, encode, make_header, read_header, read_save, sign
from game.report.html import build_report
from game.session.headless import play_game
from game.session.saving import list_saves
from game.session.settings import Settings, load_settings
from game.session.setupfile import Setup, SetupError, read_setup

ROOT = Path(__file__).resolve().parents[1]
RS = load_content(ROOT / "data").ruleset
LIMIT_S = 5.0
SWAPS = [None, 0, -1, 2**70, 1.5, "", "x", "<b>", True, [], {}, [1, "a"], {"a": [None]}, [[[[[]]]]]]
FUZZ = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


def _save_doc() -> dict:
    record = play_game(RS, "scissors", 11, max_turns=2)
    header = make_header(record.state, RS.content_hash, [], ["The Right: AI"], "2026-01-01T00:00:00")
    table = {"humans": ["trotsky"], "levels": {"bukharin": "easy"}, "options": {"handover": True}}
    return json.loads(encode(SaveData(header, record.state, list(record.actions), list(record.turn_hashes), table)))


SAVE = _save_doc()
SETUP = Setup("scissors", 7, "one_lesson", ["bukharin"], {"trotsky": "hard"}, {"handover": True}, ["famine"]).to_dict()
SETTINGS = {**Settings(mods=["example_workers_opposition"], summarise=["famine"]).to_dict()}


def paths(value, at=()):
    """Every path into a JSON value (capped, so a big state stays quick to walk)."""
    out, stack = [], [(value, at)]
    while stack and len(out) < 20_000:
        item, here = stack.pop()
        out.append(here)
        if isinstance(item, dict):
            stack.extend((v, (*here, k)) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, (*here, i)) for i, v in enumerate(item))
    return out


def put(doc, at, value):
    for key in at[:-1]:
        doc = doc[key]
    doc[at[-1]] = value


@st.composite
def mutated(draw, doc: dict, signed: bool = False) -> bytes:
    """A JSON document changed the way damage, a careless edit or a hostile hand would."""
    kind = draw(st.sampled_from(["swap", "swap", "swap", "deep", "flip", "truncate", "insert"]))
    if kind in ("swap", "deep"):
        doc = json.loads(json.dumps(doc))
        where = [p for p in paths(doc) if p]
        at = where[draw(st.integers(0, len(where) - 1))]
        depth = draw(st.integers(50, 3000))
        put(doc, at, json.loads("[" * 60 + "]" * 60) if kind == "deep" else draw(st.sampled_from(SWAPS)))
        if signed and draw(st.booleans()):  # a forger re-signs, so the damage reaches the deeper readers
            doc["header"].pop("state_hash", None) if draw(st.booleans()) else None
            doc = sign(doc)
        text = json.dumps(doc)
        if kind == "deep":
            text = text.replace("[" * 60, "[" * depth, 1).replace("]" * 60, "]" * depth, 1)
        return text.encode("utf-8")
    data = bytearray(json.dumps(doc).encode("utf-8"))
    at = draw(st.integers(0, len(data) - 1))
    if kind == "flip":
        data[at] ^= 1 << draw(st.integers(0, 7))
        return bytes(data)
    if kind == "truncate":
        return bytes(data[:at])
    return (
        bytes(data[:at])
        + draw(st.sampled_from([b"NaN", b"1e999", b"9" * 5000, b"\xff\xfe", b"\x00", b"[" * 10_000, b'"']))
        + bytes(data[at:])
    )


def one_line(message: str) -> None:
    assert message and "\n" not in message and "Traceback" not in message, message


def in_time(started: float) -> None:
    assert time.perf_counter() - started < LIMIT_S


@FUZZ
@given(data=st.data())
def test_damaged_saves_load_or_are_refused_in_one_line(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("saves")
    path = folder / "fuzz.testament.json"
    path.write_bytes(data.draw(mutated(SAVE, signed=True)))
    started = time.perf_counter()
    try:
        loaded = read_save(path)
    except SaveError as exc:
        one_line(str(exc))
        loaded = None
    try:
        read_header(path)
    except SaveError as exc:
        one_line(str(exc))
    [(_, _, problem)] = list_saves(folder)
    assert problem == "" or "\n" not in problem
    if loaded is not None and loaded.state.scenario in RS.scenarios:
        assert "<html" in build_report(RS, loaded)[:200]  # whatever loads, the report is written
    in_time(started)


@FUZZ
@given(data=st.data())
def test_damaged_setup_files_load_or_are_refused_in_one_line(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("setup") / "x.testament-setup"
    path.write_bytes(data.draw(mutated(SETUP)))
    started = time.perf_counter()
    try:
        setup = read_setup(path, RS)
    except SetupError as exc:
        one_line(str(exc))
    else:
        assert setup.scenario in RS.scenarios
    in_time(started)


@FUZZ
@given(data=st.data())
def test_damaged_settings_always_give_usable_settings(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("user") / "settings.json"
    path.write_bytes(data.draw(mutated(SETTINGS)))
    started = time.perf_counter()
    got = load_settings(path)
    assert isinstance(got.mods, list) and all(isinstance(m, str) for m in got.mods)
    assert 800 <= got.width <= 7680 and 100 <= got.ui_scale <= 200 and isinstance(got.fullscreen, bool)
    if got.problem:
        one_line(got.problem)
    in_time(started)


MOD = ROOT / "mods" / "example_workers_opposition"
MOD_FILES = [
    "mod.yaml",
    "factions/workers_opposition.yaml",
    "regions/workers_opposition.yaml",
    "scenarios/workers_opposition.yaml",
]
YAML_BITS = [
    "!!float abc",
    "!!int x",
    "!!bool maybe",
    "9" * 5000,
    "[" * 500,
    "&a [*a]",
    "!!python/object:os.system",
    "\t",
    ": :",
    "'",
    "- ",
    "{",
    "#",
    "\xff",
    "~",
    "0x",
    "1e999",
    "[" * 60 + "]" * 60,
]


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    file=st.sampled_from(MOD_FILES),
    where=st.floats(0, 1),
    kind=st.sampled_from(["insert", "flip", "truncate"]),
    bit=st.sampled_from(YAML_BITS),
    flip=st.integers(0, 7),
)
def test_damaged_mod_files_disable_the_mod_and_the_game_loads(tmp_path_factory, file, where, kind, bit, flip):
    root = tmp_path_factory.mktemp("mods")
    shutil.copytree(MOD, root / MOD.name)
    path = root / MOD.name / file
    data = bytearray(path.read_bytes())
    at = int(where * (len(data) - 1))
    if kind == "insert":
        data[at:at] = bit.encode("utf-8", "surrogateescape") if bit != "\xff" else b"\xff"
    elif kind == "flip":
        data[at] ^= 1 << flip
    else:
        del data[at:]
    path.write_bytes(bytes(data))
    started = time.perf_counter()
    content = load_game(ROOT / "data", [MOD.name], [root])
    assert content.ruleset.factions and content.ruleset.scenarios
    if content.active:
        assert content.active == [MOD.name]
    else:
        one_line(content.mods.disabled[MOD.name])
    assert time.perf_counter() - started < 3 * LIMIT_S  # the whole game's content, twice over


@pytest.mark.parametrize("doc", [SAVE, SETUP, SETTINGS])
def test_the_unmutated_files_load(tmp_path, doc):
    path = tmp_path / "f.json"
    path.write_text(json.dumps(doc))
    if doc is SAVE:
        assert read_save(path).state.turn >= 1
    elif doc is SETUP:
        assert read_setup(path, RS).seed == 7
    else:
        assert load_settings(path).mods == ["example_workers_opposition"]
