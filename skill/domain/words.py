"""Counting and listing, as read aloud and shown on a screen.

The one home of these two helpers until the grammar module (issue 17) takes them in:
every answer and every screen that counts something uses them, so "1 session" is never
"1 sessions" in one place and right in another.
"""

from __future__ import annotations

from skill.domain.content import grammar


def n(count: int, word: str) -> str:
    """``"1 session"``, ``"3 sessions"``: counts read naturally aloud."""
    # issue-19: said in the turn's language (the grammar module's counts).
    return grammar().count(count, word)


def and_list(items: list[str]) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``."""
    return grammar().join(items)  # issue-19: the turn's language's list pattern


__all__ = ["and_list", "n"]
