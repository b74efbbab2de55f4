"""The scene stack: the screens open in the window, the top one in charge. A scene opens another
by its name (`push("pause")`); the names are registered once (scenes/catalogue.py), so screens
reach each other without importing each other or the app. A class may be given instead of a
name (the tests and the screenshot tool do)."""

from __future__ import annotations

from collections.abc import Mapping

from .scene import Scene

SceneKind = type[Scene] | str


class SceneStack:
    def __init__(self, kinds: Mapping[str, type[Scene]]) -> None:
        self.kinds = dict(kinds)
        self.stack: list[Scene] = []

    @property
    def scene(self) -> Scene:
        return self.stack[-1]

    def kind(self, scene: SceneKind) -> type[Scene]:
        """The scene class a name stands for (a class stands for itself)."""
        if isinstance(scene, str):
            if scene not in self.kinds:
                raise KeyError(f"no scene is called '{scene}' (known: {', '.join(sorted(self.kinds))})")
            return self.kinds[scene]
        return scene

    def push(self, scene: SceneKind, *args, **kwargs) -> Scene:
        made = self.kind(scene)(self, *args, **kwargs)
        self.stack.append(made)
        return made

    def pop(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop().closed()

    def replace(self, scene: SceneKind, *args, **kwargs) -> Scene:
        if self.stack:
            self.stack.pop().closed()
        return self.push(scene, *args, **kwargs)

    def reset_to(self, scene: SceneKind, *args, **kwargs) -> Scene:
        while self.stack:
            self.stack.pop().closed()
        return self.push(scene, *args, **kwargs)
