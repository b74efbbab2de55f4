"""Chronicle sentences for the seed debates' rules (compromise.py, plan.py, abroad.py in game/core/rules):
a compromise figure named and retreating, the plan's figures found out, the outcomes abroad.
`Text` (chronicle.py) inherits them; like its own, each method is named after the entry's key.
"""

from __future__ import annotations

# How each juncture abroad is told: (won, lost). A mod's own junctures fall back to their id.
JUNCTURES = {
    "britain_1926": ("the British strike wins", "the British strike is defeated"),
    "china_1927": ("the Chinese communists hold their ground", "the Chinese revolution is crushed"),
    "germany_1933": ("a united front stops Hitler", "the divided German left cannot stop Hitler"),
    "france_1936": ("the Popular Front wins in France", "the Popular Front loses in France"),
    "spain_1938": ("the Spanish Republic holds", "the Spanish Republic is going down"),
}


class DebateSentences:
    """Mixed into `Text`, whose `faction` and `person` name the ids."""

    def _compromise_named(self, p):
        return (
            f"At {self.faction(p['sponsor'])}'s motion, {self.person(p['character'])} is named the party's moral"
            " authority: she holds no leading office, but every faction must now argue before her."
        )

    def _compromise_ended(self, p):
        if p["why"] == "retreated":
            return (
                f"{self.person(p['character'])} withdraws from the struggle and submits to the majority;"
                f" {self.faction(p['sponsor'])} loses its shield."
            )
        return f"{self.person(p['character'])} no longer speaks for the party."

    def _abroad_outcome(self, p):
        won, lost = JUNCTURES.get(p["juncture"], (f"{p['juncture']}: won", f"{p['juncture']}: lost"))
        return f"Abroad: {won if p['won'] else lost} (a {round(100 * p['chance'])} % chance on the line in force)."

    def _abroad_backlash(self, p):
        return (
            "A red scare answers the success abroad: governments break off talks, raid trade missions and arrest"
            f" communists, and the world's tension rises by {p['tension']:g} over the next {p['turns']} half-years."
        )

    def _plan_figures_found(self, p):
        return f"The plan's figures are found out: reported output runs {p['gap']} % above what the factories made."
