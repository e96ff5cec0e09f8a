"""The conversation: the dialogue table and the behaviours it names.

Start with :mod:`skill.domain.dialogue.table`: every state, everything a user can say,
and what happens. :class:`~skill.domain.dialogue.coach.Coach` runs one turn of it.

The imports run one way: ``coach`` -> ``table`` -> the behaviours (``navigation`` ->
``answers``, ``safety``; ``reminders`` -> ``preferences``) -> ``flow`` (the moves they
share) -> ``talk`` (what a turn knows, and how it speaks) -> ``state``.
"""

from skill.domain.dialogue.coach import Coach
from skill.domain.dialogue.state import Context, Mode, Outcome, Reply, Said, Session

__all__ = ["Coach", "Context", "Mode", "Outcome", "Reply", "Said", "Session"]
