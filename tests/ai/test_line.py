"""The apparatus's line (DESIGN §12): once it dominates, it turns to emergency procurement, forced
collectivisation and mass operations, as Stalin did; it retreats only after the famine and the
terror have done their damage; and in all-AI games the famine and the terror are counted."""

from __future__ import annotations

from game.ai.bots import make_bot
from game.core import actions as A
from game.core.conditions import Ctx, holds
from game.core.engine import new_game
from game.core.rng import Rng
from game.core.rules.stance import pursued_policies, stance
from game.core.rules.strength import strengths
from game.core.state import Motion
from game.session.headless import play_game


def dominated(rs):
    """The start of 1924, except that the apparatus holds every committee, secretary and waverer."""
    state = new_game(rs, "succession", 1)
    for body in ("central_committee", "congress_of_soviets"):
        state.blocs[body] = {"stalin": sum(state.blocs[body].values())}
    for region in state.secretaries:
        state.secretaries[region] = "stalin"
    for cid in rs.character_ids:
        if not rs.characters[cid].leader:
            state.loyalty_public[rs.ci[cid], :] = 0
            state.loyalty_public[rs.ci[cid], rs.fi["stalin"]] = 90
    state.pacts = []  # years on: the alignments of 1924 are long gone
    return state


def share(rs, state, faction: str) -> float:
    weights = strengths(rs, state)
    return 100.0 * weights[faction] / sum(weights.values())


def targets(rs, state, faction: str) -> dict[str, str]:
    return {p.axis: rs.axes[p.axis].positions[p.target].id for p in pursued_policies(rs, state, faction)}


def test_strength_share_compares_a_factions_percentage_of_all_strength(rs):
    state = new_game(rs, "succession", 1)
    ours = share(rs, state, "stalin")
    assert 0 < ours < 100
    assert holds(rs, state, (("strength_share", {"faction": "owner", "at_least": ours - 1}),), Ctx(owner="stalin"))
    assert not holds(rs, state, (("strength_share", {"faction": "stalin", "at_least": ours + 1}),))
    assert holds(rs, state, (("strength_share", {"faction": "stalin", "below": ours + 1}),))


def test_the_apparatus_keeps_its_agenda_until_it_dominates_then_turns_to_its_line(rs):
    start = new_game(rs, "succession", 1)
    assert share(rs, start, "stalin") < 70
    assert pursued_policies(rs, start, "stalin") == rs.factions["stalin"].agenda_policies
    state = dominated(rs)
    assert share(rs, state, "stalin") >= 70
    line = targets(rs, state, "stalin")
    assert line["procurement"] == "emergency_measures" and line["agriculture"] == "forced_collectivisation"
    # The others' agendas have no line: they keep defending the market and the courts.
    assert targets(rs, state, "bukharin")["procurement"] == "market_prices"


def test_the_retreats_come_only_after_the_damage_is_done(rs):
    state = dominated(rs)
    state.indicators[rs.ii["famine_deaths"]] = 4000.0
    assert targets(rs, state, "stalin")["procurement"] == "emergency_measures"
    state.indicators[rs.ii["famine_deaths"]] = 5000.0  # after millions dead: fixed quotas (January 1933)
    assert targets(rs, state, "stalin")["procurement"] == "administrative_pressure"
    state.indicators[rs.ii["repression_deaths"]] = 700.0  # the halt of November 1938
    assert targets(rs, state, "stalin")["security"] == "normal"


def test_the_dominant_apparatus_proposes_its_line_and_whips_for_it(rs):
    state = dominated(rs)
    state.phase, state.acting, state.order, state.event_queue = "intrigue", 0, ["stalin"], []
    state.factions["stalin"].influence = 20
    bot = make_bot(rs, "stalin")
    ranked = bot.rank(state, Rng(1))
    proposals = [a for a in ranked[:8] if isinstance(a, A.Propose) and a.motion == "policy"]
    assert any(a.target == "procurement" and a.step == 1 for a in proposals), ranked[:8]
    toward = Motion("policy", "trotsky", {"axis": "procurement", "step": 1})
    back = Motion("policy", "bukharin", {"axis": "procurement", "step": -1})
    state.policies["procurement"] = rs.axes["procurement"].index("administrative_pressure")
    assert stance(rs, state, "stalin", toward) and not stance(rs, state, "stalin", back)
    assert stance(rs, state, "bukharin", back) and not stance(rs, state, "bukharin", toward)


def test_all_ai_games_count_famine_and_terror_where_the_apparatus_dominates(rs):
    """Over a handful of seeded games: famine and terror happen in some, and not in all."""
    games = [play_game(rs, "succession", seed).state for seed in range(1, 10)]
    famine = [float(s.indicators[rs.ii["famine_deaths"]]) for s in games]
    terror = [float(s.indicators[rs.ii["repression_deaths"]]) for s in games]
    assert any(f > 1000 for f in famine), famine  # a famine in the millions
    assert any(t > 100 for t in terror), terror  # a terror in the hundreds of thousands
    assert any(f == 0 for f in famine), famine  # history was likely, not fated
    for s, f in zip(games, famine):
        if f > 1000:
            assert s.winner == "stalin" or any(
                key == "policy.changed" and p["position"] == "emergency_measures" for _, key, p in s.log
            )
