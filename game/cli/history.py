"""`python -m game history`: play a policy line through the country model and print it beside the
record (data/history/series.yaml) with the relative error and pass/fail against the tolerances of
data/history/tolerances.yaml; `--json` prints the per-year medians for other tools."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from ..core.ruleset import Ruleset
from ..session import policy_line as H


def _read(folder: Path, name: str) -> Any:
    with (folder / "history" / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_history_data(folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any]]:
    """(lines, series, tolerances) from the content folder's history/."""
    return _read(folder, "lines.yaml") or [], _read(folder, "series.yaml") or [], _read(folder, "tolerances.yaml") or {}


def evaluate(rs: Ruleset, folder: Path, line_id: str, seeds: int, scenario: str = "succession") -> dict[str, Any]:
    """Everything the command prints: medians per year, war, series rows, checks."""
    lines, series, tolerances = load_history_data(folder)
    steps, weather = H.line_steps(lines, line_id)
    runs = [H.play(rs, steps, weather, seed, scenario) for seed in range(1, seeds + 1)]
    halves = H.median_run(rs, runs)
    start = rs.scenarios[scenario].start_year
    years = H.years_of(halves, start)
    rows = H.compare_series(years, series, tolerances.get("series", {}))
    return {
        "line": line_id,
        "seeds": seeds,
        "years": years,
        "halves": halves,
        "war": H.war(rs, runs),
        "rows": rows,
        "verdicts": H.series_verdicts(rows, tolerances.get("series", {})),
        "checks": H.run_checks(halves, tolerances.get("checks", []), start),
    }


def run_history(rs: Ruleset, folder: Path, line_id: str, seeds: int, as_json: bool, out=sys.stdout) -> int:
    lines, _, _ = load_history_data(folder)
    ids = [str(item["id"]) for item in lines]
    if line_id not in ids:
        print(f"unknown line '{line_id}'; choose one of: {', '.join(ids)}", file=sys.stderr)
        return 2
    problems = H.check_line(rs, H.line_steps(lines, line_id)[0])
    if problems:
        print(f"line '{line_id}' cannot be played: " + "; ".join(problems), file=sys.stderr)
        return 2
    result = evaluate(rs, folder, line_id, max(1, seeds))
    if as_json:
        doc = {
            "line": line_id,
            "seeds": result["seeds"],
            "years": {str(y): row for y, row in result["years"].items()},
            "war": result["war"],
        }
        print(json.dumps(doc, indent=1), file=out)
        return 0
    _print_table(rs, lines, result, out)
    return 0


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.1f}"


def _print_table(rs: Ruleset, lines: list[dict[str, Any]], result: dict[str, Any], out) -> None:
    name = next(str(item.get("name", "")) for item in lines if item["id"] == result["line"])
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
