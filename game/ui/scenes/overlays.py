"""Dialogs over the apparatus screen: an event's choices, the hotseat hand-over, the chronicle,
the country's indicators and the pause menu (the vote report is in votereport.py, relations and
the inbox in their own files, the end of a lesson and of the game in ending.py)."""

from __future__ import annotations

import html

import pygame
import pygame_gui

from ...core import actions as A
from ...core.rules.plan import seen_figures
from ...text.chronicle import Text
from .. import assets as K
from ..app import Scene
from ..charts import line_chart
from ..illustration import illustration
from . import projector as PJ
from .common import ButtonList, Choice, closes, heading


class Overlay(Scene):
    overlay = True
    opaque = False  # the hand-over hides the screen below completely
    projector = False  # large type: the wanted UI scale as far as this panel fits (projector.py)

    def scene_scale(self) -> float:
        if not self.projector:
            return self.app.scale
        key = (self.app.size, self.app.wanted_scale)
        if getattr(self, "_panel_for", None) != key:
            self._panel_for = key
            self._panel_scale = PJ.best_scale(
                self.app.wanted_scale, lambda k: self.fits(k, PJ.panel_frame(self.app.size, k))
            )
        return self._panel_scale

    def fits(self, k: float, frame: pygame.Rect) -> bool:
        """Whether this dialog's content fits `frame` at scale k (projector dialogs say how)."""
        return True

    def frame_rect(self) -> pygame.Rect:
        return PJ.panel_frame(self.app.size, self.scene_scale())

    def draw(self, surface: pygame.Surface) -> None:
        if self.opaque:
            surface.fill(K.INK)
        else:
            shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            shade.fill((20, 16, 12, 170))
            surface.blit(shade, (0, 0))
        r = self.frame_rect()
        pygame.draw.rect(surface, K.PAPER, r)
        pygame.draw.rect(surface, K.RED, (r.left, r.top, r.width, self.s(54)))
        pygame.draw.rect(surface, K.INK, r, 3)


class MenuOverlay(Overlay):
    """A dialog that is a column of buttons (`self.list`) under a title: Esc closes it."""

    title = ""

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
            return
        self.list.handle(event)

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, self.title, (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        self.draw_body(surface, r)
        self.list.draw_focus(surface)

    def draw_body(self, surface, r: pygame.Rect) -> None:
        """What the dialog shows beside its buttons."""


class EventOverlay(Overlay):
    """A chronicle event: its text, then each choice with what it does."""

    projector = True

    def __init__(self, app, session, faction: str) -> None:
        self.session, self.faction = session, faction
        self.event = app.rs.events[session.state.event_queue[0]]
        super().__init__(app)

    def layout(self, k: float, frame: pygame.Rect) -> PJ.EventLayout:
        if not hasattr(self, "_content"):  # the text shown (perhaps the summary), and each choice's row
            self.shown, *self._content = PJ.event_content(
                self.app, self.session, self.event, self.faction, bool(self.session.options.get("class_vote"))
            )
        paragraphs, rows = self._content
        tags = "Content: " + ", ".join(self.event.content_tags) if self.event.content_tags else ""
        return PJ.EventLayout.make(frame, k, self.event.title, paragraphs, tags, rows)

    def fits(self, k: float, frame: pygame.Rect) -> bool:
        return self.layout(k, frame).fits

    def build(self) -> None:
        text = Text(self.app.rs)
        self.placed = self.layout(self.scene_scale(), self.frame_rect())
        choices = []
        for i, c in enumerate(self.event.choices):
            effects = "; ".join(filter(None, (text.effect(name, p) for name, p in c.effects)))
            label = f"{i + 1}. {c.label}"
            choices.append(
                Choice(
                    f"#choice_{c.id}",
                    label,
                    lambda cid=c.id: self.choose(cid),
                    tooltip=f"{c.text}\nEffects: {effects}",
                    key=pygame.K_1 + i,
                )
            )
        if self.session.options.get("class_vote"):
            choices.append(
                Choice(
                    "#class_vote",
                    "Class vote first (V)",
                    self.class_vote,
                    key=pygame.K_v,
                    tooltip="The room votes on the choices; the driver enters the result",
                )
            )
        rects = [row.button for row in self.placed.rows]  # each choice's button, beside what it does
        self.list = ButtonList(self, choices, pygame.Rect(0, 0, 0, 0), 0, 0, rects=rects)

    def class_vote(self) -> None:
        from .classvote import ClassVoteOverlay

        options = [(c.id, c.label) for c in self.event.choices]
        self.app.push(
            ClassVoteOverlay,
            self.session,
            self.faction,
            f"the event “{self.event.title}”",
            f"{self.event.title}: which choice does the room make?",
            options,
            self.choose,
        )

    def choose(self, option: str) -> None:
        result = self.session.submit(A.ChooseOption(self.faction, self.event.id, option))
        if result.ok:
            self.app.pop()

    def handle(self, event) -> None:
        self.list.handle(event)

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, self.event.title, (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        art = self.placed.art
        surface.blit(illustration(self.event.illustration or self.event.id, art.width, art.height), art)
        self.placed.draw(surface)  # the text, the content tags and what each choice does
        self.list.draw_focus(surface)


class HandoverOverlay(Overlay):
    """Hotseat: the screen goes dark until the next player takes the controls."""

    opaque = True

    def __init__(self, app, session, faction: str) -> None:
        self.session, self.faction = session, faction
        super().__init__(app)

    projector = True

    def stack(self, k: float, frame: pygame.Rect) -> tuple[list, pygame.Rect, bool]:
        """Who takes over (and, with a rotating driver, who drives) under the faction's mark."""
        f = self.app.rs.factions[self.faction]
        items = [
            (f"Pass the controls to the {f.name} player.", "poster", 34, K.INK),
            ("Nobody else should look at the screen now.", "body", 18, K.GREY),
        ]
        if self.session.options.get("rotate_driver"):
            items.append(
                (
                    f"New driver: the next student of the team takes the mouse (turn {self.session.state.turn + 1}).",
                    "bold",
                    20,
                    K.RED,
                )
            )
        return PJ.centred_stack("Hand over", items, k, frame)

    def fits(self, k: float, frame: pygame.Rect) -> bool:
        return self.stack(k, frame)[2]

    def build(self) -> None:
        self.lines, button, _ = self.stack(self.scene_scale(), self.frame_rect())
        self.ok = self.button(button, "I am ready", "#ready", "Enter also continues")

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_RETURN, pygame.K_SPACE)):
            self.app.pop()

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        f = self.app.rs.factions[self.faction]
        heading(surface, "Hand over", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        first = self.lines[0][4][1] if self.lines else r.centery
        K.marker(surface, (r.centerx, first - self.s(74)), self.s(50), K.colour(f.colour), f.marker, self.s(48))
        for words, kind, size, rgb, pos in self.lines:  # who takes over, and (with a rotating driver) who drives
            K.text(surface, words, pos, kind, size, rgb, "midtop")


class ChronicleOverlay(Overlay):
    def __init__(self, app, session, viewer: str) -> None:
        self.session, self.viewer = session, viewer
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        t = Text(self.app.rs)
        view = self.session.view(self.viewer)
        lines, turn = [], None
        from ...core.calendar import pretty_date

        for entry_turn, key, p in view.log:
            line = t.entry(key, p)
            if not line:
                continue
            if entry_turn != turn:
                turn = entry_turn
                lines.append(f"<b>{pretty_date(turn, view.start_year)}</b>")
            lines.append(html.escape(line))
        self.box = pygame_gui.elements.UITextBox(
            "<br>".join(lines[-400:]) or "Nothing yet.",
            pygame.Rect(r.left + self.s(20), r.top + self.s(70), r.width - self.s(40), r.height - self.s(140)),
            self.manager,
            object_id="#chronicle_text",
        )
        self.box.scroll_bar and self.box.scroll_bar.set_scroll_from_start_percentage(1.0)
        self.ok = self.button(
            pygame.Rect(r.right - self.s(200), r.bottom - self.s(60), self.s(180), self.s(44)), "Close", "#close"
        )

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_ESCAPE, pygame.K_c, pygame.K_RETURN)):
            self.app.pop()

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "Chronicle", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)


class CountryOverlay(Overlay):
    """Every indicator with its value, trend and a sparkline of its history."""

    def __init__(self, app, session, viewer: str) -> None:
        self.session, self.viewer = session, viewer
        self.focus: str | None = None  # the indicator shown as a full chart
        self.rows: list = []
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        self.ok = self.button(
            pygame.Rect(r.right - self.s(200), r.bottom - self.s(60), self.s(180), self.s(44)), "Close", "#close"
        )

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_ESCAPE, pygame.K_i, pygame.K_RETURN)):
            if self.focus and event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                self.focus = None
            else:
                self.app.pop()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = next((ind for rect, ind in self.rows if rect.collidepoint(event.pos)), None)
            self.focus = hit if hit != self.focus else None

    def draw(self, surface) -> None:
        super().draw(surface)
        rs = self.app.rs
        r = self.frame_rect()
        heading(surface, "The country", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        state = self.session.state
        # Industrial output as this player may know it: the reported figure without someone at the books.
        values, history, masked = seen_figures(rs, state, self.viewer)
        if self.focus:
            d = rs.indicators[self.focus]
            body = pygame.Rect(r.left + self.s(20), r.top + self.s(70), r.width - self.s(40), r.height - self.s(150))
            line_chart(
                surface,
                body,
                [row[rs.ii[self.focus]] for row in history],
                f"{d.name} ({d.unit}) — {d.description}",
                state.start_year,
                self.s(16),
            )
            K.text(
                surface,
                "Click the chart or press Esc for all indicators.",
                (r.left + self.s(20), r.bottom - self.s(50)),
                "body",
                self.s(14),
                K.GREY,
            )
            self.rows = [(body, self.focus)]
            return
        self.rows = []
        cols = 2
        width = (r.width - self.s(60)) // cols
        rows = (len(rs.indicator_ids) + cols - 1) // cols
        row_h = min(
            self.s(44), (r.height - self.s(70 + 130)) // rows
        )  # room below for the policies and the Close button
        for i, ind in enumerate(rs.indicator_ids):
            d = rs.indicators[ind]
            x = r.left + self.s(20) + (i % cols) * (width + self.s(20))
            y = r.top + self.s(70) + (i // cols) * row_h
            value = float(values[rs.ii[ind]])
            reported = " (as reported)" if masked and ind == "industrial_output" else ""
            K.text(surface, f"{d.name}{reported}: {value:,.1f} {d.unit}", (x, y), "bold", self.s(15))
            self.rows.append((pygame.Rect(x, y, width, row_h - self.s(4)), ind))
            spark = pygame.Rect(x + int(width * 0.62), y, int(width * 0.36), row_h - self.s(10))
            pygame.draw.rect(surface, K.WHITE, spark)
            series = [row[rs.ii[ind]] for row in history]
            if len(series) > 1:
                low, high = min(series), max(series)
                span = (high - low) or 1.0
                points = [
                    (
                        spark.left + int(spark.width * j / (len(series) - 1)),
                        spark.bottom - 2 - int((spark.height - 4) * (v - low) / span),
                    )
                    for j, v in enumerate(series)
                ]
                pygame.draw.lines(surface, K.RED, False, points, 2)
        y = r.top + self.s(70) + rows * row_h + self.s(6)
        policies = "   ".join(f"{a.name}: {a.positions[state.policies[aid]].name}" for aid, a in rs.axes.items())
        K.paragraph(
            surface,
            "Policies — " + policies,
            pygame.Rect(r.left + self.s(20), y, r.width - self.s(40), self.s(60)),
            "body",
            self.s(14),
        )
        K.text(
            surface,
            "Click an indicator for its full chart.",
            (r.left + self.s(20), r.bottom - self.s(50)),
            "body",
            self.s(14),
            K.GREY,
        )


class PauseOverlay(MenuOverlay):
    title = "Paused"

    def build(self) -> None:
        from .encyclopedia import EncyclopediaScene
        from .menu import MenuScene
        from .settingscreen import SettingsScene

        r = self.frame_rect()
        choices = [
            Choice("#resume", "Resume", self.app.pop, key=pygame.K_r),
            Choice("#pause_encyclopedia", "Encyclopedia", lambda: self.app.push(EncyclopediaScene)),
            Choice("#pause_settings", "Settings", lambda: self.app.push(SettingsScene)),
            Choice("#quick_save", "Save (F5)", self.save, key=pygame.K_s),
            Choice(
                "#pause_teacher",
                "Teacher (F10)",
                self.teacher,
                key=pygame.K_t,
                tooltip="Pause the class, skip or bring in an event, undo a whole turn, recovery, timer",
            ),
            Choice(
                "#to_menu",
                "Quit to the main menu",
                lambda: self.app.reset_to(MenuScene),
                tooltip="The game was autosaved at the start of this turn; Save keeps this very moment",
            ),
        ]
        height = self.s(46)
        self.list = ButtonList(
            self,
            choices,
            pygame.Rect(r.centerx - self.s(180), r.top + self.s(120), self.s(360), height),
            height,
            self.s(10),
        )

    def teacher(self) -> None:
        self.app.pop()
        self.app.open_teacher_menu()

    def save(self) -> None:
        game = self.app.game_scene()
        if game is not None:
            game.quick_save()
            self.note = game.message

    def draw_body(self, surface, r: pygame.Rect) -> None:
        if getattr(self, "note", ""):
            K.text(surface, self.note, (r.centerx, r.bottom - self.s(60)), "bold", self.s(16), K.RED, "center")


from .votereport import VoteOverlay  # noqa: E402,F401  (the vote report lives in its own file)
