"""The files of a mod folder, as far as the game will touch them: regular files inside the
folder, each under a size limit. A link that leads out of the folder, a device or pipe, or an
oversized file makes the whole mod refused with the reason; the mod hash a save records reads
only what this scan allowed, so hashing never follows a link or blocks on a special file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from . import safeio

MAX_FILE_BYTES = 20_000_000
MAX_FILES = 5_000


class ModFilesError(Exception):
    """Why a mod folder cannot be used; str() names the file relative to the folder."""


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, with every link followed, is still inside `folder`."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a link loop
        return False


def mod_files(folder: Path) -> list[Path]:
    """Every file of the mod in sorted order, or ModFilesError naming the first one refused."""
    base = folder.resolve()
    out: list[Path] = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        here = Path(top)
        for name in sorted(dirs):
            sub = here / name
            if sub.is_symlink():
                dirs.remove(name)  # a linked folder is never walked, but it must stay inside
                if not inside(sub, base):
                    raise ModFilesError(f"{_rel(sub, folder)} points outside its mod folder and is refused")
        for name in files:
            path = here / name
            try:
                info = path.lstat()
            except OSError as exc:
                raise ModFilesError(f"{_rel(path, folder)} cannot be read ({exc.strerror})") from exc
            if stat.S_ISLNK(info.st_mode):
                if not inside(path, base):
                    raise ModFilesError(f"{_rel(path, folder)} points outside its mod folder and is refused")
                try:
                    info = path.stat()
                except OSError as exc:
                    raise ModFilesError(f"{_rel(path, folder)} is a broken link ({exc.strerror})") from exc
            if not stat.S_ISREG(info.st_mode):
                raise ModFilesError(f"{_rel(path, folder)} is not a regular file (a device, pipe or socket)")
            if info.st_size > MAX_FILE_BYTES:
                raise ModFilesError(
                    f"{_rel(path, folder)} is {info.st_size:,} bytes; a mod file may have at most {MAX_FILE_BYTES:,}"
                )
            out.append(path)
            if len(out) > MAX_FILES:
                raise ModFilesError(f"the mod has more than {MAX_FILES} files")
    return sorted(out)  # the order the hash has always used


def _rel(path: Path, folder: Path) -> str:
    return path.relative_to(folder).as_posix()


def mod_hash(folder: Path) -> str:
    """sha256 over a mod's files (relative paths and bytes, in sorted order): saves record it."""
    digest = hashlib.sha256()
    for path in mod_files(folder):
        digest.update(_rel(path, folder).encode("utf-8"))
        try:
            digest.update(safeio.read_bytes(path, MAX_FILE_BYTES))
        except safeio.ReadError as exc:
            raise ModFilesError(f"{_rel(path, folder)}: {exc}") from exc
    return digest.hexdigest()
