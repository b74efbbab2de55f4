"""More speed-ups of issue 12 answer as the plain computation does, and never stale: a shared player
view reads as the copied one and leaves the truth alone; a view's knowledge of the real books comes
from the faction's remembered estimates; the worlds' overrides (members who showed whom they follow,
leaders) are set for all members at once - checked over the states of a traced all-AI game."""

from __future__ import annotations

import numpy as np
import pytest

from game.core.rng import Rng
from game.core.rules import odds, plan, worldmath
from game.core.rules.control import controller
from game.core.rules.votes import OWN_FATE_KINDS, own_fate
from game.core.state import GameState, Motion, state_hash
from game.core.view import player_view
from tests.helpers import traced_states

FACTIONS = ("bukharin", "trotsky", "zinoviev_kamenev", "left_sr", "stalin")


@pytest.fixture(scope="module")
def traced(rs) -> list[GameState]:
    """The state at the end of every turn of a short all-AI game."""
    states = traced_states(rs, 4, 12)
    assert len(states) >= 10
    return states


def test_a_shared_view_reads_as_the_copied_view_and_leaves_the_truth_alone(rs, traced):
    for state in traced:
        before = state_hash(state)
        for faction in FACTIONS:
            for with_log in (True, False):
                copied = player_view(rs, state, faction, with_log=with_log)
                shared = player_view(rs, state, faction, with_log=with_log, shared=True)
                assert shared.view_of == copied.view_of == faction
                assert shared.to_dict() == copied.to_dict()
        assert state_hash(state) == before


def test_a_shared_view_shows_what_the_truth_hides_hidden(rs, traced):
    state = traced[-1]
    shared = player_view(rs, state, "trotsky", shared=True)
    f = rs.fi["trotsky"]
    secret = shared.loyalty_secret.copy()
    assert (secret[:, f] == state.loyalty_secret[:, f]).all()
    secret[:, f] = 0
    assert not secret.any()
    assert all(card == "?" for other, fs in shared.factions.items() if other != "trotsky" for card in fs.hand)
    assert state.deck and all(card != "?" for card in state.deck)
    assert shared.factions["trotsky"].hand == state.factions["trotsky"].hand


def _plainly_knows(rs, view: GameState, faction: str) -> bool:
    offices = rs.rules["country"]["plan_figures"]["who_knows"]
    holders = [view.offices.get(office) for office in offices]
    return any(h is not None and controller(rs, view, h) == faction for h in holders)


def test_a_view_knows_the_books_as_its_own_controllers_say(rs, traced):
    answers = set()
    for state in traced:
        for faction in FACTIONS:
            view = player_view(rs, state, faction, with_log=False)
            answers.add(plan.knows_real_figures(rs, view, faction))
            assert plan.knows_real_figures(rs, view, faction) == _plainly_knows(rs, view, faction)
    assert answers == {True, False}  # both cases met


def test_a_holder_won_over_after_the_estimate_was_kept_gives_the_new_answer(rs, traced):
    state = traced[-1].clone()
    holders = [state.offices.get(office) for office in rs.rules["country"]["plan_figures"]["who_knows"]]
    holder = next(h for h in holders if h is not None and not rs.characters[h].leader)
    faction = next(f for f in FACTIONS if not _plainly_knows(rs, player_view(rs, state, f), f))
    assert not plan.knows_real_figures(rs, player_view(rs, state, faction), faction)  # remembered
    c = rs.ci[holder]
    state.loyalty_public[c] = 0
    state.loyalty_public[c, rs.fi[faction]] = 90
    view = player_view(rs, state, faction)
    assert plan.knows_real_figures(rs, view, faction) == _plainly_knows(rs, view, faction)
    assert plan.knows_real_figures(rs, view, faction)


def _plain_overrides(b: odds.Basis, boss: np.ndarray, keep_u: np.ndarray, weight: float) -> np.ndarray:
    """The worlds' overrides member by member, as they were written before they were vectorised."""
    boss = boss.copy()
    nmo, k, nm = boss.shape
    keep = keep_u[:, : k * nm].reshape(nmo, k, nm)
    for i, was in b.shown:
        boss[:, :, i] = np.where(keep[:, :, i] < weight, was, boss[:, :, i])
    for i, leads in b.bound:
        boss[:, :, i] = leads
    return boss


def test_the_worlds_overrides_at_once_are_the_member_by_member_ones(rs, traced):
    o = rs.rules["odds"]
    shown_met = 0
    for state in traced[2:]:
        for viewer in ("bukharin", "stalin"):
            b = odds.basis(rs, state, viewer)
            motions = [Motion("policy", viewer, {"axis": axis, "step": 1}) for axis in list(rs.axes)[:2]]
            k, nm, nf = int(o["worlds"]), len(b.seated), len(rs.faction_ids)
            seeds = [odds._seed(b, m) for m in motions]
            u = worldmath.streams(seeds, k * nm * nf * 2 + k * nf)
            keep_u = worldmath.streams([s ^ odds._KEEP_SALT for s in seeds], k * nm)
            boss, _ = odds._hidden_bosses(rs, b, u, keep_u)
            bare = odds.Basis(**{**{f: getattr(b, f) for f in b.__slots__}, "shown": [], "bound": []})
            raw, _ = odds._hidden_bosses(rs, bare, u, keep_u)
            assert (boss == _plain_overrides(b, raw, keep_u, o["shown_weight"])).all()
            shown_met += len(b.shown)
    assert shown_met  # some member had shown whom he follows


def test_remembered_streams_are_the_streams_whatever_was_kept_before():
    memo: dict = {}
    first = worldmath.remembered_streams(memo, [11, 12], 50)
    assert (first == worldmath.streams([11, 12], 50)).all()
    again = worldmath.remembered_streams(memo, [12, 13, 12], 50)  # one kept, one new, one repeated
    assert (again == worldmath.streams([12, 13, 12], 50)).all()
    assert (worldmath.remembered_streams(memo, [12], 80) == worldmath.streams([12], 80)).all()  # another length
    assert memo[12, 50] is memo[12, 50] and not memo[12, 50].flags.writeable  # kept rows cannot be changed
    assert len(memo) == 4


def test_draws_made_at_once_are_the_generators_own_and_it_moves_past_them():
    one_by_one, at_once = Rng(987654321), Rng(987654321)
    expected = [one_by_one.uniform(0, 0.25) for _ in range(40)]
    draws = worldmath.streams([at_once.state], 40)[0].tolist()
    at_once.skip(40)
    assert [0 + (0.25 - 0) * r for r in draws] == expected
    assert at_once.state == one_by_one.state


def test_only_the_own_fate_kinds_can_be_a_members_own_fate(rs, traced):
    state = traced[-1]
    kinds = ("policy", "appoint", "remove", "expel_member", "censure", "readmit", "convene", "publish", "compromise")
    met = set()
    for office, member in state.offices.items():
        if member is None:
            continue
        for kind in kinds:
            motion = Motion(kind, "stalin", {"office": office, "character": member, "faction": "trotsky"})
            if own_fate(rs, state, motion, member):
                met.add(kind)
    assert met == set(OWN_FATE_KINDS)
