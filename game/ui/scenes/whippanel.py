"""The whip panel: the right side of the apparatus screen while the Politburo sits (phase
"session"). Each motion on the table with its honest odds, who could still move, the faction's
whip and what binds it; one button per motion cycles the whip (for -> against -> free vote). A
mixin of GameScene: it lays the blocks out once per state and draws them on the canvas.
"""

from __future__ import annotations

import pygame
import pygame_gui

from ...views import presenters as P
from ...views import whips as W
from .. import assets as K


class WhipPanel:
    """Whip blocks for GameScene (which provides app, session, panel, manager and option_buttons)."""

    def build_whip_panel(self, viewer: str, top: int, bottom: int) -> None:
        rs = self.app.rs
        rows = W.rows(rs, self.session.view(viewer), viewer)
        width = self.panel.width
        # Smaller type until every motion fits; at the last resort only titles (the odds are in the tooltips).
        for title_size, size, full in ((15, 14, True), (14, 13, True), (13, 12, True), (12, 11, True), (12, 11, False)):
            blocks, y = [], top + self.s(26)
            for row in rows:
                lines = [
                    (part, "bold", self.s(title_size)) for part in K.wrap(row.title, "bold", self.s(title_size), width)
                ]
                lines += (
                    [(part, "body", self.s(size)) for part in K.wrap(row.odds, "body", self.s(size), width)]
                    if full
                    else []
                )
                lines = [(w, k, z, K.INK) for w, k, z in lines]
                breaks = row.note.startswith("BREAKS")
                kind = "bold" if breaks else "body"
                if full or breaks:
                    lines += [
                        (part, kind, self.s(size), K.RED if breaks else K.GREY)
                        for part in K.wrap(row.note, kind, self.s(size), width)
                    ]
                placed = []
                for words, kind, sz, rgb in lines:
                    placed.append((words, kind, sz, y, rgb))
                    y += int(sz * 1.25)
                button = pygame.Rect(self.panel.left, y + self.s(2), width, self.s(30))
                y = button.bottom + self.s(12)
                blocks.append((row, placed, button))
            if y <= bottom:
                break
        self.whip_blocks = blocks
        for i, (row, _placed, rect) in enumerate(blocks):
            nxt = W.NEXT[row.whip]
            label = f"Whip: {W.WORDS[row.whip]} — click for {W.WORDS[nxt].lower()}"
            b = pygame_gui.elements.UIButton(
                rect,
                label,
                self.manager,
                object_id=f"#whip_{i}",
                tool_tip_text=f"{row.title}: {row.odds} Your whip: {W.WORDS[row.whip].lower()} ({row.note}). "
                f"Free of action points; key {i + 1} cycles it.",
            )
            self.option_buttons[b] = P.Option(label, row.action, "free", row.note)

    def draw_whip_panel(self, surface: pygame.Surface) -> None:
        blocks = getattr(self, "whip_blocks", None)
        if not blocks:
            return
        top = blocks[0][1][0][3] - self.s(26)
        K.text(surface, "The Politburo sits: whip your members", (self.panel.left, top), "bold", self.s(16), K.RED)
        for _row, placed, _button in blocks:
            for words, kind, size, y, rgb in placed:
                K.text(surface, words, (self.panel.left, y), kind, size, rgb)
