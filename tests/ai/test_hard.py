"""The hard AI: legal moves only, the same move from the same view and seed, blind to rivals'
secrets, and its look-ahead worlds filled in without the truth. (Its strength is measured by
tests/ai/strength.py, too slow for the unit tests.)"""

from __future__ import annotations

import numpy as np

from game.ai.apparatus import ApparatusBot
from game.ai.bots import make_bot
from game.ai.hard import HardBot
from game.ai.rollout import HardConfig, outcome, sample_world
from game.core import actions as A
from game.core.engine import apply, new_game, whose_move
from game.core.legality import check
from game.core.rng import Rng
from game.core.state import state_hash
from game.core.view import HIDDEN_CARD, player_view
from game.session.live import Session
from tests.helpers import end_turns_until


def _position(rs, seed: int = 3, faction: str = "bukharin"):
    return end_turns_until(rs, new_game(rs, "succession", seed), faction)


def test_make_bot_gives_the_hard_level_but_the_apparatus_stays_itself(rs):
    assert isinstance(make_bot(rs, "trotsky", "hard"), HardBot)
    assert isinstance(make_bot(rs, "stalin", "hard"), ApparatusBot)
    cfg = HardConfig.of(rs)
    assert cfg.candidates >= 2 and cfg.iterations >= cfg.candidates and cfg.depth_turns >= 0  # read from rules.yaml


def test_a_hard_bot_plays_only_legal_moves(rs):
    session = Session.start(rs, "succession", 5, [], {"bukharin": "hard", "trotsky": "hard"})
    hard_moves = 0
    while session.state.turn < 2 and not session.over:
        mover = session.to_move()
        result = session.step_bot()
        assert result is not None and result.ok, result.reason if result else "no move"
        hard_moves += mover in ("bukharin", "trotsky")
    assert hard_moves >= 4


def test_the_plan_is_one_of_the_candidates_and_its_moves_are_legal(rs):
    state = _position(rs)
    bot = make_bot(rs, "bukharin", "hard")
    view = player_view(rs, state, "bukharin")
    candidates = bot.candidate_plans(view, Rng(11))
    assert len(candidates) >= 2 and bot.make_plan(view, Rng(11)) in candidates
    assert len(bot.last_values) == len(candidates)
    moves = 0
    while whose_move(rs, state) == "bukharin":  # as the game plays it: steps no longer legal are skipped
        action = bot.choose(player_view(rs, state, "bukharin"), Rng(11), lambda a, now=state: check(rs, now, a) is None)
        result = apply(rs, state, action)
        assert result.ok, result.reason
        state, moves = result.state, moves + 1
    assert moves >= 2


def test_the_candidates_open_otherwise_and_leave_out_the_standard_plans_weakest_steps(rs):
    state = _position(rs)
    view = player_view(rs, state, "bukharin")
    bot = make_bot(rs, "bukharin", "hard")
    plans = bot.candidate_plans(view, Rng(11))
    standard = plans[0]
    assert plans[1][0] not in standard  # opens with an action the standard plan left out
    assert standard[-1] not in plans[2]  # the standard plan without its weakest step, filled up
    assert bot.tried == set()  # the planning left the bot's bookkeeping as it was


def test_the_same_view_and_seed_give_the_same_decision(rs):
    state = _position(rs, seed=4)
    view = player_view(rs, state, "bukharin")
    first = make_bot(rs, "bukharin", "hard").make_plan(view, Rng(7))
    second = make_bot(rs, "bukharin", "hard").make_plan(view.clone(), Rng(7))
    assert first == second


def test_a_game_with_a_hard_bot_replays_bit_for_bit(rs):
    from game.session.headless import play_game

    first = play_game(rs, "succession", 8, levels={"bukharin": "hard"}, hash_turns=True, max_turns=1)
    second = play_game(rs, "succession", 8, levels={"bukharin": "hard"}, hash_turns=True, max_turns=1)
    assert first.actions == second.actions and first.turn_hashes == second.turn_hashes
    assert any(a.actor == "bukharin" for a in first.actions)


def _hidden_otherwise(rs, state, me: str):
    """The same game as `me` sees it, the truth otherwise: a rival secretly owns a Politburo
    member and lobbied him this turn, the rivals' hands and the draw pile are dealt otherwise
    (the same sizes), and the dice differ."""
    other = state.clone()
    rival = next(f for f in rs.faction_ids if f != me)
    member = next(m for m in other.seats["politburo"] if not rs.characters[m].leader)
    c, r = rs.ci[member], rs.fi[rival]
    other.loyalty_secret[c, r] = 100 - int(other.loyalty_public[c, r])
    other.lobbied[c, r] = 6
    rivals = [f for f in rs.faction_ids if f != me]
    unseen = [card for f in rivals for card in other.factions[f].hand] + list(other.deck)
    unseen = unseen[3:] + unseen[:3]
    for f in rivals:
        n = len(other.factions[f].hand)
        other.factions[f].hand, unseen = unseen[:n], unseen[n:]
    other.deck = unseen
    other.rng = Rng(other.rng.state ^ 0xDEADBEEF)
    assert state_hash(other) != state_hash(state)
    assert state_hash(player_view(rs, other, me)) == state_hash(player_view(rs, state, me))
    return other


def test_what_it_cannot_see_changes_nothing_the_hard_bot_decides(rs):
    # Two states that differ only in what bukharin cannot see: the same plan, valued the same.
    state = _position(rs)
    hidden = _hidden_otherwise(rs, state, "bukharin")
    a, b = make_bot(rs, "bukharin", "hard"), make_bot(rs, "bukharin", "hard")
    plan = a.make_plan(player_view(rs, state, "bukharin"), Rng(3))
    assert plan == b.make_plan(player_view(rs, hidden, "bukharin"), Rng(3))
    assert a.last_values == b.last_values and len(a.last_values) >= 2 and a.iterations == b.iterations > 0


def test_what_it_cannot_see_changes_no_event_choice(rs):
    state = new_game(rs, "succession", 2)
    chooser = whose_move(rs, state)
    hidden = _hidden_otherwise(rs, state, chooser)
    a, b = HardBot(rs, chooser), HardBot(rs, chooser)
    legal = lambda action: True  # noqa: E731
    assert a.choose(player_view(rs, state, chooser), Rng(5), legal) == b.choose(
        player_view(rs, hidden, chooser), Rng(5), legal
    )
    assert a.last_values == b.last_values and len(a.last_values) > 1


def test_the_budget_is_counted_in_iterations_and_think_multiplies_it(rs):
    state = _position(rs, seed=4)
    view = player_view(rs, state, "bukharin")
    plain, deeper = HardBot(rs, "bukharin"), HardBot(rs, "bukharin", think=2)
    plain.make_plan(view, Rng(7))
    deeper.make_plan(view, Rng(7))
    candidates = len(plain.candidate_plans(view, Rng(7)))
    assert plain.iterations == candidates * (plain.cfg.iterations // candidates)
    assert deeper.iterations == candidates * (2 * plain.cfg.iterations // candidates) > plain.iterations
    # A plan remade later in the same faction-turn (a step fell through) costs no second search.
    plain.make_plan(view, Rng(8))
    assert plain.iterations == candidates * (plain.cfg.iterations // candidates)


def test_event_choices_are_looked_ahead_and_legal(rs):
    state = new_game(rs, "succession", 2)
    while state.phase == "chronicle":
        chooser = whose_move(rs, state)  # the opening events are the apparatus's: a HardBot all the same
        event = rs.events[state.event_queue[0]]
        bot = HardBot(rs, chooser)
        choice = bot.choose(player_view(rs, state, chooser), Rng(5), lambda a: True)
        assert isinstance(choice, A.ChooseOption) and choice.option in [c.id for c in event.choices]
        assert len(bot.last_values) == len(event.choices) > 1
        result = apply(rs, state, choice)
        assert result.ok, result.reason
        state = result.state


def test_sampled_worlds_fill_in_the_hidden_parts_from_the_bots_stream_only(rs):
    state = _position(rs, seed=6)
    view = player_view(rs, state, "bukharin")
    cfg = HardConfig.of(rs)
    world = sample_world(rs, view, "bukharin", Rng(9), cfg)
    again = sample_world(rs, view, "bukharin", Rng(9), cfg)
    assert world.view_of is None and world.rng.state == again.rng.state != 0
    for f, fs in world.factions.items():
        assert HIDDEN_CARD not in fs.hand and all(c in rs.cards for c in fs.hand)
        assert fs.hand == again.factions[f].hand
    assert world.factions["bukharin"].hand == state.factions["bukharin"].hand  # its own cards it knows
    assert HIDDEN_CARD not in world.deck and len(world.deck) <= len(state.deck)
    assert np.array_equal(world.loyalty_secret[:, rs.fi["bukharin"]], state.loyalty_secret[:, rs.fi["bukharin"]])
    assert np.array_equal(world.loyalty_secret, again.loyalty_secret)
    # Later in the game it imagines rivals' holds (none are visible in its view).
    later = view.clone()
    later.turn = 20
    guessed = sample_world(rs, later, "bukharin", Rng(9), cfg)
    rivals = [rs.fi[f] for f in rs.faction_ids if f != "bukharin"]
    assert int(view.loyalty_secret[:, rivals].sum()) == 0 < int(guessed.loyalty_secret[:, rivals].sum())
    total = guessed.loyalty_public.astype(int) + guessed.loyalty_secret.astype(int)
    assert total.min() >= 0 and total.max() <= 100


def test_the_outcome_counts_sole_power_and_a_rivals_streak(rs):
    state = _position(rs)
    cfg = HardConfig.of(rs)
    calm = outcome(rs, state.clone(), "bukharin", cfg)
    threatened = state.clone()
    threatened.streak["stalin"] = 2
    assert outcome(rs, threatened, "bukharin", cfg) < calm - cfg.sole_power / 4
    won = state.clone()
    won.phase, won.winner, won.win_reason = "over", "bukharin", "sole_power"
    assert outcome(rs, won, "bukharin", cfg) == cfg.sole_power
