"""The coach: runs one turn of the dialogue table, and nothing else.

``Coach(context).hear(said)`` finds the cell for what was said in the state the last
reply left (:func:`~skill.domain.dialogue.table.cell_for`), applies its column rule,
asks the safety question that is due before any behaviour that leads to exercise, and
runs the behaviour. When a safety question is answered, what was asked before it is
heard again here, so no behaviour needs to know which others lead to exercise.
"""

from __future__ import annotations

from dataclasses import replace

from skill.domain.dialogue.safety import gate
from skill.domain.dialogue.state import Context, Mode, Outcome, Pending, Said
from skill.domain.dialogue.table import LEADS_TO_EXERCISE, Cell, Rule, cell_for
from skill.domain.dialogue.talk import Talk
from skill.domain.exercises import exercise_ids
from skill.domain.screens import StepScreen
from skill.domain.ssml import Speech

# Turns about the daily reminder give no guidance, so they carry no first-use notice.
WITHOUT_NOTICE = frozenset({"set_reminder", "change_reminder", "reminder_status",
                            "cancel_reminder", "consent", "session_ended"})


class Coach:
    """Answers one turn: ``coach.hear(said)`` returns the :class:`Outcome`."""

    def __init__(self, context: Context) -> None:
        self.context = context

    def hear(self, said: Said) -> Outcome:
        talk = Talk(self.context)
        heard = understood(said)
        outcome = self._run(talk, cell_for(heard.name, talk.session.mode), heard)
        then = outcome.then
        if then is not None:
            # A safety question was answered: now what was asked before it, in its state.
            lead = outcome.reply.speech if outcome.reply is not None else Speech()
            talk.session = replace(outcome.session, mode=then.mode, pending=None)
            carried = self._run(talk, cell_for(then.said.name, then.mode), then.said)
            outcome = _led_by(lead, carried)
        return outcome if heard.name in WITHOUT_NOTICE else _with_notice(talk, outcome)

    def _run(self, c: Talk, cell: Cell, said: Said) -> Outcome:
        in_routine_mode = Mode.BETWEEN_STEPS if c.session.in_routine else Mode.IDLE
        if cell.rule is Rule.CANCEL_DELETE:
            c.session = c.next_session(mode=in_routine_mode)
            return _led_by(c.say("delete_dropped"), self._guarded(c, cell, said))
        if cell.rule is Rule.LAPSE:
            # The safety question is dropped; it is asked again before any exercise.
            c.session = c.next_session(mode=in_routine_mode, pending=None)
        return self._guarded(c, cell, said)

    def _guarded(self, c: Talk, cell: Cell, said: Said) -> Outcome:
        if cell.behaviour in LEADS_TO_EXERCISE:
            blocked = gate(c, Pending(said, c.session.mode))
            if blocked is not None:
                return blocked
        return cell.behaviour(c, said)



def understood(said: Said) -> Said:
    """``said`` as the table's rows name it: an exercise the skill lacks is its own row."""
    if said.name == "guide" and said.exercise not in exercise_ids():
        return replace(said, name="unknown_exercise")
    return said


def _with_notice(c: Talk, outcome: Outcome) -> Outcome:
    """On every first-use path, one-shots included, the first reply says what the skill
    is not: general guidance, not medical advice; stop if anything hurts."""
    profile = c.ctx.profile
    first_use = not profile.safety_notice_heard and profile.sessions == 0
    if not first_use or c.session.noticed or outcome.reply is None:
        return outcome
    notice = c.line("disclaimer")
    if notice not in " ".join(outcome.reply.speech.parts):
        outcome = _led_by(Speech().say(notice), outcome)
    outcome.session.noticed = True
    return outcome


def _led_by(lead: Speech, outcome: Outcome) -> Outcome:
    """``outcome`` with ``lead`` said first (on a screen too, where the lead is spoken)."""
    if not lead.parts:
        return outcome
    later = outcome.after_call
    if later is not None:
        # The reply comes once the adapter has made its call: the lead goes first then.
        outcome.after_call = lambda result: _led_by(lead, later(result))
        return outcome
    if outcome.reply is None:
        return outcome
    outcome.reply.speech = Speech().extend(lead).extend(outcome.reply.speech)
    if isinstance(outcome.screen, StepScreen):
        outcome.screen = replace(outcome.screen,
                                 lead=Speech().extend(lead).extend(outcome.screen.lead))
    return outcome


__all__ = ["Coach", "understood"]
