"""The computer player's personality weights a faction file may set (its `ai:` mapping)."""

from __future__ import annotations

AI_WEIGHTS = {
    key: ("number:0..5", False, what)
    for key, what in (
        ("lobby", "lobbying people"),
        ("appoint", "appointing to offices"),
        ("propose_policy", "proposing policy motions"),
        ("propose_personnel", "proposing personnel motions"),
        ("censure", "censure motions"),
        ("campaign", "campaigning in regions"),
        ("organise", "organising in bases"),
        ("platform", "publishing a platform"),
        ("denounce", "denouncing rivals"),
        ("recant", "recanting when under pressure"),
        ("special", "the faction's special actions"),
        ("play_event", "playing event cards"),
        ("pact", "pacts with other factions"),
        ("speech", "congress speeches"),
        ("co_report", "co-reports at congresses"),
        ("risk", "appetite for risk: how close to the Control Commission's threshold it will go"),
    )
}
