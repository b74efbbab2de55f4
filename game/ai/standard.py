"""The standard AI: scores a focused set of candidate actions against its faction's agenda and
personality weights (from the faction file) and returns them best first.

It sees only its player view. A little noise from its own seeded stream (never the game's dice)
keeps two games from the same start from playing identically when the seed differs.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core import actions as A
from ..core.actions.table import total_cost
from ..core.conditions import Ctx
from ..core.flow import congress_due, plenum_due
from ..core.rng import Rng
from ..core.rules.pacts import struck
from ..core.rules.worldmath import streams
from ..core.ruleset import Ruleset
from ..core.state import GameState, Motion
from . import diplomacy, thrift
from .context import Context
from .evaluate import effects_value
from .grassroots import congress, grassroots

END_TURN_VALUE = 0.4
OVERFLOW_BONUS = 0.1  # per point of influence an action saves from the income cap
REPLANS = 2  # fresh plans a turn, when the first ran out with action points left
# Levels: how much noise blurs the bot's judgement, and how many actions it plans a turn.
LEVELS = {"easy": (1.2, 2), "standard": (0.25, 99)}
MOTIONS_FORECAST = 3  # forecast only the most valuable motions: votes are costly to foresee


class StandardBot:
    """One faction's bot. `rank` returns candidate actions, best first."""

    def __init__(self, rs: Ruleset, faction: str, level: str = "standard") -> None:
        self.rs = rs
        self.faction = faction
        self.level = level if level in LEVELS else "standard"
        self.noise, self.max_actions = LEVELS[self.level]
        self.w = rs.factions[faction].ai
        # Vote forecasts, kept for the rest of the turn: a bot's estimate, not the engine's truth.
        self.forecasts: dict[tuple, float] = {}
        self.forecast_turn = -1
        self.plan: list[A.Action] = []
        self.plan_key: tuple[int, int] | None = None
        self.replans = 0
        self.tried: set[A.Action] = set()  # this turn's steps already taken or refused
        # The last ranking, and the candidates in it worth their cost: spare points go to them.
        self.ranking: list[A.Action] = []
        self.useful: set[A.Action] = set()

    def weight(self, key: str) -> float:
        return float(self.w.get(key, 1.0))

    # ---- chronicle -------------------------------------------------------------------------

    def choose_option(self, view: GameState, rng: Rng) -> A.ChooseOption:
        event = self.rs.events[view.event_queue[0]]
        ctx = Ctx(chooser=self.faction)
        scored = [
            (effects_value(self.rs, view, self.faction, c.effects, ctx) + rng.uniform(0, 0.3), i, c.id)
            for i, c in enumerate(event.choices)
        ]
        best = max(scored)
        return A.ChooseOption(self.faction, event.id, best[2])

    # ---- intrigue --------------------------------------------------------------------------

    def choose(self, view: GameState, rng: Rng, legal: Callable[[A.Action], bool]) -> A.Action:
        """The next action. In intrigue the bot plans its whole turn once, then plays the plan,
        skipping steps that are no longer legal; an exhausted plan ends the turn."""
        if view.event_queue:
            return self.choose_option(view, rng)
        if view.phase == "session":
            return self.choose_session(view, rng, legal)
        key = (view.turn, view.acting)
        if self.plan_key != key:
            self.plan_key, self.replans, self.tried = key, 0, set()  # forgotten before it plans, not after
            self.plan = self.make_plan(view, rng)
        return self._play_plan(view, rng, legal)

    def planned(self, state: GameState, legal: Callable[[A.Action], bool]) -> A.Action | None:
        """The next step of the plan this bot is playing now, if it is playing one: what `choose`
        would return, read from the public facts of `state` (the truth or a view) without a view
        or a stream, which a plan in progress no longer needs; also the end of a turn with no
        action points left, or of a Politburo session with no offer to answer. None: call `choose`
        (also when the plan has run out with action points left: what next is decided from the view)."""
        if state.event_queue:
            return None
        if state.phase == "session":  # offers waiting for an answer are the same in the view
            waiting = any(pact.b == self.faction and not pact.accepted for pact in state.pacts)
            return A.EndTurn(self.faction) if not waiting and self._ends_session_unasked() else None
        if self.plan_key != (state.turn, state.acting):
            return None
        while self.plan:
            action = self.plan.pop(0)
            self.tried.add(action)
            if legal(action):
                return action
        if state.factions[self.faction].ap <= 0:
            return A.EndTurn(self.faction)  # what `_play_plan` ends an exhausted plan with, without a view
        return None

    def _play_plan(self, view: GameState, rng: Rng, legal: Callable[[A.Action], bool]) -> A.Action:
        while True:
            while self.plan:
                action = self.plan.pop(0)
                self.tried.add(action)
                if legal(action):
                    return action
            if view.factions[self.faction].ap <= 0:
                return A.EndTurn(self.faction)
            # Out of plan with points left (a step fell through, a card paid in): plan the rest afresh,
            # and at last take the best untried action still worth its cost that the rules allow.
            if self.replans < REPLANS:
                self.replans += 1
                self.plan = self.make_plan(view, rng)
                continue
            spare = (a for a in self.ranking if a in self.useful and a not in self.tried)
            self.plan = [next((a for a in spare if legal(a)), A.EndTurn(self.faction))]

    def rank(self, view: GameState, rng: Rng) -> list[A.Action]:
        """Every candidate, best first (End turn included where it falls)."""
        if view.event_queue:
            return [self.choose_option(view, rng)]
        scored: list[tuple[float, int, A.Action]] = [(END_TURN_VALUE, 0, A.EndTurn(self.faction))]
        if self.forecast_turn != view.turn:
            self.forecasts, self.forecast_turn = {}, view.turn
        self._ctx = Context(self.rs, view, self.faction, self.forecasts)
        spare = self._ctx.overflow  # influence next turn's income would push over the cap: spend it first
        candidates = list(self.candidates(view))
        for i, (value, action) in enumerate(candidates, start=1):
            if spare > 0:
                value += min(total_cost(self.rs, action)[1], spare) * OVERFLOW_BONUS
            scored.append((value, i, action))
        # The noise: one rng.uniform(0, noise) per candidate in turn, drawn at once (the same numbers).
        draws = streams([rng.state], len(candidates))[0].tolist() if candidates else []
        rng.skip(len(candidates))
        low, high = 0, self.noise
        scored[1:] = [(value + (low + (high - low) * r), i, a) for (value, i, a), r in zip(scored[1:], draws)]
        scored.sort(key=lambda t: (-t[0], t[1]))
        self.useful = {a for value, _, a in scored if value >= 0.0 and not isinstance(a, A.EndTurn)}
        self.ranking = [a for _, _, a in scored]
        return list(self.ranking)

    def make_plan(self, view: GameState, rng: Rng) -> list[A.Action]:
        """The best actions that fit this turn's action points and influence, one per target: those
        worth more than ending the turn, then - rather than end with points and influence unspent -
        the best of the rest that are still worth their cost."""
        fs = view.factions[self.faction]
        ap, influence = fs.ap, fs.influence
        plan: list[A.Action] = []
        seen: set[tuple] = set()
        filling = False
        appointments = int(self.rs.rules["secretaries_per_turn"]) - fs.appointments
        for action in self.rank(view, rng):
            if isinstance(action, A.EndTurn):
                filling = True
                continue
            if (filling and action not in self.useful) or action in self.tried:
                continue
            need_ap, need_influence = total_cost(self.rs, action)
            target = (action.tag, _target_of(action))
            appoints = isinstance(action, A.AppointSecretary)  # a few a turn (`secretaries_per_turn`)
            if target in seen or need_ap > ap or need_influence > influence or appoints > appointments:
                continue
            seen.add(target)
            plan.append(action)
            appointments -= appoints
            ap -= need_ap
            influence -= need_influence
            if isinstance(action, A.PlayCard) and action.mode == "influence":
                influence += self.rs.cards[action.card].value
            if ap <= 0 or len(plan) >= self.max_actions:
                break
        return plan

    def candidates(self, view: GameState):
        yield from self._cards(view)
        yield from self._lobbying(view)
        yield from self._motions(view)
        yield from grassroots(self, view)
        yield from self._discipline(view)
        yield from self._specials(view)
        yield from self._pacts(view)
        if congress_due(self.rs, view):
            yield from congress(self, view)

    def _cards(self, view: GameState):
        """Own and neutral cards for their event or their influence; a rival's card for influence
        only when that is worth more to us than its event to the rival (`thrift`)."""
        fs = view.factions[self.faction]
        worth = self._ctx.scarcity
        for card_id in fs.hand:
            card = self.rs.cards[card_id]
            if card.faction in (None, self.faction):
                ctx = Ctx(self.faction, self.faction, self.faction)
                event_value = effects_value(self.rs, view, self.faction, card.effects, ctx)
                yield event_value * self.weight("play_event") + 0.3, A.PlayCard(self.faction, card_id, "event")
                yield card.value * 0.35 * worth, A.PlayCard(self.faction, card_id, "influence")
        for rival_gain, card_id in thrift.rival_cards_worth_cashing(self.rs, view, self.faction, worth):
            value = self.rs.cards[card_id].value * 0.45 * max(worth, 0.2) - max(0.0, rival_gain) * 0.2
            yield value, A.PlayCard(self.faction, card_id, "influence")

    def _lobbying(self, view: GameState):
        c = self._ctx
        if c.influence < 2:
            return
        amount = int(self.rs.rules["max_spend"]) if c.rich else 4 if c.influence >= 7 else 2
        for cid, imp in c.targets:
            ours = c.loyalty(cid, self.faction)
            others = c.best_rival_loyalty(cid)
            need = max(self.rs.rules["loyalty_baseline"]["level"] + 8 - ours, others + 11 - ours, 1)
            gain = amount * self.rs.rules["lobby_per_influence"]
            progress = min(1.0, gain / need)
            owner = c.owner(cid)
            if owner == self.faction and others + 12 < ours:
                continue  # safely ours
            value = imp * progress * (1.3 if owner not in (None, self.faction) else 1.0) - amount * c.price
            yield value * self.weight("lobby"), A.Lobby(self.faction, cid, amount)

    def _motions(self, view: GameState):
        """Motions worth proposing: the best few by their value if they pass, then forecast. An option
        is (value if passed, fixed cost, motion kind, target, office, step, the office a convened
        plenum would remove); only the best few become motions."""
        rs, c = self.rs, self._ctx
        if c.influence < 2 or not rs.factions[self.faction].party:
            return
        options: list[tuple[float, float, str, str, str, int, str]] = []
        for item in c.pursued:
            current = view.policies[item.axis]
            if current == item.target:
                continue
            step = 1 if item.target > current else -1
            value = item.weight * 1.2 * self.weight("propose_policy")
            options.append((value, 0.5, "policy", item.axis, "", step, ""))
        for office, od in rs.offices.items():
            if od.chosen_by != "politburo":
                continue
            holder = view.offices.get(office)
            if holder is not None and c.owner(holder) in (self.faction, None):
                continue
            pick = c.best_own_candidate(office)
            if pick is None:
                continue
            value = od.prestige * 0.8 * self.weight("propose_personnel")
            options.append((value, 0.6 if holder else 0.2, "appoint", pick, office, 0, ""))
        for other, fs in view.factions.items():
            if other == self.faction or not rs.factions[other].party:
                continue
            if fs.heat >= rs.rules["strike_heat"] - 5 and fs.rung < 3:
                value = (1.0 + c.strength[other] / 10.0) * 2.0 * self.weight("censure")
                options.append((value, 1.0, "censure", other, "", 0, ""))
        hegemon = max(c.strength, key=lambda f: (c.strength[f], f))
        meeting = congress_due(rs, view) or plenum_due(view)
        for office in ("general_secretary", rs.rules["police_office"]):
            holder = view.offices.get(office)
            if holder is None or c.owner(holder) != hegemon or hegemon == self.faction:
                continue
            value = rs.offices[office].prestige * 1.2 * self.weight("propose_personnel")
            if rs.offices[office].chosen_by == "central_committee":
                removal = Motion("remove", self.faction, {"office": office})
                value *= thrift.removal_sticks(rs, view, removal, hegemon)  # the plenum decides, not the Politburo
                if not meeting and thrift.congress_next(rs, view):
                    continue  # the congress meets next turn anyway
                if not meeting:  # a convened plenum is worth what its removal vote may bring
                    options.append((value, 0.8, "convene", "plenum", "", 0, office))
                    continue
            options.append((value, 0.8, "remove", "", office, 0, ""))
        if "testament_published" not in view.flags and not rs.factions[self.faction].apparatus:
            options.append((3.0, 0.5, "publish", "testament", "", 0, ""))
        options.sort(key=lambda o: -o[0])
        best = []
        for value, cost, kind, target, office, step, then in options[:MOTIONS_FORECAST]:
            action = A.Propose(self.faction, kind, target, office=office, step=step)
            removal = Motion("remove", self.faction, {"office": then}) if then else None
            best.append((value, cost, Motion(kind, self.faction, action.params()), action, removal))
        c.foresee([motion for _, _, motion, _, _ in best])
        for value, cost, motion, action, removal in best:
            cost += diplomacy.breaking_cost(rs, view, self.faction, struck(rs, view, motion))
            if removal is not None:
                value *= c.p_pass(removal)  # the removal must pass the Politburo first
            yield value * c.p_pass(motion) - cost, action

    def _discipline(self, view: GameState):
        rs, c = self.rs, self._ctx
        fs = view.factions[self.faction]
        threshold = rs.rules["discipline_heat"]
        if fs.heat >= threshold - 15:
            yield (fs.heat - threshold + 20) / 6.0 * self.weight("recant"), A.Recant(self.faction)
        if c.influence >= 1 and fs.prestige >= 2:
            for other, ofs in view.factions.items():
                if other == self.faction:
                    continue
                close = 1.5 if threshold - 15 <= ofs.heat < threshold else 0.3
                value = close * (1.0 + c.strength[other] / 15.0) - 0.8 - c.heat_cost(rs.rules["denounce_self_heat"])
                value -= diplomacy.breaking_cost(rs, view, self.faction, other)
                yield value * self.weight("denounce"), A.Denounce(self.faction, other)

    def _specials(self, view: GameState):
        c = self._ctx
        for spec in self.rs.factions[self.faction].specials:
            value = effects_value(
                self.rs, view, self.faction, spec.effects, Ctx(self.faction, self.faction, self.faction)
            )
            value -= c.heat_cost(spec.heat) + spec.influence * 0.1
            yield (value + 0.8) * self.weight("special"), A.Special(self.faction, spec.id)

    def _pacts(self, view: GameState):
        """Answers to offers (free), offers by the balance of power, the apparatus's switches."""
        c = self._ctx
        for answer in diplomacy.answers(self.rs, view, self.faction):
            yield 5.0, answer  # free: always answered, and at once
        for value, action in diplomacy.offers(self.rs, view, self.faction, c.strength):
            yield value * self.weight("pact"), action
        for value, action in diplomacy.turned_allies(self.rs, view, self.faction, c.strength):
            yield value, action

    def _ends_session_unasked(self) -> bool:
        """Whether this bot's `choose_session` is the one below: with no offer to answer, it ends."""
        return type(self).choose_session is StandardBot.choose_session

    def choose_session(self, view: GameState, rng: Rng, legal: Callable[[A.Action], bool]) -> A.Action:
        """While the Politburo meets: answer waiting offers, then whip. The bot whips by its stance
        (the default), so it ends its whipping at once unless an answer is due."""
        for answer in diplomacy.answers(self.rs, view, self.faction):
            if legal(answer):
                return answer
        return A.EndTurn(self.faction)


def _target_of(action: A.Action) -> str:
    """What an action aims at, so a plan does not do the same thing twice."""
    for name in ("card", "character", "region", "base", "target", "partner", "proposer", "special"):
        value = getattr(action, name, None)
        if value:
            return str(value)
    return ""
