"""`python -m game history`: play a policy line through the country model and print it beside the
record (data/history/series.yaml) with the relative error and pass/fail against the tolerances of
data/history/tolerances.yaml; `--json` prints the per-year medians for other tools."""

from __future__ import annotations

import json
import sys
from typing import Any

from ..core.ruleset import Ruleset
from ..session import policy_line as H


def evaluate(rs: Ruleset, line_id: str, seeds: int, scenario: str = "succession") -> dict[str, Any]:
    """Everything the command prints: medians per year, war, series rows, checks."""
    line = rs.policy_lines[line_id]
    runs = [H.play(rs, line.steps, line.weather, seed, scenario) for seed in range(1, seeds + 1)]
    halves = H.median_run(rs, runs)
    start = rs.scenarios[scenario].start_year
    years = H.years_of(halves, start)
    rows = H.compare_series(years, rs.history, rs.tolerances.series)
    return {
        "line": line_id,
        "seeds": seeds,
        "years": years,
        "halves": halves,
        "war": H.war(rs, runs),
        "rows": rows,
        "verdicts": H.series_verdicts(rows, rs.tolerances.series),
        "checks": H.run_checks(halves, rs.tolerances.checks, start),
    }


def run_history(rs: Ruleset, line_id: str, seeds: int, as_json: bool, out=sys.stdout) -> int:
    if line_id not in rs.policy_lines:
        known = ", ".join(rs.policy_lines) or "none (data/history/lines.yaml is missing)"
        print(f"unknown line '{line_id}'; choose one of: {known}", file=sys.stderr)
        return 2
    result = evaluate(rs, line_id, max(1, seeds))
    if as_json:
        doc = {
            "line": line_id,
            "seeds": result["seeds"],
            "years": {str(y): row for y, row in result["years"].items()},
            "war": result["war"],
        }
        print(json.dumps(doc, indent=1), file=out)
        return 0
    _print_table(rs, result, out)
    return 0


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.1f}"


def _print_table(rs: Ruleset, result: dict[str, Any], out) -> None:
    name = rs.policy_lines[result["line"]].name
    print(f"line {result['line']}: {name} — median of {result['seeds']} seed(s), end of each year", file=out)
    shown = [
        "grain_harvest",
        "procurement",
        "grain_exports",
        "urban_food",
        "industrial_output",
        "collectivisation",
        "peasant_mood",
        "famine_deaths",
        "kazakh_famine_deaths",
        "repression",
        "repression_deaths",
        "camp_population",
        "army_leadership",
        "war_readiness",
    ]
    shown = [i for i in shown if i in rs.ii]
    short = {i: (i.replace("_", " ")[:10]) for i in shown}
    print("year  " + " ".join(f"{short[i]:>10}" for i in shown), file=out)
    for year, row in result["years"].items():
        print(f"{year}  " + " ".join(f"{_fmt(row[i]):>10}" for i in shown), file=out)
    print("\nbeside the record (data/history/series.yaml); error = distance outside the record's range", file=out)
    for ind, (passed, total, ok) in result["verdicts"].items():
        print(f"\n{ind}: {passed} of {total} years within tolerance — {'PASS' if ok else 'FAIL'}", file=out)
        for r in (r for r in result["rows"] if r["series"] == ind):
            lo, hi = r["record"]
            rec = _fmt(lo) if lo == hi else f"{_fmt(lo)}-{_fmt(hi)}"
            print(
                f"  {r['year']}  record {rec:>13}  model {_fmt(r['model']):>8}  error {r['error']:+7.1%}  {'ok' if r['ok'] else 'OUT'}",
                file=out,
            )
    print("\nchecks (data/history/tolerances.yaml)", file=out)
    for c in result["checks"]:
        print(f"  {'PASS' if c['ok'] else 'FAIL'}  {c['id']}: {c['value']}  ({c['why']})", file=out)
    w = result["war"]
    print(f"\nJune 1941: war readiness {w['readiness']:.1f} -> {w['outcome'].replace('_', ' ')}", file=out)
    failed = [c["id"] for c in result["checks"] if not c["ok"]] + [i for i, v in result["verdicts"].items() if not v[2]]
    print("all within tolerance" if not failed else f"out of tolerance: {', '.join(failed)}", file=out)
