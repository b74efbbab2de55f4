"""The hard AI (DESIGN §12): the standard bot's judgement, checked by looking ahead.

At the start of its intrigue turn it asks the standard bot for its ranking and builds a few
candidate plans from it: the standard plan, and plans that open with each of the next-best actions
it left out (filled up the standard way). It plays each plan forward on a few worlds sampled from
its player view (rollout.py) to the end of this turn and `depth_turns` more, every faction — itself
included — played by standard bots, and values the position reached. Every candidate meets the
same worlds and dice, so they are compared world by world. The event options it chooses are
weighed the same way, over a shorter look-ahead (an event's effect shows at once).

The standard choice is the default: another wins only when its gain is clear of the noise (see
`_compare`). Measured over 40 seeded games, switching on a small average gain played worse than
the standard bot; a one-turn look-ahead at plans too (it sees a campaign's quick gain, not what a
lobby builds). The numbers live in rules.yaml under `ai: hard:`.

It sees only its player view, and all its randomness comes from the stream it is given, so a game
stays the same bit for bit. `think_plan` and `think_option` are generators that yield after each
rollout, for a caller that wants to spread the thinking over frames; the bot's own `choose`
simply runs them to the end.
"""

from __future__ import annotations

from collections.abc import Generator

from ..core import actions as A
from ..core.engine import apply_in_place
from ..core.rng import Rng, derive_seed
from ..core.ruleset import Ruleset
from ..core.state import GameState
from .rollout import HardConfig, outcome, play_out, play_plan, sample_world
from .standard import StandardBot

Thinking = Generator[None, None, list[A.Action]]
OPENERS_SCANNED = 4  # per candidate wanted: how far down the ranking to look for different openers


class HardBot(StandardBot):
    def __init__(self, rs: Ruleset, faction: str) -> None:
        super().__init__(rs, faction, "standard")  # its rollouts and its candidates: the standard bot's
        self.level = "hard"
        self.cfg = HardConfig.of(rs)
        self._forced: list[A.Action] | None = None
        self.last_values: list[float] = []  # each candidate's mean value at the last decision
        self.iterations = 0  # rollouts played so far (one candidate on one sampled world), for the bench

    # ---- the standard bot's ranking, replayed ------------------------------------------------

    def rank(self, view: GameState, rng: Rng) -> list[A.Action]:
        if self._forced is not None:
            return list(self._forced)
        return super().rank(view, rng)

    def candidate_plans(self, view: GameState, rng: Rng) -> list[list[A.Action]]:
        """The standard plan first, then plans opening with each next-best action it left out
        (the rest filled the standard way); no two with the same actions in another order."""
        ranked = super().rank(view, rng)
        plans: list[list[A.Action]] = []
        try:
            self._forced = ranked
            plans.append(super().make_plan(view, rng))
            openers = [a for a in ranked if not isinstance(a, A.EndTurn) and a not in plans[0]]
            for opener in openers[: self.cfg.candidates * OPENERS_SCANNED]:
                if len(plans) >= self.cfg.candidates:
                    break
                self._forced = [opener] + [a for a in ranked if a is not opener]
                plan = super().make_plan(view, rng)
                if plan and not any(_same(plan, other) for other in plans):
                    plans.append(plan)
        finally:
            self._forced = None
        return plans

    # ---- intrigue ---------------------------------------------------------------------------

    def make_plan(self, view: GameState, rng: Rng) -> list[A.Action]:
        return _run(self.think_plan(view, rng))

    def think_plan(self, view: GameState, rng: Rng) -> Thinking:
        plans = self.candidate_plans(view, rng)
        if len(plans) <= 1 or self.cfg.rollouts <= 0:
            self.last_values = []
            return plans[0] if plans else []

        def play(world: GameState, plan: list[A.Action]) -> None:
            play_plan(self.rs, world, self.faction, plan)

        cfg = self.cfg
        best = yield from self._compare(
            view, rng, plans, play, cfg.rollouts, cfg.depth_turns, cfg.confidence, cfg.min_spread
        )
        return plans[best]

    # ---- chronicle --------------------------------------------------------------------------

    def choose_option(self, view: GameState, rng: Rng) -> A.ChooseOption:
        return _run(self.think_option(view, rng))[0]  # type: ignore[return-value]

    def think_option(self, view: GameState, rng: Rng) -> Generator[None, None, list[A.Action]]:
        """The event's options, the standard bot's pick first; returns [the best option]."""
        pick = super().choose_option(view, rng)
        event = self.rs.events[view.event_queue[0]]
        options: list[A.Action] = [pick] + [
            A.ChooseOption(self.faction, event.id, c.id) for c in event.choices if c.id != pick.option
        ]
        if len(options) == 1 or self.cfg.event_rollouts <= 0:
            return [pick]

        def play(world: GameState, option: A.Action) -> None:
            apply_in_place(self.rs, world, option)

        cfg = self.cfg
        best = yield from self._compare(
            view,
            rng,
            options,
            play,
            cfg.event_rollouts,
            cfg.event_depth_turns,
            cfg.event_confidence,
            cfg.event_min_spread,
        )
        return [options[best]]

    # ---- the look-ahead ---------------------------------------------------------------------

    def _compare(
        self,
        view: GameState,
        rng: Rng,
        candidates: list,
        play,
        rollouts: int,
        depth: int,
        confidence: float,
        min_spread: float,
    ) -> Generator[None, None, int]:
        """Index of the candidate the look-ahead is confident beats the first (the standard
        bot's choice), else 0. Each candidate is judged by its gain over the first, world by world:
        the mean gain less `confidence` standard errors (the spread taken as at least
        `min_spread`: three worlds can agree by luck), which must exceed `keep_margin`; a
        lower-ranked plan that merely drew a lucky world does not displace the standard one."""
        rs, me, cfg = self.rs, self.faction, self.cfg
        stop_turn = view.turn + 1 + depth
        base = rng.next_u64()
        values: list[list[float]] = [[] for _ in candidates]
        for r in range(rollouts):
            seed = derive_seed(base, "rollout", r)
            sampled = sample_world(rs, view, me, Rng(seed), cfg)
            for i, candidate in enumerate(candidates):
                world = sampled.clone()
                play(world, candidate)
                play_out(rs, world, seed, stop_turn)
                values[i].append(outcome(rs, world, me, cfg))
                self.iterations += 1
                yield None
        self.last_values = [round(sum(v) / rollouts, 4) for v in values]
        best, best_score = 0, cfg.keep_margin
        for i in range(1, len(candidates)):
            gains = [a - b for a, b in zip(values[i], values[0])]
            mean = sum(gains) / rollouts
            spread = max(min_spread, (sum((g - mean) ** 2 for g in gains) / max(1, rollouts - 1)) ** 0.5)
            score = mean - confidence * spread / rollouts**0.5
            if score > best_score:
                best, best_score = i, score
        return best


def _same(a: list[A.Action], b: list[A.Action]) -> bool:
    """The same actions, perhaps in another order."""
    return len(a) == len(b) and all(x in b for x in a) and all(y in a for y in b)


def _run(thinking: Generator[None, None, list[A.Action]]) -> list[A.Action]:
    """Drive a thinking generator to its end and return its answer."""
    while True:
        try:
            next(thinking)
        except StopIteration as done:
            return list(done.value)
