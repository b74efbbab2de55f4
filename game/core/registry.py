"""A named, typed registry: the shared shape of the condition and effect vocabularies.

Each entry declares its parameters (`spec`) so content can be checked at load time and the
docs generated from the same declarations. A spec is a kind name (the parameter is one value) or
a dict of field -> kind, where a trailing "?" marks an optional field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class Entry(Generic[F]):
    spec: str | dict[str, str]
    fn: F
    doc: str


class Registry(dict[str, Entry[F]]):
    """name -> Entry; `register` is a decorator that adds a function under a name."""

    def register(self, name: str, spec: str | dict[str, str], doc: str) -> Callable[[F], F]:
        def add(fn: F) -> F:
            self[name] = Entry(spec, fn, doc)
            return fn

        return add
