"""Class votes from the pages: the teacher opens one (a question and its options, or the waiting
event and its choices), each device votes once, the board shows the tally, and closing it enters
the tally in the chronicle as a class vote for the team at the controls, as in hotseat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core import actions as A
from ..session.live import Session
from .protocol import ProtocolError


@dataclass(slots=True)
class Poll:
    id: int
    subject: str
    options: list[str]
    votes: dict[str, str] = field(default_factory=dict)  # device id -> option
    open: bool = True

    def counts(self) -> dict[str, int]:
        return {o: sum(1 for v in self.votes.values() if v == o) for o in self.options}

    def public(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject": self.subject,
            "options": self.options,
            "counts": self.counts(),
            "open": self.open,
        }


def start_poll(polls: list[Poll], session: Session, subject: str, options: list[str]) -> None:
    if any(p.open for p in polls):
        raise ProtocolError("illegal", "Close the open class vote first.")
    rs, state = session.rs, session.state
    if not subject and state.event_queue:
        ev = rs.events[state.event_queue[0]]
        subject, options = f"the event {ev.title}", [c.label for c in ev.choices]
    options = [o.replace("=", "-").replace(";", ",") for o in options] or ["Yes", "No"]
    if not subject:
        raise ProtocolError("malformed", "A class vote needs a question.")
    polls.append(Poll(len(polls) + 1, subject, options))


def end_poll(polls: list[Poll], session: Session) -> str | None:
    """Close the open vote; the subject if its tally went into the chronicle."""
    poll = next((p for p in polls if p.open), None)
    if poll is None:
        raise ProtocolError("illegal", "No class vote is open.")
    poll.open = False
    counts = poll.counts()
    chosen = max(poll.options, key=lambda o: counts[o])
    mover = session.to_move()
    if mover is not None:  # the tally goes in the chronicle and the report, as in hotseat
        text = ";".join(f"{o}={n}" for o, n in counts.items())
        if session.submit(A.ClassVote(mover, poll.subject, text, chosen)).ok:
            return poll.subject
    return None
