"""CLDR plural rules, read from a language's data rather than written in code.

A language lists, per plural category, the rule of Unicode's CLDR that selects it
(https://unicode.org/reports/tr35/tr35-numbers.html#Language_Plural_Rules), exactly as
CLDR prints it, for instance English ``{"one": "i = 1 and v = 0"}`` or French
``{"one": "i = 0,1", "many": "e = 0 and i != 0 and i % 1000000 = 0 and v = 0"}``.
The first category whose rule holds wins; ``other`` needs no rule and is the default.
So a new language brings its rules as data, and nothing here knows any language.

Only what counts and ordinals need is read: the operands ``n i v f t e`` of a
whole or decimal number written in digits, ``%``, ``=``, ``!=``, ranges ``a..b``,
lists ``a,b`` and the connectives ``and`` (binding tighter) and ``or``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache

OTHER = "other"
CATEGORIES = ("zero", "one", "two", "few", "many", "other")

Operands = Mapping[str, Decimal]
Condition = Callable[[Operands], bool]

_RELATION = re.compile(
    r"^\s*([nivfte])\s*(?:%\s*(\d+))?\s*(!=|=)\s*([\d.,\s]+?)\s*$")


def operands(number: int | float | str | Decimal) -> dict[str, Decimal]:
    """CLDR's operands of ``number``: n (absolute value), i (integer digits), v and w
    (visible fraction digits, with and without trailing zeros), f and t (those digits as
    a number) and e (the compact exponent, always 0 for the numbers said here)."""
    text = str(number).lstrip("-") if not isinstance(number, float) else repr(abs(number))
    whole, _, fraction = text.partition(".")
    trimmed = fraction.rstrip("0")
    return {
        "n": abs(Decimal(text)),
        "i": Decimal(int(whole or "0")),
        "v": Decimal(len(fraction)),
        "w": Decimal(len(trimmed)),
        "f": Decimal(int(fraction or "0")),
        "t": Decimal(int(trimmed or "0")),
        "e": Decimal(0),
    }


def _values(text: str) -> list[tuple[Decimal, Decimal]]:
    ranges = []
    for item in text.split(","):
        low, _, high = item.strip().partition("..")
        ranges.append((Decimal(low), Decimal(high or low)))
    return ranges


def _relation(text: str) -> Condition:
    match = _RELATION.match(text)
    if match is None:
        raise ValueError(f"not a CLDR plural relation: {text!r}")
    operand, modulus, operator, value_list = match.groups()
    ranges = _values(value_list)
    divisor = Decimal(modulus) if modulus else None
    wanted = operator == "="

    def holds(values: Operands) -> bool:
        value = values[operand]
        if divisor is not None:
            value = value % divisor
        # A range matches whole numbers only: n = 1..3 is false for 1.5.
        inside = any(low <= value <= high and (low == high or value == value.to_integral())
                     for low, high in ranges)
        return inside == wanted

    return holds


@cache
def compile_rule(rule: str) -> Condition:
    """A CLDR rule (without its ``@integer``/``@decimal`` samples) as a test on operands."""
    rule = rule.split("@", 1)[0].strip()
    alternatives = [[_relation(part) for part in branch.split(" and ")]
                    for branch in rule.split(" or ")]

    def holds(values: Operands) -> bool:
        return any(all(relation(values) for relation in branch) for branch in alternatives)

    return holds


def category(rules: Mapping[str, str], number: int | float | str | Decimal) -> str:
    """The plural category of ``number`` under ``rules`` (category -> CLDR rule)."""
    values = operands(number)
    for name, rule in rules.items():
        if name != OTHER and compile_rule(rule)(values):
            return name
    return OTHER


__all__ = ["CATEGORIES", "OTHER", "category", "compile_rule", "operands"]
