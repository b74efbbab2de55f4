"""The hard AI (DESIGN §12): determinized rollouts over a few plans, on worlds drawn from what it
cannot see.

At the start of its intrigue turn it asks the standard bot for its ranking and builds a few
candidate plans from it (`candidate_plans`): the standard plan; then, in turn, plans opening with a next-best action
the standard plan left out and plans without one of its steps, weakest first (a long shot, a card
cashed for little), each filled up the standard way. Then it spends a budget of iterations,
counted, never timed (so the same seed gives the same game): it draws a world from its own player
view (rollout.py: rivals' hands, the draw pile, rivals' secret holds and their sizes, fresh dice)
and plays every candidate on it - its plan, then the rivals' replies and the rest of the turn by
standard bots, and `depth_turns` more - and values the position reached (rollout.outcome: each
faction's final score as leaf.py predicts it). Every candidate meets the same worlds and dice. It
chooses by the mean gain over the standard plan, world by world, and only when that gain is clear
of the noise (`_search`). The event options it chooses are weighed the same way with their own
budget.

The budget is `iterations` (and `event_iterations`) in rules.yaml `ai: hard:`, times `think`
(the command line's `--think N`). One search a faction-turn: a plan remade later in the same turn
(a step fell through) is made the standard way.

It sees only its player view, and all its randomness comes from the stream it is given, so a game
stays the same bit for bit. `think_plan` and `think_option` are generators that yield after each
iteration, for a caller that wants to spread the thinking over frames; the bot's own `choose`
simply runs them to the end.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from itertools import zip_longest

from ..core import actions as A
from ..core.engine import apply_in_place
from ..core.rng import Rng, derive_seed
from ..core.ruleset import Ruleset
from ..core.state import GameState
from .rollout import HardConfig, WorldSampler, outcome, play_out, play_plan
from .standard import StandardBot

Thinking = Generator[None, None, list[A.Action]]
OPENERS_SCANNED = 4  # per candidate wanted: how far down the ranking to look for different openers


class HardBot(StandardBot):
    def __init__(self, rs: Ruleset, faction: str, think: int = 1) -> None:
        super().__init__(rs, faction, "standard")  # its rollouts and its candidates: the standard bot's
        self.level = "hard"
        self.cfg = HardConfig.of(rs)
        self.think = max(1, int(think))
        self._forced: list[A.Action] | None = None
        self._searched: tuple[int, int] | None = None  # the faction-turn its plan was searched for
        self.last_values: list[float] = []  # each candidate's mean value at the last decision
        self.iterations = 0  # look-ahead iterations so far (one candidate on one world), for the bench

    # ---- the standard bot's ranking, replayed ------------------------------------------------

    def rank(self, view: GameState, rng: Rng) -> list[A.Action]:
        if self._forced is not None:
            return list(self._forced)
        return super().rank(view, rng)

    def candidate_plans(self, view: GameState, rng: Rng) -> list[list[A.Action]]:
        """The standard plan first; then, in turn, plans opening with each next-best action it left
        out and plans without each of its own actions, weakest first (a long shot, a card cashed for
        little), the rest filled the standard way; no two with the same actions in another order."""
        ranked = super().rank(view, rng)
        plans: list[list[A.Action]] = []
        kept = self.tried
        try:
            self._forced = ranked
            plans.append(super().make_plan(view, rng))
            openers = [a for a in ranked if not isinstance(a, A.EndTurn) and a not in plans[0]]
            openers = openers[: self.cfg.candidates * OPENERS_SCANNED]
            dropped = list(reversed(plans[0]))
            variants = [v for pair in zip_longest(openers, dropped) for v in pair]  # opener, drop, opener...
            for k, action in enumerate(variants):
                if len(plans) >= self.cfg.candidates:
                    break
                if action is None:
                    continue
                if k % 2 == 0:
                    self._forced = [action] + [a for a in ranked if a is not action]
                else:
                    self._forced, self.tried = ranked, kept | {action}
                plan = super().make_plan(view, rng)
                self.tried = kept
                if plan and not any(_same(plan, other) for other in plans):
                    plans.append(plan)
        finally:
            self._forced, self.tried = None, kept
        return plans

    # ---- intrigue ---------------------------------------------------------------------------

    def make_plan(self, view: GameState, rng: Rng) -> list[A.Action]:
        key = (view.turn, view.acting)
        if self._searched == key:  # remade in the same turn: the search was spent on the first plan
            return super().make_plan(view, rng)
        self._searched = key
        return _run(self.think_plan(view, rng))

    def think_plan(self, view: GameState, rng: Rng) -> Thinking:
        plans = self.candidate_plans(view, rng)
        self.last_values = []
        if len(plans) <= 1:
            return plans[0] if plans else []

        def play(world: GameState, plan: list[A.Action]) -> None:
            play_plan(self.rs, world, self.faction, plan)

        best = yield from self._search(view, rng, plans, play, self.cfg.iterations, self.cfg.depth_turns)
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
        self.last_values = []
        if len(options) == 1:
            return [pick]

        def play(world: GameState, option: A.Action) -> None:
            apply_in_place(self.rs, world, option)

        cfg = self.cfg
        best = yield from self._search(view, rng, options, play, cfg.event_iterations, cfg.event_depth_turns)
        return [options[best]]

    # ---- the look-ahead ---------------------------------------------------------------------

    def _search(
        self,
        view: GameState,
        rng: Rng,
        candidates: list,
        play: Callable[[GameState, object], None],
        budget: int,
        depth: int,
    ) -> Generator[None, None, int]:
        """Index of the candidate whose mean gain over the first (the standard bot's choice),
        world by world, is clear of the noise: the mean gain less `confidence` standard errors
        (the spread taken as at least `min_spread`: a few worlds can agree by luck) must exceed
        `keep_margin`, else the first. The budget (times `think`) is shared evenly: each world is
        played once per candidate."""
        rs, me, cfg = self.rs, self.faction, self.cfg
        worlds = max(1, budget * self.think // len(candidates))
        stop_turn = view.turn + 1 + depth
        base = rng.next_u64()
        sampler = WorldSampler(rs, view, me, cfg)
        values: list[list[float]] = [[] for _ in candidates]
        for r in range(worlds):
            seed = derive_seed(base, "rollout", r)
            sampled = sampler.draw(Rng(seed))
            for i, candidate in enumerate(candidates):
                world = sampled.clone()
                play(world, candidate)
                play_out(rs, world, seed, stop_turn)
                values[i].append(outcome(rs, world, me, cfg))
                self.iterations += 1
                yield None
        self.last_values = [round(sum(v) / worlds, 4) for v in values]
        best, best_score = 0, cfg.keep_margin
        for i in range(1, len(candidates)):
            gains = [a - b for a, b in zip(values[i], values[0])]
            mean = sum(gains) / worlds
            spread = max(cfg.min_spread, (sum((g - mean) ** 2 for g in gains) / max(1, worlds - 1)) ** 0.5)
            score = mean - cfg.confidence * spread / worlds**0.5
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
