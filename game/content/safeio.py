"""Reading files that come from outside the game — saves, settings, set-up files, content —
so that no file can do more than be refused with one line.

A file is read only if it is a regular file (not a folder, a pipe or a device), up to a size
limit checked before and while reading; JSON is parsed with its nesting depth bounded (the
parser's own recursion turned into a refusal, then an iterative check), without NaN or
Infinity (nor floats that overflow to it), and with integers of reasonable size. Every failure is a ReadError whose text is
the reason, without the file's name: the caller names the file its own way.
"""

from __future__ import annotations

import json
import math
import os
import stat
from pathlib import Path
from typing import Any

MAX_DEPTH = 64  # no file of ours nests anywhere near this deep
MAX_DIGITS = 30  # no number of ours has more digits


class ReadError(Exception):
    """A file that cannot be read or trusted; str() is the reason in a few words."""


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError as exc:
        raise ReadError("it is a folder, not a file") from exc
    except OSError as exc:
        if path.is_dir():  # Windows says "permission denied" for folders
            raise ReadError("it is a folder, not a file") from exc
        raise ReadError(f"cannot be read ({exc.strerror or exc})") from exc
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReadError("it is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("it is not a regular file (a device, pipe or socket)")
        if info.st_size > limit:
            raise ReadError(f"the file is too large: {info.st_size:,} bytes; the limit is {limit:,}")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while we read
                raise ReadError(f"the file grew past the limit of {limit:,} bytes")
        return b"".join(chunks)
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)


def read_text(path: Path, limit: int) -> str:
    """A regular file's text, which must be UTF-8 (a leading byte-order mark is dropped)."""
    data = read_bytes(path, limit)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError("the file is not UTF-8 text") from exc
    return text.removeprefix("\ufeff")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a file of ours holds")


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"a number of {len(text)} digits is too large")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is beyond any number a file of ours holds")
    return value


def loads_json(text: str, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON, refusing NaN, Infinity, huge integers and nesting deeper than `max_depth`."""
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_int=_int, parse_float=_float)
    except json.JSONDecodeError as exc:
        truncated = bool(text.strip()) and not text.rstrip().endswith(("}", "]"))
        where = "it ends early: the file is truncated" if truncated else f"line {exc.lineno}, column {exc.colno}"
        raise ReadError(f"not valid JSON ({exc.msg}; {where})") from exc
    except RecursionError as exc:
        raise ReadError(f"nested more than {max_depth} levels deep") from exc
    except ValueError as exc:
        raise ReadError(f"not valid JSON ({exc})") from exc
    if depth(value, max_depth) > max_depth:
        raise ReadError(f"nested more than {max_depth} levels deep")
    return value


def depth(value: Any, stop: int = MAX_DEPTH) -> int:
    """How deeply lists and mappings nest (a scalar is 0); stops counting past `stop`."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        level += 1
        deepest = max(deepest, level)
        if deepest > stop:
            return deepest
        stack.extend((child, level) for child in children)
    return deepest


def read_json(path: Path, limit: int, max_depth: int = MAX_DEPTH) -> Any:
    """A JSON file read with every limit above; ReadError says what is wrong."""
    return loads_json(read_text(path, limit), max_depth)
