"""Each kind of content error, planted in a small mod, is reported at its exact file:line:col
with its message (and hint). These are the lines a modder sees from `validate`."""

from __future__ import annotations

import pytest

from tests.content.modkit import problems_with, write_mod

EVENT = """
- id: test_event
  title: A Test
  window: {from: "1925-spring", to: "1926-autumn"}
  chooser: trotsky
  text: Something happens.
  choices:
    - id: one
      label: One
      effects:
        - {heat: {faction: chooser, add: 5}}
    - id: two
      label: Two
      effects:
        - {influence: {faction: chooser, add: 1}}
  history: What really happened.
  sources: [A book]
"""


def plant(tmp_path, old: str, new: str, folder: str = "events", text: str = EVENT) -> list[str]:
    assert old in text, old
    write_mod(tmp_path, "broken", {f"{folder}/test.yaml": text.replace(old, new, 1)})
    return problems_with(tmp_path, "broken")


F = "mods/broken/events/test.yaml"

CASES = [
    # (what is planted: old -> new, the exact problem line expected)
    (
        "  chooser: trotsky",
        "  chooser: trotsky\n  wieght: 5",
        f"{F}:5:3: error: event 'test_event'.wieght: unknown field 'wieght' (hint: did you mean 'weight'?)",
    ),
    ("  title: A Test\n", "", f"{F}:1:3: error: event 'test_event': missing required field 'title'"),
    (
        "  chooser: trotsky",
        "  chooser: trotsky\n  weight: high",
        f"{F}:5:3: error: event 'test_event'.weight: expected a whole number from 0 to 100, got 'high'",
    ),
    (
        "  chooser: trotsky",
        "  chooser: trotsky\n  weight: 150",
        f"{F}:5:3: error: event 'test_event'.weight: 150 is out of range 0-100",
    ),
    (
        'to: "1926-autumn"',
        'to: "1926-winter"',
        f"{F}:3:33: error: event 'test_event'.window.to: the season in '1926-winter' must be spring or autumn",
    ),
    (
        "chooser: trotsky",
        "chooser: trotskyy",
        f"{F}:4:3: error: test_event.chooser: unknown faction 'trotskyy' (hint: did you mean 'trotsky'?)",
    ),
    (
        "{heat: {faction: chooser, add: 5}}",
        "{heet: {faction: chooser, add: 5}}",
        f"{F}:10:12: error: event 'test_event'.choices[0].effects[0]: unknown effect 'heet' (hint: did you mean 'heat'?)",
    ),
    (
        "{heat: {faction: chooser, add: 5}}",
        "{heat: {faction: chooser, ad: 5}}",
        f"{F}:10:37: error: event 'test_event'.choices[0].effects[0].heat: unknown parameter 'ad' (hint: did you mean 'add'?)",
    ),
    (
        "{heat: {faction: chooser, add: 5}}",
        "{heat: {faction: chooser}}",
        f"{F}:10:12: error: event 'test_event'.choices[0].effects[0].heat: missing parameter(s) add",
    ),
    (
        "{influence: {faction: chooser, add: 1}}",
        "{loyalty: {character: kalinen, faction: chooser, add: 1}}",
        f"{F}:14:22: error: event 'test_event'.choices[1].effects[0].loyalty.character: unknown character 'kalinen' (hint: did you mean 'kalinin'?)",
    ),
    (
        "  chooser: trotsky",
        "  chooser: trotsky\n  conditions: [{policy: {axis: agriculture, is: kolkhoz}}]",
        f"{F}:5:45: error: event 'test_event'.conditions[0].policy.is: unknown position of agriculture 'kolkhoz'",
    ),
    ("    - id: two", "    - id: one", f"{F}:6:3: error: test_event: two choices share an id"),
    (
        "  chooser: trotsky",
        "  chooser: trotsky\n  chooser: stalin",
        f"{F}:5:3: error: duplicate key 'chooser' (hint: each key may appear once in a mapping)",
    ),
    (
        "  text: Something happens.",
        "  text: [unclosed",
        f"{F}:6:10: error: YAML syntax: did not find expected ',' or ']'",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES, ids=[c[2].split(": ", 2)[-1][:40] for c in CASES])
def test_each_error_is_reported_at_its_place(tmp_path, old, new, expected):
    problems = plant(tmp_path, old, new)
    assert expected in problems, "\n".join(problems)


def test_duplicate_ids_name_the_first_definition(tmp_path):
    write_mod(tmp_path, "broken", {"events/test.yaml": EVENT + EVENT})
    problems = problems_with(tmp_path, "broken")
    assert (
        f"{F}:18:3: error: event 'test_event' is already defined at {F}:1 (hint: ids must be unique: rename one of the two)"
        in problems
    )


def test_warnings_for_events_that_can_never_fire_and_their_silencing(tmp_path):
    problems = plant(tmp_path, "  chooser: trotsky", "  chooser: trotsky\n  conditions: [{flag: never_set_anywhere}]")
    assert any(
        p.startswith(f"{F}:5:17: warning:") and "flag 'never_set_anywhere' is read but never set" in p for p in problems
    ), problems
    problems = plant(
        tmp_path,
        "  chooser: trotsky",
        '  chooser: trotsky\n  conditions: [{flag: never_set_anywhere}]\n  silence: {flag_never_set: "a later mod sets it"}',
    )
    assert not any("never_set_anywhere" in p for p in problems), problems
    problems = plant(
        tmp_path, 'window: {from: "1925-spring", to: "1926-autumn"}', 'window: {from: "1950-spring", to: "1951-autumn"}'
    )
    assert any(
        "outside every scenario [outside_scenarios]" in p and p.startswith(f"{F}:3:3: warning:") for p in problems
    ), problems
    problems = plant(tmp_path, "  chooser: trotsky", '  chooser: trotsky\n  conditions: [{after: "1930-spring"}]')
    assert any("contradicts the window" in p and "[unreachable]" in p for p in problems), problems


def test_scenario_seat_counts_must_add_up(tmp_path):
    write_mod(
        tmp_path,
        "broken",
        {
            "scenarios/s.yaml": """
        - id: succession
          op: override
          merge: {cc_seats: {trotsky: 40}}
        """
        },
    )
    problems = problems_with(tmp_path, "broken")
    assert any("cc_seats: the seats add up to 89, but the central_committee has 53" in p for p in problems), problems


def test_a_leader_must_belong_to_his_faction(tmp_path):
    write_mod(
        tmp_path,
        "broken",
        {
            "factions/f.yaml": """
        - id: trotsky
          op: override
          leaders: [trotsky, radek]
        """
        },
    )
    problems = problems_with(tmp_path, "broken")
    assert any("trotsky.leaders[1]: radek must have faction: trotsky and leader: true" in p for p in problems), problems
