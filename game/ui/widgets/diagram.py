"""The party apparatus drawn as a poster: the Politburo as seven cards, the Secretariat, Orgburo
and Control Commission beside them, the Central Committee as a field of seats coloured by bloc,
the commissariats, the constituencies and the regional organisations, with arrows for the
circular flow of power (Secretariat -> regional secretaries -> congress -> Central Committee ->
Secretariat).

`layout` turns a player view into hit areas (rect, kind, id); `draw` paints them. Everything
shown comes from the player's view, so it never shows what that faction may not know.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from ...core.calendar import now
from ...core.rules.control import estimates
from ...core.ruleset import Ruleset
from ...core.state import GameState
from ...text.names import office_name
from .. import assets as K


@dataclass(frozen=True, slots=True)
class Hit:
    rect: pygame.Rect
    kind: str  # person | office | region | base | faction | body | seat
    id: str


def bloc_colour(rs: Ruleset, faction: str | None) -> tuple[int, int, int]:
    if faction is None or faction not in rs.factions:
        return K.INDEPENDENT
    return K.colour(rs.factions[faction].colour)


def bloc_letter(rs: Ruleset, faction: str | None) -> str:
    if faction is None or faction not in rs.factions:
        return "·"
    return rs.factions[faction].marker


class Diagram:
    def __init__(self, rs: Ruleset, area: pygame.Rect, scale: float, markers: bool) -> None:
        self.rs = rs
        self.area = area
        self.k = scale
        self.markers = markers
        self.hits: list[Hit] = []
        natural = 760 * scale  # the height the layout was drawn for
        self.squeeze = min(1.0, area.height / natural)

    def s(self, v: float) -> int:
        return int(v * self.k)

    def v(self, value: float) -> int:
        """A height that shrinks on short windows so the whole apparatus always fits."""
        return int(value * self.k * self.squeeze)

    def draw(
        self, surface: pygame.Surface, view: GameState, viewer: str, selected: tuple[str, str] | None
    ) -> list[Hit]:
        self.hits = []
        self.view, self.viewer = view, viewer
        self.owners = dict(zip(self.rs.character_ids, estimates(self.rs, view, viewer)))
        a = self.area
        top = a.top
        top = self._politburo(surface, pygame.Rect(a.left, top, a.width, self.v(104)))
        organs_top = top + self.v(8)
        top = self._organs(surface, pygame.Rect(a.left, organs_top, a.width, self.v(112)))
        committee_top = top + self.v(8)
        top = self._committee(surface, pygame.Rect(a.left, committee_top, a.width, self.v(64)))
        top = self._offices(surface, pygame.Rect(a.left, top + self.v(8), a.width, self.v(130)))
        regions_top = top + self.v(8)
        self._regions(surface, pygame.Rect(a.left, regions_top, a.width, a.bottom - top - self.v(8)))
        self._flow(surface, organs_top, committee_top, regions_top)
        if selected:
            for hit in self.hits:
                if (hit.kind, hit.id) == selected:
                    pygame.draw.rect(surface, K.RED, hit.rect.inflate(6, 6), 3)
        return self.hits

    # ---- pieces ------------------------------------------------------------------------------

    def _label(self, surface, words: str, x: int, y: int) -> int:
        K.text(surface, words.upper(), (x, y), "poster", self.s(17), K.RED_DARK)
        return y + self.s(19)

    def _person_card(self, surface, rect: pygame.Rect, cid: str, caption: str = "") -> None:
        owner = self.owners.get(cid)
        fill = bloc_colour(self.rs, owner)
        pygame.draw.rect(surface, K.WHITE, rect)
        pygame.draw.rect(surface, fill, (rect.left, rect.top, rect.width, self.s(8)))
        pygame.draw.rect(surface, K.INK, rect, 2)
        person = self.rs.characters[cid]
        name = person.name.split()[-1]
        mark = self.s(26) if self.markers else 0  # the faction's mark sits beside the name
        size, lines = K.fit_text(name, "poster", self.s(19), rect.width - self.s(10) - mark, 1, self.s(13))
        K.text(surface, lines[0], (rect.left + self.s(6), rect.top + self.v(12)), "poster", size)
        if caption:  # the office, on as many lines as the card holds
            top = rect.top + self.v(36)
            size, step, lines = K.fit_block(
                caption, "body", self.s(12), rect.width - self.s(10), rect.bottom - self.s(2) - top, self.s(10)
            )
            for i, line in enumerate(lines):
                K.text(surface, line, (rect.left + self.s(6), top + i * step), "body", size, K.GREY)
        if self.markers:
            K.marker(
                surface,
                (rect.right - self.s(14), rect.top + self.v(12) + self.s(12)),
                self.s(10),
                fill,
                bloc_letter(self.rs, owner),
                self.s(12),
            )
        self.hits.append(Hit(rect, "person", cid))

    def _politburo(self, surface, box: pygame.Rect) -> int:
        y = self._label(surface, "Politburo", box.left, box.top)
        members = self.view.seats.get("politburo", [])
        size = self.rs.bodies["politburo"].seats
        gap = self.s(8)
        width = (box.width - gap * (size - 1)) // size
        height = box.bottom - y
        for i in range(size):
            rect = pygame.Rect(box.left + i * (width + gap), y, width, height)
            if i < len(members):
                offices = [
                    office_name(self.rs, o, now(self.view)) for o, h in self.view.offices.items() if h == members[i]
                ]
                self._person_card(surface, rect, members[i], offices[0] if offices else "member")
            else:
                pygame.draw.rect(surface, K.PAPER_DARK, rect)
                pygame.draw.rect(surface, K.GREY, rect, 1)
                K.text(surface, "vacant", rect.center, "body", self.s(13), K.GREY, "center")
        self.hits.append(Hit(pygame.Rect(box.left, box.top, box.width, self.s(18)), "body", "politburo"))
        return box.bottom

    def _organs(self, surface, box: pygame.Rect) -> int:
        # The Secretariat's rows name a person and an office: they get the widest column.
        wide, narrow = int(box.width * 0.42), int(box.width * 0.24)
        y = self._label(surface, "Secretariat", box.left, box.top)
        self.hits.append(Hit(pygame.Rect(box.left, box.top, wide, self.s(18)), "body", "secretariat"))
        slots = [o for o in ("general_secretary", "cc_secretary_a", "cc_secretary_b") if o in self.rs.offices]
        h = (box.bottom - y - self.s(4)) // max(1, len(slots))
        for i, office in enumerate(slots):
            self._office_row(surface, pygame.Rect(box.left, y + i * h, wide - self.s(12), h - self.s(4)), office)
        # Orgburo: its members' names, rows as tall as the box allows
        x = box.left + wide
        y = self._label(surface, "Orgburo", x, box.top)
        self.hits.append(Hit(pygame.Rect(x, box.top, narrow, self.s(18)), "body", "orgburo"))
        members = self.view.seats.get("orgburo", [])
        row = min(self.s(18), (box.bottom - y) // max(1, len(members)))
        for i, cid in enumerate(members):
            self._name_row(surface, pygame.Rect(x, y + i * row, narrow - self.s(12), row - 1), cid)
        # Control Commission
        x = box.left + wide + narrow
        width = box.right - x
        y = self._label(surface, "Control Commission", x, box.top)
        self.hits.append(Hit(pygame.Rect(x, box.top, width, self.s(18)), "body", "control_commission"))
        if "ccc_chair" in self.rs.offices:
            self._office_row(surface, pygame.Rect(x, y, width - self.s(12), self.s(29)), "ccc_chair")
        self._seat_field(
            surface,
            pygame.Rect(x, y + self.s(34), width - self.s(12), box.bottom - y - self.s(34)),
            "control_commission",
        )
        return box.bottom

    def _office_row(self, surface, rect: pygame.Rect, office: str) -> None:
        holder = self.view.offices.get(office)
        owner = self.owners.get(holder) if holder else None
        pygame.draw.rect(surface, K.WHITE, rect)
        pygame.draw.rect(surface, bloc_colour(self.rs, owner), (rect.left, rect.top, self.s(6), rect.height))
        pygame.draw.rect(surface, K.INK, rect, 1)
        name = self.rs.characters[holder].name if holder else "vacant"
        room = rect.width - self.s(14)
        if rect.height >= self.s(29):  # the office over its holder
            size, lines = K.fit_text(
                office_name(self.rs, office, now(self.view)), "body", self.s(11), room, 1, self.s(10)
            )
            K.text(surface, lines[0], (rect.left + self.s(10), rect.top + self.s(1)), "body", size, K.GREY)
            size, lines = K.fit_text(name, "bold", self.s(13 if rect.height >= self.s(31) else 12), room, 1, self.s(11))
            K.text(surface, lines[0], (rect.left + self.s(10), rect.top + self.s(12)), "bold", size)
        else:
            size, lines = K.fit_text(
                f"{name} · {office_name(self.rs, office, now(self.view))}", "bold", self.s(12), room, 1, self.s(10)
            )
            K.text(surface, lines[0], (rect.left + self.s(10), rect.top + 1), "bold", size)
        self.hits.append(Hit(rect, "office", office))

    def _name_row(self, surface, rect: pygame.Rect, cid: str) -> None:
        owner = self.owners.get(cid)
        pygame.draw.rect(
            surface, bloc_colour(self.rs, owner), (rect.left, rect.top + self.s(3), self.s(10), rect.height - self.s(6))
        )
        size, lines = K.fit_text(
            self.rs.characters[cid].name,
            "body",
            min(self.s(13), rect.height - 1),
            rect.width - self.s(16),
            1,
            self.s(10),
        )
        K.text(surface, lines[0], (rect.left + self.s(16), rect.top), "body", size)
        self.hits.append(Hit(rect, "person", cid))

    def _seat_field(self, surface, rect: pygame.Rect, body: str) -> None:
        blocs = self.view.blocs.get(body, {})
        seats = [k for k, n in blocs.items() for _ in range(n)]
        if not seats:
            return
        room = max(1, rect.width) * max(1, rect.height)
        cell = max(6, min(self.s(16), int((room / len(seats)) ** 0.5) - 2))
        per_row = max(1, rect.width // (cell + 2))
        for i, bloc in enumerate(seats):
            r = pygame.Rect(rect.left + (i % per_row) * (cell + 2), rect.top + (i // per_row) * (cell + 2), cell, cell)
            faction = bloc if bloc in self.rs.factions else None
            pygame.draw.rect(surface, bloc_colour(self.rs, faction), r)
            if self.markers and cell >= self.s(12):
                K.text(surface, bloc_letter(self.rs, faction), r.center, "bold", int(cell * 0.8), K.WHITE, "center")
        self.hits.append(Hit(rect, "body", body))

    def _committee(self, surface, box: pygame.Rect) -> int:
        y = self._label(surface, "Central Committee", box.left, box.top)
        blocs = self.view.blocs.get("central_committee", {})
        legend = "  ".join(
            f"{bloc_letter(self.rs, k if k in self.rs.factions else None)} {n}" for k, n in blocs.items()
        )
        K.text(surface, legend, (box.left + self.s(200), box.top), "bold", self.s(14))
        self._seat_field(surface, pygame.Rect(box.left, y, box.width, box.bottom - y), "central_committee")
        return box.bottom

    def _offices(self, surface, box: pygame.Rect) -> int:
        y = self._label(surface, "Government, police, Comintern, unions, press", box.left, box.top)
        shown = [o for o, d in self.rs.offices.items() if d.chosen_by == "politburo"]
        cols = 5 if box.width >= self.s(850) else 4
        gap = self.s(8)
        width = (box.width - gap * (cols - 1)) // cols
        row_h = max(self.s(29), self.v(34))  # room for the office over its holder
        col = row = 0
        for office in shown:
            # An office whose name will not go in one cell takes two.
            span = (
                1
                if K.font("body", self.s(10)).size(office_name(self.rs, office, now(self.view)))[0]
                <= width - self.s(14)
                else min(2, cols)
            )
            if col + span > cols:
                col, row = 0, row + 1
            rect = pygame.Rect(
                box.left + col * (width + gap), y + row * (row_h + self.s(3)), width * span + gap * (span - 1), row_h
            )
            self._office_row(surface, rect, office)
            col += span
        rows = row + 1 if shown else 0
        return y + rows * (row_h + self.s(3))

    def _regions(self, surface, box: pygame.Rect) -> None:
        y = self._label(
            surface,
            "Regional organisations  »  Party Congress  »  Central Committee  »  Secretariat",
            box.left,
            box.top,
        )
        regions = list(self.rs.regions)
        cols = 7
        width = (box.width - self.s(6) * (cols - 1)) // cols
        height = max(self.s(44), self.v(52))  # two short lines of name over the sentiment bar
        for i, rid in enumerate(regions):
            rect = pygame.Rect(
                box.left + (i % cols) * (width + self.s(6)), y + (i // cols) * (height + self.s(6)), width, height
            )
            sec = self.view.secretaries.get(rid)
            pygame.draw.rect(surface, K.WHITE, rect)
            pygame.draw.rect(surface, bloc_colour(self.rs, sec), (rect.left, rect.top, rect.width, self.s(7)))
            pygame.draw.rect(surface, K.INK, rect, 1)
            # The secretary's mark goes at the end of the bar, so the name has the cell's width.
            bar = pygame.Rect(
                rect.left + self.s(4),
                rect.bottom - self.s(9),
                rect.width - self.s(8) - (self.s(14) if self.markers else 0),
                self.s(5),
            )
            top = rect.top + self.s(7)
            size, step, lines = K.fit_block(
                self.rs.regions[rid].name,
                "bold",
                self.s(13),
                rect.width - self.s(8),
                bar.top - self.s(1) - top,
                self.s(10),
            )
            for j, line in enumerate(lines):
                K.text(surface, line, (rect.left + self.s(4), top + j * step), "bold", size)
            self._sentiment_bar(surface, bar, rid)
            if self.markers:
                K.text(
                    surface,
                    bloc_letter(self.rs, sec),
                    (rect.right - self.s(5), bar.centery),
                    "bold",
                    self.s(12),
                    K.INK,
                    "midright",
                )
            self.hits.append(Hit(rect, "region", rid))
        y += ((len(regions) + cols - 1) // cols) * (height + self.s(6)) + self.s(4)
        y = self._label(surface, "Constituencies", box.left, y)
        bases = list(self.rs.bases)
        cols = 5
        width = (box.width - self.s(6) * (cols - 1)) // cols
        for i, bid in enumerate(bases):
            rect = pygame.Rect(
                box.left + (i % cols) * (width + self.s(6)), y + (i // cols) * (self.s(24)), width, self.s(21)
            )
            row = self.view.standing[self.rs.bi[bid]]
            top = int(row.argmax())
            leader = self.rs.faction_ids[top] if int(row[top]) >= 50 else None
            pygame.draw.rect(surface, K.WHITE, rect)
            pygame.draw.rect(surface, bloc_colour(self.rs, leader), (rect.left, rect.top, self.s(6), rect.height))
            pygame.draw.rect(surface, K.INK, rect, 1)
            mine = int(row[self.rs.fi[self.viewer]]) if self.viewer in self.rs.fi else 0
            size, lines = K.fit_text(
                f"{self.rs.bases[bid].name}  {mine}", "body", self.s(13), rect.width - self.s(12), 1, self.s(11)
            )
            K.text(surface, lines[0], (rect.left + self.s(10), rect.top + self.s(2)), "body", size)
            self.hits.append(Hit(rect, "base", bid))

    def _flow(self, surface, organs_top: int, committee_top: int, regions_top: int) -> None:
        """The circular flow of power as arrows in the margins: down the left, the Secretariat
        appoints the regional secretaries; up the right, their delegates elect the Central
        Committee, which elects the Secretariat."""
        a = self.area
        left = a.left - self.s(7)
        right = a.right + self.s(5)
        width = max(2, self.s(3))
        _arrow(surface, (left, organs_top + self.s(10)), (left, regions_top + self.s(6)), K.RED, width, self.s(7))
        _arrow(surface, (right, regions_top + self.s(6)), (right, committee_top + self.s(8)), K.INK, width, self.s(7))
        _arrow(surface, (right, committee_top), (right, organs_top + self.s(10)), K.INK, width, self.s(7))

    def _sentiment_bar(self, surface, rect: pygame.Rect, rid: str) -> None:
        shares = self.view.sentiment[rid]
        total = sum(shares.values()) or 1
        x = rect.left
        for k, v in shares.items():
            w = int(rect.width * v / total)
            pygame.draw.rect(
                surface, bloc_colour(self.rs, k if k in self.rs.factions else None), (x, rect.top, w, rect.height)
            )
            x += w


def _arrow(surface, start: tuple[int, int], end: tuple[int, int], colour, width: int, head: int) -> None:
    pygame.draw.line(surface, colour, start, end, width)
    direction = 1 if end[1] > start[1] else -1
    x, y = end
    pygame.draw.polygon(surface, colour, [(x - head, y - direction * head), (x + head, y - direction * head), (x, y)])
