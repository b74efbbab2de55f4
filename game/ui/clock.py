"""The classroom clocks on the apparatus screen: the lesson clock (minutes left in the preset's
plan) and the optional turn timer of each team. Both stop while the teacher pauses the class.
Times are in milliseconds from pygame's ticks, passed in so the clock is easy to test."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class ClassClock:
    lesson_started: int
    turn_started: int = 0
    turn_key: tuple | None = None  # (turn, team) whose timer runs

    def start_turn(self, key: tuple, now: int) -> None:
        """A new team is at the controls (or a new turn began): its timer restarts."""
        if key != self.turn_key:
            self.turn_key, self.turn_started = key, now

    def paused(self, ms: int) -> None:
        """The class was paused for `ms`: neither clock counts that time."""
        self.lesson_started += ms
        self.turn_started += ms

    def lesson_minutes_left(self, minutes: int, now: int) -> int:
        return max(0, minutes - (now - self.lesson_started) // 60000)

    def turn_seconds_left(self, minutes: int, now: int) -> int:
        return max(0, minutes * 60 - (now - self.turn_started) // 1000)


def mm_ss(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"
