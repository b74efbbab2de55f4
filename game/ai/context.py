"""What a standard bot knows while it weighs one decision: caches over its player view (owners,
strengths, next income, the price of influence, the forecasts of the motions it weighs), so each
candidate action is cheap to score."""

from __future__ import annotations

import numpy as np

from ..core.actions.lobbying import bound_elsewhere
from ..core.actions.motions import unfit_for_office
from ..core.rules.control import estimates
from ..core.rules.odds import Basis, basis, honest_chances
from ..core.rules.stance import pursued_policies
from ..core.rules.strength import strengths
from ..core.rules.temper import weighing_seed
from ..core.ruleset import Ruleset
from ..core.state import GameState, Motion
from . import thrift
from .evaluate import importances, office_prestige

INFLUENCE_PRICE = 0.12  # what a point of influence spent is worth keeping, when influence is scarce


class Context:
    """Per-decision caches over the view, so each candidate is cheap to score."""

    def __init__(self, rs: Ruleset, view: GameState, faction: str, forecasts: dict[tuple, float]) -> None:
        self.rs, self.view, self.faction = rs, view, faction
        self._forecasts = forecasts
        self._basis: Basis | None = None
        self._expected: list[Motion] = []
        self.influence = view.factions[faction].influence
        self.strength = strengths(rs, view)
        self.known = estimates(rs, view, faction)
        self._owners = dict(zip(rs.character_ids, self.known))
        # Influence kept is worth less the nearer next turn's income takes it to the cap (beyond, nothing).
        cap = rs.rules["max_influence"]
        self.income = thrift.next_income(rs, view, faction, self._owners)
        self.scarcity = thrift.scarcity(rs, self.influence, self.income)
        self.price = INFLUENCE_PRICE * self.scarcity
        self.overflow = self.influence + self.income - cap
        self.rich = self.overflow > -4
        self.fi = rs.fi[faction]
        total = view.loyalty_public.astype("int32")
        total[:, self.fi] += view.loyalty_secret[:, self.fi]
        self.total = np.minimum(np.maximum(total, 0), 100).tolist()  # np.clip, without its checks
        self.heat = view.factions[faction].heat
        self.risk = max(0.1, rs.factions[faction].ai.get("risk", 1.0))
        # Heat is dangerous from where rivals move to censure (`strike_heat` - 5), before the Commission's threshold.
        self.threshold = min(rs.rules["discipline_heat"], rs.rules["strike_heat"] - 5)
        self.congress_soon = congress_soon(rs, view)
        self.pursued = pursued_policies(rs, view, faction, self.strength)  # the agenda, or the line it has turned to
        self._own_ranked = self._rank_own_people()
        posts = office_prestige(rs, view)
        free = [
            cid
            for cid, status, winnable in zip(rs.character_ids, view.status, _winnable(rs, faction))
            if winnable and status == "free"
        ]
        self.targets = list(zip(free, importances(rs, view, free, posts)))
        self.targets.sort(key=lambda t: -t[1])
        self.targets = self.targets[:12]

    def heat_cost(self, added: int) -> float:
        """What raising our heat by `added` is worth avoiding: little when cool, a lot near where
        rivals move to censure (personality: `risk` in the faction file)."""
        after = (self.heat + added) / self.threshold
        return added * (0.03 + 0.6 * after**3) / self.risk

    def owner(self, cid: str) -> str | None:
        return self._owners[cid]

    def loyalty(self, cid: str, faction: str) -> int:
        return self.total[self.rs.ci[cid]][self.rs.fi[faction]]

    def best_rival_loyalty(self, cid: str) -> int:
        row = self.total[self.rs.ci[cid]]
        return max(row[: self.fi] + row[self.fi + 1 :])

    def p_pass(self, motion: Motion) -> float:
        """The bot's honest odds (what it may know, the rest weighed up), kept for the turn."""
        self.foresee([motion])
        return self._forecasts[motion_key(motion)]

    def expect(self, motions: list[Motion]) -> None:
        """Motions to forecast along with the next ones asked for (one batch of worlds)."""
        self._expected.extend(motions)

    def foresee(self, motions: list[Motion]) -> None:
        """Forecast the motions not yet forecast this turn (and those expected), all at once."""
        motions, self._expected = motions + self._expected, []
        fresh = {key: m for key, m in ((motion_key(m), m) for m in motions) if key not in self._forecasts}
        if not fresh:
            return
        if self._basis is None:  # what every motion weighed in this decision shares
            self._basis = basis(self.rs, self.view, self.faction, weights=self.strength)
            self._basis.seed_prefix = weighing_seed(self._basis.seed_prefix)  # worlds apart from those shown
        self._forecasts.update(zip(fresh, honest_chances(self.rs, self._basis, list(fresh.values()))))

    def _rank_own_people(self) -> list[str]:
        """Our free party people, best first (skills, fewest posts already)."""
        rs, view = self.rs, self.view
        posts: dict[str, int] = {}
        for holder in view.offices.values():
            if holder is not None:
                posts[holder] = posts.get(holder, 0) + 1
        ranked = []
        for cid, status, owner in zip(rs.character_ids, view.status, self.known):
            if status != "free" or owner != self.faction:
                continue
            if unfit_for_office(rs, view, cid) is not None:
                continue
            d = rs.characters[cid]
            ranked.append((-(d.organisation + d.oratory - posts.get(cid, 0)), cid))
        return [cid for _, cid in sorted(ranked)]

    def best_own_candidate(self, office: str) -> str | None:
        holder = self.view.offices.get(office)
        return next((cid for cid in self._own_ranked if cid != holder), None)


def _winnable(rs: Ruleset, faction: str) -> tuple[bool, ...]:
    """Per character (ruleset order): not another faction's leader, whom nobody can win over (kept per ruleset)."""
    table = rs.cache.setdefault("winnable", {})
    flags = table.get(faction)
    if flags is None:
        flags = table[faction] = tuple(not bound_elsewhere(rs, cid, faction) for cid in rs.character_ids)
    return flags


def motion_key(motion: Motion) -> tuple:
    return (motion.kind, tuple(sorted(motion.params.items())))


def congress_soon(rs: Ruleset, view: GameState) -> bool:
    congresses = rs.scenarios[view.scenario].congresses
    return any(0 <= t - view.turn <= 2 for t in congresses) or any(c[1] == "congress" for c in view.convene)
