"""Which content tags the window summarises now: the player's settings, plus those a set-up file
brought to the game in play. Screens ask here before showing an event, a card or an article."""

from __future__ import annotations

from ..content.tags import in_force


def tags_for(app, session=None) -> list[str]:
    """The content tags summarised now: the player's settings, plus those the game in play (or the
    given session) brought from its set-up file."""
    if session is None:
        session = next((s.session for s in reversed(app.stack) if getattr(s, "session", None) is not None), None)
    return in_force(app.settings.summarise, session.options if session is not None else None)


def toggle_label(summarised: bool) -> str:
    return "Summarise" if summarised else "Show in full"
