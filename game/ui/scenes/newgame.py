"""New game: the scenario, each faction Human or AI, and the seed (shown and editable)."""

from __future__ import annotations

import pygame
import pygame_gui

from ...session.live import TABLE_OPTIONS, TIMER_STEPS
from ...session.paths import saves_dir
from ...session.setupfile import Setup, write_setup
from .. import assets as K
from ..scene import Scene
from ..widgets.common import heading
from .contentnotice import before_game


class NewGameScene(Scene):
    def __init__(self, app) -> None:
        rs = app.rs
        self.scenario = "scissors" if "scissors" in rs.scenarios else next(iter(rs.scenarios))
        self.humans: list[str] = []
        first = rs.scenarios[self.scenario].playable
        if first:
            self.humans = [first[0]]
        self.seed = 1924
        self.levels: dict[str, str] = {}
        self.options = dict(TABLE_OPTIONS)
        self.preset: str | None = None
        super().__init__(app)

    def build(self) -> None:
        rs = self.app.rs
        w, h = self.app.size
        x = self.s(60)
        y = self.s(100)
        self.scenario_buttons = {}
        for sid, scen in rs.scenarios.items():
            b = self.button(
                pygame.Rect(x, y, self.s(360), self.s(40)), scen.name, f"#scenario_{sid}", _short(scen.description)
            )
            if sid == self.scenario:
                b.select()
            self.scenario_buttons[b] = sid
            y += self.s(48)
        scen = rs.scenarios[self.scenario]
        self.preset_buttons = {}
        px, column = x, w // 2 - self.s(20)  # the left column ends short of the scenario's description
        for pid, label in [(None, "Free play"), *[(p.id, p.name) for p in scen.presets]]:
            width = max(self.s(120), K.font("body", self.s(16)).size(label)[0] + self.s(32))  # as wide as its label
            if px > x and px + width > column:
                px, y = x, y + self.s(42)
            b = self.button(
                pygame.Rect(px, y, width, self.s(34)),
                label,
                f"#preset_{pid or 'free'}",
                scen.preset(pid).text if pid else "The whole scenario with every action",
            )
            if pid == self.preset:
                b.select()
            self.preset_buttons[b] = pid
            px += width + self.s(8)
        y += self.s(70)
        self.faction_top = y
        self.toggles = {}
        for fid in rs.scenarios[self.scenario].playable:
            b = self.button(
                pygame.Rect(x, y, self.s(120), self.s(38)),
                self.side_label(fid),
                f"#side_{fid}",
                "Click: Human, AI (standard), AI (easy), AI (hard: looks ahead, thinks longer)\n\n"
                + " ".join(rs.factions[fid].description.split()),
            )
            self.toggles[b] = fid
            y += self.s(50)
        y += self.s(20)
        self.seed_top = y
        self.seed_entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(x + self.s(90), y, self.s(160), self.s(38)), self.manager, object_id="#seed"
        )
        self.seed_entry.set_text(str(self.seed))
        self.seed_entry.set_allowed_characters("numbers")
        self.option_buttons = {}
        ox = self.s(60)
        oy = self.seed_top + self.s(52)
        for key, label, tip in (
            ("handover", "Hand-over screen", "Between two people at one computer, hide each one's turn"),
            ("vote_reports", "Vote reports", "After each Politburo session, show each member's vote and why"),
        ):
            width = min(self.s(300), (w // 2 - self.s(96)) // 2)  # two in the left column
            b = self.button(pygame.Rect(ox, oy, width, self.s(38)), self.option_text(key, label), f"#option_{key}", tip)
            self.option_buttons[b] = (key, label)
            ox += width + self.s(16)
        # The classroom options, above Start: also in the teacher menu (F10) during the game.
        cx, cw = w // 2, (w // 2 - self.s(60) - self.s(16)) // 3
        for key, label, tip in (
            ("rotate_driver", "Rotate driver", "The hand-over screen asks each team to pass the mouse on"),
            ("class_vote", "Class vote", "Events and motions go to the room first; the driver enters the result"),
            ("turn_timer", "Turn timer", "Minutes per team turn (click: off, 3, 5, 8)"),
        ):
            b = self.button(
                pygame.Rect(cx, h - self.s(160), cw, self.s(38)), self.option_text(key, label), f"#option_{key}", tip
            )
            self.option_buttons[b] = (key, label)
            cx += cw + self.s(8)
        self.start = self.button(
            pygame.Rect(w - self.s(300), h - self.s(100), self.s(240), self.s(54)),
            "Start",
            "#start",
            "Enter also starts",
        )
        self.back = self.button(pygame.Rect(w - self.s(560), h - self.s(100), self.s(240), self.s(54)), "Back", "#back")
        self.export = self.button(
            pygame.Rect(w - self.s(820), h - self.s(100), self.s(240), self.s(54)),
            "Export set-up",
            "#export",
            "Write this start to a .testament-setup file to hand to every group",
        )
        self.error = ""

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            self.key(event.key)
            return
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return
        el = event.ui_element
        if el is self.back:
            self.app.pop()
        elif el is self.start:
            self.begin()
        elif el in self.scenario_buttons:
            self.scenario = self.scenario_buttons[el]
            playable = self.app.rs.scenarios[self.scenario].playable
            self.humans = [f for f in self.humans if f in playable]
            self.preset = None
            self._keep_seed()
            self.rebuild()
        elif el is self.export:
            self.export_setup()
        elif el in self.preset_buttons:
            self.preset = self.preset_buttons[el]
            self._keep_seed()
            self.rebuild()
        elif el in self.option_buttons:
            key, label = self.option_buttons[el]
            if key == "turn_timer":
                now = self.options.get(key, 0)
                self.options[key] = (
                    TIMER_STEPS[(TIMER_STEPS.index(now) + 1) % len(TIMER_STEPS)] if now in TIMER_STEPS else 0
                )
            else:
                self.options[key] = not self.options[key]
            el.set_text(self.option_text(key, label))
        elif el in self.toggles:
            fid = self.toggles[el]
            level = self.levels.get(fid, "standard")
            if fid in self.humans:  # Human -> AI standard -> AI easy -> AI hard -> Human
                self.humans.remove(fid)
                self.levels[fid] = "standard"
            elif level == "standard":
                self.levels[fid] = "easy"
            elif level == "easy":
                self.levels[fid] = "hard"
            else:
                self.humans.append(fid)
            el.set_text(self.side_label(fid))
            self.cursor = list(self.toggles.values()).index(fid)  # and show what it is on the right

    def option_text(self, key: str, label: str) -> str:
        value = self.options.get(key)
        if key == "turn_timer":
            return f"{label}: {f'{value} min' if value else 'off'}"
        return f"{label}: {'on' if value else 'off'}"

    def side_label(self, fid: str) -> str:
        if fid in self.humans:
            return "Human"
        level = self.levels.get(fid, "standard")
        return f"AI: {level}" if level in ("easy", "hard") else "AI: standard"

    def key(self, k: int) -> None:
        """Keyboard: Up/Down pick a faction, Space switches Human/AI, PageUp/PageDown the
        scenario, Enter starts, Esc goes back (the seed box takes digits when clicked)."""
        playable = list(self.app.rs.scenarios[self.scenario].playable)
        self.cursor = getattr(self, "cursor", 0) % max(1, len(playable))
        if k == pygame.K_ESCAPE:
            self.app.pop()
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.begin()
        elif k in (pygame.K_DOWN, pygame.K_UP) and playable:
            self.cursor = (self.cursor + (1 if k == pygame.K_DOWN else -1)) % len(playable)
        elif k == pygame.K_SPACE and playable:
            button = next(b for b, f in self.toggles.items() if f == playable[self.cursor])
            pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=button))
        elif k in (pygame.K_PAGEDOWN, pygame.K_PAGEUP):
            ids = list(self.app.rs.scenarios)
            step = 1 if k == pygame.K_PAGEDOWN else -1
            button = next(
                b
                for b, sid in self.scenario_buttons.items()
                if sid == ids[(ids.index(self.scenario) + step) % len(ids)]
            )
            pygame.event.post(pygame.event.Event(pygame_gui.UI_BUTTON_PRESSED, ui_element=button))

    def _keep_seed(self) -> None:
        text = self.seed_entry.get_text().strip()
        if text.isdigit():
            self.seed = int(text)

    def current_setup(self):
        return Setup(
            self.scenario,
            self.seed,
            self.preset,
            list(self.humans),
            dict(self.levels),
            dict(self.options),
            list(self.app.settings.summarise),
        )  # the teacher's content settings travel with the set-up

    def export_setup(self) -> None:
        if not self.seed_entry.get_text().strip().isdigit():
            self.error = "The seed is a whole number."
            return
        self._keep_seed()
        try:
            path = write_setup(
                saves_dir() / f"{self.scenario}-{self.preset or 'free'}-{self.seed}", self.current_setup()
            )
            self.error = f"Set-up written: {path}"
        except OSError as exc:
            self.error = f"Could not write the set-up: {exc.strerror}"

    def begin(self) -> None:

        text = self.seed_entry.get_text().strip()
        if not text.isdigit():
            self.error = "The seed is a whole number: the same seed gives the same game."
            return
        self.seed = int(text)
        session = self.current_setup().start(self.app.rs)
        before_game(self.app, lambda: self.app.replace("game", session))

    def draw(self, surface: pygame.Surface) -> None:
        rs = self.app.rs
        surface.fill(K.PAPER)
        pygame.draw.rect(surface, K.RED, (0, 0, surface.get_width(), self.s(70)))
        heading(surface, "New game", (self.s(30), self.s(10)), self.s(44), K.WHITE)
        for b, fid in self.toggles.items():
            f = rs.factions[fid]
            K.marker(
                surface,
                (b.rect.right + self.s(28), b.rect.centery),
                self.s(15),
                K.colour(f.colour),
                f.marker,
                self.s(16),
            )
            K.text(surface, f.name, (b.rect.right + self.s(52), b.rect.top + self.s(2)), "bold", self.s(19))
            room = int(surface.get_width() * 0.5) - b.rect.right - self.s(70)
            # Its leaders here; the whole description on the right (the row under the cursor) and in the tooltip.
            leaders = [rs.characters[c].name for c in f.leaders if c in rs.characters]
            led = "Led by " + (
                ", ".join(leaders[:-1]) + " and " + leaders[-1] if len(leaders) > 1 else "".join(leaders)
            )
            size, lines = K.fit_text(led if leaders else f.name, "body", self.s(13), room, 1, self.s(11))
            K.text(surface, lines[0], (b.rect.right + self.s(52), b.rect.top + self.s(24)), "body", size, K.GREY)
        K.text(
            surface,
            "Who plays each faction? The apparatus is always the AI.",
            (self.s(60), self.faction_top - self.s(30)),
            "bold",
            self.s(17),
        )
        K.text(surface, "Seed", (self.s(60), self.seed_top + self.s(8)), "bold", self.s(18))
        hint = "Share the seed: the same scenario, seed and choices give the same game on every machine."
        K.paragraph(
            surface,
            hint,
            pygame.Rect(self.s(330), self.seed_top, surface.get_width() // 2 - self.s(350), self.s(40)),
            "body",
            self.s(14),
            K.GREY,
            1.1,
        )
        scen = rs.scenarios[self.scenario]
        box = pygame.Rect(int(surface.get_width() * 0.5), self.s(100), int(surface.get_width() * 0.45), self.s(200))
        end = K.paragraph(surface, scen.description, box, "body", self.s(16))
        K.text(
            surface,
            f"{scen.turns} turns of half a year, from {scen.start_year}.",
            (box.left, end + self.s(6)),
            "bold",
            self.s(16),
        )
        playable = scen.playable
        if playable:
            f = rs.factions[playable[getattr(self, "cursor", 0) % len(playable)]]
            about = pygame.Rect(box.left, end + self.s(44), box.width, self.s(220))
            top = K.paragraph(surface, f.name, about, "poster", self.s(24))
            about.top = top + self.s(4)
            K.paragraph(surface, " ".join(f.description.split()), about, "body", self.s(15))
        if self.error:
            K.text(surface, self.error, (self.s(60), surface.get_height() - self.s(40)), "bold", self.s(16), K.RED)
        buttons = list(self.toggles)
        if buttons:
            r = buttons[getattr(self, "cursor", 0) % len(buttons)].rect.inflate(8, 8)
            pygame.draw.rect(surface, K.INK, r, 3)
        keys = "Keys: Up/Down choose a faction, Space switches it, PageUp/PageDown the scenario, Enter starts."
        K.paragraph(
            surface,
            keys,
            pygame.Rect(self.s(60), self.export.rect.top, self.export.rect.left - self.s(80), self.export.rect.height),
            "body",
            self.s(14),
            K.GREY,
            1.1,
        )  # beside the buttons, not under them


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
