"""A class with phones: N clients (default 40, ten devices a team) on one host on 127.0.0.1 (the
host in its own process, `python -m game host`), held for a whole One-lesson game. One device per team plays (the test policy); every other device pings
the host twice a second. Measured: how long each ping waits for its answer, how long the acting
device waits for the answer to each action, and how long after each action every device has the
new page (`page_after_action_ms`: its motions' odds perhaps still being worked out) and its odds
(`page_with_odds_ms`: the page with them, or the `odds` message that follows it). A benchmark, not a test (timings depend on the
machine):

    python -m tests.net.bench_clients [--clients 40] [--seed 5] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from .harness import ROOT, TEAMS, Client, choose


class Timings:
    def __init__(self) -> None:
        self.ping: list[float] = []
        self.ack: list[float] = []
        self.page: list[float] = []
        self.complete: list[float] = []
        self.acted: dict[int, float] = {}  # the `at` an action was sent on -> when


async def device(client: Client, drives: bool, t: Timings, done: asyncio.Event, pings: dict) -> None:
    """Read everything; the driver plays its team; every page's delay after the last action is noted."""
    acted_at, sent, seen, complete = -1, {}, -1, -1
    while not done.is_set():
        try:
            data = await client.recv(timeout=300)
        except (TimeoutError, ConnectionError):
            return
        now = time.perf_counter()
        kind = data["type"]
        if kind == "pong":
            t.ping.append(now - pings.pop(data["id"], now))
        elif kind in ("ok", "error") and data.get("seq") in sent:
            t.ack.append(now - sent.pop(data["seq"]))
        elif kind == "page":
            at = data["at"]
            started = max((w for k, w in t.acted.items() if k < at), default=None)
            if at > seen:
                seen = at
                if started is not None:
                    t.page.append(now - started)
            if at > complete and data["page"]["odds_ready"]:
                complete = at
                if started is not None:
                    t.complete.append(now - started)
            if data["game"]["over"]:
                done.set()
                return
            mine = data["page"]["your_move"] and data["you"]["chosen"] is None
            if drives and mine and at > acted_at and not data["paused"]:
                acted_at = at
                client.seq += 1
                sent[client.seq] = t.acted[at] = time.perf_counter()
                message = {"v": 1, "type": "act", "seq": client.seq, "at": at, "action": choose(data["page"])}
                await client.send(message)
        elif kind == "odds" and data["at"] > complete:
            complete = data["at"]
            started = max((w for k, w in t.acted.items() if k < complete), default=None)
            if started is not None:
                t.complete.append(now - started)


async def pinger(client: Client, done: asyncio.Event, sent: dict) -> None:
    ident = 0
    while not done.is_set():
        await asyncio.sleep(0.5)
        ident += 1
        sent[ident] = time.perf_counter()
        await client.send({"v": 1, "type": "ping", "id": ident})


async def run(clients: int, seed: int) -> dict:
    """The host in its own process (as on the teacher's computer), the devices in this one."""
    with tempfile.TemporaryDirectory() as folder:
        setup = Path(folder) / "bench.testament-setup"
        setup.write_text(
            json.dumps({"format": 1, "scenario": "scissors", "preset": "one_lesson", "seed": seed, "teams": TEAMS})
        )
        host = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "game",
            "--saves-dir",
            folder,
            "host",
            "--setup",
            str(setup),
            "--port",
            "0",
            stdout=asyncio.subprocess.PIPE,
            cwd=ROOT,
        )
        try:
            port = code = None
            while port is None or code is None:
                line = (await asyncio.wait_for(host.stdout.readline(), 120)).decode()
                if not line:
                    raise RuntimeError("the host stopped before it listened")
                port = int(line.split(":")[1].split()[0]) if line.startswith("Listening on") else port
                code = line.split()[-1] if line.startswith("Room code") else code
            return await _class(f"http://127.0.0.1:{port}", code, clients, seed)
        finally:
            host.send_signal(signal.SIGINT)
            await host.wait()


async def _class(url: str, code: str, clients: int, seed: int) -> dict:
    t = Timings()
    done = asyncio.Event()
    started = time.perf_counter()
    turns = 0
    async with aiohttp.ClientSession() as http:
        devices = []
        for i in range(clients):
            client = Client(http, url)
            assert (await client.join(code, TEAMS[i % len(TEAMS)], f"phone {i + 1}"))["type"] == "welcome"
            devices.append(client)
        tasks = []
        for i, client in enumerate(devices):
            drives = i < len(TEAMS)
            pings: dict = {}
            tasks.append(asyncio.create_task(device(client, drives, t, done, pings)))
            if not drives:
                tasks.append(asyncio.create_task(pinger(client, done, pings)))
        await done.wait()
        turns = devices[0].page["game"]["turn"] if devices[0].page else 0
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return {
        "clients": clients,
        "seed": seed,
        "last_turn": turns,
        "actions_sent": len(t.acted),
        "seconds": round(time.perf_counter() - started, 1),
        "ping_ms": _summary(t.ping),
        "action_answer_ms": _summary(t.ack),
        "page_after_action_ms": _summary(t.page),
        "page_with_odds_ms": _summary(t.complete),
    }


def _summary(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ms = sorted(v * 1000 for v in values)
    return {
        "n": len(ms),
        "median": round(statistics.median(ms), 1),
        "p90": round(ms[int(len(ms) * 0.9)], 1),
        "max": round(ms[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = asyncio.run(run(args.clients, args.seed))
    print(json.dumps(figures, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
