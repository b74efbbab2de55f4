"""Dialogs over the apparatus screen: an event's choices, the Politburo's votes and why each
member voted as he did, the hotseat hand-over, the chronicle, the country's indicators, the
pause menu, and the end of the game with its epilogue."""

from __future__ import annotations

import html

import pygame
import pygame_gui

from ...core import actions as A
from ...narrate import epilogue_lines
from ...text import Text
from .. import assets as K
from ..app import Scene
from ..charts import line_chart
from ..illustration import illustration
from .common import ButtonList, Choice, closes, heading


class Overlay(Scene):
    overlay = True
    opaque = False  # the hand-over hides the screen below completely

    def frame_rect(self) -> pygame.Rect:
        w, h = self.app.size
        return pygame.Rect(int(w * 0.12), int(h * 0.08), int(w * 0.76), int(h * 0.84))

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


class EventOverlay(Overlay):
    """A chronicle event: its text, then each choice with what it does."""

    def __init__(self, app, session, faction: str) -> None:
        self.session, self.faction = session, faction
        self.event = app.rs.events[session.state.event_queue[0]]
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        text = Text(self.app.rs)
        choices = []
        for i, c in enumerate(self.event.choices):
            effects = "; ".join(filter(None, (text.effect(name, p) for name, p in c.effects)))
            label = f"{i + 1}. {c.label}"
            choices.append(Choice(f"#choice_{c.id}", label, lambda cid=c.id: self.choose(cid), tooltip=f"{c.text}\nEffects: {effects}",
                                  key=pygame.K_1 + i))
        height = self.s(44)
        top = r.bottom - (height + self.s(8)) * len(choices) - self.s(20)
        self.list = ButtonList(self, choices, pygame.Rect(r.left + self.s(24), top, r.width - self.s(48), height), height, self.s(8))
        self.text_bottom = top - self.s(10)

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
        rs = self.app.rs
        who = rs.factions[self.faction].name
        art = illustration(self.event.illustration or self.event.id, self.s(220), self.s(150))
        surface.blit(art, (r.right - art.get_width() - self.s(24), r.top + self.s(70)))
        body = pygame.Rect(r.left + self.s(24), r.top + self.s(70), r.width - self.s(72) - art.get_width(), self.text_bottom - r.top - self.s(70))
        y = K.paragraph(surface, f"{who} decides.", body, "bold", self.s(16))
        body.top = y + self.s(6)
        y = K.paragraph(surface, self.event.text, body, "body", self.s(18))
        text = Text(rs)
        for c in self.event.choices:
            body.top = y + self.s(8)
            effects = "; ".join(filter(None, (text.effect(name, p) for name, p in c.effects)))
            y = K.paragraph(surface, f"{c.label}: {c.text} — {effects}", body, "body", self.s(14), K.GREY)
        if self.event.content_tags:
            K.text(surface, "Content: " + ", ".join(self.event.content_tags), (r.right - self.s(24), r.top + self.s(230)), "bold", self.s(13), K.RED, "topright")
        self.list.draw_focus(surface)


class VoteOverlay(Overlay):
    """The Politburo's votes: result, the odds beforehand, and why each member voted so."""

    def __init__(self, app, session, votes: list) -> None:
        self.session, self.votes = session, votes
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        rs = self.app.rs
        t = Text(rs)
        parts = []
        for _turn, key, p in self.votes:
            if key != "vote.held":
                parts.append(html.escape(t.entry(key, p) or ""))
                if key == "congress.held":
                    hall = ", ".join(f"{t.faction(k) if k != 'uncommitted' else 'uncommitted'} {n}" for k, n in p["delegates"].items())
                    reports = ", ".join(f"{t.faction(k)}'s report {n}" for k, n in p["reports"].items())
                    parts.append(f"&nbsp;&nbsp;Delegates: {html.escape(hall)}")
                    parts.append(f"&nbsp;&nbsp;The political report: {html.escape(reports)}")
                continue
            parts.append("<b>" + html.escape(t._vote_held(p)) + "</b>")
            for member, p_yes, whip, reasons in p.get("why", []):
                ballot = next((b for m, b in p["ballots"] if m == member), None)
                vote = "yes" if ballot else "no"
                whipped = f"whipped by {rs.factions[whip].short}" if whip in rs.factions else "independent"
                why = ", ".join(f"{k} {v:+.2f}" for k, v in reasons)
                parts.append(f"&nbsp;&nbsp;{html.escape(rs.characters[member].name)}: <b>{vote}</b> "
                             f"(chance of yes {round(p_yes * 100)}%, {whipped}; {html.escape(why)})")
            parts.append("")
        self.box = pygame_gui.elements.UITextBox("<br>".join(parts) or "No votes.",
                                                 pygame.Rect(r.left + self.s(20), r.top + self.s(70), r.width - self.s(40), r.height - self.s(140)),
                                                 self.manager, object_id="#votes")
        self.ok = self.button(pygame.Rect(r.right - self.s(200), r.bottom - self.s(60), self.s(180), self.s(44)), "Continue", "#continue")

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_RETURN, pygame.K_ESCAPE, pygame.K_SPACE)):
            self.app.pop()

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "Votes and elections", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)


class HandoverOverlay(Overlay):
    """Hotseat: the screen goes dark until the next player takes the controls."""

    opaque = True

    def __init__(self, app, session, faction: str) -> None:
        self.session, self.faction = session, faction
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        self.ok = self.button(pygame.Rect(r.centerx - self.s(160), r.bottom - self.s(120), self.s(320), self.s(56)),
                              "I am ready", "#ready", "Enter also continues")

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_RETURN, pygame.K_SPACE)):
            self.app.pop()

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        f = self.app.rs.factions[self.faction]
        heading(surface, "Hand over", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        K.marker(surface, (r.centerx, r.centery - self.s(60)), self.s(50), K.colour(f.colour), f.marker, self.s(48))
        K.text(surface, f"Pass the controls to the {f.name} player.", (r.centerx, r.centery + self.s(20)), "poster", self.s(34), K.INK, "center")
        K.text(surface, "Nobody else should look at the screen now.", (r.centerx, r.centery + self.s(64)), "body", self.s(18), K.GREY, "center")


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
        self.box = pygame_gui.elements.UITextBox("<br>".join(lines[-400:]) or "Nothing yet.",
                                                 pygame.Rect(r.left + self.s(20), r.top + self.s(70), r.width - self.s(40), r.height - self.s(140)),
                                                 self.manager, object_id="#chronicle_text")
        self.box.scroll_bar and self.box.scroll_bar.set_scroll_from_start_percentage(1.0)
        self.ok = self.button(pygame.Rect(r.right - self.s(200), r.bottom - self.s(60), self.s(180), self.s(44)), "Close", "#close")

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
        self.ok = self.button(pygame.Rect(r.right - self.s(200), r.bottom - self.s(60), self.s(180), self.s(44)), "Close", "#close")

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
        history = state.history
        if self.focus:
            d = rs.indicators[self.focus]
            body = pygame.Rect(r.left + self.s(20), r.top + self.s(70), r.width - self.s(40), r.height - self.s(150))
            line_chart(surface, body, [row[rs.ii[self.focus]] for row in history], f"{d.name} ({d.unit}) — {d.description}",
                       state.start_year, self.s(16))
            K.text(surface, "Click the chart or press Esc for all indicators.", (r.left + self.s(20), r.bottom - self.s(50)), "body", self.s(14), K.GREY)
            self.rows = [(body, self.focus)]
            return
        self.rows = []
        cols = 2
        width = (r.width - self.s(60)) // cols
        row_h = self.s(44)
        for i, ind in enumerate(rs.indicator_ids):
            d = rs.indicators[ind]
            x = r.left + self.s(20) + (i % cols) * (width + self.s(20))
            y = r.top + self.s(70) + (i // cols) * row_h
            value = float(state.indicators[rs.ii[ind]])
            K.text(surface, f"{d.name}: {value:,.1f} {d.unit}", (x, y), "bold", self.s(15))
            self.rows.append((pygame.Rect(x, y, width, row_h - self.s(4)), ind))
            spark = pygame.Rect(x + int(width * 0.62), y, int(width * 0.36), row_h - self.s(10))
            pygame.draw.rect(surface, K.WHITE, spark)
            series = [row[rs.ii[ind]] for row in history]
            if len(series) > 1:
                low, high = min(series), max(series)
                span = (high - low) or 1.0
                points = [(spark.left + int(spark.width * j / (len(series) - 1)), spark.bottom - 2 - int((spark.height - 4) * (v - low) / span))
                          for j, v in enumerate(series)]
                pygame.draw.lines(surface, K.RED, False, points, 2)
        y = r.top + self.s(70) + ((len(rs.indicator_ids) + 1) // cols) * row_h + self.s(6)
        policies = "   ".join(f"{a.name}: {a.positions[state.policies[aid]].name}" for aid, a in rs.axes.items())
        K.paragraph(surface, "Policies — " + policies, pygame.Rect(r.left + self.s(20), y, r.width - self.s(40), self.s(60)), "body", self.s(14))
        K.text(surface, "Click an indicator for its full chart.", (r.left + self.s(20), r.bottom - self.s(50)), "body", self.s(14), K.GREY)


class PauseOverlay(Overlay):
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
            Choice("#to_menu", "Quit to the main menu", lambda: self.app.reset_to(MenuScene),
                   tooltip="The game was autosaved at the start of this turn; Save keeps this very moment"),
        ]
        height = self.s(46)
        self.list = ButtonList(self, choices, pygame.Rect(r.centerx - self.s(180), r.top + self.s(120), self.s(360), height), height, self.s(10))

    def save(self) -> None:
        from .game import GameScene

        game = next((s for s in self.app.stack if isinstance(s, GameScene)), None)
        if game is not None:
            game.quick_save()
            self.note = game.message

    def handle(self, event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.app.pop()
            return
        self.list.handle(event)

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "Paused", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        if getattr(self, "note", ""):
            K.text(surface, self.note, (r.centerx, r.bottom - self.s(60)), "bold", self.s(16), K.RED, "center")
        self.list.draw_focus(surface)


class EndOverlay(Overlay):
    def __init__(self, app, session) -> None:
        self.session = session
        super().__init__(app)

    def build(self) -> None:
        from .menu import MenuScene

        r = self.frame_rect()
        self.box = pygame_gui.elements.UITextBox(
            "<br>".join(html.escape(line) for line in epilogue_lines(self.app.rs, self.session.state)),
            pygame.Rect(r.left + self.s(20), r.top + self.s(70), int(r.width * 0.58), r.height - self.s(140)), self.manager, object_id="#epilogue")
        self.menu = self.button(pygame.Rect(r.right - self.s(260), r.bottom - self.s(60), self.s(240), self.s(44)), "Main menu", "#to_menu")
        self.report = self.button(pygame.Rect(r.right - self.s(520), r.bottom - self.s(60), self.s(240), self.s(44)),
                                  "Write the report (R)", "#report", "A printable page for the debrief: timeline, history, charts, questions")
        self.go_menu = lambda: self.app.reset_to(MenuScene)
        self.note = ""

    def write_report(self) -> None:
        from ...paths import saves_dir
        from ...persistence.atomic import write_atomic
        from ...persistence.games import save_session, to_save
        from ...report.html import build_report

        folder = saves_dir()
        stamp = f"{self.session.state.scenario}-seed{self.session.state.seed}-turn{self.session.state.turn + 1}"
        try:
            save_session(folder / f"{stamp}.testament.json", self.session, self.app.content)
            path = folder / f"{stamp}-report.html"
            write_atomic(path, build_report(self.app.rs, to_save(self.session, self.app.content)))
            self.note = f"Report written: {path} — open it in any web browser."
        except OSError as exc:
            self.note = f"Could not write the report: {exc.strerror}"

    def handle(self, event) -> None:
        if closes(event, self.menu, (pygame.K_RETURN, pygame.K_ESCAPE)):
            self.go_menu()
        elif closes(event, self.report, (pygame.K_r,)):
            self.write_report()

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, "The end", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        if self.note:
            K.paragraph(surface, self.note, pygame.Rect(r.left + self.s(20), r.bottom - self.s(62), r.width - self.s(560), self.s(60)), "bold", self.s(13), K.RED)
        rs, state = self.app.rs, self.session.state
        left = r.left + self.s(40) + int(r.width * 0.58)
        width = r.right - left - self.s(20)
        shown = ("grain_harvest", "industrial_output", "famine_deaths", "repression_deaths")
        height = (r.height - self.s(150)) // len(shown)
        for i, ind in enumerate(shown):
            rect = pygame.Rect(left, r.top + self.s(70) + i * height, width, height - self.s(8))
            line_chart(surface, rect, [row[rs.ii[ind]] for row in state.history], rs.indicators[ind].name, state.start_year, self.s(13))


class LessonEndOverlay(Overlay):
    """A unit's lesson ends on a clean save point: the game is saved under the lesson's name."""

    def __init__(self, app, session, lesson: int) -> None:
        self.session, self.lesson = session, lesson
        super().__init__(app)

    def build(self) -> None:
        from ...paths import saves_dir
        from ...persistence.games import save_session

        r = self.frame_rect()
        state = self.session.state
        name = f"{state.scenario}-seed{state.seed}-lesson{self.lesson}.testament.json"
        try:
            self.path = save_session(saves_dir() / name, self.session, self.app.content)
            self.note = f"Saved as {self.path.name}: next lesson, choose Continue or Load."
        except OSError as exc:
            self.path, self.note = None, f"Could not save: {exc.strerror}"
        self.ok = self.button(pygame.Rect(r.right - self.s(260), r.bottom - self.s(60), self.s(240), self.s(44)), "Play on", "#play_on")
        self.report = self.button(pygame.Rect(r.right - self.s(520), r.bottom - self.s(60), self.s(240), self.s(44)),
                                  "Write the report (R)", "#report")

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_RETURN, pygame.K_ESCAPE)):
            self.app.pop()
        elif closes(event, self.report, (pygame.K_r,)):
            EndOverlay.write_report(self)  # the same page as at the end of the game

    def draw(self, surface) -> None:
        super().draw(surface)
        r = self.frame_rect()
        heading(surface, f"End of lesson {self.lesson}", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        K.paragraph(surface, self.note, pygame.Rect(r.left + self.s(30), r.top + self.s(90), r.width - self.s(60), self.s(200)), "body", self.s(20))
