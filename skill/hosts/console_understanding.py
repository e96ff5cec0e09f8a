"""The console's ears: what a typed line means, as a device would take it.

Three tries, in order: the interaction model's own samples word for word (exact and
predictable, so a scripted conversation means what it says); then, while the skill is
asking for a slot (``Dialog.ElicitSlot``), that slot's own answers ("five minutes",
"half seven"); then the statistical stand-in for Alexa's language understanding, which
takes phrasings the model never listed to the nearest intent, or to nothing when nothing
is near enough. Nothing heard is "did you mean ...?" and ``AMAZON.FallbackIntent``.
"""

from __future__ import annotations

from skill.hosts.console_hearing import FALLBACK, Hearing
from skill.hosts.console_matcher import Match, ModelMatcher


class Understanding:
    """Words to an intent for one locale's model; ``hearing`` is ``None`` when the
    stand-in is not installed, and then only the model's own samples are understood."""

    def __init__(self, matcher: ModelMatcher, hearing: Hearing | None = None) -> None:
        self.matcher = matcher
        self.hearing = hearing

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
        if exact is not None or self.hearing is None:
            return exact
        heard = self.hearing.hear(words)
        return None if heard.intent == FALLBACK else heard.as_match()

    def listen(self, words: str, eliciting: tuple[str, str] | None = None) -> Match:
        """As :meth:`match`, with nothing heard as the fallback intent a device sends."""
        return self.match(words, eliciting) or Match(FALLBACK, {})

    def suggest(self, words: str, limit: int = 3) -> list[str]:
        return self.matcher.suggest(words, limit)
