"""Atomic writes: a temporary file in the same folder, flushed and fsynced, then renamed over
the target, so a crash mid-write leaves the previous file whole.

A process killed mid-write leaves its temporary file (`.name.XXXXXXXX.tmp`) behind; `sweep`
removes such leftovers from a folder — at start and before each write into it — once they are
old enough that no live write can own them.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import time
from pathlib import Path

TEMP = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")  # what mkstemp makes from our prefix and suffix
STALE_S = 2.0  # a live write touches its file continuously; one this old was abandoned


def sweep(folder: Path, stale_s: float = STALE_S) -> list[Path]:
    """Remove abandoned temporary files of interrupted writes; returns what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        if not TEMP.match(name):
            continue
        path = folder / name
        try:
            info = path.lstat()
            if now - info.st_mtime < stale_s or not os.path.isfile(path) or path.is_symlink():
                continue
            path.unlink()
            removed.append(path)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def write_atomic(path: Path, text: str) -> None:
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a folder; give a file name", str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file where a folder should be, or no right to make it
        raise OSError(
            exc.errno, f"cannot make the folder {exc.filename or path.parent} ({exc.strerror})", str(path)
        ) from exc
    sweep(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # name the file the player asked for, not our temporary one
        raise OSError(exc.errno, exc.strerror, str(path)) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a save is an ordinary file
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
