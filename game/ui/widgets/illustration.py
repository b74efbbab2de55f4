"""Event illustrations, generated in the poster style from the event's illustration key: no
downloaded images. A crc32 of the key lays out the wedges and discs; words in the key choose a
motif (grain, factory, star, document, rifle), so each event has its own stable picture."""

from __future__ import annotations

import math
import zlib
from functools import lru_cache

import pygame

from .. import assets as K

MOTIFS = {
    "grain": ("grain", "harvest", "village", "field", "famine", "kolkhoz", "peasant", "bread"),
    "factory": ("factory", "plan", "industr", "dnepr", "magnit", "works", "mine", "steel"),
    "document": ("letter", "testament", "pravda", "paper", "platform", "decree", "law", "page", "front"),
    "rifle": ("army", "war", "marshal", "rifle", "border", "frontier", "soldier", "tank"),
}


def motif(key: str) -> str:
    for name, words in MOTIFS.items():
        if any(w in key for w in words):
            return name
    return "star"


@lru_cache(maxsize=64)
def illustration(key: str, width: int, height: int) -> pygame.Surface:
    seed = zlib.crc32(key.encode("utf-8"))
    surf = pygame.Surface((width, height))
    surf.fill(K.PAPER)
    cut = width * (0.35 + (seed % 30) / 100)
    pygame.draw.polygon(surf, K.RED, [(0, 0), (cut, 0), (cut * 0.55, height), (0, height)])
    pygame.draw.circle(
        surf, K.INK, (int(width * 0.72), int(height * 0.38)), int(min(width, height) * (0.22 + (seed >> 6) % 10 / 100))
    )
    pygame.draw.line(
        surf,
        K.INK,
        (0, int(height * 0.82)),
        (width, int(height * (0.6 + (seed >> 11) % 20 / 100))),
        max(3, height // 20),
    )
    _draw_motif(surf, motif(key), (int(width * 0.72), int(height * 0.38)), int(min(width, height) * 0.16))
    pygame.draw.rect(surf, K.INK, surf.get_rect(), 3)
    return surf


def _draw_motif(surf: pygame.Surface, name: str, centre: tuple[int, int], r: int) -> None:
    cx, cy = centre
    if name == "star":
        points = []
        for i in range(10):
            angle = -math.pi / 2 + i * math.pi / 5
            radius = r if i % 2 == 0 else r * 0.42
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
        pygame.draw.polygon(surf, K.RED, points)
    elif name == "grain":
        for dx in (-r // 2, 0, r // 2):
            pygame.draw.line(surf, K.PAPER, (cx + dx, cy + r), (cx + dx, cy - r), 3)
            for k in range(4):
                y = cy - r + k * r // 3
                pygame.draw.ellipse(surf, K.PAPER, (cx + dx - r // 5, y, r // 5, r // 4))
                pygame.draw.ellipse(surf, K.PAPER, (cx + dx, y, r // 5, r // 4))
    elif name == "factory":
        pygame.draw.rect(surf, K.PAPER, (cx - r, cy, 2 * r, r))
        for i in range(3):
            pygame.draw.rect(surf, K.PAPER, (cx - r + i * (2 * r // 3) + r // 8, cy - r, r // 5, r))
    elif name == "document":
        pygame.draw.rect(surf, K.PAPER, (cx - r * 2 // 3, cy - r, r * 4 // 3, r * 2))
        for k in range(5):
            y = cy - r + r // 3 + k * r // 3
            pygame.draw.line(surf, K.INK, (cx - r // 2, y), (cx + r // 2, y), 2)
    else:  # rifle
        pygame.draw.line(surf, K.PAPER, (cx - r, cy + r), (cx + r, cy - r), max(3, r // 5))
        pygame.draw.line(surf, K.PAPER, (cx - r, cy - r // 3), (cx + r // 3, cy + r), max(3, r // 6))
