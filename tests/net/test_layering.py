"""The host is not the window: importing the network classroom pulls in no pygame, and the rules
stay free of asyncio and aiohttp."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_host_imports_no_pygame_and_the_core_no_asyncio():
    code = (
        "import sys, game.net.server, game.net.record, game.net.hosting, game.cli.host;"
        "import game.core.engine;"
        "print(sorted(m for m in ('pygame', 'pygame_gui') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"
    for path in (ROOT / "game" / "core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "asyncio" not in text and "aiohttp" not in text, path
