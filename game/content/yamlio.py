"""Safe YAML reading that keeps line and column marks, so every error can say file:line:col.

Only PyYAML's safe composer is used (the C one where present): no tags, no Python objects.
Documents are composed to nodes first, which lets us refuse duplicate keys, alias bombs and
absurd depth before anything is built, and remember where each record and field stood.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import safeio

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - the pure-Python loader is slower but the same
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_BYTES = 2_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000
MAX_DIGITS = 30


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    col: int
    severity: str  # error | warning
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        text = f"{text} (hint: {self.hint})" if self.hint else text
        return text.replace("\r", " ").replace("\n", " ")  # one problem, one line, whatever a file held


@dataclass(slots=True)
class Located:
    """A record as plain data, with the marks of every key and list item inside it.

    `marks` maps a path inside the record — ("choices", 1, "effects", 0) — to its line and column.
    """

    data: Any
    path: str
    line: int
    col: int
    marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def where(self, at: tuple | str | None = None) -> tuple[int, int]:
        """The position of a path (or of its nearest marked ancestor), else the record's."""
        if at is None:
            return self.line, self.col
        path = (at,) if isinstance(at, str) else tuple(at)
        while path:
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.line, self.col


class YamlError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.count = 0

    def fail(self, node: yaml.Node, message: str, hint: str = "") -> YamlError:
        line, col = _mark(node)
        return YamlError(Problem(self.path, line, col, "error", message, hint))

    def build(
        self,
        node: yaml.Node,
        depth: int = 0,
        path: tuple = (),
        marks: dict[tuple, tuple[int, int]] | None = None,
    ) -> Any:
        """Plain data from a node; with `marks`, remember where every key and item stood."""
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, f"the file has more than {MAX_NODES} values", "split it or check for aliases")
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure")
        if isinstance(node, yaml.ScalarNode):
            try:
                return _scalar(node)
            except (ValueError, KeyError, OverflowError) as exc:
                shown = node.value if len(node.value) <= 20 else node.value[:20] + "..."
                kind = node.tag.rsplit(":", 1)[-1]
                why = f": {exc}" if "more than" in str(exc) else ""
                raise self.fail(
                    node, f"'{shown}' is not a valid {kind}{why}", "quote it to make it text, or write a plain value"
                ) from exc
        if isinstance(node, yaml.SequenceNode):
            out_list = []
            for i, child in enumerate(node.value):
                if marks is not None:
                    marks[(*path, i)] = _mark(child)
                out_list.append(self.build(child, depth + 1, (*path, i), marks))
            return out_list
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, depth + 1)
                if isinstance(key, int) and not isinstance(key, bool):
                    key = str(key)  # years as keys: 1924: 25
                if not isinstance(key, str):
                    raise self.fail(key_node, f"a key must be text, not {key!r}")
                if key in out:
                    raise self.fail(key_node, f"duplicate key '{key}'", "each key may appear once in a mapping")
                if marks is not None:
                    marks[(*path, key)] = _mark(key_node)
                out[key] = self.build(value_node, depth + 1, (*path, key), marks)
            return out
        raise self.fail(node, "unsupported YAML node")


_BOOLS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def _scalar(node: yaml.ScalarNode) -> Any:
    """Build a scalar from the tag the safe resolver gave it (timestamps stay text)."""
    kind = node.tag.rsplit(":", 1)[-1]
    value = node.value
    if kind == "int":
        text = value.replace("_", "")
        if len(text.lstrip("+-")) > MAX_DIGITS:
            raise ValueError(f"{len(text)} digits is more than a number here may have")
        try:
            return int(text)
        except ValueError:
            return int(text, 0)  # 0x1f, 0o17
    if kind == "float":
        lowered = value.lower().replace("_", "")
        if lowered in (".inf", "+.inf"):
            return float("inf")
        if lowered == "-.inf":
            return float("-inf")
        if lowered == ".nan":
            return float("nan")
        if len(lowered) > 64:
            raise ValueError(f"{len(lowered)} characters is more than a number here may have")
        return float(lowered)
    if kind == "bool":
        return _BOOLS[value.lower()]
    if kind == "null":
        return None
    return value


def read_text(path: Path, name: str) -> str:
    """A content file's text, refused if unreadable, not a regular file, too large or not UTF-8."""
    try:
        return safeio.read_text(path, MAX_BYTES)
    except safeio.ReadError as exc:
        hint = "save it as UTF-8" if "UTF-8" in str(exc) else ""
        raise YamlError(Problem(name, 1, 1, "error", str(exc), hint)) from exc


def load_yaml(path: Path, label: str | None = None) -> Any:
    """Read one YAML document as plain data. Raises YamlError with a position."""
    name = label or str(path)
    return parse_yaml(read_text(path, name), name)


def parse_yaml(text: str, name: str) -> Any:
    root = compose(text, name)
    return None if root is None else _Builder(name).build(root)


def compose(text: str, name: str) -> yaml.Node | None:
    """The node tree of a document, with explicit tags refused before anything is built."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlError(
            Problem(name, line, col, "error", " ".join(f"YAML syntax: {exc.problem or exc}".split()))
        ) from exc
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control character
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        char = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        raise YamlError(
            Problem(
                name,
                line,
                col,
                "error",
                f"YAML: character {char} is not allowed: {exc.reason}",
                "remove it; content files are plain UTF-8 text",
            )
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlError(Problem(name, 1, 1, "error", " ".join(f"YAML: {exc}".split()))) from exc
    except RecursionError as exc:
        raise YamlError(
            Problem(name, 1, 1, "error", f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure")
        ) from exc
    if root is not None:
        _refuse_tags(root, name)
    return root


def _refuse_tags(root: yaml.Node, name: str) -> None:
    """Explicit tags (!!python/object and friends) are refused before anything is built."""
    stack = [root]
    seen = 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            line, col = _mark(node)
            raise YamlError(Problem(name, line, col, "error", "too many values (alias bomb?)"))
        tag = node.tag or ""
        if tag.startswith("!") or (tag.startswith("tag:yaml.org,2002:") and tag.split(":")[-1] not in _PLAIN):
            line, col = _mark(node)
            raise YamlError(Problem(name, line, col, "error", f"YAML tag '{tag}' is not allowed in content"))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack.extend((k, v))


_PLAIN = {"2002:str", "2002:int", "2002:float", "2002:bool", "2002:null", "2002:seq", "2002:map", "2002:timestamp"}
_PLAIN = {t.split(":")[-1] for t in _PLAIN}


def load_records(path: Path, label: str | None = None) -> list[Located]:
    """A content file: a YAML list of mappings. Each comes back with its field marks."""
    name = label or str(path)
    root = compose(read_text(path, name), name)
    if root is None:
        return []
    return records_of(root, name)


def records_of(root: yaml.Node, name: str) -> list[Located]:
    """Split a document into located records (a list of mappings)."""
    if not isinstance(root, yaml.SequenceNode):
        line, col = _mark(root) if root is not None else (1, 1)
        raise YamlError(
            Problem(
                name, line, col, "error", "a content file holds a list of records", "start each record with '- id: ...'"
            )
        )
    builder = _Builder(name)
    return [located(node, name, builder) for node in root.value]


def located(node: yaml.Node, name: str, builder: _Builder | None = None) -> Located:
    """One record (or a manifest) as plain data with the marks of everything inside it."""
    marks: dict[tuple, tuple[int, int]] = {}
    data = (builder or _Builder(name)).build(node, 1, (), marks)
    line, col = _mark(node)
    return Located(data, name, line, col, marks)
