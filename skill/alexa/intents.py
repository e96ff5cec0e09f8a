"""Alexa's intents in the domain's words: which intent is which utterance, and its slots.

This is the whole vocabulary the adapter knows. The dialogue table
(:mod:`skill.domain.dialogue.table`) decides what each utterance does.
"""

from __future__ import annotations

import re

from ask_sdk_core.handler_input import HandlerInput

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
    # issue-15: the daily reminder's intents are rows of the dialogue table like any other.
    "SetReminderIntent": "set_reminder",
    "ChangeReminderIntent": "change_reminder",
    "ReminderStatusIntent": "reminder_status",
    "CancelReminderIntent": "cancel_reminder",
}
# issue-15: AMAZON.DURATION values for "an hour later", "half an hour earlier": PT1H, PT30M.
_DURATION = re.compile(r"^PT(?:(\d{1,2})H)?(?:(\d{1,3})M)?$")
# Words longer than this are not echoed back or kept: a slot is a name, not a paragraph.
MAX_HEARD_CHARS = 80


def intent_name(handler_input: HandlerInput) -> str | None:
    """The intent's name, or ``None`` for an IntentRequest that carries no intent."""
    name = getattr(getattr(handler_input.request_envelope.request, "intent", None), "name", None)
    return name if isinstance(name, str) else None


def slot_value(handler_input: HandlerInput, name: str) -> tuple[str | None, str | None]:
    """The resolved id of slot ``name`` and the words heard, either may be missing."""
    request = handler_input.request_envelope.request
    slots = getattr(getattr(request, "intent", None), "slots", None) or {}
    slot = slots.get(name) if isinstance(slots, dict) else None
    if slot is None:
        return None, None
    heard = slot.value if isinstance(slot.value, str) and slot.value.strip() else None
    if heard is not None:
        heard = heard[:MAX_HEARD_CHARS]
    resolutions = getattr(slot, "resolutions", None)
    for authority in getattr(resolutions, "resolutions_per_authority", None) or []:
        status = getattr(getattr(authority, "status", None), "code", None)
        if getattr(status, "value", status) == "ER_SUCCESS_MATCH" and authority.values:
            return authority.values[0].value.id, heard
    return None, heard


def said_from(handler_input: HandlerInput, utterance: str) -> Said:
    """What the user said, with the slot values the domain understands."""
    exercise, heard = slot_value(handler_input, "Exercise")
    value: str | None = None
    for slot in ("Period", "Change", "Symptom"):
        found, words = slot_value(handler_input, slot)
        if found is not None or words is not None:
            value, heard = found, (words if found is None else heard)
    number: int | None = None
    _, spoken = slot_value(handler_input, "Minutes")
    if spoken is not None and spoken.isdigit():
        number = min(int(spoken), 1000)
    # issue-15: a reminder's time as Alexa resolved it ("07:00", "EV"), or a relative move.
    _, time_value = slot_value(handler_input, "Time")
    if time_value is not None:
        value = time_value.strip()[:MAX_HEARD_CHARS]
    shift, _ = slot_value(handler_input, "Shift")
    if shift in ("later", "earlier"):
        value = shift
        _, by = slot_value(handler_input, "By")
        duration = _DURATION.match(by.strip()) if by else None
        if duration is not None and any(duration.groups()):
            number = int(duration.group(1) or 0) * 60 + int(duration.group(2) or 0)
    return Said(utterance, exercise=exercise, heard=heard, value=value, number=number)
