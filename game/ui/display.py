"""Whether an error means there is no display to open a window on (a server, a bare terminal).

The command line asks here, so that pygame is imported only under game/ui.
"""

from __future__ import annotations

import pygame


def is_display_error(exc: BaseException) -> bool:
    return isinstance(exc, pygame.error)
