"""What a team's page shows, built from that faction's player view only, and the public board.

`team_page` is a plain JSON-able dict: the faction's numbers, its hand with each card's effect,
the actions it can take with their costs, previews, honest odds and (on its move) whether each is
legal now and why not, its whips, pacts and offers, its inbox, the vote reports and the chronicle.
Everything but the legality comes from `player_view`; legality is the engine's own check, whose
reasons never reveal another faction's secrets. `board` is what the whole room may see.
No pygame: the window's presenters used here are pure.

The honest odds of the page's motions are most of its cost, so a page is made in two steps that
the host can send apart: `draft_page` (everything, each motion's odds marked "being worked out",
`odds_ready` false) and `odds_of` (all the motions' odds worked out in one go), which `with_odds`
fills in and `odds_message` tells a page that has the draft already. `team_page` does both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..content.tags import in_force, shown_text
from ..core import actions as A
from ..core.calendar import now, pretty_date
from ..core.legality import check
from ..core.rules.control import controllers
from ..core.ruleset import Ruleset
from ..core.state import GameState
from ..core.view import PRIVATE_KEYS
from ..session.live import Session
from ..text import cards, names
from ..text.chronicle import Text
from ..text.effects import for_event
from ..text.names import office_name
from ..text.pacts import phrase
from ..text.reasons import reason_text
from ..views import presenters as P
from ..views import whips as W
from ..views.inbox import lines as inbox_lines
from .protocol import action_fields
from .rounds import as_mover, may_choose

CHRONICLE_LINES = 60
ODDS_PENDING = "odds: being worked out…"
_MARK = re.compile("\ue000(\\d+)\ue001")  # where a motion's odds go in a draft's previews


@dataclass(slots=True)
class Forecasts:
    """The presenters' `forecast` for a draft: each motion it is asked about gets a mark in its
    preview, and `odds_words` works out all of them together afterwards."""

    motions: list[A.Propose] = field(default_factory=list)

    def __call__(self, action: A.Propose) -> str:
        self.motions.append(action)
        return f"\ue000{len(self.motions) - 1}\ue001"


@dataclass(slots=True)
class Draft:
    """A team's page with its motions' odds still to work out (from its own view only)."""

    page: dict[str, Any]
    view: GameState
    motions: dict[int, A.Propose]  # mark -> the motion whose odds go there (the options shown only)


def team_page(session: Session, faction: str) -> dict[str, Any]:
    """The page of one team, from its own player view (its options only on its move)."""
    return with_odds(session.rs, draft_page(session, faction))


def draft_page(session: Session, faction: str) -> Draft:
    """The team's page with each motion's odds marked as being worked out (see `with_odds`)."""
    rs = session.rs
    view = session.view(faction)
    mine = session.to_move() == faction or may_choose(session.state, faction)
    t = Text(rs)
    fs = view.factions[faction]
    d = rs.factions[faction]
    forecasts = Forecasts()
    page = {
        "faction": faction,
        "name": d.name,
        "short": d.short,
        "colour": d.colour,
        "numbers": {
            "influence": fs.influence,
            "ap": fs.ap,
            "heat": fs.heat,
            "prestige": fs.prestige,
            "credibility": fs.credibility,
            "rung": rs.ladder_of(faction).rungs[fs.rung].name,
        },
        "your_move": mine,
        "hand": _hand(rs, view, faction, session.options),
        "groups": _groups(session, view, faction, mine, forecasts),
        "pacts": _pacts(rs, view, faction),
        "inbox": [
            {"tag": line.tag, "text": line.text} for line in inbox_lines(rs, _recent(view), faction, view.start_year)
        ][-30:],
        "votes": _entries(t, view.log, ("vote.held",), view.start_year)[-12:],
        "chronicle": _chronicle(t, view.log, view.start_year),
    }
    shown = []
    for option in (o for g in page["groups"] for o in g["options"]):
        mark = _MARK.search(option["preview"])
        if mark:  # a motion: its odds are number `odds` of the page's (see `odds_message`)
            option["odds"] = int(mark[1])
            shown.append(option["odds"])
    return Draft(page, view, {i: forecasts.motions[i] for i in sorted(shown)})


def page_text(draft: Draft, odds: dict[int, str] | None = None) -> dict[str, Any]:
    """The draft's page with these odds in their marks' places (None: marked as being worked out)."""

    def fill(preview: str) -> str:
        return _MARK.sub(lambda mark: odds[int(mark[1])] if odds is not None else ODDS_PENDING, preview)

    groups = [
        {**g, "options": [{**o, "preview": fill(o["preview"])} for o in g["options"]]} if draft.motions else g
        for g in draft.page["groups"]
    ]
    return {**draft.page, "groups": groups, "odds_ready": odds is not None or not draft.motions}


def with_odds(rs: Ruleset, draft: Draft) -> dict[str, Any]:
    """The whole page: the honest odds of all its motions worked out at once, on the team's own view."""
    return page_text(draft, odds_of(rs, draft) if draft.motions else None)


def odds_of(rs: Ruleset, draft: Draft) -> dict[int, str]:
    """Each motion's odds in words, by its number on the page."""
    words = P.odds_words(rs, draft.view, draft.page["faction"], list(draft.motions.values()))
    return dict(zip(draft.motions, words, strict=True))


def odds_message(draft: Draft, odds: dict[int, str]) -> dict[str, Any]:
    """What a page drawn from this draft needs to show its odds: each option numbered `odds` shows
    these words where its preview says `pending` (far smaller than the page sent again)."""
    return {"faction": draft.page["faction"], "pending": ODDS_PENDING, "odds": {str(i): w for i, w in odds.items()}}


def game_line(session: Session) -> dict[str, Any]:
    """Where the game stands, for every page and the board."""
    rs, state = session.rs, session.state
    mover = session.to_move()
    preset = rs.scenarios[state.scenario].preset(state.preset)
    return {
        "turn": state.turn,
        "last_turn": state.last_turn,
        "date": pretty_date(state.turn, state.start_year),
        "phase": state.phase,
        "mover": mover,
        "mover_name": rs.factions[mover].short if mover in rs.factions else None,
        "order": [rs.factions[f].short for f in state.order] if state.phase in ("intrigue", "session") else [],
        "preset": preset.name if preset else None,
        "over": session.over,
        "winner": rs.factions[state.winner].short if state.winner in rs.factions else None,
    }


def board(session: Session) -> dict[str, Any]:
    """What is public: offices and their holders, policies, each faction's standing, the chronicle."""
    rs, state = session.rs, session.state
    t = Text(rs)
    public_log = [e for e in state.log if e[1] not in PRIVATE_KEYS]
    return {
        "factions": [
            {
                "id": f,
                "short": rs.factions[f].short,
                "colour": rs.factions[f].colour,
                "prestige": state.factions[f].prestige,
                "heat": state.factions[f].heat,
                "rung": rs.ladder_of(f).rungs[state.factions[f].rung].name,
                "team": f in session.humans,
            }
            for f in rs.faction_ids
        ],
        "offices": [
            {"office": office_name(rs, o, now(state)), "holder": t.person(state.offices.get(o))}
            for o, d in sorted(rs.offices.items(), key=lambda item: -item[1].prestige)[:8]
        ],
        "policies": [
            {"axis": axis.name, "position": axis.positions[state.policies[a]].name} for a, axis in rs.axes.items()
        ],
        "agenda": [
            f"{names.possessive(rs, m.proposer, start=True)} motion {t.motion(m.kind, m.params)}" for m in state.agenda
        ],
        "votes": _entries(t, public_log, ("vote.held",), state.start_year)[-6:],
        "chronicle": _chronicle(t, public_log, state.start_year)[:25],
    }


def _option(rs: Ruleset, state: GameState, option: P.Option) -> dict[str, Any]:
    """An option and whether it is legal now, judged as if it were the team's move (in rounds a
    team chooses before its place comes; the choice is judged again when it is played)."""
    why = check(rs, state, option.action)
    return {
        "label": option.label,
        "cost": option.cost,
        "preview": option.preview,
        "action": action_fields(option.action),
        "ok": why is None,
        "why": reason_text(rs, why) if why else "",
    }


def _groups(session: Session, view: GameState, faction: str, mine: bool, forecast: P.Forecast) -> list[dict[str, Any]]:
    rs, state = session.rs, as_mover(session.state, faction)
    end = {"title": "Your turn", "options": [_option(rs, state, P.Option("End your turn", A.EndTurn(faction), "", ""))]}
    if view.phase == "over" or not mine:
        return []  # a waiting team sees its hand, pacts and inbox; its choices come on its move
    if state.event_queue:
        ev = rs.events[state.event_queue[0]]
        said = for_event(rs, faction)
        text, _hidden = shown_text(ev, _summarised(session))
        choices = [
            P.Option(c.label, A.ChooseOption(faction, ev.id, c.id), "", c.text + " — " + said.effects(c.effects))
            for c in ev.choices
        ]
        return [{"title": f"Decide: {ev.title}", "text": text, "options": [_option(rs, state, c) for c in choices]}]
    if view.phase == "session":
        rows = [
            _option(rs, state, P.Option(row.title, row.action, f"now: {row.whip}", f"{row.odds} ({row.note})"))
            for row in W.rows(rs, view, faction)
        ]
        answers = [_option(rs, state, o) for o in P.answer_options(rs, view, faction)]
        return [
            end,
            {"title": "Whips (click to change)", "options": rows},
            {"title": "Offers to you", "options": answers},
        ]
    allowed = _allowed(rs, state)
    groups = [
        ("Your hand", P.hand_options(rs, view, faction, _summarised(session))),
        ("You and your rivals", P.own_options(rs, view, faction, _congress(rs, state), forecast)),
        ("Policy", P.policy_options(rs, view, faction, forecast)),
        ("People", _people(rs, view, faction, forecast)),
        (
            "Regions",
            [o for r in rs.regions for o in _named(rs.regions[r].name, P.options(rs, view, faction, "region", r))],
        ),
        (
            "Constituencies",
            [o for b in rs.bases for o in _named(rs.bases[b].name, P.options(rs, view, faction, "base", b))],
        ),
        (
            "Offices",
            [
                o
                for k in view.offices
                for o in _named(
                    office_name(rs, k, now(view)), P.options(rs, view, faction, "office", k, forecast=forecast)
                )
            ],
        ),
    ]
    out = [end]
    for title, options in groups:
        shown = [_option(rs, state, o) for o in options if allowed is None or o.action.tag in allowed]
        if shown:
            out.append({"title": title, "options": shown})
    return out


def _people(rs: Ruleset, view: GameState, faction: str, forecast: P.Forecast) -> list[P.Option]:
    """What can be done with each free person: everything for one's own people, and for the rest
    everything but proposing them for office, so a page does not compute forecasts nobody reads."""
    ctrl = controllers(rs, view)
    out: list[P.Option] = []
    for c, cid in enumerate(rs.character_ids):
        if view.status[c] == "free":
            options = P.options(rs, view, faction, "person", cid, appointments=ctrl[c] == faction, forecast=forecast)
            out += _named(rs.characters[cid].name, options)
    return out


def _named(name: str, options: list[P.Option]) -> list[P.Option]:
    return [P.Option(f"{name}: {o.label}", o.action, o.cost, o.preview) for o in options]


def _allowed(rs: Ruleset, state: GameState) -> tuple[str, ...] | None:
    preset = rs.scenarios[state.scenario].preset(state.preset)
    return tuple(preset.actions) + ("whip", "answer_pact", "break_pact") if preset and preset.actions else None


def _congress(rs: Ruleset, state: GameState) -> bool:
    from ..core.flow import congress_due

    return bool(congress_due(rs, state))


def _summarised(session: Session) -> list[str]:
    return in_force([], session.options)


def _hand(rs: Ruleset, view: GameState, faction: str, options: dict) -> list[dict[str, Any]]:
    out = []
    t = Text(rs)
    for card_id in view.factions[faction].hand:
        card = rs.cards[card_id]
        text, _hidden = shown_text(card, in_force([], options))
        out.append(
            {
                "title": card.title,
                "value": card.value,
                "owner": t.faction(card.faction) if card.faction else "neutral",
                "text": text,
                "effect": cards.choice_words(rs, card_id, faction)[0],
            }
        )
    return out


def _pacts(rs: Ruleset, view: GameState, faction: str) -> list[str]:
    t = Text(rs)
    out = []
    for p in view.pacts:
        if faction not in (p.a, p.b):
            continue
        other = p.b if p.a == faction else p.a
        what = phrase(rs, p.kind, p.against)
        when = pretty_date(p.until_turn, view.start_year)
        if p.accepted:
            out.append(f"In force: {what} with {t.faction(other)}, until {when}")
        elif p.a == faction:
            out.append(f"Offered by you to {t.faction(other)}: {what} (waiting for their answer)")
        else:
            out.append(f"Offered to you by {t.faction(other)}: {what} (answer it under 'You and your rivals')")
    return out


def _recent(view: GameState) -> list:
    return [e for e in view.log if e[0] >= view.turn - 1]


def _entries(t: Text, log: list, keys: tuple[str, ...], start_year: int) -> list[str]:
    out = []
    for turn, key, p in log:
        if key in keys:
            text = t.entry(key, p, t.dated(start_year, turn))
            if text:
                out.append(f"{turn}: {text}")
    return out


def _chronicle(t: Text, log: list, start_year: int) -> list[str]:
    """The newest entries first, as sentences."""
    out: list[str] = []
    for turn, key, p in reversed(log):
        text = t.entry(key, p, t.dated(start_year, turn))
        if text:
            out.append(f"{turn}: {text}")
            if len(out) >= CHRONICLE_LINES:
                break
    return out
