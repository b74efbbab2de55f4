"""Portraits drawn from a character's data, in the poster style: no downloaded images.

The background is the colour of his faction at the start; a cap for soldiers, spectacles for
theorists, a beard for Old Bolsheviks, a leather coat for chekists; the head's tilt and the
accent shapes come from a checksum of his id (crc32, stable everywhere), so each face differs
and is the same on every machine. Initials in bold type sit in a corner.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

import pygame

from ...core.defs import CharacterDef
from ...core.ruleset import Ruleset
from .. import assets as K


def _seed(cid: str) -> int:
    return zlib.crc32(cid.encode("utf-8"))


@lru_cache(maxsize=256)
def _portrait(
    cid: str, size: int, colour: tuple[int, int, int], traits: tuple[str, ...], initials: str
) -> pygame.Surface:
    seed = _seed(cid)
    surf = pygame.Surface((size, size))
    surf.fill(K.PAPER)
    # A diagonal field of the faction's colour, angled by the seed.
    tilt = (seed % 40) / 100.0
    pygame.draw.polygon(
        surf, colour, [(0, 0), (int(size * (0.7 + tilt)), 0), (int(size * (0.3 + tilt / 2)), size), (0, size)]
    )
    accent = K.RED if sum(colour) > 200 else K.INK
    pygame.draw.circle(surf, accent, (int(size * 0.8), int(size * 0.2)), int(size * (0.08 + (seed >> 8) % 5 / 100)))
    # Shoulders and head in black, the poster's silhouette.
    coat = (60, 40, 30) if "chekist" in traits else K.INK
    pygame.draw.polygon(
        surf,
        coat,
        [
            (int(size * 0.12), size),
            (int(size * 0.3), int(size * 0.68)),
            (int(size * 0.7), int(size * 0.68)),
            (int(size * 0.88), size),
        ],
    )
    head = (int(size * (0.48 + ((seed >> 4) % 7 - 3) / 100)), int(size * 0.45))
    radius = int(size * 0.19)
    pygame.draw.circle(surf, K.PAPER_DARK, head, radius)
    pygame.draw.circle(surf, K.INK, head, radius, max(1, size // 48))
    if "old_bolshevik" in traits:
        pygame.draw.polygon(
            surf,
            K.INK,
            [
                (head[0] - radius // 2, head[1] + radius // 3),
                (head[0] + radius // 2, head[1] + radius // 3),
                (head[0], head[1] + int(radius * 1.3)),
            ],
        )
    if "theorist" in traits:
        for dx in (-radius // 2, radius // 2):
            pygame.draw.circle(
                surf, K.INK, (head[0] + dx, head[1] - radius // 8), max(2, radius // 4), max(1, size // 64)
            )
    if "military" in traits:
        pygame.draw.rect(surf, K.INK, (head[0] - radius, head[1] - radius - size // 40, radius * 2, radius // 2))
        pygame.draw.circle(surf, K.RED, (head[0], head[1] - radius + size // 60), max(2, size // 30))
    pygame.draw.rect(surf, K.INK, surf.get_rect(), max(1, size // 40))
    K.text(surf, initials, (size - size // 20, size - size // 20), "poster", max(8, size // 5), K.WHITE, "bottomright")
    return surf


def portrait(rs: Ruleset, cid: str, size: int) -> pygame.Surface:
    person: CharacterDef = rs.characters[cid]
    faction = person.faction if person.faction in rs.factions else None
    colour = K.colour(rs.factions[faction].colour) if faction else K.INDEPENDENT
    initials = "".join(part[0] for part in person.name.split()[:2]).upper()
    return _portrait(cid, size, colour, tuple(person.traits), initials)
