"""The flow of the game on the apparatus screen: each frame the bots move a few steps, then the
screen opens the dialog the moment needs - a lesson's end, the end, the hand-over, the vote
reports, the inbox, an event. A mixin of GameScene (which provides app, session, saver,
clock and the rest).

Each person at the screen has their own vote reports and inbox: in hotseat the team that ended
first (whose votes were counted while another team sat at the controls) sees that turn's votes
and everything since its last turn right after its next hand-over, before its first event."""

from __future__ import annotations

import pygame

from ...views import inbox as inbox_model

# What the players are shown after each Politburo session: votes, congresses and plenums.
REPORTED = (
    "vote.held",
    "plenum.removal",
    "plenum.expulsion",
    "congress.held",
    "congress.co_report_failed",
    "congress.co_report_held",
    "plenum.elected",
    "plenum.dropped",
    "plenum.coopted",
)
BOT_BUDGET_MS = 6.0


class GameFlow:
    def update(self, dt: float) -> None:
        s = self.session
        before = s.state.turn
        self.autosave_if_new_turn()
        self.collect_votes()
        lesson = self.lesson_break_due()
        if lesson:
            self.app.push("lesson_end", s, lesson)
            return
        if s.over:
            self.app.push("end", s)
            return
        human = s.human_to_move()
        if human is None:
            started = pygame.time.get_ticks()
            while s.human_to_move() is None and not s.over and pygame.time.get_ticks() - started < BOT_BUDGET_MS:
                s.step_bot()
            if s.state.turn != before or s.human_to_move() is not None:
                self.collect_votes()
                self.rebuild()
            human = s.human_to_move()
            if human is None or s.over:
                return
        if len(s.humans) > 1 and human != self.shown_human and s.options.get("handover", True):
            self.shown_human = human
            self._viewer = human
            self.app.push("handover", s, human, self.news_for(human))
            return
        self.shown_human = human
        self.clock.start_turn((s.state.turn, human), pygame.time.get_ticks())
        if human != self._viewer or self.built_for != self.moment():
            self._viewer = human
            self.rebuild()
        if self.pending_votes.get(human):
            votes, self.pending_votes[human] = self.pending_votes[human], []
            if s.options.get("vote_reports", True):
                self.app.push("votes", s, votes)
                return
        first_move = s.state.phase in ("chronicle", "intrigue") and self.inbox_done.get(human) != s.state.turn
        if first_move and self.open_inbox(human):
            return
        if s.state.event_queue:
            self.app.push("event", s, human)

    def open_inbox(self, human: str) -> bool:
        """Once per turn per person, at their first move (before their event, if they have one):
        what happened since their last turn, if anything. True if the inbox opened."""
        self.inbox_done[human] = self.session.state.turn
        log = self.current_view(human).log
        entries, self.inbox_mark[human] = log[self.inbox_mark.get(human, 0) :], len(log)
        if not inbox_model.lines(self.app.rs, entries, human):
            return False
        self.app.push("inbox", self.session, human, entries)
        return True

    def news_for(self, human: str) -> str:
        """What waits for this person after the hand-over: the votes held and the inbox's lines
        since their last turn ("" if nothing)."""
        votes = sum(1 for entry in self.pending_votes.get(human, []) if entry[1] == "vote.held")
        news = 0
        if self.inbox_done.get(human) != self.session.state.turn:
            log = self.current_view(human).log
            news = len(inbox_model.lines(self.app.rs, log[self.inbox_mark.get(human, 0) :], human))
        parts = [
            f"the report of {votes} vote{'s' if votes != 1 else ''}" if votes else "",
            f"{news} item{'s' if news != 1 else ''} of news" if news else "",
        ]
        said = " and ".join(p for p in parts if p)
        return f"Waiting for you: {said} since your last turn. They open when you are ready." if said else ""

    def collect_votes(self) -> None:
        log = self.session.state.log
        for entry in log[self.seen_log :]:
            if entry[1] in REPORTED:
                for human in self.session.humans:  # each person at the screen reads them on their next move
                    self.pending_votes.setdefault(human, []).append(entry)
        self.seen_log = len(log)

    def after_teacher(self, note: str) -> None:
        """A teacher control changed the game (perhaps wound it back): catch up and say what."""
        state = self.session.state
        self.seen_log = min(self.seen_log, len(state.log))
        self.lesson_break_shown = state.turn
        self.saver.mark_saved()
        self.pending_votes = {}
        self.inbox_mark = {f: min(n, len(state.log)) for f, n in self.inbox_mark.items()}
        self.shown_human = None
        self.message = note
        self.leave_rounds()  # an undo may go back past the last change from rounds to hotseat
        self.rebuild()

    def leave_rounds(self) -> None:
        """A game played in rounds on the network (its save continued here, or wound back to before
        it came here) goes on one team at a time, each through its whole turn, as hotseat: by a
        teacher action in the log, so a replay repeats it. Hosting it again brings the rounds back."""
        if self.session.state.rounds and self.session.teacher("hotseat").ok:
            said = "Played in rounds on the network until now: here the teams take their turns one at a time."
            self.message, self.message_ok = f"{self.message} {said}".strip(), True

    def add_paused(self, ms: int) -> None:
        self.clock.paused(ms)

    def lesson_break_due(self) -> int:
        """The lesson that has just ended (1, 2...), or 0 if the game is not at a lesson's end."""
        state = self.session.state
        preset = self.app.rs.scenarios[state.scenario].preset(state.preset)
        if preset is None or preset.lessons <= 1 or state.turn == self.lesson_break_shown:
            return 0
        per_lesson = -(-(state.last_turn + 1) // preset.lessons)
        self.lesson_break_shown = state.turn
        return state.turn // per_lesson if state.turn % per_lesson == 0 else 0
