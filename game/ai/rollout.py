"""Look-ahead for the hard AI: plausible worlds sampled from a player view, games played forward
on them by standard bots, and the outcome valued for one faction.

A player view cannot be played forward as it is: rivals' hands and the draw pile are face down,
rivals' secret holds and this turn's lobbying are zeroed, and the dice are blanked. A
`WorldSampler` fills those in from the bot's own stream (never from the truth), `play_out` runs the
headless engine exactly as `game.session.headless` does, and `outcome` turns the end position into
one number with the scoring rules. Everything here is pure: no clock, no I/O, no global random.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core import actions as A
from ..core.engine import apply_in_place, whose_move
from ..core.legality import check
from ..core.rng import Rng, derive_seed
from ..core.rules import odds
from ..core.rules.control import bound_faction, clamp_loyalty
from ..core.ruleset import Ruleset
from ..core.state import GameState
from ..core.view import HIDDEN_CARD, player_view
from .apparatus import ApparatusBot
from .evaluate import importance, office_prestige
from .leaf import FEATURES, predicted_totals
from .standard import StandardBot

MOVE_GUARD = 2000  # a rollout that has not reached its end by then is cut (it never should)


@dataclass(frozen=True, slots=True)
class HardConfig:
    """The `ai: hard:` section of rules.yaml (each number is explained there)."""

    candidates: int = 3
    iterations: int = 12
    depth_turns: int = 0
    keep_margin: float = 0.0
    confidence: float = 2.0
    min_spread: float = 3.0
    event_iterations: int = 4
    event_depth_turns: int = 0
    rival_weight: float = 0.5
    sole_power: float = 100.0
    leaf: dict[str, float] = field(default_factory=dict)
    holds_per_turn: float = 0.07
    most_holds: int = 3
    hold_low: int = 10
    hold_high: int = 60

    @staticmethod
    def of(rs: Ruleset) -> HardConfig:
        """Read once per ruleset; a misspelt key is an error, not a silent default."""
        cached = rs.cache.get("ai_hard_config")
        if cached is None:
            cached = HardConfig.parse(dict(rs.rules.get("ai", {}).get("hard", {})))
            rs.cache["ai_hard_config"] = cached
        return cached

    @staticmethod
    def parse(raw: dict[str, Any]) -> HardConfig:
        guess = dict(raw.pop("guess_secrets", {}))
        leaf = {str(k): float(v) for k, v in dict(raw.pop("leaf", {})).items()}
        known = [
            f for f in HardConfig.__dataclass_fields__ if not f.startswith("hold") and f not in ("most_holds", "leaf")
        ]
        unknown = [k for k in raw if k not in known] + [f"guess_secrets.{k}" for k in guess if k not in GUESS_KEYS]
        unknown += [f"leaf.{k}" for k in leaf if k not in FEATURES and not k.startswith("faction.")]
        if unknown:
            raise ValueError(
                f"rules.yaml ai.hard: unknown key '{unknown[0]}' (known: {', '.join(known)}, guess_secrets, leaf)"
            )
        default = HardConfig()
        low, high = guess.get("amount", (default.hold_low, default.hold_high))
        fields = {k: type(getattr(default, k))(v) for k, v in raw.items()}
        return HardConfig(
            **fields,
            leaf=leaf,
            holds_per_turn=float(guess.get("holds_per_turn", default.holds_per_turn)),
            most_holds=int(guess.get("most_holds", default.most_holds)),
            hold_low=int(low),
            hold_high=max(int(low), int(high)),
        )


GUESS_KEYS = ("holds_per_turn", "most_holds", "amount")


# ---- a world the viewer cannot rule out ------------------------------------------------------


class WorldSampler:
    """Draws full states consistent with what `me` sees in `view`; what does not depend on the
    draw (the chances of hidden holds, who is worth holding) is reckoned once per decision.

    * the dice: a fresh seed from the stream;
    * rivals' hands and the draw pile: the era's cards `me` has not seen (not in its hand, not in
      the discard pile), shuffled and dealt to the same sizes;
    * rivals' secret holds on the Politburo's members: as honest odds imagine them
      (core/rules/odds.py `basis`: each rival holds each member with the chance `odds: hold_chance`,
      likelier for a rival still to act and on a member `me` holds only by secret lobbying), each
      worth `odds: hold_amount` loyalty;
    * on everyone else free: a few holds per rival, more as the game goes on (about
      `holds_per_turn` a turn, at most `most_holds`), on people chosen by their worth in votes and
      posts - the same reckoning the standard bot lobbies by - each worth `amount` loyalty;
    * whips not yet given and the rivals' moves still to come are not drawn: the rivals' bots play
      them in each world;
    * this turn's lobbying by rivals that have acted, and pact offers between others, are left
      out: nothing public hints at them.

    The chronicle is cut to what the bots read of it (`_log_kept`).
    """

    def __init__(self, rs: Ruleset, view: GameState, me: str, cfg: HardConfig) -> None:
        self.rs, self.view, self.me, self.cfg = rs, view, me, cfg
        self.rivals = [f for f in rs.faction_ids if f != me]
        b = odds.basis(rs, view, me)
        self.members = [rs.ci[m] for m in b.seated]
        self.member_chance = b.hold_chance.tolist()  # [members][factions]
        self.member_amount = tuple(rs.rules["odds"]["hold_amount"])
        posts = office_prestige(rs, view)
        seated = set(b.seated)
        self.people = [
            (cid, importance(rs, view, cid, posts))
            for cid in rs.character_ids
            if view.status[rs.ci[cid]] == "free" and bound_faction(rs, cid) is None and cid not in seated
        ]
        self.log = _log_kept(view.log)

    def draw(self, rng: Rng) -> GameState:
        world = self.view.clone(keep_log=False)
        world.view_of = None
        world.rng = Rng(rng.next_u64())
        world.log = list(self.log)
        _deal_unseen(self.rs, world, self.me, self.rivals, rng)
        self._member_holds(world, rng)
        self._other_holds(world, rng)
        return world

    def _member_holds(self, world: GameState, rng: Rng) -> None:
        low, high = self.member_amount
        for c, chances in zip(self.members, self.member_chance):
            for j, chance in enumerate(chances):
                if chance > 0.0 and rng.random() < chance:
                    amount = round(low + (high - low) * rng.random())
                    world.loyalty_secret[c, j] = int(world.loyalty_secret[c, j]) + amount
            clamp_loyalty(world, c)

    def _other_holds(self, world: GameState, rng: Rng) -> None:
        cfg = self.cfg
        expected = min(float(cfg.most_holds), cfg.holds_per_turn * world.turn)
        total = sum(w for _, w in self.people)
        if expected <= 0.0 or total <= 0.0:
            return
        whole, part = int(expected), expected - int(expected)
        for f in self.rivals:
            holds = whole + (1 if rng.random() < part else 0)
            fi = self.rs.fi[f]
            for _ in range(holds):
                c = self.rs.ci[_weighted(self.people, total, rng)]
                amount = cfg.hold_low + rng.below(cfg.hold_high - cfg.hold_low + 1)
                world.loyalty_secret[c, fi] = int(world.loyalty_secret[c, fi]) + amount
                clamp_loyalty(world, c)


def sample_world(rs: Ruleset, view: GameState, me: str, rng: Rng, cfg: HardConfig) -> GameState:
    """One state consistent with what `me` sees, its hidden parts drawn from `rng` (WorldSampler)."""
    return WorldSampler(rs, view, me, cfg).draw(rng)


def _log_kept(log: list[list[Any]]) -> list[list[Any]]:
    """The chronicle a rollout needs: only the latest faction struck down a rung (the apparatus
    bot takes its policy, see apparatus.last_beaten). A short log keeps every view cheap."""
    for entry in reversed(log):
        if entry[1] == "discipline.rung" and not entry[2].get("up"):
            return [entry]
    return []


def _deal_unseen(rs: Ruleset, world: GameState, me: str, rivals: list[str], rng: Rng) -> None:
    seen = set(world.factions[me].hand) | set(world.discard)
    pool = [cid for cid, card in rs.cards.items() if card.era == world.era and cid not in seen]
    rng.shuffle(pool)
    for f in rivals:
        hand = world.factions[f].hand
        n = sum(1 for c in hand if c == HIDDEN_CARD)
        known = [c for c in hand if c != HIDDEN_CARD]
        world.factions[f].hand = known + pool[:n]
        del pool[:n]
    world.deck = pool[: len(world.deck)]


def _weighted(items: list[tuple[str, float]], total: float, rng: Rng) -> str:
    pick = rng.random() * total
    for cid, w in items:
        pick -= w
        if pick < 0.0:
            return cid
    return items[-1][0]


# ---- playing forward -------------------------------------------------------------------------


def play_plan(rs: Ruleset, world: GameState, me: str, plan: list[A.Action]) -> None:
    """`me` plays its plan as a bot does (steps no longer legal are skipped), then ends its turn."""
    for action in plan:
        if whose_move(rs, world) != me or world.event_queue:
            return
        if check(rs, world, action) is None:
            apply_in_place(rs, world, action)
    if whose_move(rs, world) == me and not world.event_queue and world.phase == "intrigue":
        apply_in_place(rs, world, A.EndTurn(me))


def play_out(rs: Ruleset, world: GameState, seed: int, stop_turn: int) -> None:
    """Every faction played by standard bots (as in game.session.headless) until `stop_turn` begins."""
    # Standard bots for everyone (the apparatus its personality): a rollout never nests a hard bot.
    bots = {f: ApparatusBot(rs, f) if rs.factions[f].apparatus else StandardBot(rs, f) for f in rs.faction_ids}
    moves = 0
    while world.phase != "over" and world.turn < stop_turn and moves < MOVE_GUARD:
        faction = whose_move(rs, world)
        if faction is None:
            return
        bot, legal = bots[faction], lambda a: check(rs, world, a) is None
        action = bot.planned(world, legal)  # a plan in progress needs no view
        if action is None:
            view = player_view(rs, world, faction)
            action = bot.choose(view, Rng(derive_seed(seed, "bot", faction, len(world.log))), legal)
        apply_in_place(rs, world, action)
        moves += 1


# ---- what the end position is worth ----------------------------------------------------------


def outcome(rs: Ruleset, world: GameState, me: str, cfg: HardConfig) -> float:
    """The end position's worth to `me`.

    A game won by sole power is +/- `sole_power`. Otherwise each faction's final total as the leaf
    model predicts it (game/ai/leaf.py: the score if today's share and program held, corrected by
    weights fitted on all-AI games), ours less `rival_weight` times the best rival's, since the
    highest total wins; and a faction on a sole-power streak counts `sole_power` times the share
    of the streak served (ours for us, the nearest rival's against us)."""
    if world.phase == "over" and world.win_reason == "sole_power":
        return cfg.sole_power if world.winner == me else -cfg.sole_power
    totals = predicted_totals(rs, world, cfg.leaf)
    mine = totals[me]
    best_rival = max((v for f, v in totals.items() if f != me), default=0.0)
    need = max(1, int(rs.rules["sole_power_turns"]))
    danger = {f: min(1.0, world.streak.get(f, 0) / need) for f in rs.faction_ids}
    rival_danger = max((d for f, d in danger.items() if f != me), default=0.0)
    return mine - cfg.rival_weight * best_rival + cfg.sole_power * (danger[me] - rival_danger)
