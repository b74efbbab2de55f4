"""The apparatus screen: the main screen of a game.

Top: the date, the phase, whose move it is, and the acting faction's influence, action points
and heat. Left: the apparatus (see widgets/diagram.py); hover anything for who holds it and why, click
to select it. Right: what can be done — on the selection, as a faction, on policy, with the
hand of cards — each action with its cost and a preview, greyed out with the reason when it is
illegal. Bots move a few steps a frame; dialogs (events, votes, hand-over, the end) are pushed
on top (gameflow.py). The screen listens to its session: each change it is told of renews the
player view and the drawing (widgets/gamedraw.py); saving goes through the session's saver.
"""

from __future__ import annotations

import pygame
import pygame_gui

from ...core import actions as A
from ...core.flow import congress_due
from ...session.live import Session
from ...session.paths import saves_dir
from ...session.saving import GameSaver
from ...text.chronicle import Text
from ...views import presenters as P
from .. import assets as K
from ..clock import ClassClock
from ..scene import Scene
from ..summaries import tags_for
from ..widgets.diagram import Diagram
from ..widgets.gamedraw import GameDrawing
from .gameflow import GameFlow
from .gamesaves import GameSaves
from .whippanel import WhipPanel

TABS = ("Selection", "Faction", "Policy", "Hand")


def confirmation(rs, events: list) -> str:
    """What an action did, from its chronicle lines ('Done: ...'), so every action confirms itself."""
    said = [line for line in (Text(rs).entry(key, params) for _turn, key, params in events) if line]
    return ("Done: " + " ".join(said[:2])) if said else ""


def last_turn_start(log: list, turn: int) -> int:
    """Where the last turn's entries begin: a game opened from a save reports only the votes of the
    turn before, not every vote since 1924 (a new game has none to report)."""
    return next((i for i, entry in enumerate(log) if entry[0] >= turn - 1), len(log))


class GameScene(GameFlow, GameSaves, WhipPanel, GameDrawing, Scene):
    def __init__(self, app, session: Session) -> None:
        self.session = session
        self.changes = 0  # the session's notices of a change so far: the drawing's caches key on it
        session.subscribe(self.session_changed)
        self.saver = GameSaver(session, app.content, saves_dir())  # every save of this game goes through it
        self.selected: tuple[str, str] | None = None
        self.tab = "Faction"
        self.hover: tuple[str, str] | None = None
        self.hits = []
        self.seen_log = last_turn_start(
            session.state.log, session.state.turn
        )  # a loaded game reports its last turn only
        self.pending_votes: dict[str, list] = {}  # per person at the screen: the reports they have still to see
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
        self.leave_rounds()
        super().__init__(app)

    def session_changed(self) -> None:
        self.changes += 1

    def closed(self) -> None:
        self.session.unsubscribe(self.session_changed)

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
        self.greyed = {}
        self.whip_blocks = []
        self.built_for = self.moment()
        viewer = self.session.human_to_move()
        top = self.panel.top + self.s(40) + (self.selection_box()[1] + self.s(4) if self.tab == "Selection" else 0)
        top += self.track_box_height() + self.s(4) if self.tab == "Faction" else 0
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
        bar = getattr(self.scroller, "vert_scroll_bar", None)
        if bar is not None:  # a notch of the mouse wheel moves the list three options, not one
            bar.scroll_wheel_speed = 3 * step
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
                b.disable()  # a greyed button shows no tooltip of its own: greyed_at says why instead
                self.greyed[b] = (opt.label, reason)
            self.option_buttons[b] = opt
        self.refresh_controls()

    def moment(self) -> tuple:
        """What the options were built for: when it changes (a dialog moved the game on), rebuild."""
        s = self.session
        return s.state.turn, s.state.phase, s.human_to_move()

    def current_options(self, viewer: str) -> list[P.Option]:
        """The tab's options; those a classroom preset leaves out of the game are hidden, not greyed."""
        return [o for o in self.tab_options(viewer) if not P.left_out(self.app.rs, self.session.state, o.action)]

    def tab_options(self, viewer: str) -> list[P.Option]:
        rs, view = self.app.rs, self.session.view(viewer)
        if self.tab == "Selection":
            return P.options(rs, view, viewer, *self.selected) if self.selected else []
        if self.tab == "Faction":
            return P.own_options(rs, view, viewer, congress_due(rs, self.session.state))
        if self.tab == "Policy":
            return P.policy_options(rs, view, viewer)
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
            row = next((f for rect, f in getattr(self, "track_hits", []) if rect.collidepoint(event.pos)), None)
            if row:
                self.hover = ("track", row)
            grey = self.greyed_at(event.pos)
            if grey:
                self.hover = ("why", grey)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.greyed_at(event.pos):
            label, reason = self.greyed_at(event.pos)
            self.message, self.message_ok = f"{label}: not now - {reason}", False
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.area.collidepoint(event.pos):
            hit = self.hit_at(event.pos)
            if hit:
                self.select(hit)
        elif event.type == pygame_gui.UI_BUTTON_PRESSED:
            self.pressed(event.ui_element)
        elif event.type == pygame.KEYDOWN:
            self.key(event)

    def greyed_at(self, pos) -> tuple[str, str] | None:
        """The label and the engine's reason of the greyed option under the mouse, if any."""
        scroller = getattr(self, "scroller", None)
        if scroller is None or not scroller.rect.collidepoint(pos):
            return None
        return next((why for b, why in getattr(self, "greyed", {}).items() if b.rect.collidepoint(pos)), None)

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
                self.app.push("pause")
            elif oid == "#chronicle":
                self.app.push("chronicle", self.session, self._viewer)
            elif oid == "#country":
                self.app.push("country", self.session, self._viewer)
            elif oid == "#relations":
                self.open_relations()
            elif oid == "#encyclopedia":
                self.app.push("encyclopedia")

    def key(self, event: pygame.event.Event) -> None:
        k = event.key
        if k == pygame.K_ESCAPE:
            self.app.push("pause")
        elif k == pygame.K_e:
            self.end_my_turn()
        elif k == pygame.K_u:
            self.undo_last()
        elif k == pygame.K_c:
            self.app.push("chronicle", self.session, self._viewer)
        elif k == pygame.K_i:
            self.app.push("country", self.session, self._viewer)
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
        self.app.push("relations", self.session, self._viewer)

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
            "class_vote",
            self.session,
            action.actor,
            f"the motion: {label}",
            f"Put the motion to the Politburo? {label}{preview}",
            [("yes", "Yes, put it"), ("no", "No")],
            decided,
        )

    def act_now(self, action: A.Action) -> None:
        result = self.session.submit(action)
        self.message = self.session.words(result.reason) or confirmation(self.app.rs, result.events)
        self.message_ok = result.ok  # a confirmation is drawn in ink, a refusal in red
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
