"""Counting and listing, as read aloud and shown on a screen.

The one home of these two helpers until the grammar module (issue 17) takes them in:
every answer and every screen that counts something uses them, so "1 session" is never
"1 sessions" in one place and right in another.
"""

from __future__ import annotations


def n(count: int, word: str) -> str:
    """``"1 session"``, ``"3 sessions"``: counts read naturally aloud."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def and_list(items: list[str]) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


__all__ = ["and_list", "n"]
