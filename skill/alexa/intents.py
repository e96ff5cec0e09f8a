"""Alexa's intents in the domain's words: which intent is which utterance, and its slots.

This is the whole vocabulary the adapter knows. The dialogue table
(:mod:`skill.domain.dialogue.table`) decides what each utterance does.
"""

from __future__ import annotations

import re

from skill.alexa.request import AlexaRequest
from skill.domain.dialogue import Said

INTENT_UTTERANCES: dict[str, str] = {
    "StartRoutineIntent": "start_routine",
    "TodaysRoutineIntent": "todays_routine",
    "HowLongIntent": "how_long",
    "ExplainExerciseIntent": "explain",
    "GuideExerciseIntent": "guide",
    "AMAZON.NextIntent": "next",
    "SkipIntent": "skip",
    "AMAZON.PreviousIntent": "previous",
    "AMAZON.RepeatIntent": "repeat",
    "AMAZON.PauseIntent": "pause",
    "AMAZON.ResumeIntent": "resume",
    "AMAZON.StartOverIntent": "start_over",
    "AMAZON.YesIntent": "yes",
    "AMAZON.NoIntent": "no",
    "AMAZON.HelpIntent": "help",
    "AMAZON.StopIntent": "stop",
    "AMAZON.CancelIntent": "stop",
    "AMAZON.NavigateHomeIntent": "home",
    "AMAZON.FallbackIntent": "fallback",
    "ReportPainIntent": "pain",
    # "I'm pregnant", "I had surgery": the screen's own question, in the user's words.
    "SafetyConditionIntent": "condition",
    "FeelingGoodIntent": "feel_good",
    "WaitIntent": "wait",
    "DoneForTodayIntent": "done_for_today",
    "ProgressSummaryIntent": "progress",
    "StreakIntent": "streak",
    "SessionCountIntent": "session_count",
    "MinutesPractisedIntent": "minutes",
    "LastSessionIntent": "last_session",
    "ProgramWeekIntent": "program_week",
    "OnTrackIntent": "on_track",
    "WhereLeftOffIntent": "where_left_off",
    "DeleteProgressIntent": "delete",
    "ChangeSettingIntent": "change_setting",
    "SettingsStatusIntent": "settings_status",
    "ResetSettingsIntent": "reset_settings",
    "ShortRoutineIntent": "short_routine",
    "JustStretchesIntent": "just_stretches",
    "MakeEasierIntent": "make_easier",
    # The daily reminder's intents are rows of the dialogue table like any other.
    "SetReminderIntent": "set_reminder",
    "ChangeReminderIntent": "change_reminder",
    "ReminderStatusIntent": "reminder_status",
    "CancelReminderIntent": "cancel_reminder",
}
REMINDER_UTTERANCES = frozenset({"set_reminder", "change_reminder", "reminder_status",
                                 "cancel_reminder"})
# Words longer than this are not echoed back or kept: a slot is a name, not a paragraph.
MAX_HEARD_CHARS = 80
_DURATION = re.compile(r"^P(?:(?P<d>\d+)D)?(?:T(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?)?$")


def slot_value(request: AlexaRequest, name: str) -> tuple[str | None, str | None]:
    """The resolved id of slot ``name`` and the words heard (cut short), either may be
    missing."""
    value, heard = request.slot(name)
    return value, (heard[:MAX_HEARD_CHARS] if heard is not None else None)


def said_from(request: AlexaRequest, utterance: str) -> Said:
    """What the user said, with the slot values the domain understands."""
    if utterance in REMINDER_UTTERANCES:
        return reminder_said(request, utterance)
    exercise, heard = slot_value(request, "Exercise")
    value: str | None = None
    for slot in ("Period", "Change", "Symptom", "Sign"):
        found, words = slot_value(request, slot)
        if found is not None or words is not None:
            value, heard = found, (words if found is None else heard)
    if utterance == "pain" and not _names_a_pain(request):
        # "i'm {Sign}" heard with words that are no symptom ("i'm back", "i'm tired") is
        # not a pain report: those carriers say nothing of pain but the symptom itself.
        return Said("fallback")
    number: int | None = None
    _, spoken = slot_value(request, "Minutes")
    if spoken is not None and spoken.isdigit():
        number = min(int(spoken), 1000)
    return Said(utterance, exercise=exercise, heard=heard, value=value, number=number)


def _names_a_pain(request: AlexaRequest) -> bool:
    """A pain report either has a pain word in its carrier (any sample without a Sign) or
    a Sign that resolved to a symptom."""
    sign, words = slot_value(request, "Sign")
    return sign is not None or words is None


def reminder_said(request: AlexaRequest, utterance: str) -> Said:
    """A reminder request in the domain's words: ``value`` is the Time slot as Alexa
    resolved it ("07:00", "MO"), or for a relative move "later" / "earlier" with ``number``
    the minutes to move by."""
    shift, _ = slot_value(request, "Shift")
    if utterance == "change_reminder" and shift in ("later", "earlier"):
        _, by = slot_value(request, "By")
        minutes = duration_minutes(by) if by is not None else None
        # With no amount said, the dialogue moves it by its default (an hour).
        return Said(utterance, value=shift, number=minutes)
    _, time = slot_value(request, "Time")
    return Said(utterance, value=time.strip() if time else None)


def duration_minutes(iso: str) -> int | None:
    """``PT1H30M`` as 90; ``None`` for anything that is not an ISO 8601 duration."""
    found = _DURATION.match(iso.strip().upper())
    if found is None or not any(found.groups()):
        return None
    d, h, m, s = (int(found[k] or 0) for k in "dhms")
    return min(d * 1440 + h * 60 + m + round(s / 60), 24 * 60)
