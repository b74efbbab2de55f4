"""The Scene: one screen or dialog of the window. It builds its pygame_gui widgets in `build`
(called again on a resize or a new UI scale), handles events, updates and draws; it opens other
scenes through the stack by their names (stack.py), so no screen imports another or the app."""

from __future__ import annotations

import pygame
import pygame_gui

from .assets import PAPER, theme


class Scene:
    """One screen. Subclasses build their widgets in `build` (called again on resize).

    `app` is the window (app.App): its size and scale, the content and settings, and the stack
    the scene opens others on (`app.push("pause")`)."""

    def __init__(self, app) -> None:
        self.app = app
        self.manager = self.new_manager()
        self.build()

    # -- to override --
    def build(self) -> None:
        pass

    def handle(self, event: pygame.event.Event) -> None:
        pass

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(PAPER)

    def draw_over(self, surface: pygame.Surface) -> None:
        """Drawn after the widgets (a tooltip that must not sink under the buttons)."""

    def closed(self) -> None:
        """The stack has let this scene go (popped, replaced or reset): stop listening to anything."""

    # -- shared --
    def scene_scale(self) -> float:
        """The scale this screen is laid out, drawn and themed at: the app's (see App.scale),
        unless the screen can show more (the projector dialogs, scenes/overlay.py)."""
        return self.app.scale

    def rebuild(self) -> None:
        """Lay the widgets out again; a new manager only when the size or the scale changed
        (making one parses the theme and loads fonts: far too slow for every click)."""
        if getattr(self, "_made_for", None) == (self.app.size, self.scene_scale()):
            self.manager.clear_and_reset()
        else:
            self.manager = self.new_manager()
        self.build()

    def new_manager(self) -> pygame_gui.UIManager:
        k = self.scene_scale()
        self._made_for = (self.app.size, k)
        manager = pygame_gui.UIManager(self.app.size, theme(k))
        sizes = {int(15 * k), int(16 * k)}
        manager.preload_fonts(
            [
                {"name": "ptsans", "point_size": size, "style": style}
                for size in sorted(sizes)
                for style in ("bold", "italic")
            ]
        )
        return manager

    def s(self, value: float) -> int:
        """A length scaled by the player's UI scale (as this screen can show it)."""
        return int(value * self.scene_scale())

    def button(
        self, rect: pygame.Rect, label: str, object_id: str, tooltip: str | None = None
    ) -> pygame_gui.elements.UIButton:
        return pygame_gui.elements.UIButton(rect, label, self.manager, object_id=object_id, tool_tip_text=tooltip)

    def element(self, object_id: str):
        """The widget with this object id (for tests and keyboard shortcuts)."""
        for el in self.manager.get_root_container().elements:
            if object_id in el.get_object_ids():
                return el
        return None
