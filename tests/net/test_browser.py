"""The student page in Debian's headless Chromium, driven over the DevTools protocol: it joins from
the address with the room code, plays a whole turn by clicking its own buttons (an event's choice,
its actions, End your turn), asks for nothing outside the host, and is photographed at phone and
projector sizes (the pictures are checked not to be blank).

CI installs Chromium and sets TESTAMENT_REQUIRE_CHROMIUM=1: there this fails rather than skips.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
from pathlib import Path

import aiohttp
import pytest

from game.net.room import Room
from game.session.live import Session
from tests.report.test_report_browser import QUIET_FLAGS, find_browser

from .harness import serving

FLAGS = [
    *QUIET_FLAGS,
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--remote-debugging-port=0",
]


class Tab:
    """One page over the DevTools protocol (a flat session on the browser's socket)."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws, self.next_id, self.session = ws, 0, None
        self.requests: list[str] = []

    async def call(self, method: str, **params):
        self.next_id += 1
        ident = self.next_id
        message = {"id": ident, "method": method, "params": params}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        await self.ws.send_str(json.dumps(message))
        while True:
            data = json.loads((await self.ws.receive(timeout=60)).data)
            if data.get("method") == "Network.requestWillBeSent":
                self.requests.append(data["params"]["request"]["url"])
            if data.get("id") == ident:
                assert "error" not in data, data
                return data["result"]

    async def js(self, expression: str):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 60) -> None:
        for _ in range(int(timeout * 10)):
            if await self.js(expression):
                return
            await asyncio.sleep(0.1)
        raise TimeoutError(expression)

    async def shot(self, path: Path, width: int, height: int, mobile: bool) -> Path:
        await self.call(
            "Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile
        )
        await asyncio.sleep(0.5)
        path.write_bytes(base64.b64decode((await self.call("Page.captureScreenshot", format="png"))["data"]))
        return path


async def _browser_turn(rs, browser: str, tmp_path: Path) -> tuple[Room, list[str], list[Path]]:
    room = Room(Session.start(rs, "scissors", 5, ["bukharin"], preset="one_lesson"))
    async with serving(room) as (_host, url), aiohttp.ClientSession() as http:
        proc = await asyncio.create_subprocess_exec(
            browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "about:blank", stderr=asyncio.subprocess.PIPE
        )
        try:
            devtools = None
            while devtools is None:
                line = (await asyncio.wait_for(proc.stderr.readline(), 60)).decode()
                found = re.search(r"DevTools listening on (ws://\S+)", line)
                devtools = found.group(1) if found else None
            ws = await http.ws_connect(devtools, max_msg_size=0)
            tab = Tab(ws)
            target = await tab.call("Target.createTarget", url="about:blank")
            tab.session = (await tab.call("Target.attachToTarget", targetId=target["targetId"], flatten=True))[
                "sessionId"
            ]
            await tab.call("Network.enable")
            await tab.call("Page.enable")
            await tab.call("Page.navigate", url=f"{url}/#room={room.code}&team=bukharin&name=Browser")
            await tab.wait_for("document.body.dataset.state === 'choose'")
            start_turn = room.session.state.turn
            for _ in range(40):  # decide events, act while action points last, end the turn
                await tab.wait_for("['choose','chosen','done','waiting','over'].includes(document.body.dataset.state)")
                if room.session.state.turn > start_turn:
                    break
                if await tab.js("document.body.dataset.state") != "choose":
                    await asyncio.sleep(0.2)
                    continue
                at = await tab.js("document.body.dataset.at")
                await tab.wait_for("document.body.dataset.odds === 'ready'")  # the motions' odds follow the page
                clicked = await tab.js(
                    "(() => { const ap = Number(document.querySelectorAll('#numbers b')[1].textContent);"
                    "const all = [...document.querySelectorAll('button.option:not([disabled])')];"
                    "const pick = all.find(b => b.dataset.type === 'choose') || "
                    "(ap > 0 && all.find(b => ['play_card','lobby'].includes(b.dataset.type))) || "
                    "all.find(b => b.dataset.type === 'end_turn');"
                    "if (!pick) return null; pick.click(); return pick.dataset.type; })()"
                )
                assert clicked, "no button to click on the team's move"
                await tab.wait_for(f"document.body.dataset.at !== '{at}' || document.body.dataset.state !== 'choose'")
            shots = [
                await tab.shot(tmp_path / "phone.png", 390, 844, True),
                await tab.shot(tmp_path / "projector.png", 1920, 1080, False),
            ]
            await ws.close()
            return room, tab.requests, shots
        finally:
            proc.kill()
            await proc.wait()


def test_a_turn_played_in_chromium(rs, tmp_path):
    browser = find_browser()
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    room, requests, shots = asyncio.run(_browser_turn(rs, browser, tmp_path))
    record = [r for r in room.record if r["name"] == "Browser"]
    assert record and {r["faction"] for r in record} == {"bukharin"}
    assert any(r["did"].startswith(("play card", "lobby")) for r in record)
    assert room.session.state.turn >= 1  # the team's turn was played out from the page
    assert requests and all(u.startswith(("http://127.0.0.1:", "ws://127.0.0.1:")) for u in requests), requests

    import pygame

    for shot in shots:
        image = pygame.image.load(str(shot))
        width, height = image.get_size()
        colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, width, 9) for y in range(0, height, 9)}
        assert len(colours) > 20, f"{shot.name} is blank"
        assert image.get_at((width // 2, 10))[:3] == (0x3F, 0x7F, 0x4F)  # the team's colour across the top
