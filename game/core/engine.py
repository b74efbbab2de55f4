"""The engine's front door: new_game, legal_actions, apply -> Result(state, events, reason).

`apply` never changes the state it is given: it checks legality, applies the action to a clone,
runs the automatic phases until someone must decide, and returns the new state with the chronicle
entries the action produced. Same ruleset + seed + actions = same game, bit for bit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from . import actions as A
from .flow import begin_turn, congress_due, in_turn, pass_move, settle
from .legality import Reason, check, whose_move
from .perform import perform
from .rng import Rng, derive_seed
from .rules import pacts, scoring
from .rules.control import controllers, loyalty_baseline
from .ruleset import Ruleset
from .state import LOYALTY_DTYPE, FactionState, GameState


@dataclass(frozen=True, slots=True)
class Result:
    state: GameState
    events: tuple[tuple[int, str, dict[str, Any]], ...]
    reason: Reason | None = None
    undoable: bool = False

    @property
    def ok(self) -> bool:
        return self.reason is None


def new_game(rs: Ruleset, scenario_id: str, seed: int, preset: str | None = None) -> GameState:
    """A new game; a classroom `preset` (from the scenario's data) may shorten it and its rules."""
    scen = rs.scenarios[scenario_id]
    chosen = scen.preset(preset)
    if preset is not None and chosen is None:
        raise ValueError(f"scenario '{scenario_id}' has no preset '{preset}'")
    turns = chosen.turns if chosen and chosen.turns else scen.turns
    n_c, n_f = len(rs.character_ids), len(rs.faction_ids)
    public = loyalty_baseline(rs).astype(LOYALTY_DTYPE).copy()
    for cid, row in scen.loyalty.items():
        for fid, value in row.items():
            public[rs.ci[cid], rs.fi[fid]] = value
    standing = np.zeros((len(rs.base_ids), n_f), dtype=LOYALTY_DTYPE)
    for bid, row in scen.standing.items():
        for fid, value in row.items():
            standing[rs.bi[bid], rs.fi[fid]] = value
    indicators = np.array(
        [scen.indicators.get(i, rs.indicators[i].base_target) for i in rs.indicator_ids], dtype=np.float64
    )
    status = ["dead" if cid in scen.dead_at_start else "free" for cid in rs.character_ids]
    state = GameState(
        scenario=scenario_id,
        seed=seed,
        start_year=scen.start_year,
        last_turn=min(turns, scen.turns) - 1,
        rng=Rng(derive_seed(seed, "game", scenario_id)),
        factions={
            f: FactionState(influence=d.influence, heat=d.heat, prestige=d.prestige) for f, d in rs.factions.items()
        },
        loyalty_public=public,
        loyalty_secret=np.zeros((n_c, n_f), dtype=LOYALTY_DTYPE),
        lobbied=np.zeros((n_c, n_f), dtype=LOYALTY_DTYPE),
        status=status,
        offices={o: scen.offices.get(o) for o in rs.offices},
        seats={b: list(scen.bodies.get(b, ())) for b, d in rs.bodies.items() if d.seating == "named"},
        blocs={
            "central_committee": dict(scen.cc_seats),
            "control_commission": dict(scen.ccc_seats),
            "congress_of_soviets": dict(scen.soviet_seats),
        },
        secretaries={r: scen.secretaries.get(r) for r in rs.regions},
        sentiment={r: dict(d.sentiment) for r, d in rs.regions.items()},
        standing=standing,
        policies={a: rs.axes[a].index(scen.policies[a]) for a in rs.axes},
        indicators=np.round(indicators, 3),
        history=[[float(v) for v in np.round(indicators, 3)]],
        grip=scen.grip,
        streak={f: 0 for f in rs.faction_ids},
        preset=chosen.id if chosen else None,
    )
    pacts.start_trust(rs, state)
    pacts.open_scenario_pacts(rs, state)
    scoring.note_start(rs, state)
    begin_turn(rs, state)
    return state


def apply(rs: Ruleset, state: GameState, action: A.Action) -> Result:
    reason = check(rs, state, action)
    if reason is not None:
        return Result(state, (), reason, False)
    new = state.clone()
    before_rng, before_log = new.rng.state, len(new.log)
    apply_in_place(rs, new, action)
    undoable = action.undoable and new.rng.state == before_rng and new.acting_faction == action.actor
    return Result(new, tuple((t, k, p) for t, k, p in new.log[before_log:]), None, undoable)


def apply_in_place(rs: Ruleset, state: GameState, action: A.Action) -> None:
    """Apply a legal action to this very state (the headless runner's fast path)."""
    passes = state.rounds and in_turn(state, action.actor) and action.tag != "class_vote"
    perform(rs, state, action)
    if passes:
        pass_move(state)
    settle(rs, state)


def legal_actions(rs: Ruleset, state: GameState, faction: str) -> list[A.Action]:
    """A representative list of legal actions (amounts from the rules' standard steps)."""
    if whose_move(rs, state) != faction:
        return []
    if state.event_queue:
        event = state.event_queue[0]
        return [A.ChooseOption(faction, event, c.id) for c in rs.events[event].choices]
    return [a for a in _candidates(rs, state, faction) if check(rs, state, a) is None]


def _candidates(rs: Ruleset, state: GameState, f: str) -> list[A.Action]:
    if state.phase == "session":
        session: list[A.Action] = [A.EndTurn(f)]
        for m in state.agenda:
            session += [A.Whip(f, m.id, w) for w in ("for", "against", "free")]
        for other in rs.faction_ids:
            session += [A.AnswerPact(f, other, True), A.AnswerPact(f, other, False), A.BreakPact(f, other)]
        return session
    r = rs.rules
    amounts = r["spend_steps"]
    out: list[A.Action] = [A.EndTurn(f)]
    fs = state.factions[f]
    for card in fs.hand:
        out += [A.PlayCard(f, card, "event"), A.PlayCard(f, card, "influence")]
    free = [c for c in rs.character_ids if state.status[rs.ci[c]] == "free"]
    for c in free:
        out += [A.Lobby(f, c, n) for n in amounts]
        if int(state.loyalty_secret[rs.ci[c], rs.fi[f]]) > 0:
            out.append(A.Declare(f, c))
    out += [A.AppointSecretary(f, region) for region in rs.regions]
    for axis in rs.axes:
        out += [A.Propose(f, "policy", axis, step=1), A.Propose(f, "policy", axis, step=-1)]
    for office, d in rs.offices.items():
        if d.chosen_by != "politburo":
            continue
        if state.offices.get(office) is not None:
            out.append(A.Propose(f, "remove", office=office))
        out += [A.Propose(f, "appoint", c, office=office) for c in _own_people(rs, state, f)]
    out += [A.Propose(f, "expel_member", m) for m in state.seats.get("politburo", [])]
    for other in rs.faction_ids:
        out += [A.Propose(f, "censure", other), A.Propose(f, "readmit", other), A.Denounce(f, other)]
        for kind in pacts.pact_kinds(rs).values():
            if kind.against:
                out += [
                    A.OfferPact(f, other, kind.id, 2, 0, third) for third in rs.faction_ids if third not in (f, other)
                ]
            else:
                out.append(A.OfferPact(f, other, kind.id, 2, 0))
        out.append(A.AnswerPact(f, other, True))
        out.append(A.AnswerPact(f, other, False))
        out.append(A.BreakPact(f, other))
    out += [A.Propose(f, "convene", m) for m in ("plenum", "congress")]
    out.append(A.Propose(f, "publish", "testament"))
    out += [A.Propose(f, "compromise", figure) for figure in r["compromise"]["figures"]]
    out += [A.Campaign(f, b, n) for b in rs.bases for n in amounts]
    out += [A.Organise(f, region, n) for region in rs.regions for n in amounts]
    out += [A.Platform(f), A.Recant(f)]
    out += [A.Special(f, s.id) for s in rs.factions[f].specials]
    if congress_due(rs, state):
        out += [A.Speech(f, n) for n in amounts] + [A.CoReport(f)]
    return out


def _own_people(rs: Ruleset, state: GameState, faction: str) -> list[str]:
    ctrl = controllers(rs, state)
    return [cid for c, cid in enumerate(rs.character_ids) if ctrl[c] == faction and state.status[c] == "free"]
