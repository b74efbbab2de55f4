"""The standard AI: scores a focused set of candidate actions against its faction's agenda and
personality weights (from the faction file) and returns them best first.

It sees only its player view. A little noise from its own seeded stream (never the game's dice)
keeps two games from the same start from playing identically when the seed differs.
"""

from __future__ import annotations

from collections.abc import Callable

from ..core import actions as A
from ..core.actions.lobbying import bound_elsewhere
from ..core.actions.motions import unfit_for_office
from ..core.actions.table import total_cost
from ..core.conditions import Ctx
from ..core.flow import congress_due, plenum_due
from ..core.rng import Rng
from ..core.rules.control import estimates
from ..core.rules.odds import honest
from ..core.rules.pacts import struck
from ..core.rules.stance import pursued_policies
from ..core.rules.strength import strengths
from ..core.ruleset import Ruleset
from ..core.state import GameState, Motion
from . import diplomacy
from .evaluate import effects_value, importance, office_prestige

END_TURN_VALUE = 0.4
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
            self.plan_key, self.plan = key, self.make_plan(view, rng)
        while self.plan:
            action = self.plan.pop(0)
            if legal(action):
                return action
        return A.EndTurn(self.faction)

    def rank(self, view: GameState, rng: Rng) -> list[A.Action]:
        """Every candidate, best first (End turn included where it falls)."""
        if view.event_queue:
            return [self.choose_option(view, rng)]
        scored: list[tuple[float, int, A.Action]] = [(END_TURN_VALUE, 0, A.EndTurn(self.faction))]
        if self.forecast_turn != view.turn:
            self.forecasts, self.forecast_turn = {}, view.turn
        self._ctx = _Context(self.rs, view, self.faction, self.forecasts)
        for i, (value, action) in enumerate(self.candidates(view), start=1):
            scored.append((value + rng.uniform(0, self.noise), i, action))
        scored.sort(key=lambda t: (-t[0], t[1]))
        return [a for _, _, a in scored]

    def make_plan(self, view: GameState, rng: Rng) -> list[A.Action]:
        """The best actions that fit this turn's action points and influence, one per target."""
        fs = view.factions[self.faction]
        ap, influence = fs.ap, fs.influence
        plan: list[A.Action] = []
        seen: set[tuple] = set()
        for action in self.rank(view, rng):
            if isinstance(action, A.EndTurn):
                break
            need_ap, need_influence = total_cost(self.rs, action)
            target = (action.tag, _target_of(action))
            if target in seen or need_ap > ap or need_influence > influence:
                continue
            seen.add(target)
            plan.append(action)
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
        yield from self._grassroots(view)
        yield from self._discipline(view)
        yield from self._specials(view)
        yield from self._pacts(view)
        if congress_due(self.rs, view):
            yield from self._congress(view)

    def _cards(self, view: GameState):
        fs = view.factions[self.faction]
        ctx_base = self.faction
        for card_id in fs.hand:
            card = self.rs.cards[card_id]
            ctx = Ctx(ctx_base, ctx_base, card.faction or ctx_base)
            event_value = effects_value(self.rs, view, self.faction, card.effects, ctx)
            if card.faction in (None, self.faction):
                yield event_value * self.weight("play_event") + 0.3, A.PlayCard(self.faction, card_id, "event")
                yield card.value * 0.35, A.PlayCard(self.faction, card_id, "influence")
            else:
                rival_gain = effects_value(
                    self.rs, view, card.faction, card.effects, Ctx(card.faction, self.faction, card.faction)
                )
                yield card.value * 0.45 - max(0.0, rival_gain) * 0.2, A.PlayCard(self.faction, card_id, "influence")

    def _lobbying(self, view: GameState):
        c = self._ctx
        if c.influence < 2:
            return
        amount = 4 if c.influence >= 7 else 2
        for cid, imp in c.targets:
            ours = c.loyalty(cid, self.faction)
            others = c.best_rival_loyalty(cid)
            need = max(self.rs.rules["loyalty_baseline"]["level"] + 8 - ours, others + 11 - ours, 1)
            gain = amount * self.rs.rules["lobby_per_influence"]
            progress = min(1.0, gain / need)
            owner = c.owner(cid)
            if owner == self.faction and others + 12 < ours:
                continue  # safely ours
            value = imp * progress * (1.3 if owner not in (None, self.faction) else 1.0) - amount * 0.12
            yield value * self.weight("lobby"), A.Lobby(self.faction, cid, amount)

    def _motions(self, view: GameState):
        """Motions worth proposing: the best few by their value if they pass, then forecast."""
        rs, c = self.rs, self._ctx
        if c.influence < 2 or not rs.factions[self.faction].party:
            return
        options: list[tuple[float, float, Motion, A.Action]] = []  # (value if passed, fixed cost, ...)
        for item in c.pursued:
            current = view.policies[item.axis]
            if current == item.target:
                continue
            step = 1 if item.target > current else -1
            motion = Motion("policy", self.faction, {"axis": item.axis, "step": step})
            value = item.weight * 1.2 * self.weight("propose_policy")
            options.append((value, 0.5, motion, A.Propose(self.faction, "policy", item.axis, step=step)))
        for office, od in rs.offices.items():
            if od.chosen_by != "politburo":
                continue
            holder = view.offices.get(office)
            if holder is not None and c.owner(holder) in (self.faction, None):
                continue
            pick = c.best_own_candidate(office)
            if pick is None:
                continue
            motion = Motion("appoint", self.faction, {"office": office, "character": pick})
            value = od.prestige * 0.8 * self.weight("propose_personnel")
            options.append(
                (value, 0.6 if holder else 0.2, motion, A.Propose(self.faction, "appoint", pick, office=office))
            )
        for other, fs in view.factions.items():
            if other == self.faction or not rs.factions[other].party:
                continue
            if fs.heat >= rs.rules["strike_heat"] - 5 and fs.rung < 3:
                motion = Motion("censure", self.faction, {"faction": other})
                value = (1.0 + c.strength[other] / 10.0) * 2.0 * self.weight("censure")
                options.append((value, 1.0, motion, A.Propose(self.faction, "censure", other)))
        hegemon = max(c.strength, key=lambda f: (c.strength[f], f))
        meeting = congress_due(rs, view) or plenum_due(view)
        for office in ("general_secretary", rs.rules["police_office"]):
            holder = view.offices.get(office)
            if holder is None or c.owner(holder) != hegemon or hegemon == self.faction:
                continue
            value = rs.offices[office].prestige * 1.2 * self.weight("propose_personnel")
            if rs.offices[office].chosen_by == "central_committee" and not meeting:
                motion = Motion("convene", self.faction, {"meeting": "plenum"})
                options.append((value * 0.5, 0.8, motion, A.Propose(self.faction, "convene", "plenum")))
            else:
                motion = Motion("remove", self.faction, {"office": office})
                options.append((value, 0.8, motion, A.Propose(self.faction, "remove", office=office)))
        if "testament_published" not in view.flags and not rs.factions[self.faction].apparatus:
            motion = Motion("publish", self.faction, {"document": "testament"})
            options.append((3.0, 0.5, motion, A.Propose(self.faction, "publish", "testament")))
        options.sort(key=lambda o: -o[0])
        for value, cost, motion, action in options[:MOTIONS_FORECAST]:
            cost += diplomacy.breaking_cost(rs, view, self.faction, struck(rs, view, motion))
            yield value * c.p_pass(motion) - cost, action

    def _grassroots(self, view: GameState):
        rs, c = self.rs, self._ctx
        if c.influence < 2:
            return
        amount = 2
        for base_id in rs.bases:
            row = view.standing[rs.bi[base_id]]
            mine = int(row[rs.fi[self.faction]])
            top = int(row.max())
            if mine >= 90:
                continue
            near_top = 1.0 if mine + 8 >= top else 0.4
            value = rs.bases[base_id].income * near_top * 0.9 - amount * 0.12
            yield value * self.weight("campaign"), A.Campaign(self.faction, base_id, amount)
        if rs.factions[self.faction].party:
            heat_cost = c.heat_cost(rs.rules["organise_heat"])
            soon = 1.5 if c.congress_soon else 0.6
            open_share = 1.0 - view.grip / 100.0
            for region, rd in rs.regions.items():
                shares = view.sentiment[region]
                mine = shares.get(self.faction, 0) / max(1, sum(shares.values()))
                value = open_share * rd.membership / 35.0 * (1.0 - mine) * soon - heat_cost - amount * 0.1
                yield value * self.weight("organise"), A.Organise(self.faction, region, amount)
            holder = view.offices.get(rs.rules["appointing_office"])
            if holder is not None and c.owner(holder) == self.faction and c.influence >= 1:
                for region, rd in rs.regions.items():
                    sec = view.secretaries.get(region)
                    if sec == self.faction:
                        continue
                    value = rd.membership / 25.0 * (1.3 if sec is not None else 1.0)
                    yield value * self.weight("appoint"), A.AppointSecretary(self.faction, region)
        if c.influence >= 4:
            value = 2.0 - c.heat_cost(rs.rules["platform_heat"])
            yield value * self.weight("platform"), A.Platform(self.faction)

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
                value = close * (1.0 + c.strength[other] / 15.0) - 0.8
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

    def choose_session(self, view: GameState, rng: Rng, legal: Callable[[A.Action], bool]) -> A.Action:
        """While the Politburo meets: answer waiting offers, then whip. The bot whips by its stance
        (the default), so it ends its whipping at once unless an answer is due."""
        for answer in diplomacy.answers(self.rs, view, self.faction):
            if legal(answer):
                return answer
        return A.EndTurn(self.faction)

    def _congress(self, view: GameState):
        c = self._ctx
        if c.influence >= 3:
            yield 2.5 * self.weight("speech"), A.Speech(self.faction, min(4, c.influence))
        if not view.factions[self.faction].co_report and c.strength[self.faction] > 3:
            yield (
                (1.5 - c.heat_cost(self.rs.rules["co_report_stand_heat"])) * self.weight("co_report"),
                A.CoReport(self.faction),
            )


class _Context:
    """Per-decision caches over the view, so each candidate is cheap to score."""

    def __init__(self, rs: Ruleset, view: GameState, faction: str, forecasts: dict[tuple, float]) -> None:
        self.rs, self.view, self.faction = rs, view, faction
        self._forecasts = forecasts
        self.influence = view.factions[faction].influence
        self.strength = strengths(rs, view)
        self.fi = rs.fi[faction]
        total = view.loyalty_public.astype("int32")
        total[:, self.fi] += view.loyalty_secret[:, self.fi]
        self.total = total.clip(0, 100)
        self.heat = view.factions[faction].heat
        self.risk = max(0.1, rs.factions[faction].ai.get("risk", 1.0))
        self.threshold = rs.rules["discipline_heat"]
        self.congress_soon = _congress_soon(rs, view)
        self.known = estimates(rs, view, faction)
        self.pursued = pursued_policies(rs, view, faction)  # the agenda, or the line it has turned to
        self._owners = dict(zip(rs.character_ids, self.known))
        self._own_ranked = self._rank_own_people()
        posts = office_prestige(rs, view)
        self.targets = [
            (cid, importance(rs, view, cid, posts))
            for cid in rs.character_ids
            if view.status[rs.ci[cid]] == "free" and not bound_elsewhere(rs, cid, faction)
        ]
        self.targets.sort(key=lambda t: -t[1])
        self.targets = self.targets[:12]

    def heat_cost(self, added: int) -> float:
        """What raising our heat by `added` is worth avoiding: little when cool, a lot near the
        Control Commission's threshold (personality: `risk` in the faction file)."""
        after = (self.heat + added) / self.threshold
        return added * (0.03 + 0.6 * after**3) / self.risk

    def owner(self, cid: str) -> str | None:
        return self._owners[cid]

    def loyalty(self, cid: str, faction: str) -> int:
        return int(self.total[self.rs.ci[cid], self.rs.fi[faction]])

    def best_rival_loyalty(self, cid: str) -> int:
        row = self.total[self.rs.ci[cid]]
        return int(max(v for i, v in enumerate(row) if i != self.fi))

    def p_pass(self, motion: Motion) -> float:
        """The bot's honest odds (what it may know, the rest weighed up), kept for the turn."""
        key = (motion.kind, tuple(sorted(motion.params.items())))
        if key not in self._forecasts:
            self._forecasts[key] = honest(self.rs, self.view, motion, self.faction).p
        return self._forecasts[key]

    def _rank_own_people(self) -> list[str]:
        """Our free party people, best first (skills, fewest posts already)."""
        rs, view = self.rs, self.view
        posts: dict[str, int] = {}
        for holder in view.offices.values():
            if holder is not None:
                posts[holder] = posts.get(holder, 0) + 1
        ranked = []
        for cid in rs.character_ids:
            if view.status[rs.ci[cid]] != "free" or self._owners[cid] != self.faction:
                continue
            if unfit_for_office(rs, view, cid) is not None:
                continue
            d = rs.characters[cid]
            ranked.append((-(d.organisation + d.oratory - posts.get(cid, 0)), cid))
        return [cid for _, cid in sorted(ranked)]

    def best_own_candidate(self, office: str) -> str | None:
        holder = self.view.offices.get(office)
        return next((cid for cid in self._own_ranked if cid != holder), None)


def _target_of(action: A.Action) -> str:
    """What an action aims at, so a plan does not do the same thing twice."""
    for name in ("card", "character", "region", "base", "target", "partner", "proposer", "special"):
        value = getattr(action, name, None)
        if value:
            return str(value)
    return ""


def _congress_soon(rs: Ruleset, view: GameState) -> bool:
    congresses = rs.scenarios[view.scenario].congresses
    return any(0 <= t - view.turn <= 2 for t in congresses) or any(c[1] == "congress" for c in view.convene)
