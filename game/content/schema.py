"""Field declarations for every record kind: type, whether required, and what it means.

Declared once, used to check records (unknown keys with a "did you mean", missing fields, wrong
types) and, in a later issue, to generate the field reference and JSON Schemas.
The types are explained in fieldtypes.py. Every record kind also takes `silence`: warning code ->
the reason it does not apply to this record.
"""

from __future__ import annotations

from .schema_ai import AI_WEIGHTS

F = tuple  # (type, required, description)

IDEOLOGY = {
    "economic": ("int:0..100", True, "0 = squeeze the peasantry for industry, 100 = market and NEP"),
    "democracy": ("int:0..100", True, "0 = monolithic party, 100 = open debate and tendencies"),
    "international": ("int:0..100", True, "0 = socialism in one country, 100 = world revolution"),
}

CHARACTER: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "name": ("str", True, "name as shown"),
    "native": ("str", False, "native spelling"),
    "born": ("int", True, "year of birth"),
    "died": (
        {
            "date": ("date", True, "when he really died"),
            "cause": ("str", True, "natural, executed, suicide, murdered, killed_in_prison, surgery"),
        },
        False,
        "the historical death",
    ),
    "portrait": ("str", False, "key for the portrait generator"),
    "faction": ("str|null", True, "faction at the start, or null for independents"),
    "leader": ("bool", False, "bound to his faction for the whole game"),
    "ideology": (IDEOLOGY, True, "positions 0-100 on the three ideology axes"),
    "traits": ("texts", False, "trait ids"),
    "skills": (
        {
            "oratory": ("int:1..5", True, "speeches at congresses"),
            "organisation": ("int:1..5", True, "running offices and the Secretariat"),
            "intrigue": ("int:1..5", True, "plots and plenums"),
        },
        True,
        "skills 1-5",
    ),
    "base": ("str|null", False, "power base id"),
    "offices": ("texts", False, "offices held at the start (the scenario may also assign)"),
    "bio": ("str", True, "who he is at the start, in our words"),
    "history": ("str", True, "what really happened"),
    "sources": ("texts", True, "where the history comes from"),
    "alternate": ("bool", False, "true for alternate-history figures"),
}

SPECIAL = {
    "id": ("str", True, "unique within the faction"),
    "name": ("str", True, "name as shown"),
    "text": ("str", True, "what it does, for players"),
    "ap": ("int", False, "action points it costs (default 1)"),
    "influence": ("int", False, "influence it costs"),
    "heat": ("int", False, "heat it raises"),
    "once_per_turns": ("int", False, "at most once every N turns"),
    "conditions": ("conditions", False, "when it can be used"),
    "effects": ("effects", True, "what it does"),
}

LINE_ITEM = {
    "axis": ("str", True, "policy axis id"),
    "target": ("str", True, "the position it pursues on that axis"),
    "weight": ("number", False, "how much it matters (default 1), as in the agenda"),
    "when": (
        "conditions",
        True,
        "while these hold (owner = this faction), it replaces the agenda's target on that axis",
    ),
}

AGENDA_POLICY = {
    "axis": ("str", True, "policy axis id"),
    "target": ("str", True, "the position it wants on that axis"),
    "weight": ("number:0..10", False, "how much it counts (default 1)"),
}

AGENDA_INDICATOR = {
    "indicator": ("str", True, "indicator id"),
    "above": ("number", False, "scores while the indicator is above this (give above or below)"),
    "below": ("number", False, "scores while the indicator is below this (give above or below)"),
    "weight": ("number:0..10", False, "how much it counts (default 1)"),
}

FACTION: dict[str, F] = {
    "id": ("str", True, "unique slug; saves and mods refer to it"),
    "name": ("str", True, "full name"),
    "short": ("str", True, "short name, without 'the': 'Right', 'Left SRs' (see `the`)"),
    "the": ("bool", False, "takes 'the' in a sentence ('the Right'); default: true if `short` begins 'The '"),
    "possessive": ("str", False, "possessive of the short name, without 'the'; default: short + 's, or + ' after an s"),
    "colour": ("colour", True, "'#rrggbb' in quotes (a bare # starts a YAML comment)"),
    "marker": ("str", True, "one letter that marks the faction without colour"),
    "leaders": ("texts", True, "character ids of its leaders"),
    "ideology": (IDEOLOGY, True, "the faction's line"),
    "playable": ("bool", True, "can a person lead it"),
    "apparatus": ("bool", False, "the non-player apparatus (Stalin)"),
    "party": ("bool", False, "sits in party bodies (default true; the Left SRs do not)"),
    "ladder": ("str", False, "discipline ladder id (default party)"),
    "influence": ("int:0..30", True, "starting influence"),
    "heat": ("int:0..100", False, "starting heat"),
    "prestige": ("int:0..20", False, "starting prestige 0-20"),
    "agenda": (
        {
            "policies": ([AGENDA_POLICY], False, "[{axis, target, weight}]"),
            "indicators": ([AGENDA_INDICATOR], False, "[{indicator, above|below, weight}]"),
        },
        True,
        "what it wants: scored and pursued by its AI",
    ),
    "line": (
        [LINE_ITEM],
        False,
        "not scored: policy targets it proposes and whips for while their conditions hold; the first that holds on an axis wins",
    ),
    "specials": ([SPECIAL], False, "special actions"),
    "ai": (AI_WEIGHTS, True, "AI personality: how much its computer player likes each kind of action, 0-5 (default 1)"),
    "score_scale": (
        {
            "power": ("number:0..5", False, "multiplies the power score"),
            "program": ("number:0..5", False, "multiplies the program score"),
        },
        False,
        "handicaps: the factions start from very different positions",
    ),
    "description": ("str", True, "a paragraph for the new-game screen"),
}

OFFICE = {
    "id": ("str", True, "unique slug"),
    "name": ("str", True, "name as shown"),
    "powers": ("texts", False, "appoint, agenda, chair, command_police, command_army, prosecute, press"),
    "income": ("int", False, "influence a turn to the holder's master"),
    "prestige": ("int", False, "weight in power scores"),
    "chosen_by": ("str", True, "central_committee (at plenums) or politburo (by motion)"),
    "base": ("str|null", False, "the constituency it commands"),
    "names": (
        [{"from": ("date", True, "first half-year of the name"), "name": ("str", True, "the name from then on")}],
        False,
        "later names, in date order (the OGPU's chairman became the NKVD's People's Commissar in 1934)",
    ),
}

BODY: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "name": ("str", True, "name as shown"),
    "kind": ("str", True, "party or state"),
    "seating": ("str", True, "named, abstract or none"),
    "seats": ("int", False, "number of seats"),
    "description": ("str", True, "what it does"),
    "offices": ([OFFICE], False, "its offices"),
}

REGION: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "name": ("str", True, "name as shown"),
    "membership": ("int", True, "party members and candidates, thousands"),
    "peasant_share": ("number:0..1", True, "share of peasants in the population, 0-1"),
    "sentiment": ("number_map", True, "rank-and-file leanings: faction or uncommitted -> weight"),
    "soviet_strength": ("int:0..100", False, "Left SR strength in local soviets, 0-100"),
    "description": ("str", True, "a sentence or two"),
}

BASE: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "name": ("str", True, "name as shown"),
    "office": ("str|null", False, "office that commands it"),
    "income": ("int", False, "influence a turn to the faction with the best standing"),
    "ideology": (IDEOLOGY, True, "what it sympathises with"),
    "description": ("str", True, "a sentence or two"),
}

POSITION = {
    "id": ("str", True, "unique within the axis"),
    "name": ("str", True, "name as shown"),
    "ideology": ("int:0..100", True, "where it sits on the axis's ideology scale, 0-100"),
    "targets": ("number_map", False, "indicator -> shift of its target while in force"),
    "drift": ("number_map", False, "indicator -> change each turn while in force"),
    "text": ("str", True, "what it means"),
}

AXIS: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "name": ("str", True, "name as shown"),
    "ideology_axis": ("str", True, "economic, democracy or international"),
    "positions": ([POSITION], True, "ordered positions"),
    "description": ("str", True, "what the axis is about"),
}

INDICATOR: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "name": ("str", True, "name as shown"),
    "unit": ("str", True, "unit as shown"),
    "low": ("number", True, "lowest value"),
    "high": ("number", True, "highest value"),
    "base_target": ("number", True, "where it tends with no policy pushing"),
    "rate": ("number:0..1", True, "share of the gap to its target closed each turn"),
    "cumulative": ("bool", False, "a running total (deaths): never relaxes"),
    "description": ("str", True, "what it measures and what moves it"),
}

CHOICE = {
    "id": ("str", True, "unique within the event"),
    "label": ("str", True, "button text"),
    "text": ("str", False, "one line on what it means"),
    "effects": ("effects", True, "what it does"),
}

EVENT: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "title": ("str", True, "title"),
    "window": (
        {"from": ("date", True, "first half-year"), "to": ("date", True, "last half-year")},
        True,
        "when it may fire",
    ),
    "conditions": ("conditions", False, "what must hold"),
    "weight": ("int:0..100", False, "100 = certain once conditions hold; lower = chance per turn in %"),
    "once": ("bool", False, "fires at most once (default true)"),
    "chooser": ("str", True, "faction id, office:<id> or politburo"),
    "text": ("str", True, "what happens"),
    "choices": ([CHOICE], True, "two or more choices"),
    "history": ("str", True, "what really happened"),
    "sources": ("texts", True, "sources"),
    "content_tags": ("texts", False, "famine, repression, execution, violence"),
    "summary": (
        "str",
        False,
        "one or two sober, factual sentences shown instead of the text and history when one of the content_tags is set to be summarised (content settings); a tagged record without one is warned about",
    ),
    "discussion_questions": ("texts", False, "for the classroom"),
    "illustration": ("str", False, "illustration key"),
}

CARD: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "title": ("str", True, "title"),
    "era": ("int:1..3", True, "1 = 1924-28, 2 = 1929-34, 3 = 1935-41"),
    "value": ("int:1..4", True, "influence value 1-4"),
    "faction": ("str|null", True, "owner, or null for neutral"),
    "conditions": ("conditions", False, "when the event can fire"),
    "text": ("str", True, "what the event does"),
    "effects": ("effects", True, "the event"),
    "history": ("str", True, "what really happened"),
    "sources": ("texts", True, "sources"),
    "content_tags": ("texts", False, "famine, repression, execution, violence"),
    "summary": (
        "str",
        False,
        "one or two sober, factual sentences shown instead of the text and history when one of the content_tags is set to be summarised (content settings); a tagged record without one is warned about",
    ),
}

TRAIT: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "name": ("str", True, "name as shown"),
    "text": ("str", True, "what it means"),
    "lobby_rate": ("number", False, "multiplies loyalty gained from lobbying"),
    "defect": ("number", False, "added to the chance to defect from a whip"),
    "fear": ("number", False, "multiplies fear in votes"),
    "hazard": ("number", False, "added to natural-death chance per turn"),
    "oratory": ("int", False, "added to oratory in congress speeches"),
    "no_office": ("bool", False, "cannot be appointed to an office (keeps any he holds)"),
}

RUNG = {
    "id": ("str", True, "unique within the ladder"),
    "name": ("str", True, "name as shown"),
    "ap_penalty": ("int", False, "action points lost"),
    "can_propose": ("bool", True, "may put motions"),
    "holds_offices": ("bool", True, "its people keep their posts"),
    "leaders": ("str", True, "free, exiled, arrested or dead"),
    "party_member": ("bool", True, "sits at congresses and in party bodies"),
}

LADDER: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "name": ("str", True, "name as shown"),
    "rungs": ([RUNG], True, "from legal to the worst"),
}

SCENARIO: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "name": ("str", True, "name as shown"),
    "description": ("str", True, "premise"),
    "start": ("date", True, "first half-year"),
    "turns": ("int", True, "number of half-year turns"),
    "playable": ("texts", True, "factions a person may lead"),
    "apparatus": ("str", True, "the apparatus faction"),
    "offices": ("text_map", True, "office -> character at the start"),
    "bodies": ("texts_map", True, "named-seat body -> members at the start"),
    "cc_seats": ("int_map", True, "Central Committee seats per faction/independent"),
    "ccc_seats": ("int_map", True, "Control Commission seats per faction/independent"),
    "soviet_seats": ("int_map", True, "Congress of Soviets seats per faction/independent"),
    "secretaries": ("text_map", True, "region -> faction of its secretary (or null)"),
    "policies": ("text_map", True, "axis -> starting position"),
    "indicators": ("number_map", True, "indicator -> starting value"),
    "standing": ("number_table", True, "base -> faction -> standing"),
    "loyalty": ("number_table", False, "character -> faction -> starting public loyalty (overrides)"),
    "congresses": ("dates", True, "dates of scheduled party congresses"),
    "dead_at_start": ("texts", False, "characters already dead"),
    "death_dates": (
        "text_map",
        False,
        "character -> the date from which his historical natural death may come in this scenario (alternate history: Lenin lives)",
    ),
    "grip": ("int:0..100", True, "the secretaries' grip on delegations at the start, 0-100"),
    "tension": ("year_map", True, "year -> international tension from outside"),
    "score_scale": (
        "dict",
        False,
        "faction -> {power: x, program: y}: multipliers on top of the faction's own, for this scenario's "
        "length (a short game rewards a strong start more)",
    ),
    "presets": (
        [
            {
                "id": ("str", True, "unique within the scenario: one_lesson, double_lesson, unit..."),
                "name": ("str", True, "name as shown"),
                "minutes": ("int:5..2000", True, "the lesson time it is planned for"),
                "turns": ("int:0..200", False, "turns played (0 or absent: the whole scenario)"),
                "lessons": ("int:1..20", False, "lessons it is spread over; each ends on a save point (default 1)"),
                "action_points": ("int:0..9", False, "action points a turn (0 or absent: the usual number)"),
                "actions": ("texts", False, "action types allowed (absent: all) — fewer actions to learn"),
                "text": ("str", True, "what it is for, for the teacher"),
                "score_scale": (
                    "dict",
                    False,
                    "faction -> {power: x, program: y}: multipliers on top of the faction's own, "
                    "so a short game does not just reward the starting position",
                ),
            }
        ],
        False,
        "classroom presets: lesson-length versions of the scenario",
    ),
    "pacts": (
        [
            {
                "kind": (
                    "str",
                    True,
                    "a pact kind from rules.yaml pact_kinds: non_aggression, vote_support, alliance, bloc",
                ),
                "a": ("str", True, "one faction"),
                "b": ("str", True, "the other faction"),
                "against": ("str", False, "for a bloc: the third faction both stand against"),
                "turns": ("int:1..100", True, "turns it holds from the start"),
                "text": ("str", False, "what it was, for the history note"),
            }
        ],
        False,
        "pacts in force when the scenario opens: the historical alignments",
    ),
}

GLOSSARY: dict[str, F] = {
    "id": ("str", True, "unique slug"),
    "term": ("str", True, "the term as shown"),
    "native": ("str", False, "the Russian (or other) word"),
    "text": ("str", True, "2-4 sentences: what it was and why it matters in the game"),
    "related": ("texts", False, "other glossary ids"),
    "sources": ("texts", True, "sources"),
}

TUTORIAL_STEP: dict[str, F] = {  # data/tutorial/first_year.yaml: the guided first year, not a record kind
    "id": ("str", True, "unique slug"),
    "title": ("str", True, "the prompt's heading"),
    "text": ("str", True, "what the prompt says"),
    "point": (
        "str",
        True,
        "what it highlights: top_bar, diagram, politburo, panel, tab_faction, tab_policy, tab_hand, end_turn, chronicle, dialog",
    ),
    "until": ("str", True, "what it waits for: next, intrigue, session, turn N, select, tab TAB, action TAG"),
}

SILENCE = ("dict", False, "warning code -> the reason it does not apply to this record")
