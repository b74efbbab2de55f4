"""What the apparatus screen draws: the top bar with every number explained, the diagram, the
side panel with the selection (or, in the Faction tab, the standing track), the status line (messages, the lesson clock, the turn timer)
and the tooltips. A mixin of GameScene, kept apart so each file stays readable."""

from __future__ import annotations

import pygame

from ...core.calendar import pretty_date
from ...core.rules.control import estimates
from ...core.rules.discipline import enforcer
from ...text.names import faction, label
from ...views import standing as standing_model
from ...views.describe import describe
from .. import assets as K
from ..clock import mm_ss
from .portrait import portrait
from .standingtrack import draw_track, track_height


class GameDrawing:
    """Drawing for GameScene (which provides session, changes, app, panel, diagram, hits and the rest)."""

    def draw(self, surface: pygame.Surface) -> None:
        viewer = self._viewer
        view = self.current_view(viewer)
        # The static picture is redrawn only when the game, the selection or the size changes.
        key = (
            self.changes,
            viewer,
            self.selected,
            self.tab,
            surface.get_size(),
            self.message,
            len(self.option_buttons),
        )
        if getattr(self, "_canvas_key", None) != key:
            self._canvas = pygame.Surface(surface.get_size())
            self._canvas.fill(K.PAPER)
            self.hits = self.diagram.draw(self._canvas, view, viewer, self.selected)
            self.draw_top(self._canvas, view, viewer)
            self.draw_panel(self._canvas, view, viewer)
            self._canvas_key = key
        surface.blit(self._canvas, (0, 0))
        self.draw_status(surface)

    def draw_over(self, surface: pygame.Surface) -> None:
        """The tooltip of whatever is under the mouse, above the option buttons."""
        viewer = self._viewer
        view = self.current_view(viewer)
        if self.hover:
            tip_key = (self.changes, viewer, self.hover)
            if getattr(self, "_tip_key", None) != tip_key:
                if self.hover[0] == "stat":
                    self._tip_lines = self.explain_stat(self.hover[1], view, viewer)
                elif self.hover[0] == "track":  # a row of the standing track, or its headings
                    self._tip_lines = self.explain_track(self.hover[1], view, viewer)
                elif self.hover[0] == "why":  # a greyed option: what it is and why not now
                    label, reason = self.hover[1]
                    self._tip_lines = [label, f"Not now: {reason}"]
                else:
                    self._tip_lines = describe(self.app.rs, view, viewer, *self.hover)
                self._tip_key = tip_key
            self.draw_tooltip(surface, self._tip_lines)

    def current_view(self, viewer: str):
        """The player view, rebuilt only when the session has changed (GameScene.changes counts
        its notices) or another faction's eyes are wanted."""
        cached = getattr(self, "_view_cache", None)
        if cached is None or cached[0] != self.changes or cached[1] != viewer:
            self._view_cache = (self.changes, viewer, self.session.view(viewer))
        return self._view_cache[2]

    def draw_top(self, surface, view, viewer) -> None:
        rs = self.app.rs
        w = surface.get_width()
        pygame.draw.rect(surface, K.INK, (0, 0, w, self.s(60)))
        date = pretty_date(view.turn, view.start_year)
        mover = self.session.to_move()
        who = label(rs, mover) if mover in rs.factions else "—"
        phase = {
            "chronicle": "Chronicle",
            "intrigue": "Intrigue",
            "session": "Politburo session",
            "over": "Game over",
        }.get(view.phase, view.phase)
        K.text(surface, date.upper(), (self.s(14), self.s(6)), "poster", self.s(30), K.WHITE)
        K.text(surface, f"{phase} · to move: {who}", (self.s(14), self.s(38)), "body", self.s(14), K.PAPER_DARK)
        f = rs.factions[viewer]
        fs = view.factions[viewer]
        rung = rs.ladder_of(viewer).rungs[fs.rung].name
        K.marker(surface, (self.s(290), self.s(30)), self.s(18), K.colour(f.colour), f.marker, self.s(18))
        name = K.text(surface, f.name, (self.s(316), self.s(6)), "bold", self.s(17), K.WHITE)
        # Each number is its own hover target with the reasons behind it; where the faction stands
        # (its running score, how close it is to sole power) sits beside its name.
        self.stat_hits = []
        x = name.right + self.s(16)
        for key, words in zip(("score", "power"), standing_model.top_bar(rs, view, viewer)):
            rect = K.text(surface, words, (x, self.s(9)), "body", self.s(15), K.PAPER_DARK)
            self.stat_hits.append((rect, key))
            x = rect.right + self.s(14)
        x = self.s(316)
        for key, words in (
            ("influence", f"Influence {fs.influence}"),
            ("ap", f"AP {fs.ap}"),
            ("heat", f"Heat {fs.heat}/{rs.rules['discipline_heat']}"),
            ("rung", rung),
            ("prestige", f"Prestige {fs.prestige}"),
        ):
            rect = K.text(surface, words, (x, self.s(32)), "body", self.s(15), K.PAPER)
            self.stat_hits.append((rect, key))
            x = rect.right + self.s(14)

    def clock_line(self) -> str:
        """The preset with the time left in its lesson plan, and the team's turn timer."""
        state, now = self.session.state, pygame.time.get_ticks()
        parts = []
        preset = self.app.rs.scenarios[state.scenario].preset(state.preset)
        if preset is not None:
            minutes = self.clock.lesson_minutes_left(preset.minutes // max(1, preset.lessons), now)
            parts.append(f"{preset.name}: {minutes} min left · turn {state.turn + 1} of {state.last_turn + 1}")
        timer = int(self.session.options.get("turn_timer", 0))
        if timer and self.session.human_to_move() is not None:
            left = self.clock.turn_seconds_left(timer, now)
            parts.append(f"Team time {mm_ss(left)}" if left else "Time is up: end your turn")
            self.time_short = left <= 30
        return " · ".join(parts)

    def status_height(self) -> int:
        """Room kept above End turn for the message and the clocks, so nothing covers them."""
        lines = (2 if self.message else 0) + (1 if self.clock_line() else 0)
        return lines * self.s(18) + (self.s(8) if lines else 0)

    def draw_status(self, surface) -> None:
        """The last message (why an action failed, what the teacher did) and the clocks."""
        height = self.status_height()
        if not height:
            return
        box = pygame.Rect(self.panel.left, self.panel.bottom - self.s(50) - height, self.panel.width, height)
        pygame.draw.rect(surface, K.PAPER, box)
        y = box.top + self.s(2)
        if self.message:
            colour = K.INK if getattr(self, "message_ok", False) else K.RED
            for line in K.wrap(self.message, "bold", self.s(14), box.width)[:2]:
                K.text(surface, line, (box.left, y), "bold", self.s(14), colour)
                y += self.s(18)
        self.time_short = False
        line = self.clock_line()
        if line:
            K.text(surface, line, (box.left, y), "bold", self.s(14), K.RED if self.time_short else K.INK)

    def explain_stat(self, key: str, view, viewer: str) -> list[str]:
        """Why a number on the top bar is what it is."""
        rs, r = self.app.rs, self.app.rs.rules
        fs = view.factions[viewer]
        if key == "influence":
            owners = dict(zip(rs.character_ids, estimates(rs, view, viewer)))
            offices = [rs.offices[o] for o, h in view.offices.items() if h and owners.get(h) == viewer]
            from_offices = sum(o.income for o in offices)
            bases = [
                rs.bases[b].name
                for b in rs.bases
                if int(view.standing[rs.bi[b]].argmax()) == rs.fi[viewer]
                and int(view.standing[rs.bi[b], rs.fi[viewer]]) >= r["base_income_standing"]
            ]
            return [
                "Influence: what you spend on actions.",
                f"Each turn: {r['base_income']} for everyone, {from_offices} from offices your people hold,",
                f"and the income of constituencies you lead: {', '.join(bases) or 'none'}.",
                f"Played cards add their value. At most {r['max_influence']}.",
            ]
        if key == "ap":
            rung_def = rs.ladder_of(viewer).rungs[fs.rung]
            return [
                "Action points: most actions cost one.",
                f"{r['action_points']} a turn, less {rung_def.ap_penalty} for your standing ({rung_def.name}).",
            ]
        if key == "heat":
            judge = enforcer(rs, view)
            who = faction(rs, judge) if judge else "nobody"
            return [
                "Heat: how openly you break the ban on factions.",
                f"Platforms (+{r['platform_heat']}), organising (+{r['organise_heat']}), specials and denunciations raise it;",
                f"a quiet turn lowers it by {r['heat_decay']}; recanting halves it.",
                f"At {r['discipline_heat']} the Control Commission strikes: it answers to {who} now.",
            ]
        if key == "score":
            return standing_model.score_lines(rs, view, viewer)
        if key == "power":
            return standing_model.power_lines(rs, view, viewer)
        if key == "rung":
            ladder = rs.ladder_of(viewer)
            return [
                f"Discipline: {ladder.rungs[fs.rung].name}.",
                "The ladder: " + " > ".join(x.name for x in ladder.rungs),
                "Readmission by a Politburo motion climbs one rung.",
            ]
        return [
            "Prestige: lost by denouncing and breaking pacts, won by co-reports that hold the hall.",
            "Publishing the Testament costs the General Secretary's master 4.",
        ]

    def explain_track(self, faction: str, view, viewer: str) -> list[str]:
        """A row of the standing track: its score's parts and the conditions held; the headings: the rule."""
        if faction == "#heading":
            return standing_model.power_lines(self.app.rs, view, viewer)
        row = next((r for r in standing_model.track(self.app.rs, view, viewer) if r.faction == faction), None)
        return list(row.tip) if row else []

    def shows_track(self) -> bool:
        """The Faction tab opens with the standing track (not while the whips take the panel)."""
        return self.tab == "Faction" and not getattr(self, "whip_blocks", None)

    def track_box_height(self) -> int:
        view = self.current_view(self._viewer)
        return track_height(self.s, sum(1 for f in self.app.rs.faction_ids if not view.factions[f].exiled))

    def draw_panel(self, surface, view, viewer) -> None:
        rs = self.app.rs
        y = self.panel.top + self.s(40)
        self.track_hits = []
        if self.shows_track():
            box = pygame.Rect(self.panel.left, y, self.panel.width, self.track_box_height())
            self.track_hits = draw_track(surface, rs, standing_model.track(rs, view, viewer), box, viewer, self.s)
        if self.tab == "Selection" and not getattr(
            self, "whip_blocks", None
        ):  # the whips take the panel while the Politburo sits
            lines, height, size = self.selection_box()
            box = pygame.Rect(self.panel.left, y, self.panel.width, height)
            pygame.draw.rect(surface, K.WHITE, box)
            pygame.draw.rect(surface, K.INK, box, 1)
            inner = box.inflate(-self.s(12), -self.s(10))
            if self.selected and self.selected[0] == "person":
                face = portrait(rs, self.selected[1], self.s(134))
                surface.blit(face, (box.right - face.get_width() - self.s(6), box.top + self.s(6)))
                inner.width -= face.get_width() + self.s(8)
            for i, line in enumerate(lines):
                kind = "bold" if i == 0 else "body"
                inner.top = K.paragraph(surface, line, inner, kind, self.s(16) if i == 0 else size)
        self.draw_whip_panel(surface)
        if not self.option_buttons and self.session.human_to_move() is None and not self.session.over:
            K.text(
                surface,
                "The others are moving…",
                (self.panel.left, self.panel.bottom - self.s(80)),
                "bold",
                self.s(16),
                K.GREY,
            )

    def selection_box(self) -> tuple[list[str], int, int]:
        """The selection's lines, the height of its box and their type size: the box grows with a
        long description (and the type shrinks a little past 40 % of the panel), so none is cut."""
        rs, viewer = self.app.rs, self._viewer
        lines = (
            describe(rs, self.current_view(viewer), viewer, *self.selected)
            if self.selected
            else ["Click a person, office, region or constituency.", "Tab and Shift+Tab move the selection."]
        )
        width = self.panel.width - self.s(12) - (self.s(142) if self.selected and self.selected[0] == "person" else 0)
        for size in (self.s(14), self.s(13), self.s(12)):
            need = K.text_height(
                [(line, "bold" if i == 0 else "body", self.s(16) if i == 0 else size) for i, line in enumerate(lines)],
                width,
            )
            if need + self.s(10) <= self.panel.height * 0.4:
                break
        return lines, max(self.s(146), need + self.s(10)), size

    def draw_tooltip(self, surface, lines: list[str]) -> None:
        mx, my = pygame.mouse.get_pos()
        width = self.s(380)
        wrapped = [
            (i, part) for i, line in enumerate(lines) for part in K.wrap(line, "body", self.s(14), width - self.s(16))
        ]
        height = len(wrapped) * self.s(18) + self.s(12)
        x = min(mx + self.s(16), surface.get_width() - width - 4)
        y = min(my + self.s(16), surface.get_height() - height - 4)
        pygame.draw.rect(surface, K.INK, (x, y, width, height))
        pygame.draw.rect(surface, K.RED, (x, y, width, height), 2)
        for row, (i, part) in enumerate(wrapped):
            K.text(
                surface,
                part,
                (x + self.s(8), y + self.s(6) + row * self.s(18)),
                "bold" if i == 0 else "body",
                self.s(14),
                K.WHITE,
            )
