"""Look-ahead for the hard AI: plausible worlds sampled from a player view, games played forward
on them by standard bots, and the outcome valued for one faction.

A player view cannot be played forward as it is: rivals' hands and the draw pile are face down,
rivals' secret holds and this turn's lobbying are zeroed, and the dice are blanked. `sample_world`
fills those in from the bot's own stream (never from the truth), `play_out` runs the headless
engine exactly as `game.sim` does, and `outcome` turns the end position into one number with the
scoring rules. Everything here is pure: no clock, no I/O, no global random.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core import actions as A
from ..core.engine import apply_in_place, whose_move
from ..core.legality import check
from ..core.rng import Rng, derive_seed
from ..core.rules.control import bound_faction, clamp_loyalty
from ..core.rules.scoring import final_scores, program_now
from ..core.rules.strength import strengths
from ..core.ruleset import Ruleset
from ..core.state import GameState
from ..core.view import HIDDEN_CARD, player_view
from .apparatus import make_bot
from .evaluate import importance, office_prestige

MOVE_GUARD = 2000  # a rollout that has not reached its end by then is cut (it never should)


@dataclass(frozen=True, slots=True)
class HardConfig:
    """The `ai.hard` section of rules.yaml (see the comments there)."""

    candidates: int = 6
    shorter: int = 0
    rollouts: int = 3
    depth_turns: int = 1
    event_rollouts: int = 2
    horizon_turns: int = 6
    rival_weight: float = 0.5
    sole_power: float = 100.0
    keep_margin: float = 0.0
    holds_per_turn: float = 0.07
    most_holds: int = 3
    hold_low: int = 10
    hold_high: int = 60

    @staticmethod
    def of(rs: Ruleset) -> HardConfig:
        cached = rs.cache.get("ai_hard_config")
        if cached is None:
            raw: dict[str, Any] = dict(rs.rules.get("ai", {}).get("hard", {}))
            guess = raw.pop("guess_secrets", {})
            low, high = guess.get("amount", (HardConfig.hold_low, HardConfig.hold_high))
            cached = HardConfig(
                **{k: v for k, v in raw.items() if k in HardConfig.__dataclass_fields__},
                holds_per_turn=float(guess.get("holds_per_turn", HardConfig.holds_per_turn)),
                most_holds=int(guess.get("most_holds", HardConfig.most_holds)),
                hold_low=int(low),
                hold_high=int(high),
            )
            rs.cache["ai_hard_config"] = cached
        return cached


# ---- a world the viewer cannot rule out ------------------------------------------------------


def sample_world(rs: Ruleset, view: GameState, me: str, rng: Rng, cfg: HardConfig) -> GameState:
    """A full state consistent with what `me` sees; the hidden parts drawn from `rng`.

    * the dice: a fresh seed from `rng`;
    * rivals' hands and the draw pile: the era's cards `me` has not seen (not in its hand, not in
      the discard pile), shuffled and dealt to the same sizes;
    * rivals' secret holds: each rival holds a few people in secret, more as the game goes on
      (about `holds_per_turn` a turn, at most `most_holds`), on people chosen by their worth in
      votes and posts — the same reckoning the standard bot lobbies by — each worth
      `amount` loyalty. All-AI games average about one such hold per rival, of 10-60 loyalty;
    * this turn's lobbying by rivals, and pact offers between others, are left out: nothing
      public hints at them.
    """
    world = view.clone()
    world.view_of = None
    world.rng = Rng(rng.next_u64())
    rivals = [f for f in rs.faction_ids if f != me]
    _deal_unseen(rs, world, me, rivals, rng)
    _guess_holds(rs, world, rivals, rng, cfg)
    return world


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


def _guess_holds(rs: Ruleset, world: GameState, rivals: list[str], rng: Rng, cfg: HardConfig) -> None:
    expected = min(float(cfg.most_holds), cfg.holds_per_turn * world.turn)
    if expected <= 0.0:
        return
    posts = office_prestige(rs, world)
    people = [
        (cid, importance(rs, world, cid, posts))
        for cid in rs.character_ids
        if world.status[rs.ci[cid]] == "free" and bound_faction(rs, cid) is None
    ]
    total = sum(w for _, w in people)
    if not people or total <= 0.0:
        return
    whole, part = int(expected), expected - int(expected)
    for f in rivals:
        holds = whole + (1 if rng.random() < part else 0)
        fi = rs.fi[f]
        for _ in range(holds):
            cid = _weighted(people, total, rng)
            c = rs.ci[cid]
            amount = cfg.hold_low + rng.below(cfg.hold_high - cfg.hold_low + 1)
            world.loyalty_secret[c, fi] = int(world.loyalty_secret[c, fi]) + amount
            clamp_loyalty(world, c)


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
    """Every faction played by standard bots (as in game.sim) until `stop_turn` begins."""
    bots = {f: make_bot(rs, f) for f in rs.faction_ids}
    moves = 0
    while world.phase != "over" and world.turn < stop_turn and moves < MOVE_GUARD:
        faction = whose_move(rs, world)
        if faction is None:
            return
        view = player_view(rs, world, faction)
        rng = Rng(derive_seed(seed, "bot", faction, len(world.log)))
        action = bots[faction].choose(view, rng, lambda a: check(rs, world, a) is None)
        apply_in_place(rs, world, action)
        moves += 1


# ---- what the end position is worth ----------------------------------------------------------


def outcome(rs: Ruleset, world: GameState, me: str, cfg: HardConfig) -> float:
    """The end position's worth to `me` (this consumes `world`).

    A finished game: sole power is +/- `sole_power`; a scored ending, the final scores. Otherwise
    the final scores as they would stand if the present balance held `horizon_turns` more turns
    (power share and program met keep accruing at today's rate; survival counts the leaders free
    today; everyone pays the human cost so far). The value is our total less `rival_weight` times
    the best rival's, since the highest total wins; and a faction on a sole-power streak is a
    countdown to the game ending at once: each turn of its streak counts `sole_power` times the
    share of the streak it has already served.
    """
    if world.phase == "over" and world.win_reason == "sole_power":
        return cfg.sole_power if world.winner == me else -cfg.sole_power
    scores = world.scores if world.phase == "over" else projected_scores(rs, world, cfg.horizon_turns)
    mine = scores[me]["total"]
    best_rival = max((v["total"] for f, v in scores.items() if f != me), default=0.0)
    value = mine - cfg.rival_weight * best_rival
    need = max(1, int(rs.rules["sole_power_turns"]))
    for f in rs.faction_ids:
        streak = world.streak.get(f, 0)
        if streak:
            value += (1.0 if f == me else -1.0) * cfg.sole_power * min(1.0, streak / need)
    return value


def projected_scores(rs: Ruleset, world: GameState, horizon: int) -> dict[str, dict[str, float]]:
    """Final scores if today's power shares and programs held for up to `horizon` more turns."""
    weights = strengths(rs, world)
    lead = rs.rules["scoring"]["base_lead"]
    for b in range(len(rs.base_ids)):
        row = world.standing[b]
        top = int(row.argmax())
        if int(row[top]) >= rs.rules["base_income_standing"]:
            weights[rs.faction_ids[top]] += lead
    total = sum(weights.values()) or 1.0
    ahead = max(0, min(horizon, world.last_turn - world.turn + 1))
    for f, fs in world.factions.items():
        fs.power += weights[f] / total * ahead
        fs.program += program_now(rs, world, f) * fs.credibility / 100.0 * ahead
    world.turn = world.turn - 1 + ahead  # turns 0..turn-1 have accrued; final_scores counts turn + 1
    return final_scores(rs, world)
