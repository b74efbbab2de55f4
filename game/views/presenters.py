"""Pure view-models for the window: what to say about a person, office, region or constituency,
and which actions a faction can take on it, each with its cost, a preview of its effect and,
for motions, the honest chance of passing as the faction can foresee it (and who could still
move); pact offers and answers say exactly what each side undertakes. No pygame here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..content.tags import note, shown_text
from ..core import actions as A
from ..core.actions.spec import Preview
from ..core.actions.table import preview_of, spec_of, total_cost
from ..core.calendar import now
from ..core.rules.odds import honest_all
from ..core.rules.pacts import pact_kinds
from ..core.rules.strength import strengths
from ..core.ruleset import Ruleset
from ..core.state import GameState, Motion
from ..text import cards, names
from ..text.effects import for_faction
from ..text.names import office_name
from ..text.pacts import phrase, terms
from ..text.policy import move_lines
from .whips import could_move


@dataclass(frozen=True, slots=True)
class Option:
    label: str
    action: A.Action
    cost: str
    preview: str


Forecast = Callable[[A.Propose], str]  # a motion's honest odds in words (by default worked out when asked)


def left_out(rs: Ruleset, state: GameState, action: A.Action) -> bool:
    """Whether the game's classroom preset leaves this kind of action out (then it is not shown)."""
    preset = rs.scenarios[state.scenario].preset(state.preset)
    return bool(preset and preset.actions and action.tag not in preset.actions and not spec_of(action).session)


def _name(rs: Ruleset, faction: str | None) -> str:
    """A faction as a label ('The Right'); a person of no faction is 'independent'."""
    if faction is None or faction not in rs.factions:
        return "independent"
    return names.label(rs, faction)


def options(
    rs: Ruleset,
    view: GameState,
    viewer: str,
    kind: str,
    key: str,
    appointments: bool = True,
    forecast: Forecast | None = None,
) -> list[Option]:
    """Actions on the selected thing, with cost and preview (legality is checked by the caller).
    `appointments=False` leaves out proposing a person for the offices (each has a forecast);
    `forecast`: how a motion's odds are put into words (see `odds_words`)."""
    odds = forecast or _forecast(rs, view, viewer)
    out: list[Option] = []
    if kind == "person":
        for amount in rs.rules["spend_steps"]:
            action = A.Lobby(viewer, key, amount)
            gain = preview_of(rs, view, action)["gain"]
            out.append(Option(f"Lobby ({amount})", action, _cost(rs, action), f"+{gain} loyalty to you, in secret"))
        if int(view.loyalty_secret[rs.ci[key], rs.fi[viewer]]) > 0:
            out.append(
                Option(
                    "Declare your hold",
                    A.Declare(viewer, key),
                    _cost(rs, A.Declare(viewer, key)),
                    "Reveal your hold: wins contested control, warns rivals",
                )
            )
        if key in view.seats.get("politburo", []):
            action = A.Propose(viewer, "expel_member", key)
            out.append(
                Option(
                    "Move to expel from the Politburo",
                    action,
                    _cost(rs, action),
                    odds(action) + "; then two-thirds of a joint plenum",
                )
            )
        wanted = _wanted(rs, view) if appointments else []
        for office, d in rs.offices.items() if appointments else ():
            if d.chosen_by == "politburo" and view.offices.get(office) != key and office in wanted:
                action = A.Propose(viewer, "appoint", key, office=office)
                named = office_name(rs, office, now(view))
                out.append(Option(f"Propose as {named}", action, _cost(rs, action), odds(action)))
    elif kind == "office" and view.offices.get(key):
        action = A.Propose(viewer, "remove", office=key)
        extra = "; then a joint plenum" if rs.offices[key].chosen_by == "central_committee" else ""
        out.append(Option("Move to remove the holder", action, _cost(rs, action), odds(action) + extra))
    elif kind == "region":
        for amount in rs.rules["spend_steps"]:
            action = A.Organise(viewer, key, amount)
            seen = preview_of(rs, view, action)
            out.append(
                Option(
                    f"Organise ({amount})",
                    action,
                    _cost(rs, action),
                    f"+{seen['sentiment']} sentiment; +{seen['heat']} heat",
                )
            )
        action = A.AppointSecretary(viewer, key)
        out.append(
            Option("Appoint the secretary", action, _cost(rs, action), "Your cadre runs the region and its delegates")
        )
    elif kind == "base":
        for amount in rs.rules["spend_steps"]:
            action = A.Campaign(viewer, key, amount)
            out.append(
                Option(f"Campaign ({amount})", action, _cost(rs, action), "Raises your standing (cheaper with Pravda)")
            )
    return out


def own_options(
    rs: Ruleset, view: GameState, viewer: str, congress: bool, forecast: Forecast | None = None
) -> list[Option]:
    """Actions on the faction itself and on its rivals; offers to answer come first."""
    odds = forecast or _forecast(rs, view, viewer)
    platform = preview_of(rs, view, A.Platform(viewer))
    out = answer_options(rs, view, viewer) + [
        Option(
            "Publish a platform",
            A.Platform(viewer),
            _cost(rs, A.Platform(viewer)),
            f"+{platform['standing']} standing with sympathetic constituencies; +{platform['heat']} heat",
        ),
        Option("Recant", A.Recant(viewer), _cost(rs, A.Recant(viewer)), "Halve your heat; lose credibility"),
    ]
    own = for_faction(rs, viewer, viewer)
    for spec in rs.factions[viewer].specials:
        special = A.Special(viewer, spec.id)
        out.append(
            Option(
                spec.name,
                special,
                _cost(rs, special),
                f"{spec.text}\n{own.effects(spec.effects)}; your heat {names.signed(spec.heat)}"
                + (f"\nOnly when {own.conditions(spec.conditions, start=False)}." if spec.conditions else ""),
            )
        )
    if congress:
        out.append(
            Option(
                "Congress speeches (4)",
                A.Speech(viewer, 4),
                _cost(rs, A.Speech(viewer, 4)),
                "Sway the uncommitted delegates",
            )
        )
        out.append(
            Option(
                "Stand a co-report",
                A.CoReport(viewer),
                _cost(rs, A.CoReport(viewer)),
                "Under a quarter of the hall costs heat and seats",
            )
        )
    if rs.factions[viewer].party:
        for meeting in ("plenum", "congress"):
            action = A.Propose(viewer, "convene", meeting)
            out.append(
                Option(
                    f"Move to convene a {meeting}",
                    action,
                    _cost(rs, action),
                    odds(action) + "; it meets next turn",
                )
            )
        if "testament_published" not in view.flags:
            action = A.Propose(viewer, "publish", "testament")
            out.append(
                Option(
                    "Move to publish Lenin's Testament",
                    action,
                    _cost(rs, action),
                    odds(action) + "; the General Secretary's master loses prestige",
                )
            )
    for other in rs.faction_ids:
        if other == viewer:
            continue
        short = names.faction(rs, other)
        if view.factions[other].rung > 0 and rs.factions[viewer].party:
            action = A.Propose(viewer, "readmit", other)
            out.append(Option(f"Move to readmit {short}", action, _cost(rs, action), odds(action)))
        denounce = preview_of(rs, view, A.Denounce(viewer, other))
        breaks = _breaks(rs, denounce["breaks"], other)
        out.append(
            Option(
                f"Denounce {short}",
                A.Denounce(viewer, other),
                _cost(rs, A.Denounce(viewer, other)),
                f"+{denounce['heat']} heat to them; +{denounce['own_heat']} heat and -{denounce['prestige']} prestige "
                f"to you{breaks}",
            )
        )
        action = A.Propose(viewer, "censure", other)  # it strikes at the same faction: the same pacts break
        out.append(Option(f"Move to censure {short}", action, _cost(rs, action), odds(action) + breaks))
    out.extend(offer_options(rs, view, viewer))
    return out


def answer_options(rs: Ruleset, view: GameState, viewer: str) -> list[Option]:
    """Accept or refuse each standing offer to this faction, with its terms in words."""
    out = []
    for pact in view.pacts:
        if pact.b == viewer and not pact.accepted:
            short = names.possessive(rs, pact.a)
            through = preview_of(rs, view, A.AnswerPact(viewer, pact.a, True))["through"]
            words = terms(rs, pact.kind, pact.a, viewer, through, view.start_year, pact.against, pact.price)
            out.append(
                Option(
                    f"Accept {short} {phrase(rs, pact.kind, pact.against)}",
                    A.AnswerPact(viewer, pact.a, True),
                    "free",
                    words,
                )
            )
            out.append(
                Option(
                    f"Refuse {short} {phrase(rs, pact.kind, pact.against)}",
                    A.AnswerPact(viewer, pact.a, False),
                    "free",
                    f"Say no. {words}",
                )
            )
    return out


def offer_options(rs: Ruleset, view: GameState, viewer: str) -> list[Option]:
    """Offer each kind of pact to each other faction (a bloc against the strongest third faction)."""
    out = []
    weights = strengths(rs, view)
    for other in rs.faction_ids:
        if other == viewer:
            continue
        short = names.faction(rs, other)
        for kind in pact_kinds(rs).values():
            turns = min(max(2, kind.turns[0]), kind.turns[1])
            against = ""
            if kind.against:
                thirds = [f for f in rs.faction_ids if f not in (viewer, other)]
                if not thirds:
                    continue
                against = max(thirds, key=lambda f: weights.get(f, 0.0))
            action = A.OfferPact(viewer, other, kind.id, turns, 0, against)
            through = preview_of(rs, view, action)["through"]
            words = terms(rs, kind.id, viewer, other, through, view.start_year, against or None)
            out.append(
                Option(
                    f"Offer {short} {a_or_an(phrase(rs, kind.id, against or None))}",
                    action,
                    _cost(rs, action),
                    f"{words} They answer on their next turn; you see why.",
                )
            )
    return out


def _breaks(rs: Ruleset, breaks: list[Preview], target: str) -> str:
    """'; BREAKS your non-aggression pact with the Left: -2 prestige, -30 of their trust' (or nothing)."""
    out = ""
    for pact in breaks:
        known = pact["prestige"] is not None
        cost = f"-{pact['prestige']} prestige, -{pact['trust']} of their trust" if known else "prestige and trust"
        out += f"; BREAKS your {phrase(rs, pact['kind'], pact['against'])} with {names.faction(rs, target)}: {cost}"
    return out


def a_or_an(words: str) -> str:
    return ("an " if words[:1] in "aeiou" else "a ") + words


def policy_options(rs: Ruleset, view: GameState, viewer: str, forecast: Forecast | None = None) -> list[Option]:
    odds = forecast or _forecast(rs, view, viewer)
    out = []
    for axis_id, axis in rs.axes.items():
        pos = view.policies[axis_id]
        for step in (-1, 1):
            if 0 <= pos + step < len(axis.positions):
                action = A.Propose(viewer, "policy", axis_id, step=step)
                target = axis.positions[pos + step].name
                words = "\n".join(move_lines(rs, view, axis_id, step))
                out.append(
                    Option(
                        f"{axis.name}: to {target}",
                        action,
                        _cost(rs, action),
                        f"{words}\n{odds(action)}",
                    )
                )
    return out


def hand_options(rs: Ruleset, view: GameState, viewer: str, summarise) -> list[Option]:
    """Each card in hand, for its event or its influence, each with the other beside it and the
    card's effects in words; `summarise`: the content tags the content settings summarise (the
    card's summary is shown, and says so)."""
    out = []
    for card_id in view.factions[viewer].hand:
        card = rs.cards[card_id]
        title = names.quoted(card.title)
        as_event, as_influence = cards.choice_words(rs, card_id, viewer)
        event, influence = A.PlayCard(viewer, card_id, "event"), A.PlayCard(viewer, card_id, "influence")
        seen = preview_of(rs, view, influence)
        text, hidden = shown_text(card, summarise)
        text += f" [{note(hidden)}; the full text is in the Encyclopedia]" if hidden else ""
        whose = names.capitalise(cards.owner_words(rs, card_id, viewer))
        out.append(Option(f"Play {title} for its event", event, _cost(rs, event), f"{as_event}\n{whose}: {text}"))
        out.append(
            Option(
                f"Play {title} for {seen['value']} influence",
                influence,
                _cost(rs, influence),
                as_influence,
            )
        )
    return out


def _wanted(rs: Ruleset, view: GameState) -> list[str]:
    """Offices worth offering in the person menu: vacant ones and the most important."""
    vacant = [o for o, d in rs.offices.items() if d.chosen_by == "politburo" and view.offices.get(o) is None]
    top = sorted(
        (o for o, d in rs.offices.items() if d.chosen_by == "politburo"), key=lambda o: -rs.offices[o].prestige
    )[:4]
    return list(dict.fromkeys(vacant + top))


def _cost(rs: Ruleset, action: A.Action) -> str:
    ap, influence = total_cost(rs, action)
    return f"{ap} AP, {influence} influence" if influence else f"{ap} AP"


def _forecast(rs: Ruleset, view: GameState, viewer: str) -> Forecast:
    """Each motion's odds worked out when asked (the window shows one thing's options at a time)."""
    return lambda action: odds_words(rs, view, viewer, [action])[0]


def odds_words(rs: Ruleset, view: GameState, viewer: str, actions: list[A.Propose]) -> list[str]:
    """'now: 64 % — could still move: Kalinin, Rudzutak (their leanings unknown to you)' for each of
    the viewer's motions, worked out together (one basis, every motion's worlds in the same arrays:
    the numbers of one at a time, several times quicker)."""
    motions = [Motion(a.motion, a.actor, a.params()) for a in actions]
    return [
        f"now: {round(seen.p * 100)} %"
        + could_move(rs, seen.could_move, [m for m, _, boss in seen.members if boss == viewer])
        for seen in honest_all(rs, view, motions, viewer)
    ]
