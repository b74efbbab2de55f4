"""The teacher menu (F10, or Teacher in the pause menu): pause the class, end a team's turn, skip
or bring in an event, undo the last whole turn, recover a faction wiped out early, and the
table's classroom options (turn timer, rotate the driver, class vote). Every control that
changes the game goes through the session as a logged action, so the chronicle and the
after-action report show each use.
"""

from __future__ import annotations

import pygame
import pygame_gui

from ...core import actions as A
from ...core.calendar import half_year_label
from ...session.live import TIMER_STEPS
from ...text.chronicle import Text
from .. import assets as K
from ..widgets.common import ButtonList, Choice, closes, heading
from .overlay import MenuOverlay, Overlay


def report_back(dialog, result) -> None:
    """After a teacher control: on success close the teacher's dialogs and say on the apparatus
    screen what the chronicle now says; on refusal keep the dialog open with the reason."""
    if not result.ok:
        dialog.note = dialog.session.words(result.reason)
        return
    app = dialog.app
    texts = [Text(app.rs).entry(k, p) for _t, k, p in result.events if k == "teacher.action"]
    game = app.game_scene()
    while app.stack and app.scene is not game:
        app.pop()
    if game is not None:
        game.after_teacher(next((t for t in texts if t), "Done."))


class TeacherOverlay(MenuOverlay):
    title = "Teacher"
    teacher_dialog = True

    def __init__(self, app, session) -> None:
        self.session = session
        self.note = ""
        super().__init__(app)

    def build(self) -> None:
        s, opts = self.session, self.session.options
        why = s.why_not
        timer = int(opts.get("turn_timer", 0))
        choices = [
            Choice(
                "#t_pause",
                "Pause the class",
                self.pause,
                tooltip="Blanks the screen and stops the clocks until you resume (key P)",
                key=pygame.K_p,
            ),
            Choice(
                "#t_advance",
                "End this team's turn",
                lambda: self.teach("advance"),
                why(A.TeacherAction(A.TEACHER, "advance")) is None,
                self.tip("advance", "A team that is stuck or absent passes; key A"),
                pygame.K_a,
            ),
            Choice(
                "#t_skip",
                "Skip the waiting event",
                lambda: self.teach("skip"),
                why(A.TeacherAction(A.TEACHER, "skip")) is None,
                self.tip("skip", "It does not happen in this game; key S"),
                pygame.K_s,
            ),
            Choice(
                "#t_inject",
                "Bring in an event…",
                lambda: self.app.push(EventPickerOverlay, s),
                s.state.phase != "over",
                "Any event whose situation holds, by id or title (key I)",
                pygame.K_i,
            ),
            Choice(
                "#t_undo",
                "Undo the last whole turn",
                self.undo_turn,
                bool(s.timeline.log),
                "Back to the start of the previous turn, for every team (key U)",
                pygame.K_u,
            ),
            Choice(
                "#t_recover",
                "Recovery for a faction…",
                lambda: self.app.push(RecoveryOverlay, s),
                s.state.phase != "over",
                "A way back for a faction expelled or with its leaders gone (key R)",
                pygame.K_r,
            ),
            Choice(
                "#t_timer",
                f"Turn timer: {f'{timer} min' if timer else 'off'}",
                self.cycle_timer,
                tooltip="Minutes per team turn, shown on the apparatus screen (key T)",
                key=pygame.K_t,
            ),
            Choice(
                "#t_rotate",
                f"Rotate the driver: {'on' if opts.get('rotate_driver') else 'off'}",
                lambda: self.toggle("rotate_driver"),
                tooltip="The hand-over screen asks the team to pass the mouse on (key D)",
                key=pygame.K_d,
            ),
            Choice(
                "#t_classvote",
                f"Class vote: {'on' if opts.get('class_vote') else 'off'}",
                lambda: self.toggle("class_vote"),
                tooltip="Events and motions are put to the room first; the driver enters the result (key V)",
                key=pygame.K_v,
            ),
            Choice("#t_back", "Back to the game", self.app.pop, tooltip="Esc"),
        ]
        r = self.frame_rect()
        height = self.s(38)
        self.list = ButtonList(
            self, choices, pygame.Rect(r.left + self.s(30), r.top + self.s(76), self.s(360), height), height, self.s(6)
        )

    def tip(self, kind: str, text: str) -> str:
        reason = self.session.why_not(A.TeacherAction(A.TEACHER, kind))
        return f"{text}\nNot now: {reason}" if reason else text

    def teach(self, kind: str, **fields) -> None:
        report_back(self, self.session.teacher(kind, **fields))

    def pause(self) -> None:
        result = self.session.teacher("pause")
        self.app.pop()
        self.app.push(ClassPausedOverlay, self.session)
        if not result.ok:
            self.note = self.session.words(result.reason)

    def undo_turn(self) -> None:
        result = self.session.undo_whole_turn()
        if result is None:
            self.note = "Nothing to undo yet: the game is at its first turn's start."
            return
        report_back(self, result)

    def cycle_timer(self) -> None:
        now = int(self.session.options.get("turn_timer", 0))
        later = TIMER_STEPS[(TIMER_STEPS.index(now) + 1) % len(TIMER_STEPS)] if now in TIMER_STEPS else 0
        self.session.options["turn_timer"] = later
        self.refresh()

    def toggle(self, option: str) -> None:
        self.session.options[option] = not self.session.options.get(option, False)
        self.refresh()

    def refresh(self) -> None:
        focus = self.list.focus
        self.rebuild()
        self.list.focus = focus

    def draw_body(self, surface, r: pygame.Rect) -> None:
        body = pygame.Rect(r.left + self.s(420), r.top + self.s(80), r.width - self.s(450), r.height - self.s(120))
        lines = [
            "Every use is written in the chronicle and the after-action report.",
            "Recovery and brought-in events change this game's history: the report marks them.",
            f"Turn {self.session.state.turn + 1} of {self.session.state.last_turn + 1}.",
        ]
        for line in lines:
            body.top = K.paragraph(surface, line, body, "body", self.s(16)) + self.s(8)
        if self.note:
            K.paragraph(surface, self.note, body, "bold", self.s(16), K.RED)


class ClassPausedOverlay(Overlay):
    """The whole screen dark, the clocks stopped, until the teacher resumes."""

    opaque = True
    teacher_dialog = True

    def __init__(self, app, session) -> None:
        self.session = session
        self.since = pygame.time.get_ticks()
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        self.ok = self.button(
            pygame.Rect(r.centerx - self.s(160), r.bottom - self.s(120), self.s(320), self.s(56)),
            "Resume",
            "#resume_class",
            "Enter also resumes",
        )

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_RETURN, pygame.K_SPACE, pygame.K_ESCAPE)):
            game = self.app.game_scene()
            if game is not None:
                game.add_paused(pygame.time.get_ticks() - self.since)
            self.app.pop()

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "Paused", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        K.text(
            surface, "Eyes on the teacher", (r.centerx, r.centery - self.s(20)), "poster", self.s(56), K.INK, "center"
        )
        K.text(
            surface,
            "The lesson clock and the turn timer are stopped.",
            (r.centerx, r.centery + self.s(44)),
            "body",
            self.s(20),
            K.GREY,
            "center",
        )


class EventPickerOverlay(Overlay):
    """Type part of an event's title or id; Enter or a click brings it in."""

    LIMIT = 8
    teacher_dialog = True

    def __init__(self, app, session) -> None:
        self.session = session
        self.query = ""
        self.note = ""
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        self.entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(r.left + self.s(30), r.top + self.s(76), r.width - self.s(60), self.s(40)),
            self.manager,
            object_id="#event_query",
        )
        self.entry.set_text(self.query)
        self.entry.focus()
        height = self.s(36)
        self.list = ButtonList(
            self,
            self.choices(),
            pygame.Rect(r.left + self.s(30), r.top + self.s(130), r.width - self.s(60), height),
            height,
            self.s(6),
        )

    def matches(self) -> list[str]:
        words = self.query.lower().strip()
        events = self.app.rs.events
        named = [e for e, ev in events.items() if not words or words in e.lower() or words in ev.title.lower()]
        told = [e for e, ev in events.items() if words and e not in named and words in ev.text.lower()]
        by_date = lambda e: (events[e].first_turn, e)  # noqa: E731
        return (sorted(named, key=by_date) + sorted(told, key=by_date))[: self.LIMIT]

    def choices(self) -> list[Choice]:
        out = []
        for event_id in self.matches():
            ev = self.app.rs.events[event_id]
            why = self.session.why_not(A.TeacherAction(A.TEACHER, "inject", event=event_id))
            year, season = half_year_label(ev.first_turn).split("-")
            when = f"{season} {year}"
            label = K.fit(f"{ev.title} ({when}) — {event_id}", "body", self.s(15), self.frame_rect().width - self.s(90))
            out.append(
                Choice(
                    f"#inject_{event_id}",
                    label,
                    lambda e=event_id: self.inject(e),
                    why is None,
                    why or f"Bring in '{ev.title}' now: {ev.text[:200]}",
                )
            )
        return out or [Choice("#inject_none", "No event matches", lambda: None, False)]

    def inject(self, event_id: str) -> None:
        report_back(self, self.session.teacher("inject", event=event_id))

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
            return
        if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED and event.ui_element is self.entry:
            self.query = self.entry.get_text()
            self.rebuild()
            return
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            enabled = [c for c in self.list.choices if c.enabled]
            if enabled:
                enabled[0].act()
            return
        if event.type == pygame.KEYDOWN and self.entry.is_focused and event.key not in (pygame.K_UP, pygame.K_DOWN):
            return  # typing goes to the search line
        self.list.handle(event)

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "Bring in an event", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        y = self.list.bottom + self.s(10)
        hint = "Type part of a title or id. Greyed events cannot happen now (hover for why). Esc goes back."
        K.paragraph(
            surface,
            self.note or hint,
            pygame.Rect(r.left + self.s(30), y, r.width - self.s(60), self.s(60)),
            "bold" if self.note else "body",
            self.s(15),
            K.RED if self.note else K.GREY,
        )
        self.list.draw_focus(surface)


class RecoveryOverlay(MenuOverlay):
    """Pick a faction to recover; only those wiped out can be."""

    title = "Recovery"
    teacher_dialog = True

    def __init__(self, app, session) -> None:
        self.session = session
        self.note = ""
        super().__init__(app)

    def build(self) -> None:
        rs, state = self.app.rs, self.session.state
        scen = rs.scenarios[state.scenario]
        choices = []
        for f in scen.playable:
            if f == scen.apparatus:
                continue
            rung = rs.ladder_of(f).rungs[state.factions[f].rung].name
            label = f"{rs.factions[f].name} — {rung}{', leaders gone' if state.factions[f].exiled else ''}"
            why = self.session.why_not(A.TeacherAction(A.TEACHER, "recover", faction=f))
            choices.append(
                Choice(f"#recover_{f}", label, lambda f=f: self.recover(f), why is None, why or "Recover this faction")
            )
        choices.append(Choice("#recover_back", "Back", self.app.pop))
        r = self.frame_rect()
        height = self.s(40)
        self.list = ButtonList(
            self,
            choices,
            pygame.Rect(r.left + self.s(30), r.top + self.s(160), r.width - self.s(60), height),
            height,
            self.s(6),
        )

    def recover(self, faction: str) -> None:
        report_back(self, self.session.teacher("recover", faction=faction))

    def draw_body(self, surface, r: pygame.Rect) -> None:
        rec = self.app.rs.rules["recovery"]
        text = (
            f"A faction wiped out early comes back: to the second rung of its ladder, heat cleared, {rec['influence']} influence, "
            f"its exiled or arrested leaders freed, and up to {rec['cc_seats']} Central Committee seats for a party faction. "
            "The dead stay dead. This is alternate history, and the chronicle and report say so."
        )
        K.paragraph(
            surface,
            self.note or text,
            pygame.Rect(r.left + self.s(30), r.top + self.s(70), r.width - self.s(60), self.s(84)),
            "bold" if self.note else "body",
            self.s(15),
            K.RED if self.note else K.INK,
        )
