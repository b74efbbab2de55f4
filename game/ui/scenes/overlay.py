"""The base of every dialog: an Overlay is drawn over the screens below it on the stack, in a
framed panel (at the projector's large scale when the dialog says it may, widgets/projector.py);
a MenuOverlay is a column of buttons under a title."""

from __future__ import annotations

import pygame

from .. import assets as K
from ..scene import Scene
from ..widgets import projector as PJ
from ..widgets.common import heading


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
