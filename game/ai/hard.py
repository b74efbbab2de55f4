"""The hard AI (DESIGN §12): the standard bot's judgement, checked by looking ahead.

At the start of its intrigue turn it asks the standard bot for its ranking and builds a few
candidate plans from it: the standard plan, and plans that open with each of the next-best actions
(filled up the standard way). It plays each plan forward on a few worlds sampled from its player
view (rollout.py) to the end of this turn and `depth_turns` more, every faction — itself included —
played by standard bots, and keeps the plan worth most to it on average. Event choices are weighed
the same way. Every candidate meets the same worlds and dice, so they are compared on equal terms.

It sees only its player view, and all its randomness comes from the stream it is given, so a game
stays the same bit for bit. `think_plan` and `think_option` are generators that yield after each
rollout, for a caller that wants to spread the thinking over frames; the bot's own `choose`
simply runs them to the end. The numbers live in rules.yaml under `ai: hard:`.
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

    # ---- the standard bot's ranking, replayed ------------------------------------------------

    def rank(self, view: GameState, rng: Rng) -> list[A.Action]:
        if self._forced is not None:
            return list(self._forced)
        return super().rank(view, rng)

    def candidate_plans(self, view: GameState, rng: Rng) -> list[list[A.Action]]:
        """The standard plan first, then plans opening with each next-best action it left out
        (the rest filled the standard way), then the standard plan cut short by one, two...
        steps (`shorter`); no two with the same actions in another order."""
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
        for cut in range(1, self.cfg.shorter + 1):  # doing less: the standard plan without its last steps
            if cut <= len(plans[0]) and not any(_same(plans[0][:-cut], other) for other in plans):
                plans.append(plans[0][:-cut])
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

        best = yield from self._compare(view, rng, plans, play, self.cfg.rollouts)
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

        best = yield from self._compare(view, rng, options, play, self.cfg.event_rollouts)
        return [options[best]]

    # ---- the look-ahead ---------------------------------------------------------------------

    def _compare(self, view: GameState, rng: Rng, candidates: list, play, rollouts: int) -> Generator[None, None, int]:
        """Index of the candidate with the best mean outcome over `rollouts` sampled worlds;
        the first (the standard bot's choice) keeps ties and anything within `keep_margin`."""
        rs, me, cfg = self.rs, self.faction, self.cfg
        stop_turn = view.turn + 1 + cfg.depth_turns
        base = rng.next_u64()
        totals = [0.0] * len(candidates)
        for r in range(rollouts):
            seed = derive_seed(base, "rollout", r)
            sampled = sample_world(rs, view, me, Rng(seed), cfg)
            for i, candidate in enumerate(candidates):
                world = sampled.clone()
                play(world, candidate)
                play_out(rs, world, seed, stop_turn)
                totals[i] += outcome(rs, world, me, cfg)
                yield None
        self.last_values = [round(t / rollouts, 4) for t in totals]
        best = max(range(len(candidates)), key=lambda i: (totals[i], -i))
        if totals[best] - totals[0] <= cfg.keep_margin * rollouts:
            return 0
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
