"""The apparatus screen: the main screen of a game.

Top: the date, the phase, whose move it is, and the acting faction's influence, action points
and heat. Left: the apparatus (see diagram.py); hover anything for who holds it and why, click
to select it. Right: what can be done — on the selection, as a faction, on policy, with the
hand of cards — each action with its cost and a preview, greyed out with the reason when it is
illegal. Bots move a few steps a frame; dialogs (events, votes, hand-over, the end) are pushed
on top.
"""

from __future__ import annotations

import pygame
import pygame_gui

from ...core import actions as A
from ...core.flow import congress_due
from ...session.live import Session
from .. import assets as K
from .. import presenters as P
from ..app import Scene
from ..clock import ClassClock
from ..diagram import Diagram
from .gamedraw import GameDrawing
from .gamesaves import GameSaves
from .whippanel import WhipPanel

TABS = ("Selection", "Faction", "Policy", "Hand")
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


class GameScene(GameSaves, WhipPanel, GameDrawing, Scene):
    def __init__(self, app, session: Session) -> None:
        self.session = session
        self.selected: tuple[str, str] | None = None
        self.tab = "Faction"
        self.hover: tuple[str, str] | None = None
        self.hits = []
        self.seen_log = 0
        self.pending_votes: list = []
        # The inbox: the turn each person last saw it, and how much of their view's chronicle they
        # have seen; a game just opened starts from here (its story so far is in the chronicle).
        self.inbox_done = {h: session.state.turn for h in session.humans}
        self.inbox_mark = {h: len(session.view(h).log) for h in session.humans}
        self.shown_human: str | None = None
        self.message = ""
        self._viewer = self.viewer_for_display()
        self.clock = ClassClock(
            pygame.time.get_ticks()
        )  # lesson clock and turn timer (not saved: they restart with each lesson)
        self.lesson_break_shown = session.state.turn
        super().__init__(app)

    # ---- whose eyes --------------------------------------------------------------------------

    def viewer_for_display(self) -> str:
        """The faction whose view the screen shows: the person to move, else the last one."""
        s = self.session
        human = s.human_to_move()
        if human:
            return human
        if s.last_human:
            return s.last_human
        return s.humans[0] if s.humans else s.rs.scenarios[s.state.scenario].apparatus

    # ---- widgets -----------------------------------------------------------------------------

    def build(self) -> None:
        w, h = self.app.size
        self.panel = pygame.Rect(int(w * 0.66), self.s(64), w - int(w * 0.66) - self.s(12), h - self.s(64) - self.s(12))
        self.area = pygame.Rect(self.s(18), self.s(70), int(w * 0.66) - self.s(36), h - self.s(82))
        self.diagram = Diagram(self.app.rs, self.area, self.app.scale, self.app.settings.markers)
        bar_y = self.s(12)
        x = w - self.s(12)
        self.top_buttons = {}
        for label, oid, key in (
            ("Menu", "#pause", "Esc"),
            ("Encyclopedia", "#encyclopedia", "F1"),
            ("Country", "#country", "I"),
            ("Chronicle", "#chronicle", "C"),
            ("Relations", "#relations", "R"),
        ):
            width = max(self.s(76), K.font("body", self.s(16)).size(label)[0] + self.s(26))
            x -= width + self.s(6)
            self.top_buttons[self.button(pygame.Rect(x, bar_y, width, self.s(36)), label, oid, f"Key: {key}")] = oid
        self.tab_buttons = {}
        tx = self.panel.left
        tw = (self.panel.width - self.s(6) * 3) // 4
        for tab in TABS:
            b = self.button(pygame.Rect(tx, self.panel.top, tw, self.s(32)), tab, f"#tab_{tab.lower()}")
            if tab == self.tab:
                b.select()
            self.tab_buttons[b] = tab
            tx += tw + self.s(6)
        self.end_turn = self.button(
            pygame.Rect(self.panel.left, self.panel.bottom - self.s(44), self.panel.width // 2 - self.s(4), self.s(44)),
            "End turn",
            "#end_turn",
            "Key: E",
        )
        self.undo = self.button(
            pygame.Rect(
                self.panel.centerx + self.s(4),
                self.panel.bottom - self.s(44),
                self.panel.width // 2 - self.s(4),
                self.s(44),
            ),
            "Undo",
            "#undo",
            "Take back your last action this turn (key: U). Not after dice or reveals.",
        )
        self.option_buttons: dict = {}
        self.build_options()

    def build_options(self) -> None:
        for b in self.option_buttons:
            b.kill()
        if getattr(self, "scroller", None) is not None:
            self.scroller.kill()
            self.scroller = None
        self.option_buttons = {}
        self.whip_blocks = []
        self.built_for = self.moment()
        viewer = self.session.human_to_move()
        top = self.panel.top + self.s(40) + (self.selection_box()[1] + self.s(4) if self.tab == "Selection" else 0)
        bottom = self.panel.bottom - self.s(52) - self.status_height()
        if viewer is not None and self.session.state.phase == "session":
            self.build_whip_panel(viewer, self.panel.top + self.s(40), bottom)
            viewer = None
        if viewer is None or self.session.state.phase != "intrigue":
            self.refresh_controls()
            return
        options = self.current_options(viewer)
        height = self.s(30)
        step = height + self.s(4)
        # A scrolling list: the faction tab alone can offer a couple of dozen actions.
        box = pygame.Rect(self.panel.left, top, self.panel.width, bottom - top)
        self.scroller = pygame_gui.elements.UIScrollingContainer(box, self.manager, object_id="#options")
        inner_w = box.width - (self.s(20) if len(options) * step > box.height else 0)
        self.scroller.set_scrollable_area_dimensions((inner_w, max(box.height, len(options) * step)))
        for i, opt in enumerate(options):
            reason = self.session.why_not(opt.action)
            tip = opt.preview + (f"\nNot now: {reason}" if reason else "")
            label, small = K.button_label(f"{opt.label} — {opt.cost}", self.s(16), self.s(13), inner_w - self.s(16))
            b = pygame_gui.elements.UIButton(
                pygame.Rect(0, i * step, inner_w, height),
                label,
                self.manager,
                container=self.scroller,
                object_id=pygame_gui.core.ObjectID(f"#opt_{i}", "@small" if small else None),
                tool_tip_text=f"{opt.label} ({opt.cost}): {tip}",
            )
            if reason:
                b.disable()
            self.option_buttons[b] = opt
        self.refresh_controls()

    def moment(self) -> tuple:
        """What the options were built for: when it changes (a dialog moved the game on), rebuild."""
        s = self.session
        return s.state.turn, s.state.phase, s.human_to_move()

    def current_options(self, viewer: str) -> list[P.Option]:
        rs, view = self.app.rs, self.session.view(viewer)
        if self.tab == "Selection":
            return P.options(rs, view, viewer, *self.selected) if self.selected else []
        if self.tab == "Faction":
            return P.own_options(rs, view, viewer, congress_due(rs, self.session.state))
        if self.tab == "Policy":
            return P.policy_options(rs, view, viewer)
        from .contentnotice import tags_for

        return P.hand_options(rs, view, viewer, tags_for(self.app, self.session))

    def refresh_controls(self) -> None:
        viewer = self.session.human_to_move()
        phase = self.session.state.phase
        self.end_turn.set_text("To the vote" if phase == "session" else "End turn")
        if viewer and phase in ("intrigue", "session"):
            self.end_turn.enable()
        else:
            self.end_turn.disable()
        if viewer and self.session.can_undo(viewer):
            self.undo.enable()
        else:
            self.undo.disable()

    # ---- input -------------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.MOUSEMOTION:
            self.hover = self.hit_at(event.pos)
            stat = next((key for rect, key in getattr(self, "stat_hits", []) if rect.collidepoint(event.pos)), None)
            if stat:
                self.hover = ("stat", stat)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.area.collidepoint(event.pos):
            hit = self.hit_at(event.pos)
            if hit:
                self.select(hit)
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            self.pressed(event.ui_element)
        elif event.type == pygame.KEYDOWN:
            self.key(event)

    def hit_at(self, pos) -> tuple[str, str] | None:
        for hit in reversed(self.hits):
            if hit.rect.collidepoint(pos):
                return hit.kind, hit.id
        return None

    def select(self, hit: tuple[str, str]) -> None:
        self.selected = hit
        self.tab = "Selection"
        self.rebuild()

    def pressed(self, el) -> None:
        from .overlays import ChronicleOverlay, CountryOverlay, PauseOverlay

        if el in self.option_buttons:
            self.act(self.option_buttons[el].action)
        elif el in self.tab_buttons:
            self.tab = self.tab_buttons[el]
            self.rebuild()
        elif el is self.end_turn:
            self.end_my_turn()
        elif el is self.undo:
            self.undo_last()
        elif el in self.top_buttons:
            oid = self.top_buttons[el]
            if oid == "#pause":
                self.app.push(PauseOverlay)
            elif oid == "#chronicle":
                self.app.push(ChronicleOverlay, self.session, self._viewer)
            elif oid == "#country":
                self.app.push(CountryOverlay, self.session, self._viewer)
            elif oid == "#relations":
                self.open_relations()
            elif oid == "#encyclopedia":
                from .encyclopedia import EncyclopediaScene

                self.app.push(EncyclopediaScene)

    def key(self, event: pygame.event.Event) -> None:
        from .overlays import ChronicleOverlay, CountryOverlay, PauseOverlay

        k = event.key
        if k == pygame.K_ESCAPE:
            self.app.push(PauseOverlay)
        elif k == pygame.K_e:
            self.end_my_turn()
        elif k == pygame.K_u:
            self.undo_last()
        elif k == pygame.K_c:
            self.app.push(ChronicleOverlay, self.session, self._viewer)
        elif k == pygame.K_i:
            self.app.push(CountryOverlay, self.session, self._viewer)
        elif k == pygame.K_r:
            self.open_relations()
        elif k == pygame.K_TAB:
            self.cycle_selection(-1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif k == pygame.K_F5:
            self.quick_save()
        elif k == pygame.K_F9:
            self.quick_load()
        elif pygame.K_1 <= k <= pygame.K_9:
            buttons = [b for b in self.option_buttons if b.is_enabled]
            index = k - pygame.K_1
            if index < len(buttons):
                self.act(self.option_buttons[buttons[index]].action)
        elif k in (pygame.K_LEFT, pygame.K_RIGHT):
            i = TABS.index(self.tab)
            self.tab = TABS[(i + (1 if k == pygame.K_RIGHT else -1)) % len(TABS)]
            self.rebuild()

    def open_relations(self) -> None:
        from .relations import RelationsOverlay

        self.app.push(RelationsOverlay, self.session, self._viewer)

    def cycle_selection(self, step: int) -> None:
        targets = [(h.kind, h.id) for h in self.hits if h.kind in ("person", "office", "region", "base")]
        if not targets:
            return
        i = targets.index(self.selected) if self.selected in targets else -1
        self.select(targets[(i + step) % len(targets)])

    def act(self, action: A.Action) -> None:
        if (
            isinstance(action, A.Propose)
            and self.session.options.get("class_vote")
            and self.session.why_not(action) is None
        ):
            self.put_to_the_class(action)
            return
        self.act_now(action)

    def put_to_the_class(self, action: A.Propose) -> None:
        """Class vote: the room decides whether to put this motion; the driver enters the tally."""
        from .classvote import ClassVoteOverlay

        option = next((o for o in self.option_buttons.values() if o.action == action), None)
        label = option.label if option else "this motion"
        preview = f" ({option.preview})" if option and option.preview else ""

        def decided(choice: str) -> None:
            if choice == "yes":
                self.act_now(action)
            else:
                self.message = "The class voted not to put the motion."
                self.rebuild()

        self.app.push(
            ClassVoteOverlay,
            self.session,
            action.actor,
            f"the motion: {label}",
            f"Put the motion to the Politburo? {label}{preview}",
            [("yes", "Yes, put it"), ("no", "No")],
            decided,
        )

    def act_now(self, action: A.Action) -> None:
        result = self.session.submit(action)
        self.message = self.session.words(result.reason) or ""
        self.rebuild()

    def end_my_turn(self) -> None:
        viewer = self.session.human_to_move()
        if viewer and self.session.state.phase in ("intrigue", "session"):
            self.act(A.EndTurn(viewer))

    def undo_last(self) -> None:
        viewer = self.session.human_to_move()
        if viewer and self.session.undo(viewer):
            self.message = "Undone."
            self.rebuild()

    # ---- the flow of the game ------------------------------------------------------------------

    def update(self, dt: float) -> None:
        from .ending import EndOverlay, LessonEndOverlay
        from .overlays import EventOverlay, HandoverOverlay, VoteOverlay

        s = self.session
        before = s.state.turn
        self.autosave_if_new_turn()
        self.collect_votes()
        lesson = self.lesson_break_due()
        if lesson:
            self.app.push(LessonEndOverlay, s, lesson)
            return
        if s.over:
            self.app.push(EndOverlay, s)
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
            self.app.push(HandoverOverlay, s, human)
            return
        self.shown_human = human
        self.clock.start_turn((s.state.turn, human), pygame.time.get_ticks())
        if human != self._viewer or self.built_for != self.moment():
            self._viewer = human
            self.rebuild()
        if self.pending_votes:
            votes, self.pending_votes = self.pending_votes, []
            if s.options.get("vote_reports", True):
                self.app.push(VoteOverlay, s, votes)
                return
        if s.state.event_queue:
            self.app.push(EventOverlay, s, human)
        elif s.state.phase == "intrigue" and self.inbox_done.get(human) != s.state.turn:
            self.open_inbox(human)

    def open_inbox(self, human: str) -> None:
        """Once per intrigue turn per person: what happened since their last turn, if anything."""
        from ..inbox_model import lines
        from .inbox import InboxOverlay

        self.inbox_done[human] = self.session.state.turn
        log = self.current_view(human).log
        entries, self.inbox_mark[human] = log[self.inbox_mark.get(human, 0) :], len(log)
        if lines(self.app.rs, entries, human):
            self.app.push(InboxOverlay, self.session, human, entries)

    def collect_votes(self) -> None:
        log = self.session.state.log
        for entry in log[self.seen_log :]:
            if entry[1] in REPORTED and self.session.humans:
                self.pending_votes.append(entry)
        self.seen_log = len(log)

    def after_teacher(self, note: str) -> None:
        """A teacher control changed the game (perhaps wound it back): catch up and say what."""
        state = self.session.state
        self.seen_log = min(self.seen_log, len(state.log))
        self.lesson_break_shown = state.turn
        self._saved_turn = state.turn
        self.pending_votes = []
        self.inbox_mark = {f: min(n, len(state.log)) for f, n in self.inbox_mark.items()}
        self.shown_human = None
        self.message = note
        self.rebuild()

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
