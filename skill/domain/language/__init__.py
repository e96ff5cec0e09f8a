"""Grammar as data: counts, plurals, lists, ordinals, times and durations, per language.

Nothing the skill says is put together from English words in code: a count is
``language.count(3, "session")`` ("3 sessions"), a list ``language.join(names)``
("the butterfly, the lunge and the bridge"), a time ``language.time(at)`` ("7:30 PM").
Each language is one data file (``skill/data/language/en.json``) with CLDR's plural
categories and rules (:mod:`skill.domain.language.plural`), and a locale's own file
holds only what differs from its language's. :func:`language_for` loads the request's
locale only, once per container, falling back to its language, then to English.
"""

from __future__ import annotations

from skill.domain.language.language import (
    DEFAULT_LOCALE,
    Language,
    english,
    language_for,
    language_tag,
)

__all__ = ["DEFAULT_LOCALE", "Language", "english", "language_for", "language_tag"]
