"""Content settings: which tagged event and card texts are shown in full and which summarised.

Events and cards carry `content_tags` (famine, repression, execution, violence). A teacher may
choose, per tag, to show a record's `summary` — a sober sentence or two — instead of its full
text; the player then sees a note saying so, and the full text stays in the Encyclopedia. The
tags in force for a game are the player's settings plus any a set-up file brought, kept in the
session's table options as `summarise.<tag>` so they travel with the save. Pure: no pygame, so
the window, the report and the tests share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

TAGS = ("famine", "repression", "execution", "violence")
LABELS = {"famine": "Famine", "repression": "Repression", "execution": "Executions", "violence": "Violence"}
TOPICS = {"famine": "famine", "repression": "political repression", "execution": "executions", "violence": "violence"}
OPTION_PREFIX = "summarise."


def known_tags(tags: Iterable[Any]) -> list[str]:
    """The known tags among these, once each, in the standard order (anything else is dropped)."""
    given = {t for t in tags if isinstance(t, str)}
    return [t for t in TAGS if t in given]


def summarised_tags(record: Any, summarise: Iterable[str]) -> tuple[str, ...]:
    """The record's tags that are set to be summarised, in the record's order."""
    wanted = set(summarise)
    return tuple(t for t in getattr(record, "content_tags", ()) if t in wanted)


def generic_summary(tags: Iterable[str]) -> str:
    """The stand-in for a tagged record that has no summary of its own: it names the topic only."""
    topics = [TOPICS.get(t, t) for t in tags]
    named = topics[0] if len(topics) == 1 else ", ".join(topics[:-1]) + " and " + topics[-1]
    return (
        f"This text deals with {named}. It is summarised by the content settings; the full text is in the Encyclopedia."
    )


def shown_text(record: Any, summarise: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """What a player reads for an event or card: (its full text, ()) or, when any of its tags is
    set to be summarised, (its summary or a neutral stand-in, the tags that caused it)."""
    hidden = summarised_tags(record, summarise)
    if not hidden:
        return record.text, ()
    summary = " ".join(str(getattr(record, "summary", "") or "").split())
    return summary or generic_summary(hidden), hidden


def toggled(summarise: Iterable[str], tag: str) -> list[str]:
    """The list with this tag switched between shown in full and summarised."""
    tags = set(summarise)
    tags.symmetric_difference_update({tag})
    return known_tags(tags)


def note(hidden: Iterable[str]) -> str:
    """The line shown beside a summary, so nobody mistakes it for the whole text."""
    return f"Summarised (content settings: {', '.join(hidden)})"


def as_options(tags: Iterable[str]) -> dict[str, bool]:
    """Table options that carry a set-up's tags into the game (and its saves)."""
    return {OPTION_PREFIX + t: True for t in known_tags(tags)}


def in_force(settings_tags: Iterable[str], options: Mapping[str, Any] | None = None) -> list[str]:
    """The tags summarised in a game: the player's settings plus those its table options carry."""
    extra = [key[len(OPTION_PREFIX) :] for key, on in (options or {}).items() if key.startswith(OPTION_PREFIX) and on]
    return known_tags([*settings_tags, *extra])
