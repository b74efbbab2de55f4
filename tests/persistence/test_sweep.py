"""A save killed mid-write leaves a hidden temporary file; the next start and the next save
sweep such leftovers away, and never a file a live write still owns."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.persistence.atomic import STALE_S, sweep, write_atomic

ROOT = Path(__file__).resolve().parents[2]

KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from game.persistence import atomic

def stuck(fd):
    print("writing", flush=True)
    time.sleep(600)

os.fsync = stuck  # the process is killed here: after the temporary file is written, before the rename
atomic.write_atomic(Path(sys.argv[1]), "x" * 1_000_000)
"""


def kill_mid_write(target: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(target)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def age(folder: Path) -> None:
    for name in leftovers(folder):
        os.utime(folder / name, (time.time() - 60, time.time() - 60))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_temp_files_of_killed_saves_are_swept_at_start(tmp_path):
    saves = tmp_path / "saves"
    saves.mkdir()
    for _ in range(3):
        kill_mid_write(saves / "slot.testament.json")
    assert len(leftovers(saves)) == 3  # what the issue measured: one hidden file per kill
    age(saves)
    env = {**os.environ, "TESTAMENT_SAVES_DIR": str(saves), "TESTAMENT_USER_DIR": str(tmp_path / "user")}
    out = subprocess.run(
        [sys.executable, "-m", "game", "mods"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert leftovers(saves) == [] and not (saves / "slot.testament.json").exists()


def test_temp_files_are_swept_before_each_save_but_a_fresh_one_is_kept(tmp_path):
    stale = tmp_path / ".a.testament.json.abcd_123.tmp"
    fresh = tmp_path / ".b.testament.json.xyz98765.tmp"
    other = tmp_path / "notes.tmp"  # not one of ours
    for path in (stale, fresh, other):
        path.write_text("partial")
    os.utime(stale, (time.time() - STALE_S - 10, time.time() - STALE_S - 10))
    write_atomic(tmp_path / "c.testament.json", "{}")
    assert not stale.exists() and fresh.exists() and other.exists()
    assert sweep(tmp_path, stale_s=0) == [fresh]
    assert sweep(tmp_path / "missing") == []
