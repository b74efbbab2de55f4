"""Every kind of effect and condition in the vocabulary has its words, and every base record's (and
the example mod's) effects and conditions read as prose: names from the ruleset, no raw id, no
empty sentence, no "-0.0" (issue 13, item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import load_game
from game.core.conditions import CONDITIONS
from game.core.effects import EFFECTS
from game.text.cards import choice_words, event_words
from game.text.effects import CONDITION_WORDS, EFFECT_WORDS, Describer, entry_effects, for_card, for_event, option_lines

from .prose import known_ids, problems

ROOT = Path(__file__).resolve().parents[2]
REFS = ("chooser", "player", "owner", "all", "bukharin", "left_sr")


@pytest.fixture(scope="module")
def modded():
    return load_game(ROOT / "data", ["example_workers_opposition"], [ROOT / "mods"]).ruleset


def samples(rs, kind: str) -> list:
    """Values of a parameter kind, the awkward ones included (a fraction that rounds to -0.0)."""
    axis = next(iter(rs.axes.values()))
    event = next(iter(rs.events))
    return {
        "number": [-0.04, 15, -6, 2.5],
        "int": [-3, 1, 12],
        "faction_ref": list(REFS),
        "indicator": list(rs.indicators),
        "character": ["bukharin", "trotsky"],
        "office": list(rs.offices)[:3],
        "body": list(rs.bodies)[:3],
        "base": list(rs.bases),
        "region_or_all": ["all", next(iter(rs.regions))],
        "axis": [axis.id],
        "position": [axis.positions[-1].id],
        "flag": ["war_scare", event],
        "cause": ["natural", "executed", "surgery"],
        "meeting": ["plenum", "congress"],
        "card": list(rs.cards)[:2],
        "date": [1927 * 2 + 1],
        "conditions": [[("alive", "kirov"), ("indicator", {"id": "peasant_mood", "below": 40})]],
        "condition": [("dead", "lenin") if "lenin" in rs.characters else ("alive", "kirov")],
    }[kind]


def clauses(rs, registry) -> list[tuple[str, object]]:
    """Each entry of the vocabulary with every sample of each of its parameters in turn."""
    out = []
    for name, entry in registry.items():
        spec = entry.spec
        if isinstance(spec, str):
            out += [(name, v) for v in samples(rs, spec)]
            continue
        base = {k.rstrip("?"): samples(rs, kind)[0] for k, kind in spec.items() if not k.endswith("?")}
        out.append((name, base))
        for key, kind in spec.items():
            for value in samples(rs, kind):
                out.append((name, {**base, key.rstrip("?"): value}))
    return out


def test_every_kind_in_the_vocabulary_has_its_words():
    assert set(EFFECTS) <= set(EFFECT_WORDS), f"effects without words: {set(EFFECTS) - set(EFFECT_WORDS)}"
    assert set(CONDITIONS) <= set(CONDITION_WORDS), (
        f"conditions without words: {set(CONDITIONS) - set(CONDITION_WORDS)}"
    )


def test_every_kind_reads_as_prose_with_every_kind_of_value(rs):
    ids, names = known_ids(rs)
    bad = []
    for reader in (Describer(rs), for_event(rs, "bukharin"), for_card(rs, next(iter(rs.cards)), "trotsky")):
        for name, p in clauses(rs, EFFECTS):
            text = reader.effect(name, p)
            bad += [f"effect {name} {p}: {text!r}: {x}" for x in problems(text, ids, names)]
        for name, p in clauses(rs, CONDITIONS):
            text = reader.condition(name, p)
            bad += [f"condition {name} {p}: {text!r}: {x}" for x in problems(text, ids, names)]
    assert not bad, "\n".join(bad[:20])


def record_texts(rs, viewer: str) -> list[tuple[str, str]]:
    """Every base record's effects and conditions in words, as each place shows them."""
    plain = Describer(rs)
    out = []
    for cid, card in rs.cards.items():
        out += [(f"card {cid}", event_words(rs, cid)), (f"card {cid}", plain.conditions(card.conditions))]
        out += [(f"card {cid} in hand", words) for words in choice_words(rs, cid, viewer)]
        played = {"faction": viewer, "card": cid, "owner": card.faction, "fired": True}
        out.append((f"card {cid} in the report", entry_effects(rs, "card.rival_event", played) or ""))
    for eid, event in rs.events.items():
        out.append((f"event {eid}", plain.conditions(event.conditions)))
        out += [(f"event {eid}", line) for line in option_lines(rs, eid)]
        out += [(f"event {eid} as chosen", line) for line in option_lines(rs, eid, viewer)]
        for c in event.choices:
            chosen = {"event": eid, "option": c.id, "chooser": viewer}
            out.append((f"event {eid} in the report", entry_effects(rs, "event.chosen", chosen) or ""))
    for faction in rs.factions.values():
        for spec in faction.specials:
            out.append((f"special {spec.id}", plain.effects(spec.effects) + "; " + plain.conditions(spec.conditions)))
    return out


@pytest.mark.parametrize("which", ["base", "modded"])
def test_every_record_reads_as_prose(rs, modded, which):
    ruleset = rs if which == "base" else modded
    ids, names = known_ids(ruleset)
    bad = [
        f"{where}: {text!r}: {x}"
        for viewer in ("bukharin", "left_sr")
        for where, text in record_texts(ruleset, viewer)
        for x in problems(text, ids, names)
    ]
    assert not bad, "\n".join(bad[:20])


def test_the_words_carry_the_numbers_and_names(rs):
    said = for_event(rs, "bukharin")
    words = said.effects(
        (
            ("indicator", {"id": "collectivisation", "add": -15}),
            ("indicator", {"id": "peasant_mood", "add": 8}),
            ("standing", {"base": "peasantry", "faction": "chooser", "add": 6}),
            ("sentiment", {"region": "all", "faction": "chooser", "add": -6}),
            ("heat", {"faction": "left_sr", "add": 3}),
        )
    )
    assert words == (
        "Collectivisation \u221215 points; peasant mood +8; your standing with the peasantry +6; "
        "every region's sentiment toward you \u22126; the Left SRs' heat +3"
    )
    assert said.effect("indicator", {"id": "peasant_mood", "add": -0.04}) == "peasant mood \u00b10"
