"""Is an action legal now? Every refusal comes back as a Reason with a key and a readable text.

The UI shows the text on a greyed-out button; the key and parameters stay stable for translation
and tests. Checks read the true state but never reveal another faction's secrets in their text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import actions as A
from .actions import MOTION_KINDS
from .conditions import Ctx, holds
from .flow import chooser_of, congress_due, plenum_due
from .rules import teacher
from .rules.control import controller
from .rules.pacts import pact_kinds
from .ruleset import Ruleset
from .state import GameState


@dataclass(frozen=True, slots=True)
class Reason:
    key: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)


def whose_move(rs: Ruleset, state: GameState) -> str | None:
    """The faction that must decide now, or None when the game is over."""
    if state.phase == "over":
        return None
    if state.event_queue:  # the chronicle's events, or one a teacher brought in mid-turn
        return chooser_of(rs, state, state.event_queue[0])
    if state.phase in ("intrigue", "session"):
        return state.acting_faction
    return None


def cost_of(rs: Ruleset, action: A.Action) -> tuple[int, int]:
    """(action points, influence) the action costs."""
    c = rs.rules["costs"]
    if isinstance(action, (A.Lobby, A.Campaign, A.Organise)):
        return c[action.tag]["ap"], action.influence
    if isinstance(action, A.Speech):
        return c["speech"]["ap"], action.influence
    if isinstance(action, A.Propose):
        return c["propose"]["ap"], c["propose"]["influence"][action.motion]
    if isinstance(action, A.Special):
        return 0, 0  # specials carry their own costs, checked in _special
    if isinstance(action, A.OfferPact):
        return c["offer_pact"]["ap"], 0
    entry = c.get(action.tag)
    if entry is None:
        return 0, 0
    return entry.get("ap", 0), entry.get("influence", 0)


def check(rs: Ruleset, state: GameState, action: A.Action) -> Reason | None:
    """None if legal; otherwise why not."""
    if isinstance(action, A.TeacherAction):
        why = teacher.check_teacher(rs, state, action)
        return Reason(f"teacher.{action.kind}", why) if why else None
    if action.actor not in state.factions:
        return Reason("actor.unknown", f"There is no faction '{action.actor}'.")
    if state.phase == "over":
        return Reason("game.over", "The game is over.")
    if isinstance(action, A.ChooseOption):
        return _choose(rs, state, action)
    if isinstance(action, A.ClassVote):
        if whose_move(rs, state) != action.actor:
            return Reason("turn.not_yours", "Only the team at the controls enters its class vote.")
        why = teacher.check_class_vote(state, action)
        return Reason("class_vote.counts", why) if why else None
    if state.event_queue:
        return Reason("phase.not_intrigue", "An event is waiting for a decision first.")
    if state.phase not in ("intrigue", "session"):
        return Reason("phase.not_intrigue", "Nobody acts now.")
    if state.acting_faction != action.actor:
        return Reason("turn.not_yours", f"It is {state.acting_faction}'s move, not {action.actor}'s.")
    if isinstance(action, A.EndTurn):
        return None
    if state.phase == "session" and action.tag not in SESSION_ACTIONS:
        return Reason("phase.session", "The Politburo is about to vote: only whips and answers to pacts now.")
    if state.phase == "intrigue" and isinstance(action, A.Whip):
        return Reason("whip.not_yet", "Whips are set when the Politburo meets, once every faction has acted.")
    preset = rs.scenarios[state.scenario].preset(state.preset)
    if preset and preset.actions and action.tag not in preset.actions and action.tag not in SESSION_ACTIONS:
        return Reason(
            "preset.left_out", f"The '{preset.name}' preset leaves this action out, to keep the lesson short."
        )
    fs = state.factions[action.actor]
    if fs.exiled and action.tag not in rs.rules["exiled_actions"]:
        return Reason("faction.exiled", "Your leaders are gone: the exiled opposition cannot do that.")
    ap, influence = cost_of(rs, action)
    if fs.ap < ap:
        return Reason("cost.ap", f"Needs {ap} action point(s); you have {fs.ap}.", {"need": ap})
    if fs.influence < influence:
        return Reason("cost.influence", f"Needs {influence} influence; you have {fs.influence}.", {"need": influence})
    checker = _CHECKS.get(action.tag)
    return checker(rs, state, action) if checker else None


SESSION_ACTIONS = ("whip", "answer_pact", "break_pact")  # free, and open while the Politburo meets


def _choose(rs: Ruleset, state: GameState, a: A.ChooseOption) -> Reason | None:
    if not state.event_queue:
        return Reason("event.none", "No event is waiting for a decision.")
    if state.event_queue[0] != a.event:
        return Reason("event.other", "Another event is waiting for a decision.")
    if chooser_of(rs, state, a.event) != a.actor:
        return Reason("event.not_chooser", "This decision belongs to another faction.")
    if a.option not in [c.id for c in rs.events[a.event].choices]:
        return Reason("event.no_option", f"The event has no choice '{a.option}'.")
    return None


def _party_rung(rs: Ruleset, state: GameState, faction: str):
    return rs.ladder_of(faction).rungs[state.factions[faction].rung]


def _play_card(rs, state, a: A.PlayCard):
    if a.card not in state.factions[a.actor].hand:
        return Reason("card.not_in_hand", "That card is not in your hand.")
    if a.mode not in ("event", "influence"):
        return Reason("card.mode", "Play a card for its event or for its influence.")
    if a.mode == "event":
        card = rs.cards[a.card]
        if not holds(rs, state, card.conditions, Ctx(a.actor, a.actor, card.faction or a.actor)):
            return Reason("card.not_now", f"'{card.title}' cannot happen now: its conditions do not hold.")
    return None


def _lobby(rs, state, a: A.Lobby):
    if a.character not in rs.characters:
        return Reason("character.unknown", f"There is no character '{a.character}'.")
    if state.status[rs.ci[a.character]] != "free":
        return Reason("character.not_free", "He is not free to be lobbied.")
    cdef = rs.characters[a.character]
    if cdef.leader and cdef.faction != a.actor:
        return Reason("character.bound", f"{cdef.name} leads his own faction and cannot be won over.")
    if not 1 <= a.influence <= rs.rules["max_spend"]:
        return Reason("amount.range", f"Spend between 1 and {rs.rules['max_spend']} influence.")
    return None


def _declare(rs, state, a: A.Declare):
    if a.character not in rs.characters:
        return Reason("character.unknown", f"There is no character '{a.character}'.")
    if int(state.loyalty_secret[rs.ci[a.character], rs.fi[a.actor]]) <= 0:
        return Reason("declare.nothing", "You have no secret hold on him to declare.")
    return None


def _appoint(rs, state, a: A.AppointSecretary):
    if a.region not in rs.regions:
        return Reason("region.unknown", f"There is no region '{a.region}'.")
    holder = state.offices.get(rs.rules["appointing_office"])
    if holder is None or controller(rs, state, holder) != a.actor:
        return Reason("appoint.not_secretariat", "Only the General Secretary's faction names regional secretaries.")
    if state.secretaries.get(a.region) == a.actor:
        return Reason("appoint.already", "Your cadre already runs that region.")
    if state.factions[a.actor].appointments >= rs.rules["secretaries_per_turn"]:
        return Reason("appoint.limit", f"The Secretariat can name {rs.rules['secretaries_per_turn']} secretary a turn.")
    return None


def _propose(rs, state, a: A.Propose):
    if not rs.factions[a.actor].party or not _party_rung(rs, state, a.actor).can_propose:
        return Reason("propose.barred", "Your faction cannot put motions to the Politburo.")
    if a.motion not in MOTION_KINDS:
        return Reason("propose.kind", f"Unknown motion '{a.motion}'.")
    mine = sum(1 for m in state.agenda if m.proposer == a.actor)
    if mine >= rs.rules["max_motions"]:
        return Reason("propose.limit", f"At most {rs.rules['max_motions']} motions a turn.")
    params = a.params()
    if any(m.kind == a.motion and m.params == params for m in state.agenda):
        return Reason("propose.duplicate", "That motion is already on the agenda.")
    return _MOTION_CHECKS[a.motion](rs, state, a)


def _motion_policy(rs, state, a):
    if a.target not in rs.axes or a.step not in (-1, 1):
        return Reason("motion.policy", "Name a policy axis and a step of +1 or -1.")
    new = state.policies[a.target] + a.step
    if not 0 <= new < len(rs.axes[a.target].positions):
        return Reason("motion.policy_end", "The policy is already at the end of its axis.")
    return None


def _motion_appoint(rs, state, a):
    office = rs.offices.get(a.office)
    if office is None or office.chosen_by != "politburo":
        return Reason("motion.office", "The Politburo does not confirm that office.")
    if a.target not in rs.characters or state.status[rs.ci[a.target]] != "free":
        return Reason("motion.candidate", "The candidate is not free to serve.")
    if state.offices.get(a.office) == a.target:
        return Reason("motion.holds", "He already holds that office.")
    age = state.start_year + state.turn // 2 - rs.characters[a.target].born
    if age < rs.rules["min_age_high_office"]:
        return Reason("motion.too_young", f"{rs.characters[a.target].name} is {age}: too young for high office.")
    start = rs.characters[a.target].faction
    if start is not None and not rs.factions[start].party:
        return Reason("motion.not_party", "Only party members are appointed this way.")
    return None


def _motion_remove(rs, state, a):
    office = rs.offices.get(a.office)
    if office is None or state.offices.get(a.office) is None:
        return Reason("motion.office", "Name an office that someone holds.")
    if office.chosen_by == "central_committee" and not (congress_due(rs, state) or plenum_due(state)):
        return Reason(
            "motion.needs_plenum",
            f"The {office.name} answers to the Central Committee: convene a plenum first, then move his removal.",
        )
    return None


def _motion_expel(rs, state, a):
    if a.target not in state.seats.get("politburo", []):
        return Reason("motion.not_member", "He does not sit in the Politburo.")
    return None


def _motion_faction(rs, state, a):
    if a.target not in rs.factions or a.target == a.actor:
        return Reason("motion.faction", "Name another faction.")
    if a.motion == "readmit" and state.factions[a.target].rung == 0:
        return Reason("motion.legal", "That faction is in good standing already.")
    if a.motion == "censure" and state.factions[a.target].rung >= len(rs.ladder_of(a.target).rungs) - 1:
        return Reason("motion.bottom", "That faction can fall no further.")
    return None


def _motion_convene(rs, state, a):
    if a.target not in ("plenum", "congress"):
        return Reason("motion.meeting", "Convene a plenum or a congress.")
    if [state.turn + 1, a.target] in state.convene:
        return Reason("motion.convened", "It is already convened.")
    return None


def _motion_publish(rs, state, a):
    if a.target != "testament":
        return Reason("motion.document", "The only document to publish is Lenin's Testament.")
    if "testament_published" in state.flags:
        return Reason("motion.published", "The Testament is already published.")
    return None


_MOTION_CHECKS = {
    "policy": _motion_policy,
    "appoint": _motion_appoint,
    "remove": _motion_remove,
    "expel_member": _motion_expel,
    "censure": _motion_faction,
    "readmit": _motion_faction,
    "convene": _motion_convene,
    "publish": _motion_publish,
}


def _amount(rs, a) -> Reason | None:
    if not 1 <= a.influence <= rs.rules["max_spend"]:
        return Reason("amount.range", f"Spend between 1 and {rs.rules['max_spend']} influence.")
    return None


def _campaign(rs, state, a: A.Campaign):
    if a.base not in rs.bases:
        return Reason("base.unknown", f"There is no constituency '{a.base}'.")
    return _amount(rs, a)


def _organise(rs, state, a: A.Organise):
    if a.region not in rs.regions:
        return Reason("region.unknown", f"There is no region '{a.region}'.")
    return _amount(rs, a)


def _platform(rs, state, a):
    if f"platform:{a.actor}" in state.flags and state.flags[f"platform:{a.actor}"] == state.turn:
        return Reason("platform.once", "One platform a turn.")
    return None


def _offer(rs, state, a: A.OfferPact):
    if a.partner not in rs.factions or a.partner == a.actor:
        return Reason("pact.partner", "Offer a pact to another faction.")
    kind = pact_kinds(rs).get(a.kind)
    if kind is None:
        return Reason("pact.kind", f"A pact is one of: {', '.join(pact_kinds(rs))}.")
    low, high = kind.turns
    if not low <= a.turns <= high:
        return Reason("pact.terms", f"A {kind.name.lower()} lasts {low}-{high} turns.", {"low": low, "high": high})
    if not 0 <= a.price <= state.factions[a.actor].influence:
        return Reason("pact.price", "You cannot pay more influence than you have.")
    if kind.against and (a.against not in rs.factions or a.against in (a.actor, a.partner)):
        return Reason("pact.against", "Name the third faction this bloc stands against.")
    if not kind.against and a.against:
        return Reason("pact.against", f"A {kind.name.lower()} is not against anyone.")
    if any({p.a, p.b} == {a.actor, a.partner} for p in state.pacts):
        return Reason("pact.exists", "You already have a pact or an offer with them.")
    return None


def _answer(rs, state, a: A.AnswerPact):
    if not any(p.a == a.proposer and p.b == a.actor and not p.accepted for p in state.pacts):
        return Reason("pact.no_offer", "There is no such offer to answer.")
    return None


def _break(rs, state, a: A.BreakPact):
    if not any(p.accepted and {p.a, p.b} == {a.actor, a.partner} for p in state.pacts):
        return Reason("pact.none", "You have no pact in force with them.")
    return None


def _whip(rs, state, a: A.Whip):
    if a.whip not in ("for", "against", "free"):
        return Reason("whip.kind", "Whip for, against, or a free vote.")
    if not any(m.id == a.motion for m in state.agenda):
        return Reason("whip.motion", "There is no such motion on the table.")
    return None


def _denounce(rs, state, a: A.Denounce):
    if a.target not in rs.factions or a.target == a.actor:
        return Reason("denounce.target", "Denounce another faction.")
    return None


def _recant(rs, state, a):
    if state.factions[a.actor].heat <= 0:
        return Reason("recant.nothing", "You have nothing to recant.")
    return None


def _special(rs, state, a: A.Special):
    spec = next((s for s in rs.factions[a.actor].specials if s.id == a.special), None)
    if spec is None:
        return Reason("special.unknown", "Your faction has no such special action.")
    fs = state.factions[a.actor]
    last = fs.specials_used.get(spec.id)
    if last is not None and state.turn - last < max(1, spec.once_per_turns):
        return Reason("special.used", f"'{spec.name}' was used too recently.")
    if fs.ap < spec.ap or fs.influence < spec.influence:
        return Reason("special.cost", f"'{spec.name}' needs {spec.ap} AP and {spec.influence} influence.")
    if not holds(rs, state, spec.conditions, Ctx(a.actor, a.actor, a.actor)):
        return Reason("special.not_now", f"'{spec.name}' cannot be used now.")
    return None


def _congress_action(rs, state, a):
    if not congress_due(rs, state):
        return Reason("congress.none", "No congress meets this turn.")
    if not rs.factions[a.actor].party or not _party_rung(rs, state, a.actor).party_member:
        return Reason("congress.not_party", "Your faction has no delegates at a party congress.")
    if isinstance(a, A.CoReport):
        if state.factions[a.actor].co_report:
            return Reason("co_report.already", "You already stand a co-report.")
        holder = state.offices.get("general_secretary")
        if holder is not None and controller(rs, state, holder) == a.actor:
            return Reason("co_report.majority", "You give the political report yourself.")
        return None
    return _amount(rs, a)


_CHECKS = {
    "play_card": _play_card,
    "lobby": _lobby,
    "declare": _declare,
    "appoint": _appoint,
    "propose": _propose,
    "campaign": _campaign,
    "organise": _organise,
    "platform": _platform,
    "offer_pact": _offer,
    "answer_pact": _answer,
    "break_pact": _break,
    "whip": _whip,
    "denounce": _denounce,
    "recant": _recant,
    "special": _special,
    "speech": _congress_action,
    "co_report": _congress_action,
}
