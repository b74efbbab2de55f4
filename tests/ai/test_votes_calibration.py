"""The votes of all-AI games, on a fixed small set of seeds (issue 10): the proposers' honest odds
are calibrated, whipped members stay with their own faction's motions, pacts are made and refused,
and a faction's leader never breaks with its whip. The full check is
`python -m game simulate --games 200 --seed 1 --json` read by `python -m tests.ai.votecheck`."""

from __future__ import annotations

import pytest

from game.ai.context import Context
from game.core.engine import new_game
from game.core.rules import odds
from game.core.rules.temper import weighing_seed
from game.core.state import Motion
from game.core.view import player_view
from game.session.headless import pacts_of, play_game, votes_of
from tests.ai.votecheck import calibration, own_defections, reliability

SEEDS = range(101, 109)


@pytest.fixture(scope="module")
def games(rs):
    return [play_game(rs, "succession", seed).state for seed in SEEDS]


def test_the_proposers_odds_are_calibrated(games):
    votes = [v for s in games for v in votes_of(s)]
    assert len(votes) > 150
    brier, table = calibration(votes, "p_at_proposal")
    # A guard against gross error on 8 games (the point forecast this replaced was over 0.1 off in
    # its busiest bins); the 0.08 check of the issue needs 100+ games: tests.ai.votecheck. The
    # guard is the forecasts' reliability - the gap between each bin's forecast and its share passed,
    # squared and weighted by its motions - since the Brier score itself grows with how contested
    # the votes are, which is the game's balance, not the odds' honesty. On 8 games the dice alone
    # make it about 0.005, give or take 0.0025: it may exceed that by three standard deviations at most.
    gap, dice, spread = reliability(votes)
    assert gap < dice + 3 * spread, (gap, dice, spread, table)
    # Most motions are proposed at 0.7 or more, where overconfidence shows first: their mean forecast
    # is within three standard errors of their share passed (the worlds' raw chance, untempered, was
    # 0.90 against 0.82 on these games, 4.8 standard errors).
    sure = [(v["p_at_proposal"], v["passed"]) for v in votes if v["p_at_proposal"] >= 0.7]
    error = sum(p * (1 - p) for p, _ in sure) ** 0.5 / len(sure)
    assert abs(sum(p for p, _ in sure) / len(sure) - sum(y for _, y in sure) / len(sure)) < 3 * error, table
    for row in table:
        if row["n"] >= 30:  # within 0.10, or three standard errors of a bin this small on 8 games
            spread = 3 * (row["forecast"] * (1 - row["forecast"]) / row["n"]) ** 0.5
            assert abs(row["forecast"] - row["passed"]) <= max(0.10, spread), row
    # The true chance the vote was cast with is calibrated by construction: a check on the dice.
    brier_true, _ = calibration(votes, "p_true")
    assert brier_true <= brier + 0.01


def test_whipped_members_stay_with_their_own_factions_motions(games):
    bad, total = own_defections([v for s in games for v in votes_of(s)])
    assert total > 300 and bad / total < 0.04


def test_leaders_never_break_with_their_whip(rs, games):
    for s in games:
        for v in votes_of(s):
            for b in v["ballots"]:
                if rs.characters[b["member"]].leader and b["whip"] in ("for", "against"):
                    assert not b["defected"], (v, b)


def test_pacts_are_offered_accepted_and_refused(games):
    offered = [p for s in games for p in pacts_of(s) if not p["opening"]]
    assert offered
    assert any(p["accepted"] for p in offered)
    assert sum(1 for s in games if any(p["accepted"] and not p["opening"] for p in pacts_of(s))) >= 0.4 * len(games)


def test_answers_carry_a_reason(games):
    answers = [
        e[2]
        for s in games
        for e in s.log
        if e[1] in ("pact.accepted", "pact.declined") and e[2].get("reason") is not None
    ]
    assert answers and all(a["reason"] for a in answers)


def test_a_bot_weighs_a_motion_on_other_worlds_than_it_is_shown(rs):
    """Shown from the worlds that chose them, the odds of the motions proposed would err upward
    (temper.weighing_seed): a bot decides on its own stream, the odds shown come from another."""
    state = new_game(rs, "succession", 3)
    view = player_view(rs, state, "bukharin")
    motions = [Motion("policy", "bukharin", {"axis": axis, "step": step}, 1) for axis in rs.axes for step in (-1, 1)]
    weighed = [Context(rs, view, "bukharin", {}).p_pass(m) for m in motions]
    shown = [odds.honest(rs, state, m, "bukharin").p for m in motions]
    private = odds.basis(rs, view, "bukharin")
    private.seed_prefix = weighing_seed(private.seed_prefix)
    assert weighed == odds.honest_chances(rs, private, motions)
    assert shown == odds.honest_chances(rs, odds.basis(rs, view, "bukharin"), motions)
    assert any(abs(w - s) > 0.005 for w, s in zip(weighed, shown))  # the same odds from other worlds
