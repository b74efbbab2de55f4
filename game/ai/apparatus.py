"""The apparatus AI (DESIGN §12): Stalin's personality on top of the standard bot.

It fills regional secretaryships with its own men every turn; it sides with the weaker of its
rivals against the stronger and switches when the balance turns; it takes the policy of whichever
side it has just beaten; and it strikes when a rival's heat runs high, and back at whoever has
lately denounced it; and it recants before its own heat invites a censure.
"""

from __future__ import annotations

from ..core import actions as A
from ..core.defs import AgendaPolicy
from ..core.state import GameState, Motion
from .standard import StandardBot


def denouncers(view: GameState, target: str, turns: int) -> list[str]:
    """Factions that denounced `target` in the last `turns` turns, from the public chronicle."""
    out: list[str] = []
    for turn, key, params in reversed(view.log):
        if view.turn - turn > turns:
            break
        if key == "denounce" and params.get("target") == target and params["faction"] not in out:
            out.append(str(params["faction"]))
    return out


def last_beaten(view: GameState) -> str | None:
    """The faction most recently struck down a rung, from the public chronicle."""
    for _turn, key, params in reversed(view.log):
        if key == "discipline.rung" and not params.get("up"):
            return str(params["faction"])
    return None


class ApparatusBot(StandardBot):
    def candidates(self, view: GameState):
        borrowed, strikes = self._borrowed(view), self._strikes(view)
        # Forecast its own motions together with the standard ones: one batch of worlds.
        self._ctx.expect([motion for _, _, motion in borrowed] + [motion for _, motion in strikes])
        yield from super().candidates(view)
        yield from self._steal_clothes(borrowed)
        yield from self._strike(strikes)
        yield from self._strike_back(view)
        yield from self._cool_down(view)

    def _borrowed(self, view: GameState) -> list[tuple[AgendaPolicy, int, Motion]]:
        """Adopt the beaten side's program: the left's industry after beating the left, and so on."""
        beaten = last_beaten(view)
        if beaten is None or self._ctx.influence < 2:
            return []
        agenda = self.rs.factions[self.faction].agenda_policies
        turned = {item.axis for item in self._ctx.pursued if item not in agenda}
        borrowed = []
        for item in self.rs.factions[beaten].agenda_policies:
            current = view.policies[item.axis]
            if current == item.target or item.axis in turned:
                continue  # where its own line has turned, it no longer borrows
            step = 1 if item.target > current else -1
            borrowed.append((item, step, Motion("policy", self.faction, {"axis": item.axis, "step": step})))
        return borrowed

    def _steal_clothes(self, borrowed: list[tuple[AgendaPolicy, int, Motion]]):
        for item, step, motion in borrowed:
            p = self._ctx.p_pass(motion)
            yield item.weight * 0.9 * p, A.Propose(self.faction, "policy", item.axis, step=step)

    def _strikes(self, view: GameState) -> list[tuple[float, Motion]]:
        """Censure the strongest party rival once its heat is high enough to make it stick:
        (bonus, motion) for each rival hot enough."""
        c = self._ctx
        rivals = [f for f in self.rs.faction_ids if f != self.faction and self.rs.factions[f].party]
        if not rivals or c.influence < 3:
            return []
        strongest = max(rivals, key=lambda f: (c.strength[f], f))
        return [
            (1.5 if other == strongest else 1.0, Motion("censure", self.faction, {"faction": other}))
            for other in rivals
            if view.factions[other].rung < 3 and view.factions[other].heat >= self.rs.rules["strike_heat"]
        ]

    def _strike(self, strikes: list[tuple[float, Motion]]):
        for bonus, motion in strikes:
            p = self._ctx.p_pass(motion)
            yield 3.0 * p * bonus, A.Propose(self.faction, "censure", motion.params["faction"])

    def _strike_back(self, view: GameState):
        """Answer a denunciation in kind: the apparatus does not let an attack go unanswered."""
        if self._ctx.influence < 1 or view.factions[self.faction].prestige < 2:
            return
        rules = self.rs.rules["ai"]["apparatus"]
        for other in denouncers(view, self.faction, int(rules["strike_back_turns"])):
            if other != self.faction and not view.factions[other].exiled:
                yield float(rules["strike_back"]) * self.weight("denounce"), A.Denounce(self.faction, other)

    def _cool_down(self, view: GameState):
        """Recant before the heat invites a censure: rivals move to censure a faction this hot long
        before the Control Commission's threshold, and the apparatus's own commission shields it
        only from the latter."""
        rules = self.rs.rules["ai"]["apparatus"]
        heat = view.factions[self.faction].heat
        if heat >= rules["recant_heat"]:
            yield float(rules["recant"]) + (heat - rules["recant_heat"]) / 5.0, A.Recant(self.faction)
