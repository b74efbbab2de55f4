"""The devices of a class: who joined, with which token, for which team, and what each did.

A token is a random secret handed to a device when it joins; it is the device's only credential
(kept by the page in the browser's local storage, so a reload or a closed lid finds the page as
it was). Each device also keeps the last message number it sent (a replayed message is refused),
whether the teacher has kicked it, and its own rate limit.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

ROOM_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: a code read off a projector is not mistaken


def room_code(length: int = 4) -> str:
    return "".join(secrets.choice(ROOM_LETTERS) for _ in range(length))


@dataclass(slots=True)
class Bucket:
    """A token bucket: `rate` messages a second on average, bursts of up to `burst`."""

    rate: float = 8.0
    burst: float = 30.0
    level: float = 30.0
    stamp: float = 0.0

    def take(self, now: float) -> bool:
        self.level = min(self.burst, self.level + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.level < 1.0:
            return False
        self.level -= 1.0
        return True


@dataclass(slots=True)
class Device:
    id: str  # "d1", "d2"... shown to the teacher and in the report
    token: str
    name: str
    faction: str
    last_seq: int = -1
    kicked: bool = False
    connected: int = 0  # open connections using this token

    def public(self) -> dict:
        """What the teacher's board lists (never the token)."""
        return {
            "id": self.id,
            "name": self.name,
            "faction": self.faction,
            "connected": self.connected > 0,
            "kicked": self.kicked,
        }


@dataclass(slots=True)
class Devices:
    by_token: dict[str, Device] = field(default_factory=dict)
    by_id: dict[str, Device] = field(default_factory=dict)

    def add(self, name: str, faction: str) -> Device:
        device = Device(f"d{len(self.by_id) + 1}", secrets.token_urlsafe(24), name, faction)
        self.by_token[device.token] = device
        self.by_id[device.id] = device
        return device

    def token(self, token: str) -> Device | None:
        return self.by_token.get(token)

    def listing(self) -> list[dict]:
        return [d.public() for d in self.by_id.values()]
