"""Action records: frozen, ids and numbers only, with a registry by type tag for saving.

Every decision a faction makes — a person through the window or a bot — is one of these, submitted
to `engine.apply`. `undoable` says whether the action can be taken back within the faction's turn:
only those that roll no dice and reveal nothing (else undo would re-roll or peek).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class Action:
    actor: str
    tag: ClassVar[str] = ""
    undoable: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.tag, **asdict(self)}


@dataclass(frozen=True, slots=True)
class ChooseOption(Action):
    """Take one of a chronicle event's choices."""

    event: str = ""
    option: str = ""
    tag: ClassVar[str] = "choose"
    undoable: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class PlayCard(Action):
    card: str = ""
    mode: str = "event"  # event | influence
    tag: ClassVar[str] = "play_card"
    undoable: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class Lobby(Action):
    character: str = ""
    influence: int = 1
    tag: ClassVar[str] = "lobby"


@dataclass(frozen=True, slots=True)
class Declare(Action):
    character: str = ""
    tag: ClassVar[str] = "declare"
    undoable: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class AppointSecretary(Action):
    """The Secretariat names a regional party secretary from its own cadres."""

    region: str = ""
    tag: ClassVar[str] = "appoint"


MOTION_KINDS = ("policy", "appoint", "remove", "expel_member", "censure", "readmit", "convene", "publish", "compromise")


@dataclass(frozen=True, slots=True)
class Propose(Action):
    """Put a motion on the Politburo agenda.

    policy: target=axis, step=+1/-1 · appoint: target=character, office · remove: office ·
    expel_member: target=character · censure / readmit: target=faction · convene: target=plenum|congress ·
    publish: target=testament · compromise: target=character (a compromise figure, rules/compromise.py)
    """

    motion: str = ""
    target: str = ""
    office: str = ""
    step: int = 0
    tag: ClassVar[str] = "propose"

    def params(self) -> dict[str, Any]:
        m = self.motion
        if m == "policy":
            return {"axis": self.target, "step": self.step}
        if m == "appoint":
            return {"office": self.office, "character": self.target}
        if m == "remove":
            return {"office": self.office}
        if m == "expel_member":
            return {"character": self.target}
        if m in ("censure", "readmit"):
            return {"faction": self.target}
        if m == "convene":
            return {"meeting": self.target}
        if m == "compromise":
            return {"figure": self.target}
        return {"document": self.target}


@dataclass(frozen=True, slots=True)
class Campaign(Action):
    base: str = ""
    influence: int = 1
    tag: ClassVar[str] = "campaign"


@dataclass(frozen=True, slots=True)
class Organise(Action):
    region: str = ""
    influence: int = 1
    tag: ClassVar[str] = "organise"


@dataclass(frozen=True, slots=True)
class Platform(Action):
    tag: ClassVar[str] = "platform"


@dataclass(frozen=True, slots=True)
class OfferPact(Action):
    """Offer a pact of a kind from rules.yaml pact_kinds; `against` names a bloc's third faction."""

    partner: str = ""
    kind: str = "non_aggression"
    turns: int = 2
    price: int = 0  # influence paid to the partner on acceptance
    against: str = ""
    tag: ClassVar[str] = "offer_pact"


@dataclass(frozen=True, slots=True)
class AnswerPact(Action):
    """Accept or refuse an offer; `reason` is a key saying why (for the chronicle and the offerer)."""

    proposer: str = ""
    accept: bool = True
    reason: str = ""
    tag: ClassVar[str] = "answer_pact"
    undoable: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class BreakPact(Action):
    """Break a pact in force with `partner`, paying its stated cost in prestige and trust."""

    partner: str = ""
    tag: ClassVar[str] = "break_pact"
    undoable: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class Whip(Action):
    """Direct the members one controls on motion `motion` (its id): for, against or free vote.
    Free of action points; set before the Politburo votes."""

    motion: int = 0
    whip: str = "for"
    tag: ClassVar[str] = "whip"


@dataclass(frozen=True, slots=True)
class Denounce(Action):
    target: str = ""
    tag: ClassVar[str] = "denounce"


@dataclass(frozen=True, slots=True)
class Recant(Action):
    tag: ClassVar[str] = "recant"


@dataclass(frozen=True, slots=True)
class Special(Action):
    special: str = ""
    tag: ClassVar[str] = "special"


@dataclass(frozen=True, slots=True)
class Speech(Action):
    """Spend influence on speeches to sway the uncommitted at this turn's congress."""

    influence: int = 1
    tag: ClassVar[str] = "speech"


@dataclass(frozen=True, slots=True)
class CoReport(Action):
    """Stand an opposition co-report against the political report at this turn's congress."""

    tag: ClassVar[str] = "co_report"


@dataclass(frozen=True, slots=True)
class EndTurn(Action):
    tag: ClassVar[str] = "end_turn"


# ---- the classroom ---------------------------------------------------------------------------
# Teacher controls act for nobody ("teacher") and cost nothing; each leaves a chronicle entry.
TEACHER = "teacher"


@dataclass(frozen=True, slots=True)
class TeacherAction(Action):
    """A teacher's intervention: kinds are pause, advance (end the acting team's turn), skip (the
    waiting event), inject (an event by id), recover (a faction wiped out early), undo_turn
    (recorded after the timeline was wound back a whole turn), rounds (a networked class acts in
    rounds from now on) and hotseat (one team at a time again: the game goes on in the window)."""

    kind: str = ""
    event: str = ""
    faction: str = ""
    turn: int = 0
    tag: ClassVar[str] = "teacher"
    undoable: ClassVar[bool] = False


@dataclass(frozen=True, slots=True)
class ClassVote(Action):
    """What the room voted before the driver entered a choice: `counts` is "option=n;option=n"."""

    subject: str = ""
    counts: str = ""
    chosen: str = ""
    tag: ClassVar[str] = "class_vote"
    undoable: ClassVar[bool] = False


ACTION_TYPES: dict[str, type[Action]] = {
    cls.tag: cls
    for cls in (
        ChooseOption,
        PlayCard,
        Lobby,
        Declare,
        AppointSecretary,
        Propose,
        Campaign,
        Organise,
        Platform,
        OfferPact,
        AnswerPact,
        BreakPact,
        Whip,
        Denounce,
        Recant,
        Special,
        Speech,
        CoReport,
        EndTurn,
        TeacherAction,
        ClassVote,
    )
}


def action_from_dict(data: dict[str, Any]) -> Action:
    """Rebuild an action from its saved form; raises ValueError on anything unexpected."""
    if not isinstance(data, dict):
        raise ValueError("an action must be a mapping")
    tag = data.get("type")
    cls = ACTION_TYPES.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise ValueError(f"unknown action type {tag!r}")
    allowed = {f.name: f.type for f in fields(cls)}
    kwargs = {k: v for k, v in data.items() if k != "type"}
    unknown = set(kwargs) - set(allowed)
    if unknown:
        raise ValueError(f"action {tag} has unknown fields {sorted(unknown)}")
    for k, v in kwargs.items():
        if not isinstance(v, (str, int, bool)):
            raise ValueError(f"action {tag}: field {k} must be a string, number or boolean")
    return cls(**kwargs)
