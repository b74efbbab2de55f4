"""What each legal action does to the state. Legality is checked before; costs are paid here.

Each handler mutates the (already cloned) state and writes a chronicle entry in key+params form.
"""

from __future__ import annotations

from . import actions as A
from .conditions import Ctx
from .effects import apply_effects, clamp
from .legality import cost_of
from .rules import cards, discipline, odds, pacts
from .rules.control import add_public_loyalty, add_secret_loyalty, controller, reveal
from .ruleset import Ruleset
from .state import GameState, Motion, Pact


def perform(rs: Ruleset, state: GameState, action: A.Action) -> None:
    ap, influence = cost_of(rs, action)
    fs = state.factions[action.actor]
    fs.ap -= ap
    fs.influence -= influence
    _HANDLERS[action.tag](rs, state, action)


def _heat(state: GameState, faction: str, amount: int) -> None:
    fs = state.factions[faction]
    fs.heat = int(clamp(fs.heat + amount, 0, 100))


def _play_card(rs: Ruleset, state: GameState, a: A.PlayCard) -> None:
    hand = state.factions[a.actor].hand
    hand.remove(a.card)
    state.discard.append(a.card)
    card = rs.cards[a.card]
    if a.mode == "influence":
        state.factions[a.actor].influence += card.value
        state.note("card.influence", faction=a.actor, card=a.card, value=card.value)
        if cards.fires_for_rival(rs, a.card, a.actor):
            fired = cards.play_event(rs, state, a.card, a.actor)
            state.note("card.rival_event", faction=a.actor, card=a.card, owner=card.faction, fired=fired)
    else:
        cards.play_event(rs, state, a.card, a.actor)
        state.note("card.event", faction=a.actor, card=a.card)


def lobby_gain(rs: Ruleset, character: str, influence: int) -> int:
    """Loyalty gained per influence, shaped by the target's traits."""
    rate = rs.rules["lobby_per_influence"]
    for t in rs.characters[character].traits:
        rate *= rs.trait(t).lobby_rate
    return max(1, round(influence * rate))


def _lobby(rs: Ruleset, state: GameState, a: A.Lobby) -> None:
    gain = lobby_gain(rs, a.character, a.influence)
    add_secret_loyalty(rs, state, a.character, a.actor, gain)
    c, f = rs.ci[a.character], rs.fi[a.actor]
    state.lobbied[c, f] = int(state.lobbied[c, f]) + a.influence
    # The chronicle entry is private to the lobbying faction (the view filters it).
    state.note("lobby.secret", faction=a.actor, character=a.character, influence=a.influence)


def _declare(rs: Ruleset, state: GameState, a: A.Declare) -> None:
    won = controller(rs, state, a.character) == a.actor
    if won:
        reveal(rs, state, a.character)
        add_public_loyalty(rs, state, a.character, a.actor, rs.rules["declare_bonus"])
    state.note("declare", faction=a.actor, character=a.character, won=won)


def _appoint(rs: Ruleset, state: GameState, a: A.AppointSecretary) -> None:
    previous = state.secretaries.get(a.region)
    state.secretaries[a.region] = a.actor
    state.factions[a.actor].appointments += 1
    shares = state.sentiment[a.region]
    shares[a.actor] = int(clamp(shares.get(a.actor, 0) + rs.rules["secretary_sentiment"], 0, 100))
    state.note("appoint.secretary", faction=a.actor, region=a.region, previous=previous)


def _propose(rs: Ruleset, state: GameState, a: A.Propose) -> None:
    motion = Motion(a.motion, a.actor, a.params(), state.motion_seq + 1)
    state.motion_seq += 1
    target = pacts.struck(rs, state, motion)
    for pact in pacts.strike_breaks(rs, state, a.actor, target):
        pacts.break_pact(rs, state, pact, a.actor, "motion")
    # The proposer's honest odds now, and each member's chance as it sees them (for the vote report).
    seen = odds.honest(rs, state, motion, a.actor)
    motion.odds = seen.p
    motion.snap = [[m, p, boss] for m, p, boss in seen.members]
    state.agenda.append(motion)
    state.note("motion.proposed", faction=a.actor, kind=a.motion, params=a.params(), motion=motion.id, odds=seen.p)


def _whip(rs: Ruleset, state: GameState, a: A.Whip) -> None:
    state.whips.setdefault(a.actor, {})[str(a.motion)] = a.whip


def _campaign(rs: Ruleset, state: GameState, a: A.Campaign) -> None:
    b, f = rs.bi[a.base], rs.fi[a.actor]
    rate = rs.rules["campaign_per_influence"]
    base = rs.bases[a.base]
    press_holder = state.offices.get(rs.rules["press_office"])
    if press_holder is not None and controller(rs, state, press_holder) == a.actor:
        rate *= rs.rules["press_discount"]
    closeness = max(0.25, 1.0 - rs.factions[a.actor].ideology.distance(base.ideology) / 100.0)
    gain = max(1, round(a.influence * rate * closeness))
    state.standing[b, f] = int(clamp(int(state.standing[b, f]) + gain, 0, 100))
    state.note("campaign", faction=a.actor, base=a.base, gain=gain)


def _organise(rs: Ruleset, state: GameState, a: A.Organise) -> None:
    shares = state.sentiment[a.region]
    gain = round(a.influence * rs.rules["organise_per_influence"])
    shares[a.actor] = int(clamp(shares.get(a.actor, 0) + gain, 0, 100))
    _heat(state, a.actor, rs.rules["organise_heat"])
    state.note("organise", faction=a.actor, region=a.region, gain=gain)


def _platform(rs: Ruleset, state: GameState, a: A.Platform) -> None:
    fdef = rs.factions[a.actor]
    r = rs.rules
    for base_id, base in rs.bases.items():
        if fdef.ideology.distance(base.ideology) <= r["platform_sympathy"]:
            b, f = rs.bi[base_id], rs.fi[a.actor]
            state.standing[b, f] = int(clamp(int(state.standing[b, f]) + r["platform_standing"], 0, 100))
    for shares in state.sentiment.values():
        shares[a.actor] = int(clamp(shares.get(a.actor, 0) + r["platform_sentiment"], 0, 100))
    _heat(state, a.actor, r["platform_heat"])
    state.flags[f"platform:{a.actor}"] = state.turn
    state.note("platform", faction=a.actor)


def _offer(rs: Ruleset, state: GameState, a: A.OfferPact) -> None:
    # It binds for `turns` turns counted from the turn it is accepted, that turn included (see _answer).
    state.pacts.append(
        Pact(a.actor, a.partner, a.kind, state.turn + a.turns - 1, False, a.price, a.against or None, state.turn)
    )
    state.note(
        "pact.offered",
        faction=a.actor,
        partner=a.partner,
        kind=a.kind,
        turns=a.turns,
        price=a.price,
        against=a.against or None,
    )


def _answer(rs: Ruleset, state: GameState, a: A.AnswerPact) -> None:
    pact = next(p for p in state.pacts if p.a == a.proposer and p.b == a.actor and not p.accepted)
    if a.accept:
        price = min(pact.price, state.factions[pact.a].influence)
        state.factions[pact.a].influence -= price
        state.factions[pact.b].influence += price
        pact.accepted = True
        pact.until_turn = state.turn + (pact.until_turn - pact.offered)
        state.note(
            "pact.accepted",
            faction=a.actor,
            partner=a.proposer,
            kind=pact.kind,
            price=price,
            until=pact.until_turn,
            against=pact.against,
            reason=a.reason,
        )
    else:
        state.pacts.remove(pact)
        state.note("pact.declined", faction=a.actor, partner=a.proposer, kind=pact.kind, reason=a.reason)


def _break(rs: Ruleset, state: GameState, a: A.BreakPact) -> None:
    pact = next(p for p in pacts.in_force(state, a.actor) if pacts.partner_of(p, a.actor) == a.partner)
    pacts.break_pact(rs, state, pact, a.actor, "declared")


def _denounce(rs: Ruleset, state: GameState, a: A.Denounce) -> None:
    for pact in pacts.strike_breaks(rs, state, a.actor, a.target):
        pacts.break_pact(rs, state, pact, a.actor, "denounce")
    _heat(state, a.target, rs.rules["denounce_heat"])
    fs = state.factions[a.actor]
    fs.prestige = max(0, fs.prestige - rs.rules["denounce_prestige"])
    state.note("denounce", faction=a.actor, target=a.target)


def _recant(rs: Ruleset, state: GameState, a: A.Recant) -> None:
    discipline.recant(state, a.actor, rs.rules["recant_credibility"])
    state.note("recant", faction=a.actor)


def _special(rs: Ruleset, state: GameState, a: A.Special) -> None:
    spec = next(s for s in rs.factions[a.actor].specials if s.id == a.special)
    fs = state.factions[a.actor]
    fs.ap -= spec.ap
    fs.influence -= spec.influence
    _heat(state, a.actor, spec.heat)
    fs.specials_used[spec.id] = state.turn
    apply_effects(rs, state, spec.effects, Ctx(a.actor, a.actor, a.actor))
    state.note("special", faction=a.actor, special=spec.id)


def _speech(rs: Ruleset, state: GameState, a: A.Speech) -> None:
    state.factions[a.actor].speech += a.influence
    state.note("congress.speech", faction=a.actor, influence=a.influence)


def _co_report(rs: Ruleset, state: GameState, a: A.CoReport) -> None:
    state.factions[a.actor].co_report = True
    _heat(state, a.actor, rs.rules["co_report_stand_heat"])
    state.note("congress.co_report", faction=a.actor)


def _end_turn(rs: Ruleset, state: GameState, a: A.EndTurn) -> None:
    state.factions[a.actor].done = True


_HANDLERS = {
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
    "speech": _speech,
    "co_report": _co_report,
    "end_turn": _end_turn,
}
