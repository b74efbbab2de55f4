"""Host on the network: the window becomes the board for the room.

It shows what is public only (the date, who is to move, which teams are ready, the offices, the
policies, the public chronicle), the room code, the address to open and its QR code (made here),
and the teacher's controls. The game runs in the host (game/net), on its own thread; this screen
reads the session's current state and sends controls through the host, never acting itself.
"""

from __future__ import annotations

import pygame
import pygame_gui

from .. import assets as K
from ..scene import Scene
from ..widgets.common import page

CONTROLS = (
    ("pause", "Pause", "Every page shows 'paused'; no action is taken until you resume"),
    ("resume", "Resume", "The class plays on"),
    ("advance", "End a turn", "End the acting team's turn now"),
    ("skip", "Skip the event", "The waiting event does not happen in this game"),
    ("report", "Write the report", "The after-action report, with which device did what, in the saves folder"),
    (
        "browser",
        "Devices, votes…",
        "Kick, re-admit or swap devices and run class votes: the teacher's board in your browser",
    ),
)

TEACHER_HERE = (
    "While hosting, the teacher's controls are the buttons below and the teacher's board in your browser "
    "(Devices, votes…), where undoing a whole turn keeps the class in rounds."
)


class HostBoardScene(Scene):
    def __init__(self, app, session) -> None:
        from ...net.hosting import HostThread
        from ...net.record import after_turn
        from ...net.room import Room
        from ...session.paths import resource_root, saves_dir

        self.session = session
        self.room = Room(session)
        folder = saves_dir() / "network"
        content = app.content
        self.hosting = HostThread(self.room, resource_root() / "assets" / "web", after_turn(folder, content))
        self.hosting.host.on_report = lambda room: self._report(folder, room)
        self.url = self.hosting.start()
        self.note = ""
        self.qr: pygame.Surface | None = None
        self.drawn_for: tuple = ()
        self.public: dict = {}
        super().__init__(app)

    def _report(self, folder, room) -> None:
        from ...net.record import write_report

        self.note = f"Report written: {write_report(folder, room, self.app.content)}"

    def build(self) -> None:
        w, h = self.app.size
        x, y = self.s(30), h - self.s(70)
        self.controls = {}
        width = (w - self.s(560) - x) // len(CONTROLS) - self.s(8)  # the controls share what the right pair leave
        for name, label, tip in CONTROLS:
            self.controls[self.button(pygame.Rect(x, y, width, self.s(46)), label, f"#host_{name}", tip)] = name
            x += width + self.s(8)
        self.lan = self.button(
            pygame.Rect(w - self.s(520), y, self.s(250), self.s(46)),
            "Open to the room",
            "#host_lan",
            "Listen on the local network, not only on this computer",
        )
        self.stop = self.button(
            pygame.Rect(w - self.s(260), y, self.s(230), self.s(46)), "Stop hosting", "#host_stop", "Autosaves first"
        )

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F10:
            self.note = TEACHER_HERE  # the window's teacher menu would change the game behind the host's back
            return
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return
        el = event.ui_element
        if el is self.stop:
            self.close()
            self.app.reset_to("menu")
        elif el is self.lan:
            self.url = self.hosting.open_to_lan()
            self.qr = None
        elif self.controls.get(el) == "browser":
            self.open_teacher_board()
        elif el in self.controls:
            self.note = self.hosting.control(self.controls[el])

    def open_teacher_board(self) -> None:
        """The teacher's board (its key in the address) in this computer's browser: never drawn
        on the projected window, where the room would read the key."""
        import webbrowser

        url = f"http://127.0.0.1:{self.hosting.port}/board#key={self.room.teacher_key}"
        self.note = "" if webbrowser.open(url) else "No browser could be opened on this computer."

    def close(self) -> None:
        from ...net.record import after_turn
        from ...session.paths import saves_dir

        self.hosting.stop()
        after_turn(saves_dir() / "network", self.app.content)(self.room)

    def join_url(self) -> str:
        return f"{self.url}/#room={self.room.code}"

    def _qr(self, size: int) -> pygame.Surface:
        import segno

        matrix = [list(row) for row in segno.make(self.join_url(), error="m").matrix]
        cells = len(matrix) + 4
        cell = max(1, size // cells)
        image = pygame.Surface((cell * cells, cell * cells))
        image.fill((255, 255, 255))
        for r, row in enumerate(matrix):
            for c, dark in enumerate(row):
                if dark:
                    image.fill((0, 0, 0), ((c + 2) * cell, (r + 2) * cell, cell, cell))
        return image

    def update(self, dt: float) -> None:
        from ...net.pages import board, game_line
        from ...net.server import snapshot

        key = (len(self.session.timeline.log), self.room.move)
        if key != self.drawn_for:  # the public board, drawn again only when the game moved
            shot = snapshot(self.session)
            self.public = {"board": board(shot), "game": game_line(shot)}
            self.drawn_for = key

    def draw(self, surface: pygame.Surface) -> None:
        page(surface, "The board", self.s)
        w, h = surface.get_size()
        if not self.public:
            self.update(0)
        game, public = self.public["game"], self.public["board"]
        s = self.s
        K.text(surface, f"Room code  {self.room.code}", (s(30), s(80)), "poster", s(54))
        K.text(surface, f"Open {self.url} and type the code", (s(30), s(150)), "body", s(22))
        where = "the room's network" if self.hosting.lan else "this computer only: 'Open to the room' for the class"
        K.text(surface, f"Listening on {where}", (s(30), s(182)), "body", s(16), K.GREY)
        side = min(s(260), h // 3)
        if self.qr is None or self.qr.get_width() > side:
            self.qr = self._qr(side)
        surface.blit(self.qr, (w - self.qr.get_width() - s(30), s(76)))
        status = "PAUSED" if self.room.paused else f"Now: {game['mover_name'] or '-'}"
        if game["over"]:
            status = "The game is over" + (f": {game['winner']} won" if game["winner"] else "")
        K.text(
            surface,
            f"{game['date']} - turn {game['turn'] + 1} of {game['last_turn'] + 1} - {status}",
            (s(30), s(220)),
            "bold",
            s(24),
        )
        timer = self.room.timer()
        if timer["left"] is not None:
            left = timer["left"]
            words = f"Turn timer {left // 60}:{left % 60:02d}" if left else "Time is up"
            if not left and timer["ends_turn"]:
                words += ": each team's turn ends at its place in the round"
            K.text(surface, words, (s(30), s(256)), "bold" if not left else "body", s(20), K.RED if not left else K.INK)
        y = s(296)
        for team in self.room.teams():
            K.text(
                surface,
                f"{team['short']}: {team['says']}  ({team['online']}/{team['devices']} online)",
                (s(30), y),
                "body",
                s(20),
            )
            y += s(30)
        poll = next((p for p in reversed(self.room.polls)), None)
        if poll is not None:
            tally = ", ".join(f"{o} {n}" for o, n in poll.counts().items())
            K.text(
                surface,
                f"Class vote{' (open)' if poll.open else ''}: {poll.subject} - {tally}",
                (s(30), y + s(8)),
                "body",
                s(18),
            )
        col = w // 2
        y = max(s(296), s(76) + self.qr.get_height() + s(16))
        for office in public["offices"][:6]:
            K.text(surface, f"{office['office']}: {office['holder']}", (col, y), "body", s(17))
            y += s(24)
        y += s(10)
        for line in public["chronicle"][:8]:
            K.text(surface, K.fit(line, "body", s(15), w - col - s(30)), (col, y), "body", s(15), K.GREY)
            y += s(21)
        if self.note:
            K.text(surface, K.fit(self.note, "body", s(16), w - s(60)), (s(30), h - s(100)), "body", s(16), K.RED)
