"""The country: every indicator with its value and a sparkline of its history, a full chart on a
click, and the policies in force."""

from __future__ import annotations

import pygame

from ...core.rules.plan import seen_figures
from .. import assets as K
from ..widgets.charts import line_chart
from ..widgets.common import closes, heading
from .overlay import Overlay


class CountryOverlay(Overlay):
    """Every indicator with its value, trend and a sparkline of its history."""

    def __init__(self, app, session, viewer: str) -> None:
        self.session, self.viewer = session, viewer
        self.focus: str | None = None  # the indicator shown as a full chart
        self.rows: list = []
        super().__init__(app)

    def build(self) -> None:
        r = self.frame_rect()
        self.ok = self.button(
            pygame.Rect(r.right - self.s(200), r.bottom - self.s(60), self.s(180), self.s(44)), "Close", "#close"
        )

    def handle(self, event) -> None:
        if closes(event, self.ok, (pygame.K_ESCAPE, pygame.K_i, pygame.K_RETURN)):
            if self.focus and event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                self.focus = None
            else:
                self.app.pop()
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = next((ind for rect, ind in self.rows if rect.collidepoint(event.pos)), None)
            self.focus = hit if hit != self.focus else None

    def draw(self, surface) -> None:
        super().draw(surface)
        rs = self.app.rs
        r = self.frame_rect()
        heading(surface, "The country", (r.left + self.s(16), r.top + self.s(6)), self.s(38), K.WHITE)
        state = self.session.state
        # Industrial output as this player may know it: the reported figure without someone at the books.
        values, history, masked = seen_figures(rs, state, self.viewer)
        if self.focus:
            d = rs.indicators[self.focus]
            body = pygame.Rect(r.left + self.s(20), r.top + self.s(70), r.width - self.s(40), r.height - self.s(150))
            line_chart(
                surface,
                body,
                [row[rs.ii[self.focus]] for row in history],
                f"{d.name} ({d.unit}) — {d.description}",
                state.start_year,
                self.s(16),
            )
            K.text(
                surface,
                "Click the chart or press Esc for all indicators.",
                (r.left + self.s(20), r.bottom - self.s(50)),
                "body",
                self.s(14),
                K.GREY,
            )
            self.rows = [(body, self.focus)]
            return
        self.rows = []
        cols = 2
        width = (r.width - self.s(60)) // cols
        rows = (len(rs.indicator_ids) + cols - 1) // cols
        row_h = min(
            self.s(44), (r.height - self.s(70 + 130)) // rows
        )  # room below for the policies and the Close button
        for i, ind in enumerate(rs.indicator_ids):
            d = rs.indicators[ind]
            x = r.left + self.s(20) + (i % cols) * (width + self.s(20))
            y = r.top + self.s(70) + (i // cols) * row_h
            value = float(values[rs.ii[ind]])
            reported = " (as reported)" if masked and ind == "industrial_output" else ""
            K.text(surface, f"{d.name}{reported}: {value:,.1f} {d.unit}", (x, y), "bold", self.s(15))
            self.rows.append((pygame.Rect(x, y, width, row_h - self.s(4)), ind))
            spark = pygame.Rect(x + int(width * 0.62), y, int(width * 0.36), row_h - self.s(10))
            pygame.draw.rect(surface, K.WHITE, spark)
            series = [row[rs.ii[ind]] for row in history]
            if len(series) > 1:
                low, high = min(series), max(series)
                span = (high - low) or 1.0
                points = [
                    (
                        spark.left + int(spark.width * j / (len(series) - 1)),
                        spark.bottom - 2 - int((spark.height - 4) * (v - low) / span),
                    )
                    for j, v in enumerate(series)
                ]
                pygame.draw.lines(surface, K.RED, False, points, 2)
        y = r.top + self.s(70) + rows * row_h + self.s(6)
        policies = "   ".join(f"{a.name}: {a.positions[state.policies[aid]].name}" for aid, a in rs.axes.items())
        K.paragraph(
            surface,
            "Policies — " + policies,
            pygame.Rect(r.left + self.s(20), y, r.width - self.s(40), self.s(60)),
            "body",
            self.s(14),
        )
        K.text(
            surface,
            "Click an indicator for its full chart.",
            (r.left + self.s(20), r.bottom - self.s(50)),
            "body",
            self.s(14),
            K.GREY,
        )
