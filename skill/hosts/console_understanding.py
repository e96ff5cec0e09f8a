"""The console's ears: what a typed line means, as a device would take it.

Three tries, in order: the interaction model's own samples word for word (exact and
predictable, so a scripted conversation means what it says); then, while the skill is
asking for a slot (``Dialog.ElicitSlot``), that slot's own answers ("five minutes",
"half seven"); then the statistical stand-in for Alexa's language understanding, which
takes phrasings the model never listed to the nearest intent, or to nothing when nothing
is near enough. Nothing heard is "did you mean ...?" and ``AMAZON.FallbackIntent``.
"""

from __future__ import annotations

from concurrent.futures import Future

from skill.hosts.console_hearing import FALLBACK, Hearing
from skill.hosts.console_matcher import Match, ModelMatcher

# Intents whose effect outlives the turn: a pain report that ends the session, a deletion,
# a reminder set, moved or cancelled, a settings or program change. Words that fit one of
# their carriers without naming a value ("i'm tired" in "i'm {Sign}") are not taken for it.
CONSEQUENTIAL = frozenset({
    "ReportPainIntent", "DeleteProgressIntent", "SetReminderIntent", "ChangeReminderIntent",
    "CancelReminderIntent", "ChangeSettingIntent", "ResetSettingsIntent", "MakeEasierIntent",
})


class Understanding:
    """Words to an intent for one locale's model; ``hearing`` is ``None`` when the
    stand-in is not installed, and then only the model's own samples are understood.

    ``hearing`` may still be training (a future): the model's own samples are understood
    at once, and the first words that need the stand-in wait for it.
    """

    def __init__(self, matcher: ModelMatcher,
                 hearing: Hearing | Future[Hearing | None] | None = None) -> None:
        self.matcher = matcher
        self._hearing = hearing

    @property
    def hearing(self) -> Hearing | None:
        if isinstance(self._hearing, Future):
            self._hearing = self._hearing.result()
        return self._hearing

    @property
    def invocation(self) -> str:
        return self.matcher.invocation

    @property
    def literals(self) -> dict[str, str]:
        return self.matcher.literals

    def match(self, words: str, eliciting: tuple[str, str] | None = None) -> Match | None:
        """What ``words`` mean, or ``None`` when nothing fits; ``eliciting`` is the
        (intent, slot) the skill is asking for, if it is asking."""
        if eliciting is not None and self.hearing is not None:
            answer = self.hearing.elicited(words, *eliciting)
            if answer is not None:
                return answer.as_match()
        exact = self.matcher.match(words)
        if exact is not None and resolved(exact):
            return exact
        heard = self.hearing.hear(words) if self.hearing is not None else None
        if heard is not None and exact is not None and heard.intent == exact.intent \
                and not heard.slots:
            return exact  # the same intent, with the words its slot heard
        if heard is not None and heard.intent != FALLBACK:
            return heard.as_match()
        # A carrier with words that are no value of its slot ("let's do the frog pose"):
        # the skill hears them unresolved, unless the intent is one with consequences.
        if exact is not None and exact.intent not in CONSEQUENTIAL:
            return exact
        return None

    def listen(self, words: str, eliciting: tuple[str, str] | None = None) -> Match:
        """As :meth:`match`, with nothing heard as the fallback intent a device sends."""
        return self.match(words, eliciting) or Match(FALLBACK, {})

    def suggest(self, words: str, limit: int = 3) -> list[str]:
        return self.matcher.suggest(words, limit)


def resolved(match: Match) -> bool:
    """Every slot of a custom type resolved to a value (built-in types always are)."""
    return all(value_id is not None or name in match.plain_slots
               for name, (_, value_id) in match.slots.items())
