"""Clone and plain-dict form of the state's dataclasses, derived from their fields.

Each field's copy is worked out once from its type: scalars are shared, lists and dicts of plain
data are copied as deep as their type says, so a new field needs no code here. The few fields that
need more say so in their metadata with `spec(...)`: numpy arrays, the generator, nested records,
floats rounded when saved, rows a clone may share. An `omit` field is left out of the plain dict
while it holds its default (or while the field it names does), so a state saved before the field
existed still loads and hashes the same; an unsaved field (`saved=False`) is never written.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

Copy = Callable[[Any], Any]
R = TypeVar("R")

SCALARS = (int, float, str, bool, type(None))
_MISSING: Any = dataclasses.MISSING


@dataclasses.dataclass(frozen=True, slots=True)
class Codec:
    """How one field is copied, written and read; None means derived from its type."""

    copy: Copy | None = None
    dump: Copy | None = None
    load: Copy | None = None
    omit: bool | str = False  # True: while at its default; a field name: while that field is at its default
    saved: bool = True


def spec(
    codec: Codec | None = None,
    *,
    default: Any = _MISSING,
    default_factory: Any = _MISSING,
    copy: Copy | None = None,
    dump: Copy | None = None,
    load: Copy | None = None,
    omit: bool | str = False,
    saved: bool = True,
) -> Any:
    """A dataclass field with its special handling: a shared `codec` (records, record_map) and/or
    the parts given here (see Codec)."""
    base = codec or Codec()
    meta = {"codec": Codec(copy or base.copy, dump or base.dump, load or base.load, omit, saved)}
    if default_factory is not _MISSING:
        return dataclasses.field(default_factory=default_factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


def records(cls: type[Any]) -> Codec:
    """A list of nested records (each with copy/to_dict/from_dict)."""
    return Codec(
        copy=lambda v: [r.copy() for r in v],
        dump=lambda v: [r.to_dict() for r in v],
        load=lambda v: [cls.from_dict(r) for r in v],
    )


def record_map(cls: type[Any]) -> Codec:
    """A dict of nested records (each with clone/to_dict/from_dict)."""
    return Codec(
        copy=lambda v: {k: r.clone() for k, r in v.items()},
        dump=lambda v: {k: r.to_dict() for k, r in v.items()},
        load=lambda v: {k: cls.from_dict(r) for k, r in v.items()},
    )


@dataclasses.dataclass(frozen=True, slots=True)
class _Field:
    name: str
    copy: Copy | None  # None: shared (immutable)
    dump: Copy | None
    load: Copy | None
    omit: str | None  # the field whose default leaves this one out
    saved: bool
    default: Any  # _MISSING when required
    default_factory: Any


@dataclasses.dataclass(frozen=True, slots=True)
class _Plan:
    fields: tuple[_Field, ...]
    values: Callable[[Any], tuple[Any, ...]]
    copies: tuple[tuple[int, Copy], ...]  # (position, copy) of the fields a clone may not share
    index: dict[str, int]
    setters: tuple[Callable[[Any, Any], None], ...] | None  # slot setters when __init__ is keyword-only


_PLANS: dict[type[Any], _Plan] = {}


def derived_copy(tp: Any) -> Copy | None:
    """A function copying a value of type `tp` as deep as its type says; None if it is immutable."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is list:
        item = derived_copy(args[0])
        return list if item is None else (lambda v: [item(x) for x in v])
    if origin is dict:
        value = derived_copy(args[1])
        return dict if value is None else (lambda v: {k: value(x) for k, x in v.items()})
    if origin in (typing.Union, types.UnionType) and all(derived_copy(a) is None for a in args):
        return None
    if tp is Any or tp in SCALARS:
        return None
    raise TypeError(f"no copy can be derived for {tp!r}: give the field a spec(copy=, dump=, load=)")


def _plan(cls: type[Any]) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        out = []
        for f in dataclasses.fields(cls):
            codec: Codec = f.metadata.get("codec", Codec())
            copy, dump, load = (
                given if given is not None else derived_copy(hints[f.name])
                for given in (codec.copy, codec.dump, codec.load)
            )
            omit = f.name if codec.omit is True else (codec.omit or None)
            out.append(_Field(f.name, copy, dump, load, omit, codec.saved, f.default, f.default_factory))
        fields = tuple(out)
        names = [f.name for f in fields]
        keyword_only = any(f.kw_only for f in dataclasses.fields(cls))
        plan = _PLANS[cls] = _Plan(
            fields,
            attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),)),
            tuple((i, f.copy) for i, f in enumerate(fields) if f.copy is not None),
            {name: i for i, name in enumerate(names)},
            tuple(getattr(cls, name).__set__ for name in names) if keyword_only else None,
        )
    return plan


def clone_record(obj: R, **given: Any) -> R:
    """A copy of a dataclass record; `given` fields are taken as they are instead of copied."""
    cls = type(obj)
    plan = _PLANS.get(cls) or _plan(cls)
    values = list(plan.values(obj))
    if given:
        for name, value in given.items():
            values[plan.index[name]] = value
        taken = {plan.index[name] for name in given}
        for i, copy in plan.copies:
            if i not in taken:  # a given field is used as it is: never copy what is thrown away
                values[i] = copy(values[i])
    else:
        for i, copy in plan.copies:
            values[i] = copy(values[i])
    if plan.setters is None:
        return cls(*values)
    new = object.__new__(cls)  # keyword-only fields: set the slots directly (what __init__ would do)
    for set_slot, value in zip(plan.setters, values):
        set_slot(new, value)
    return new


def share_record(obj: R, **given: Any) -> R:
    """A new record holding the same field values as `obj` (nothing copied), `given` fields replaced:
    for a read-only derivative that must not pay for a deep copy."""
    cls = type(obj)
    plan = _PLANS.get(cls) or _plan(cls)
    values = list(plan.values(obj))
    for name, value in given.items():
        values[plan.index[name]] = value
    if plan.setters is None:
        return cls(*values)
    new = object.__new__(cls)
    for set_slot, value in zip(plan.setters, values):
        set_slot(new, value)
    return new


def _is_default(f: _Field, value: Any) -> bool:
    default = f.default_factory() if f.default_factory is not _MISSING else f.default
    return bool(value == default)


def dump_record(obj: Any) -> dict[str, Any]:
    """The record as plain data (JSON types only), fields in declaration order."""
    plan = _PLANS.get(type(obj)) or _plan(type(obj))
    values = plan.values(obj)
    data: dict[str, Any] = {}
    for f, value in zip(plan.fields, values):
        if not f.saved:
            continue
        if f.omit is not None:
            i = plan.index[f.omit]
            if _is_default(plan.fields[i], values[i]):
                continue
        data[f.name] = value if f.dump is None else f.dump(value)
    return data


def load_record(cls: type[R], data: dict[str, Any]) -> R:
    """The record from its plain data; a field left out takes its default (required ones raise KeyError)."""
    kwargs: dict[str, Any] = {}
    for f in _plan(cls).fields:
        if not f.saved:
            continue
        if f.name in data:
            value = data[f.name]
            kwargs[f.name] = value if f.load is None else f.load(value)
        elif f.default is _MISSING and f.default_factory is _MISSING:
            raise KeyError(f.name)
    return cls(**kwargs)
