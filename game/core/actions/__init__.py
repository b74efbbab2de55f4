"""Actions: the records every decision is made of, and one module per theme saying, for each
action, whether it is allowed (`check`), what it does (`perform`), what it costs and what it
would bring (`preview`, numbers and keys the window words). `table.SPECS` maps each action's tag
to its spec; `legality` and `perform` dispatch through it.

Only the records are imported here, so the rules may import them without a cycle.
"""

from .records import (
    ACTION_TYPES,
    MOTION_KINDS,
    TEACHER,
    Action,
    AnswerPact,
    AppointSecretary,
    BreakPact,
    Campaign,
    ChooseOption,
    ClassVote,
    CoReport,
    Declare,
    Denounce,
    EndTurn,
    Lobby,
    OfferPact,
    Organise,
    Platform,
    PlayCard,
    Propose,
    Recant,
    Special,
    Speech,
    TeacherAction,
    Whip,
    action_from_dict,
)

__all__ = [
    "ACTION_TYPES",
    "MOTION_KINDS",
    "TEACHER",
    "Action",
    "AnswerPact",
    "AppointSecretary",
    "BreakPact",
    "Campaign",
    "ChooseOption",
    "ClassVote",
    "CoReport",
    "Declare",
    "Denounce",
    "EndTurn",
    "Lobby",
    "OfferPact",
    "Organise",
    "Platform",
    "PlayCard",
    "Propose",
    "Recant",
    "Special",
    "Speech",
    "TeacherAction",
    "Whip",
    "action_from_dict",
]
