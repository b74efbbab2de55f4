"""How much the AI wastes (issue 12, "standard wastes nothing"), over all-AI games:

    python -m tests.ai.waste --games N --seed S [--scenario succession] [--rich 15] [--json]

Per faction: faction-turns ended with action points left while influence could still buy a legal
action that costs both (the engine's own `legal_actions` on the true state at the End turn);
influence lost to the income cap; rival cards cashed for influence while holding more than `--rich`
influence with the rival's event firing; and each convene motion's forecast against what came of it
(the Politburo vote, then the plenum's removal vote). The games are played by `play_game`, then
replayed action by action to look at the true state at each decision.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from game.content.build import load_content
from game.core import actions as A
from game.core import flow
from game.core.actions.table import total_cost
from game.core.engine import apply_in_place, legal_actions, new_game
from game.core.rules.motions import plenum_chance
from game.core.ruleset import Ruleset
from game.core.state import GameState, Motion
from game.core.view import player_view
from game.session.headless import play_game

ROOT = Path(__file__).resolve().parents[2]


def buys_something(rs: Ruleset, action: A.Action) -> bool:
    """An action that takes action points and influence (not End turn, answers, whips or declarations)."""
    if isinstance(action, A.EndTurn):
        return False
    ap, influence = total_cost(rs, action)
    return ap >= 1 and influence >= 1


def idle_end(rs: Ruleset, state: GameState, faction: str) -> bool:
    """Ending the turn now leaves action points and influence that could still buy a legal action."""
    fs = state.factions[faction]
    if state.phase != "intrigue" or fs.ap <= 0:
        return False
    return any(buys_something(rs, a) for a in legal_actions(rs, state, faction))


class _IncomeWatch:
    """Wraps the flow's income step to see what the cap takes (measuring only: it changes nothing)."""

    def __init__(self, rs: Ruleset, tally: dict) -> None:
        self.rs, self.tally, self.original = rs, tally, flow._income

    def __call__(self, rs: Ruleset, state: GameState) -> None:
        before = {f: fs.influence for f, fs in state.factions.items()}
        self.original(rs, state)
        gains = next(p["gains"] for _, key, p in reversed(state.log) if key == "income")
        for f, fs in state.factions.items():
            self.tally[f]["faction_turns"] += 1
            self.tally[f]["income"] += gains[f]
            self.tally[f]["lost_to_cap"] += before[f] + gains[f] - fs.influence

    def __enter__(self):
        flow._income = self
        return self

    def __exit__(self, *exc) -> None:
        flow._income = self.original


def _blank() -> dict:
    keys = ("faction_turns", "idle_turns", "idle_influence", "income", "lost_to_cap")
    return {k: 0 for k in keys} | {"rival_cards": 0, "rival_cards_rich": 0}


def measure_game(rs: Ruleset, scenario: str, seed: int, rich: int, tally: dict, motions: list) -> None:
    record = play_game(rs, scenario, seed)
    state = new_game(rs, scenario, seed)
    plenum_odds: dict[int, float] = {}  # removal motion -> the proposer's forecast of the plenum vote
    with _IncomeWatch(rs, tally):
        for action in record.actions:
            actor = action.actor
            if isinstance(action, A.EndTurn) and state.phase == "intrigue" and idle_end(rs, state, actor):
                tally[actor]["idle_turns"] += 1
                tally[actor]["idle_influence"] += state.factions[actor].influence
            held = state.factions[actor].influence
            mark = len(state.log)
            removal = _committee_removal(rs, state, action)
            apply_in_place(rs, state, action)
            if removal is not None:
                plenum_odds[state.motion_seq] = removal
            if isinstance(action, A.PlayCard) and action.mode == "influence":
                fired = any(k == "card.rival_event" and p["fired"] for _, k, p in state.log[mark:])
                tally[actor]["rival_cards"] += fired
                tally[actor]["rival_cards_rich"] += fired and held > rich
            if state.phase == "over":
                break
    motions.extend(_convene_history(rs, state, seed, plenum_odds))


def _committee_removal(rs: Ruleset, state: GameState, action: A.Action) -> float | None:
    """For a motion to remove a Committee-elected officer: the plenum's chance, from the proposer's view."""
    if not (isinstance(action, A.Propose) and action.motion == "remove"):
        return None
    if action.office not in rs.rules["cc_elected_offices"]:
        return None
    motion = Motion("remove", action.actor, action.params())
    return round(plenum_chance(rs, player_view(rs, state, action.actor, with_log=False), motion), 4)


def _convene_history(rs: Ruleset, state: GameState, seed: int, plenum_odds: dict[int, float]) -> list[dict]:
    """Each convene motion: its forecast at proposal, whether the Politburo passed it, and each
    removal of a Committee-elected officer the meeting then voted on (its forecast and result)."""
    cc_offices = set(rs.rules["cc_elected_offices"])
    out: list[dict] = []
    proposed: dict[int, dict] = {}
    for turn, key, p in state.log:
        if key == "motion.proposed" and p["kind"] == "convene":
            proposed[p["motion"]] = {"seed": seed, "turn": turn, "faction": p["faction"], "odds": p["odds"]}
        elif key == "vote.held" and p["kind"] == "convene" and p["motion"] in proposed:
            row = proposed.pop(p["motion"]) | {"passed": p["passed"], "p_true": p["p_pass"], "removals": []}
            out.append(row)
        elif key == "motion.proposed" and p["kind"] == "remove" and p["params"].get("office") in cc_offices:
            for row in out:
                if row["passed"] and row["turn"] + 1 == turn:
                    rem = {"faction": p["faction"], "odds": p["odds"], "plenum_odds": plenum_odds.get(p["motion"])}
                    row["removals"].append(rem | {"motion": p["motion"]})
        elif key == "plenum.removal":
            for row in out:
                for rem in row["removals"]:
                    if rem.get("carried") is None and row["turn"] + 1 == turn:
                        rem.update(carried=p["carried"], share=round(p["yes"] / max(1, p["total"]), 3))
                        break
    return out + [dict(row, passed=None, removals=[]) for row in proposed.values()]


def run(games: int, seed: int, scenario: str = "succession", rich: int = 15) -> dict:
    rs = load_content(ROOT / "data").ruleset
    tally: dict = defaultdict(_blank)
    motions: list[dict] = []
    for i in range(games):
        measure_game(rs, scenario, seed + i, rich, tally, motions)
    voted = [m for m in motions if m["passed"] is not None]
    removals = [r for m in motions for r in m["removals"]]
    return {
        "games": games,
        "seed": seed,
        "rich": rich,
        "factions": {f: tally[f] for f in rs.faction_ids if f in tally},
        "convene": {
            "motions": len(motions),
            "mean_odds": _mean([m["odds"] for m in motions]),
            "passed": sum(1 for m in voted if m["passed"]),
            "followed_by_removal": len(removals),
            "removal_mean_odds": _mean([r["odds"] for r in removals]),
            "removal_mean_plenum_odds": _mean([r["plenum_odds"] for r in removals if r["plenum_odds"] is not None]),
            "removals_carried": sum(1 for r in removals if r.get("carried")),
            "detail": motions,
        },
    }


def _mean(xs: list[float]) -> float | None:
    return round(sum(xs) / len(xs), 3) if xs else None


def report(result: dict) -> str:
    lines = [f"{result['games']} games from seed {result['seed']} (rich: more than {result['rich']} influence)"]
    lines.append(
        f"{'faction':<18}{'turns':>6}{'idle':>6}{'infl@idle':>10}{'income':>8}{'capped':>8}{'rival':>7}{'rich':>6}"
    )
    total = _blank()
    for f, t in result["factions"].items():
        mean_idle = t["idle_influence"] / t["idle_turns"] if t["idle_turns"] else 0.0
        lines.append(
            f"{f:<18}{t['faction_turns']:>6}{t['idle_turns']:>6}{mean_idle:>10.1f}{t['income']:>8}"
            f"{t['lost_to_cap']:>8}{t['rival_cards']:>7}{t['rival_cards_rich']:>6}"
        )
        for k in total:
            total[k] += t[k]
    lines.append(
        f"{'all':<18}{total['faction_turns']:>6}{total['idle_turns']:>6}{'':>10}{total['income']:>8}"
        f"{total['lost_to_cap']:>8}{total['rival_cards']:>7}{total['rival_cards_rich']:>6}"
    )
    c = result["convene"]
    lines.append(
        f"convene motions {c['motions']}, mean forecast {c['mean_odds']}, passed {c['passed']}; "
        f"removals proposed at the meeting {c['followed_by_removal']}, mean forecast {c['removal_mean_odds']} "
        f"in the Politburo and {c['removal_mean_plenum_odds']} in the plenum, carried {c['removals_carried']}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenario", default="succession")
    parser.add_argument("--rich", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.games, args.seed, args.scenario, args.rich)
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
