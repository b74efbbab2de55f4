"""Refusal reasons in words. The core refuses an action with a key and parameters (ids and
numbers: `core.actions.spec.Reason`); this is where they become a sentence for the player.

A parameter `x` that names something (a card, a character, an office, a pact kind, a faction, an
event, a special, a preset) is also offered to the wording as `x_name`, looked up in the ruleset;
a parameter naming something with conditions (a special) also as `x_when`, its conditions in words;
a list is joined with commas. A key without a wording falls back to the key itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.actions.spec import Reason
from ..core.rules.pacts import pact_kinds
from ..core.ruleset import Ruleset
from .effects import for_faction

WORDS: dict[str, str] = {
    # the general gate
    "actor.unknown": "There is no faction '{actor}'.",
    "game.over": "The game is over.",
    "phase.event_waiting": "An event is waiting for a decision first.",
    "phase.not_intrigue": "Nobody acts now.",
    "turn.not_yours": "It is {acting}'s move, not {actor}'s.",
    "phase.session": "The Politburo is about to vote: only whips and answers to pacts now.",
    "preset.left_out": "The '{preset_name}' preset leaves this action out, to keep the lesson short.",
    "faction.exiled": "Your leaders are gone: the exiled opposition cannot do that.",
    "cost.ap": "Needs {need} action point(s); you have {have}.",
    "cost.influence": "Needs {need} influence; you have {have}.",
    "amount.range": "Spend between 1 and {max} influence.",
    # the chronicle's events
    "event.none": "No event is waiting for a decision.",
    "event.other": "Another event is waiting for a decision.",
    "event.not_chooser": "This decision belongs to another faction.",
    "event.no_option": "The event has no choice '{option}'.",
    # cards
    "card.not_in_hand": "That card is not in your hand.",
    "card.mode": "Play a card for its event or for its influence.",
    "card.not_now": "'{card_name}' cannot happen now: its conditions do not hold.",
    # lobbying
    "character.unknown": "There is no character '{character}'.",
    "character.not_free": "He is not free to be lobbied.",
    "character.bound": "{character_name} leads his own faction and cannot be won over.",
    "declare.nothing": "You have no secret hold on him to declare.",
    # regions and constituencies
    "region.unknown": "There is no region '{region}'.",
    "appoint.not_secretariat": "Only the General Secretary's faction names regional secretaries.",
    "appoint.already": "Your cadre already runs that region.",
    "appoint.limit": "The Secretariat can name {limit} secretary a turn.",
    "base.unknown": "There is no constituency '{base}'.",
    "platform.once": "One platform a turn.",
    # motions
    "propose.barred": "Your faction cannot put motions to the Politburo.",
    "propose.kind": "Unknown motion '{motion}'.",
    "propose.limit": "At most {limit} motions a turn.",
    "propose.duplicate": "That motion is already on the agenda.",
    "motion.policy": "Name a policy axis and a step of +1 or -1.",
    "motion.policy_end": "The policy is already at the end of its axis.",
    "motion.office": "The Politburo does not confirm that office.",
    "motion.candidate": "The candidate is not free to serve.",
    "motion.holds": "He already holds that office.",
    "motion.too_young": "{character_name} is {age}: too young for high office.",
    "motion.not_party": "Only party members are appointed this way.",
    "motion.incapacitated": "{character_name} is incapacitated by illness: unfit for a working office.",
    "motion.office_held": "Name an office that someone holds.",
    "motion.needs_plenum": (
        "The {office_name} answers to the Central Committee: convene a plenum first, then move his removal."
    ),
    "motion.not_member": "He does not sit in the Politburo.",
    "motion.faction": "Name another faction.",
    "motion.legal": "That faction is in good standing already.",
    "motion.bottom": "That faction can fall no further.",
    "motion.meeting": "Convene a plenum or a congress.",
    "motion.convened": "It is already convened.",
    "motion.document": "The only document to publish is Lenin's Testament.",
    "motion.published": "The Testament is already published.",
    "compromise.not_a_figure": "{character_name} cannot be put forward as a compromise figure.",
    "compromise.not_free": "{character_name} is not free to speak for the party.",
    "compromise.already": "A compromise figure already speaks for the party.",
    "compromise.retreated": "She has withdrawn from the struggle; she will not be put forward again.",
    # pacts
    "pact.partner": "Offer a pact to another faction.",
    "pact.kind": "A pact is one of: {kinds}.",
    "pact.terms": "A {kind_name} lasts {low}-{high} turns.",
    "pact.price": "You cannot pay more influence than you have.",
    "pact.against": "Name the third faction this bloc stands against.",
    "pact.against_nobody": "A {kind_name} is not against anyone.",
    "pact.exists": "You already have a pact or an offer with them.",
    "pact.no_offer": "There is no such offer to answer.",
    "pact.none": "You have no pact in force with them.",
    # the session
    "whip.not_yet": "Whips are set when the Politburo meets, once every faction has acted.",
    "whip.kind": "Whip for, against, or a free vote.",
    "whip.motion": "There is no such motion on the table.",
    # discipline
    "denounce.target": "Denounce another faction.",
    "denounce.prestige": "A denunciation costs {need} prestige, and you have none left to spend: nobody listens.",
    "recant.nothing": "You have nothing to recant.",
    # specials
    "special.unknown": "Your faction has no such special action.",
    "special.used": "'{special_name}' was used too recently.",
    "special.cost": "'{special_name}' needs {ap} AP and {influence} influence.",
    "special.not_now": "'{special_name}' can be used only when {special_when}.",
    # congress
    "congress.none": "No congress meets this turn.",
    "congress.not_party": "Your faction has no delegates at a party congress.",
    "co_report.already": "You already stand a co-report.",
    "co_report.majority": "You give the political report yourself.",
    # the classroom
    "teacher.unknown": "There is no teacher control '{kind}'.",
    "teacher.over": "The game is over (undo the last turn to go back into it).",
    "teacher.nothing_to_skip": "No event is waiting to be skipped.",
    "teacher.event_waiting": "An event is waiting: skip it or let the team decide first.",
    "teacher.no_team": "No team is in the middle of its turn.",
    "teacher.rounds_already": "The class already plays in rounds.",
    "teacher.hotseat_already": "The teams already take their turns one at a time.",
    "teacher.not_a_team": "Choose one of the players' factions.",
    "teacher.not_down": (
        "{faction_name} is not wiped out: recovery is for a faction expelled or with its leaders gone."
    ),
    "teacher.no_such_event": "There is no event '{event}'.",
    "teacher.event_fired": "'{event_name}' has already happened in this game.",
    "teacher.event_queued": "'{event_name}' is already waiting.",
    "teacher.event_not_now": "'{event_name}' cannot happen now: the situation it needs (its conditions) does not hold.",
    "class_vote.not_yours": "Only the team at the controls enters its class vote.",
    "class_vote.subject": "A class vote needs the question it was about.",
    "class_vote.counts": "A class vote's counts look like 'yes=14;no=9', not '{counts}'.",
    "class_vote.no_counts": "A class vote needs at least one count.",
}


def _special(rs: Ruleset, value: str, params: dict[str, Any]) -> str | None:
    fdef = rs.factions.get(params.get("faction", ""))
    return next((s.name for s in fdef.specials if s.id == value), None) if fdef else None


def _preset(rs: Ruleset, value: str, params: dict[str, Any]) -> str | None:
    scenario = rs.scenarios.get(params.get("scenario", ""))
    preset = scenario.preset(value) if scenario else None
    return preset.name if preset else None


def _pact_kind(rs: Ruleset, value: str, params: dict[str, Any]) -> str | None:
    kind = pact_kinds(rs).get(value)
    return kind.name.lower() if kind else None  # always said mid-sentence


# parameter -> how its `_name` is found (None: not found, and the id stands in)
NAMERS: dict[str, Callable[[Ruleset, str, dict[str, Any]], str | None]] = {
    "card": lambda rs, v, p: rs.cards[v].title if v in rs.cards else None,
    "character": lambda rs, v, p: rs.characters[v].name if v in rs.characters else None,
    "office": lambda rs, v, p: rs.offices[v].name if v in rs.offices else None,
    "faction": lambda rs, v, p: rs.factions[v].name if v in rs.factions else None,
    "event": lambda rs, v, p: rs.events[v].title if v in rs.events else None,
    "kind": _pact_kind,
    "special": _special,
    "preset": _preset,
}


def reason_text(rs: Ruleset, reason: Reason) -> str:
    """The reason as a sentence for the player."""
    template = WORDS.get(reason.key)
    if template is None:
        return reason.key
    values: dict[str, Any] = {}
    for name, value in reason.params.items():
        values[name] = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else value
        namer = NAMERS.get(name)
        if namer is not None:
            values[f"{name}_name"] = namer(rs, str(value), reason.params) or str(value)
        when = WHEN.get(name)
        if when is not None:
            values[f"{name}_when"] = when(rs, str(value), reason.params)
    return template.format(**values)


def _special_when(rs: Ruleset, value: str, params: dict[str, Any]) -> str:
    """A special's conditions in words ("Vladimir Lenin is dead")."""
    fid = params.get("faction", "")
    fdef = rs.factions.get(fid)
    spec = next((s for s in fdef.specials if s.id == value), None) if fdef else None
    return for_faction(rs, fid, fid).conditions(spec.conditions, start=False) if spec else "its conditions hold"


# parameter -> its conditions in words, offered as `x_when`
WHEN: dict[str, Callable[[Ruleset, str, dict[str, Any]], str]] = {"special": _special_when}


def why_not(rs: Ruleset, reason: Reason | None) -> str | None:
    """The reason in words, or None when there is none (the action is allowed)."""
    return reason_text(rs, reason) if reason is not None else None
