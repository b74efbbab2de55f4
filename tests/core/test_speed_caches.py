"""The speed-ups of issue 12 give the plain computation's answers, bit for bit, and never a stale one:
the memoised plenum chance, the masked history rows of a view, and the vote chances the honest odds
add up without naming their reasons, and the moves a bot makes without a view - checked over
the states of traced all-AI games."""

from __future__ import annotations

import copy
import math

import pytest

from game.ai.standard import StandardBot
from game.core import actions as A
from game.core.engine import apply_in_place, new_game, whose_move
from game.core.legality import check
from game.core.rng import Rng, derive_seed
from game.core.rules import motions as M
from game.core.rules import odds, plan
from game.core.rules.stance import inclination, stance
from game.core.rules.votes import Facts, context, defection, directed_p, free_logit, free_p
from game.core.state import GameState, Motion
from game.core.view import player_view
from game.session.botmove import bot_action, bot_for
from tests.helpers import traced_states

FACTIONS = ("bukharin", "trotsky", "zinoviev_kamenev", "left_sr", "stalin")


@pytest.fixture(scope="module")
def traced(rs) -> list[GameState]:
    """The state at the end of every turn of a short all-AI game."""
    states = traced_states(rs, 7, 10)
    assert len(states) >= 8
    return states


def _plain_plenum_chance(rs, state: GameState, motion: Motion) -> float:
    """plenum_chance as it was written before it was memoised: a list convolution, seat by seat."""
    r = rs.rules
    dist = [1.0]
    for body in M.PLENUM_BODIES:
        for bloc, n in state.blocs.get(body, {}).items():
            if bloc == M.INDEPENDENT:
                p = r["plenum_independent_yes"]
            else:
                p = 1.0 - r["plenum_defect"] if stance(rs, state, bloc, motion) else r["plenum_defect"]
            for _ in range(n):
                dist = [a * (1.0 - p) + b * p for a, b in zip([*dist, 0.0], [0.0, *dist])]
    total = len(dist) - 1
    if total == 0:
        return 0.0
    need = total * r["remove_office_share"]
    return min(1.0, sum(q for k, q in enumerate(dist) if k > need))


def _removals(state: GameState) -> list[Motion]:
    return [Motion("remove", f, {"office": "general_secretary"}) for f in FACTIONS] + [
        Motion("expel_member", f, {"character": c})
        for f in ("bukharin", "stalin")
        for c in state.seats["politburo"][:3]
    ]


def test_memoised_plenum_chances_are_the_plain_ones_over_a_game(rs, traced):
    rs.cache.pop("plenum_chance", None)
    for state in traced:
        for seen in (state, player_view(rs, state, "trotsky", with_log=False)):
            for motion in _removals(state):
                assert M.plenum_chance(rs, seen, motion) == _plain_plenum_chance(rs, seen, motion)
    assert rs.cache["plenum_chance"]  # the memo was used


def test_a_plenum_changed_after_its_chance_was_kept_gives_the_new_chance(rs, traced):
    def opposed(state: GameState, motion: Motion) -> str | None:
        cc = state.blocs["central_committee"]
        return next((b for b in cc if b != M.INDEPENDENT and not stance(rs, state, b, motion) and cc[b] > 0), None)

    state, motion, against = next(  # the latest traced state where some bloc of the Committee opposes the motion
        (s.clone(), m, opposed(s, m))
        for s in reversed(traced)
        for m in (Motion("remove", f, {"office": "general_secretary"}) for f in ("trotsky", "bukharin"))
        if opposed(s, m) is not None
    )
    before = M.plenum_chance(rs, state, motion)
    cc = state.blocs["central_committee"]
    proposer = motion.proposer
    cc[proposer] = cc.get(proposer, 0) + cc[against]  # the opponents' seats go to the proposer
    cc[against] = 0
    after = M.plenum_chance(rs, state, motion)
    assert after == _plain_plenum_chance(rs, state, motion)
    assert after > before


def _plainly_masked(rs, state: GameState) -> list[list[float]]:
    real, reported = rs.ii["industrial_output"], rs.ii["reported_output"]
    return [[row[reported] if i == real else v for i, v in enumerate(row)] for row in state.history]


def test_masked_history_is_the_plain_masking_and_follows_a_new_history(rs, traced):
    for state in traced:
        _, history, masked = plan.seen_figures(rs, state, None)
        assert masked and history == _plainly_masked(rs, state)
    state = traced[-1].clone()
    real = rs.ii["industrial_output"]
    state.history[-1] = list(state.history[-1])  # a new row (rows never change: a new one replaces it)
    state.history[-1][real] += 7.0
    state.history[-1][rs.ii["reported_output"]] += 3.0
    _, history, _ = plan.seen_figures(rs, state, None)
    assert history == _plainly_masked(rs, state)
    assert history[-1][real] == state.history[-1][rs.ii["reported_output"]]


def test_fast_vote_chances_are_the_named_reasons_added_up(rs, traced):
    checked = 0
    for state in traced[::2]:
        for viewer in ("bukharin", "stalin"):
            view = player_view(rs, state, viewer, with_log=False)
            b = odds.basis(rs, view, viewer)
            moves = [
                Motion("policy", viewer, {"axis": "agriculture", "step": 1}),
                Motion("censure", viewer, {"faction": "trotsky"}),
                Motion("remove", viewer, {"office": "general_secretary"}),
            ]
            for motion in moves:
                ctx = context(rs, view, motion, viewer, b.bosses, b.weights)
                shared = context(rs, view, motion, viewer, b.bosses, b.weights, loyalty=b.loyalty)
                assert (shared.whips, shared.yes_share, shared.fear_sign) == (ctx.whips, ctx.yes_share, ctx.fear_sign)
                assert (shared.loyalty == ctx.loyalty).all()
                for f in b.facts:
                    f = Facts(f.member, inclination(rs, view, motion, f.member), *_rest(f))
                    logit = sum(v for _, v in free_logit(rs, view, f, ctx))
                    assert free_p(rs, view, f, ctx) == 1.0 / (1.0 + math.exp(-logit))
                    for boss in FACTIONS:
                        for whip in ("for", "against"):
                            if f.bound == boss:
                                continue
                            total = sum(v for _, v in defection(rs, f, boss, whip, ctx))
                            defect = min(max(total, 0.0), rs.rules["defect_cap"])
                            assert directed_p(rs, f, boss, whip, ctx) == (1.0 - defect if whip == "for" else defect)
                            checked += 1
    assert checked > 500


def _rest(f: Facts) -> tuple:
    return (f.traits, f.fear_mult, f.own_fate, f.bound, f.row)


def _twin(bot: StandardBot) -> StandardBot:
    """A copy of a bot's plan and memory, so one may ask without the other moving."""
    twin = copy.copy(bot)
    twin.plan, twin.tried, twin.forecasts = list(bot.plan), set(bot.tried), dict(bot.forecasts)
    return twin


def test_an_end_told_without_a_view_is_the_end_choose_gives(rs):
    """`planned` ends a turn with no action points left and a session with no offer to answer
    without a view: the action `choose` gives on the view, at every such move of a game."""
    state = new_game(rs, "succession", 11)
    bots = {f: bot_for(rs, f, "standard") for f in rs.faction_ids}
    ended: dict[str, int] = {"intrigue": 0, "session": 0}
    while state.phase != "over" and state.turn < 6:
        faction = whose_move(rs, state)
        bot = bots[faction]
        legal = lambda a, s=state: check(rs, s, a) is None  # noqa: E731
        quick = _twin(bot).planned(state, legal)
        if isinstance(quick, A.EndTurn):
            stream = Rng(derive_seed(state.seed, "bot", faction, len(state.log)))
            assert _twin(bot).choose(player_view(rs, state, faction), stream, legal) == quick
            ended[state.phase] += 1
        apply_in_place(rs, state, bot_action(rs, state, faction, bot))
    assert ended["intrigue"] > 5 and ended["session"] > 5


def test_remembered_region_delegates_follow_the_memberships(rs, traced, monkeypatch):
    from game.core.rules import apportion, congress

    def plain(state: GameState) -> dict[str, int]:
        members = {rid: float(congress.state_membership(rs, state, rid)) for rid in rs.regions}
        return apportion.largest_remainder(rs.rules["congress_delegates"], members)

    for state in traced:
        split = {rid: sum(blocs.values()) for rid, blocs in congress.region_delegations(rs, state).items()}
        assert split == plain(state)
    first = next(iter(rs.regions))
    grown = lambda rs_, state, rid: rs.regions[rid].membership * (40 if rid == first else 1)  # noqa: E731
    monkeypatch.setattr(congress, "state_membership", grown)
    split = {rid: sum(blocs.values()) for rid, blocs in congress.region_delegations(rs, traced[-1]).items()}
    assert split == plain(traced[-1])
    monkeypatch.undo()
    assert split[first] > plain(traced[-1])[first]


def test_largest_remainder_breaks_ties_by_the_order_of_the_weights():
    from game.core.rules.apportion import largest_remainder

    assert largest_remainder(2, {"b": 1.0, "a": 1.0, "c": 1.0}) == {"b": 1, "a": 1, "c": 0}
    assert largest_remainder(1, {"c": 1.0, "a": 1.0}) == {"c": 1, "a": 0}
    assert largest_remainder(7, {"x": 0.5, "y": 0.25, "z": 0.25}) == {"x": 3, "y": 2, "z": 2}  # remainders .5 < .75
