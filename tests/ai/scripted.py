"""Trivial scripted strategies, to measure the real levels against (`python -m game strength
--baseline tests.ai.scripted:NAME`). A good AI beats every one of them; none should beat the standard
AI by much, or the game has a trivial winning rule. Each plays events and the session (whips,
answers to offers) as the standard AI does, and scripts only its intrigue.
"""

from __future__ import annotations

from game.ai.standard import StandardBot
from game.core import actions as A
from game.core.engine import legal_actions
from game.core.rules.control import estimates
from game.core.rules.strength import strengths


class Scripted(StandardBot):
    def choose(self, view, rng, legal):
        if view.event_queue or view.phase != "intrigue":
            return super().choose(view, rng, legal)
        options = [a for a in legal_actions(self.rs, view, self.faction) if legal(a)]
        return self.script(view, rng, options, legal) or A.EndTurn(self.faction)

    def script(self, view, rng, options, legal):
        raise NotImplementedError

    def strongest_rival(self, view) -> str | None:
        power = strengths(self.rs, view)
        rivals = [f for f in self.rs.faction_ids if f != self.faction and not view.factions[f].exiled]
        return max(rivals, key=lambda f: (power.get(f, 0.0), f)) if rivals else None

    def first_this_turn(self, view) -> bool:
        key = (view.turn, view.acting)
        first = getattr(self, "_turn", None) != key
        self._turn = key
        return first


def _biggest(options, kind):
    chosen = [a for a in options if isinstance(a, kind)]
    return max(chosen, key=lambda a: getattr(a, "influence", 0)) if chosen else None


class DenounceEveryTurn(Scripted):
    """Denounce the strongest rival once a turn, and nothing else."""

    def script(self, view, rng, options, legal):
        if not self.first_this_turn(view):
            return None
        target = self.strongest_rival(view)
        return next((a for a in options if isinstance(a, A.Denounce) and a.target == target), None)


class StandardPlusDenounce(Scripted):
    """The standard AI, plus one denunciation of the strongest rival at the start of each turn."""

    def script(self, view, rng, options, legal):
        if self.first_this_turn(view):
            target = self.strongest_rival(view)
            denounce = next((a for a in options if isinstance(a, A.Denounce) and a.target == target), None)
            if denounce is not None:
                return denounce
        return StandardBot.choose(self, view, rng, legal)


class CampaignEveryPoint(Scripted):
    """Campaign with every action point, as much influence as it can."""

    def script(self, view, rng, options, legal):
        return _biggest(options, A.Campaign)


class CardsForInfluence(Scripted):
    """Play every card for its influence, nothing else."""

    def script(self, view, rng, options, legal):
        return next((a for a in options if isinstance(a, A.PlayCard) and a.mode == "influence"), None)


class CheapestMotion(Scripted):
    """Propose the cheapest motion it may, once a turn."""

    def script(self, view, rng, options, legal):
        if not self.first_this_turn(view):
            return None
        costs = self.rs.rules["costs"]["propose"]["influence"]
        motions = [a for a in options if isinstance(a, A.Propose)]
        return min(motions, key=lambda a: (costs[a.motion], a.motion, a.target, a.office), default=None)


class LobbySwingMember(Scripted):
    """Lobby the Politburo member nobody controls who leans most its way, with all it can."""

    def script(self, view, rng, options, legal):
        bosses = dict(zip(self.rs.character_ids, estimates(self.rs, view, self.faction)))
        lobbies = [a for a in options if isinstance(a, A.Lobby) and bosses.get(a.character) is None]
        if not lobbies:
            return None
        fi = self.rs.fi[self.faction]
        lean = {a.character: int(view.loyalty_public[self.rs.ci[a.character], fi]) for a in lobbies}
        return max(lobbies, key=lambda a: (lean[a.character], a.influence, a.character))


class HoardThenPush(Scripted):
    """End every turn until it holds 30 influence, then play the standard AI's turn."""

    def script(self, view, rng, options, legal):
        if view.factions[self.faction].influence < 30:
            return None
        return StandardBot.choose(self, view, rng, legal)


STRATEGIES = (
    "DenounceEveryTurn",
    "StandardPlusDenounce",
    "CampaignEveryPoint",
    "CardsForInfluence",
    "CheapestMotion",
    "LobbySwingMember",
    "HoardThenPush",
)
