"""The exercises Release Coach teaches, as plain values built from the content data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from skill.domain.content import Line, content, current_locale, exercises_data

REVERSE_KEGEL = "reverse_kegel"


@dataclass(frozen=True)
class Stretch:
    """A held stretch: set up, ease in, hold with breathing cues, come out."""

    id: str
    name: str
    sided: bool
    setup: tuple[Line, ...]
    into: tuple[Line, ...]
    hold: tuple[Line, ...]
    out: tuple[Line, ...]
    easier_for: str | None = None
    # issue-15: a set-up that refers to the stretch before it ("further out than in the
    # butterfly") has a version of its own for when that stretch was not just done.
    follows: str | None = None
    setup_alone: tuple[Line, ...] = ()


def stretches() -> dict[str, Stretch]:
    """The stretches, in the words of this turn's language."""
    return _stretches(current_locale())


@cache
def _stretches(locale: str) -> dict[str, Stretch]:
    result = {}
    for stretch_id, raw in content("exercises", locale)["stretches"].items():
        result[stretch_id] = Stretch(
            id=stretch_id,
            name=raw["name"],
            sided=raw["sided"],
            setup=tuple(raw["setup"]),
            into=tuple(raw["into"]),
            hold=tuple(raw["hold"]),
            out=tuple(raw["out"]),
            easier_for=raw.get("easier_for"),
            follows=raw.get("follows"),
            setup_alone=tuple(raw.get("setup_alone", ())),
        )
    return result


def exercise_ids() -> list[str]:
    return [REVERSE_KEGEL, *stretches()]


def exercise_name(exercise_id: str) -> str:
    if exercise_id == REVERSE_KEGEL:
        name: str = exercises_data()[REVERSE_KEGEL]["name"]
        return name
    return stretches()[exercise_id].name
