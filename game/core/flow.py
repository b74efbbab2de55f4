"""The phase table (DESIGN §5): what happens on entering and leaving each phase of a turn.

A turn: chronicle -> income and cards -> intrigue -> Politburo session -> plenum / congress ->
the country -> discipline -> time. The state only ever rests where a faction must decide: a
chronicle event's choice, or a faction's move in intrigue. Everything else runs here at once.
"""

from __future__ import annotations

from .calendar import now, year_of
from .conditions import Ctx, holds
from .effects import apply_effects
from .rules import abroad, cards, compromise, congress, country, discipline, health, motions, pacts, scoring
from .rules.control import controller, loyalty_baseline
from .ruleset import Ruleset
from .state import GameState


def chooser_of(rs: Ruleset, state: GameState, event_id: str) -> str:
    """Who decides an event: a faction, an office's master, or the Politburo's largest bloc."""
    who = rs.events[event_id].chooser
    apparatus = rs.scenarios[state.scenario].apparatus
    if who.startswith("office:"):
        holder = state.offices.get(who.split(":", 1)[1])
        boss = controller(rs, state, holder) if holder else None
        return boss or apparatus
    if who == "politburo":
        counts: dict[str, int] = {}
        for m in state.seats.get("politburo", []):
            boss = controller(rs, state, m)
            if boss is not None:
                counts[boss] = counts.get(boss, 0) + 1
        if not counts:
            return apparatus
        return max(counts, key=lambda f: (counts[f], f == apparatus, f))
    return who


def whose_move(rs: Ruleset, state: GameState) -> str | None:
    """The faction that must decide now, or None when the game is over."""
    if state.phase == "over":
        return None
    if state.event_queue:  # the chronicle's events, or one a teacher brought in mid-turn
        return chooser_of(rs, state, state.event_queue[0])
    if state.phase in ("intrigue", "session"):
        return state.acting_faction
    return None


def congress_due(rs: Ruleset, state: GameState) -> bool:
    return state.turn in rs.scenarios[state.scenario].congresses or [state.turn, "congress"] in state.convene


def plenum_due(state: GameState) -> bool:
    return [state.turn, "plenum"] in state.convene


# ---- entering a turn ------------------------------------------------------------------------


def begin_turn(rs: Ruleset, state: GameState) -> None:
    state.note("turn.began", turn=state.turn)
    cards.enter_era(rs, state)
    state.event_queue = _events_due(rs, state)
    state.phase = "chronicle"
    settle(rs, state)


def _events_due(rs: Ruleset, state: GameState) -> list[str]:
    today = now(state)
    due = []
    for eid, ev in rs.events.items():
        if not ev.first_turn <= today <= ev.last_turn:
            continue
        if ev.once and eid in state.fired:
            continue
        if not holds(rs, state, ev.conditions, Ctx()):
            continue
        if ev.weight < 100 and state.rng.below(100) >= ev.weight:
            continue
        due.append(eid)
    return due


def resolve_event(rs: Ruleset, state: GameState, event_id: str, option: str, chooser: str) -> None:
    ev = rs.events[event_id]
    choice = next(c for c in ev.choices if c.id == option)
    state.event_queue.pop(0)
    state.fired[event_id] = state.turn
    # The choice is told first, then what follows from it (a death, an office, a policy).
    state.note("event.chosen", event=event_id, option=option, chooser=chooser)
    # The conditions may have changed since the turn began (an earlier event this turn).
    apply_effects(rs, state, choice.effects, Ctx(chooser=chooser))


def settle(rs: Ruleset, state: GameState) -> None:
    """Run automatic phases until a faction must decide or the game is over."""
    while True:
        if state.phase == "chronicle":
            while state.event_queue and not holds(rs, state, rs.events[state.event_queue[0]].conditions, Ctx()):
                state.note("event.lapsed", event=state.event_queue.pop(0))
            if state.event_queue:
                return
            start_intrigue(rs, state)
        if state.phase == "intrigue":
            _skip_finished(rs, state)
            if state.acting < len(state.order):
                return
            if start_session(rs, state):
                continue
            end_of_turn(rs, state)
            if state.phase == "over":
                return
            continue
        if state.phase == "session":
            _skip_finished(rs, state)
            if state.acting < len(state.order):
                return
            end_of_turn(rs, state)
            if state.phase == "over":
                return
            continue
        return


def start_intrigue(rs: Ruleset, state: GameState) -> None:
    """The outcomes abroad (after the half-year's chronicle choices that bear on them), income and
    cards, then the rotating order; the apparatus acts last."""
    abroad.junctures(rs, state)
    _income(rs, state)
    scen = rs.scenarios[state.scenario]
    rotating = [f for f in scen.playable if f != scen.apparatus]
    k = state.turn % len(rotating) if rotating else 0
    state.order = rotating[k:] + rotating[:k] + [scen.apparatus]
    state.acting = 0
    state.lobbied[:] = 0
    preset = rs.scenarios[state.scenario].preset(state.preset)
    points = preset.action_points if preset and preset.action_points else rs.rules["action_points"]
    for f, fs in state.factions.items():
        rung = rs.ladder_of(f).rungs[fs.rung]
        fs.ap = 1 if fs.exiled else max(1, points - rung.ap_penalty)
        fs.done = False
        fs.appointments = 0
    cards.deal(rs, state)
    state.phase = "intrigue"


def _income(rs: Ruleset, state: GameState) -> None:
    r = rs.rules
    gains = {f: r["base_income"] for f in rs.faction_ids}
    for office, holder in state.offices.items():
        if holder is not None:
            boss = controller(rs, state, holder)
            if boss is not None:
                gains[boss] += rs.offices[office].income
    for base_id, base in rs.bases.items():
        row = state.standing[rs.bi[base_id]]
        top = int(row.argmax())
        if int(row[top]) >= r["base_income_standing"]:
            gains[rs.faction_ids[top]] += base.income
    for f, fs in state.factions.items():
        gain = 1 if fs.exiled else gains[f]
        fs.influence = min(r["max_influence"], fs.influence + gain)
    state.note("income", gains={f: (1 if state.factions[f].exiled else g) for f, g in gains.items()})


def start_session(rs: Ruleset, state: GameState) -> bool:
    """Before the Politburo votes, each party faction whips its members on the motions on the
    table (free of action points), in this turn's order, the apparatus last. False if no motion."""
    if not state.agenda:
        return False
    whippers = [
        f
        for f in state.order
        if rs.factions[f].party
        and not state.factions[f].exiled
        and rs.ladder_of(f).rungs[state.factions[f].rung].party_member
    ]
    if not whippers:
        return False
    state.phase = "session"
    state.order = whippers
    state.acting = 0
    for f in whippers:
        state.factions[f].done = False
    state.note("session.opened", motions=len(state.agenda))
    return True


def _skip_finished(rs: Ruleset, state: GameState) -> None:
    """Pass over the factions that have ended their turn. Spending the last action point does not
    end a turn: free actions (declaring a hold, answering an offer) stay open until the faction ends it.
    In rounds the search wraps around: a faction early in the order may still have moves to make."""
    if state.rounds:
        if state.acting < len(state.order) and state.factions[state.order[state.acting]].done:
            state.acting = _next_in_round(state, state.acting)
        return
    while state.acting < len(state.order):
        fs = state.factions[state.order[state.acting]]
        if fs.done:
            state.acting += 1
        else:
            return


def in_turn(state: GameState, actor: str) -> bool:
    """Is `actor` making a move of its own turn now (not deciding an event, not a teacher)?"""
    return not state.event_queue and state.acting_faction == actor


def pass_move(state: GameState) -> None:
    """Rounds (a networked class, DESIGN §16): after each action of its turn a faction hands the
    move to the next in this turn's order that has not ended its turn, wrapping around, so the
    teams take one action each in a fixed order and may all choose theirs at the same time."""
    if state.phase in ("intrigue", "session") and state.acting < len(state.order):
        state.acting = _next_in_round(state, state.acting + 1)


def _next_in_round(state: GameState, start: int) -> int:
    """The first faction from `start` on (wrapping) that has not ended its turn; len(order) if none."""
    n = len(state.order)
    for step in range(n):
        i = (start + step) % n
        if not state.factions[state.order[i]].done:
            return i
    return n


# ---- leaving a turn -------------------------------------------------------------------------


def end_of_turn(rs: Ruleset, state: GameState) -> None:
    motions.politburo_session(rs, state)
    if congress_due(rs, state):
        congress.run_congress(rs, state)
        congress.elect_organs(rs, state)
    elif plenum_due(state):
        congress.fill_vacancies(rs, state)
    country.step(rs, state)
    discipline.discipline_phase(rs, state)
    _time(rs, state)


def _time(rs: Ruleset, state: GameState) -> None:
    health.health_phase(rs, state)
    for f in rs.faction_ids:
        discipline.update_exile(rs, state, f)
    _drift_loyalty(rs, state)
    _consolidate(rs, state)
    compromise.turn_passes(rs, state)
    pacts.end_of_turn(rs, state)
    state.convene = [c for c in state.convene if c[0] > state.turn]
    scoring.accrue(rs, state)
    holder = scoring.check_sole_power(rs, state)
    if holder is not None:
        finish(rs, state, holder, "sole_power")
        return
    if state.turn >= state.last_turn:
        finish(rs, state, None, "scenario_end")
        return
    state.turn += 1
    begin_turn(rs, state)


def _consolidate(rs: Ruleset, state: GameState) -> None:
    """The secretaries' grip on their delegations tightens while one faction holds the Secretariat."""
    holder = state.offices.get(rs.rules["appointing_office"])
    if holder is not None and controller(rs, state, holder) is not None:
        state.grip = min(100, state.grip + rs.rules["grip_drift"])


def _drift_loyalty(rs: Ruleset, state: GameState) -> None:
    """Loyalty drifts back toward each character's baseline; secret holds fade a little."""
    base = loyalty_baseline(rs)
    pub = state.loyalty_public.astype("int32")
    step = ((base - pub) * rs.rules["loyalty_drift_pct"]) // 100
    state.loyalty_public[:] = (pub + step).astype(state.loyalty_public.dtype)
    sec = state.loyalty_secret.astype("int32")
    state.loyalty_secret[:] = (sec - (sec * rs.rules["secret_fade_pct"]) // 100).astype(state.loyalty_secret.dtype)


def finish(rs: Ruleset, state: GameState, winner: str | None, reason: str) -> None:
    state.scores = scoring.final_scores(  # this turn has accrued too
        rs, state, state.turn + 1, sole=winner if reason == "sole_power" else None
    )
    if reason == "sole_power":
        state.winner, state.win_reason = winner, reason
    else:
        ranked = sorted(state.scores.items(), key=lambda kv: (-kv[1]["total"], kv[0]))
        best = ranked[0]
        tied = len(ranked) > 1 and ranked[1][1]["total"] == best[1]["total"]
        state.winner, state.win_reason = (None, "tie") if tied else (best[0], "score")
    if state.turn >= state.last_turn and year_of(state.turn, state.start_year) >= rs.rules["war_year"]:
        state.war_outcome = country.war_outcome(rs, state)  # the 1941 test, only for games that reach it
    state.phase = "over"
    state.note("game.over", winner=state.winner, reason=state.win_reason, war=state.war_outcome)
