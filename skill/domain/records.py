"""Dataclasses as plain data: what :func:`dataclasses.asdict` gives, for a fraction of the cost.

Every turn turns the session (and, when it saves, the profile) into plain dicts. The
standard library's ``asdict`` deep-copies each leaf through :mod:`copy` and looks the
fields up again for every object; profiled inside ``serve`` it was about a tenth of a
turn's time. The records here hold only strings, numbers, booleans, ``None``, lists,
tuples, dicts and other dataclasses, which is what :func:`plain` walks; anything else is
still deep-copied, so the result is the same as ``asdict``'s.
"""

from __future__ import annotations

import copy
from dataclasses import fields, is_dataclass
from typing import Any

_ATOMS = frozenset({str, int, float, bool, type(None)})
# Each dataclass's field names, looked up once per process.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def plain(value: Any) -> Any:
    """``value`` as plain data, nothing shared with it: ``asdict`` for dataclasses."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [plain(item) for item in value]
    if kind is dict:
        return {plain(key): plain(item) for key, item in value.items()}
    if kind is tuple:
        return tuple(plain(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(kind)}
    return copy.deepcopy(value)


def plain_fields(value: Any, later: tuple[str, ...] = ()) -> dict[str, Any]:
    """``plain(value)`` for a dataclass, but the fields named in ``later`` are left ``None``
    in their places: the caller writes them its own way, so they are not walked twice."""
    data = {}
    for name in _field_names(type(value)):
        field = None if name in later else getattr(value, name)
        # Most fields are strings, numbers and flags: kept as they are, with no call.
        data[name] = field if type(field) in _ATOMS else plain(field)
    return data
