"""How often the apparatus loses the General Secretaryship early, and who wins (issue 10's check on
the opening alignments): python -m tests.ai.gsloss GAMES [SEED]"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from game.content.build import load_content
from game.core.rules.control import controller
from game.session.headless import play_game


def run(games: int, seed: int = 1, scenario: str = "succession") -> dict:
    rs = load_content(Path(__file__).resolve().parents[2] / "data").ruleset
    apparatus = rs.scenarios[scenario].apparatus
    lost, winners = 0, Counter()
    for i in range(games):
        flag = {"lost": False}

        def look(state, flag=flag):
            holder = state.offices.get("general_secretary")
            if state.turn <= 4 and (holder is None or controller(rs, state, holder) != apparatus):
                flag["lost"] = True

        record = play_game(rs, scenario, seed + i, on_turn=look)
        lost += flag["lost"]
        winners[record.state.winner] += 1
    return {"games": games, "gs_lost_by_turn_4": lost, "winners": dict(winners)}


if __name__ == "__main__":
    print(run(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1))
