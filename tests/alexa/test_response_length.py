"""No response plays for more than 2.5 minutes, counting everything it says (issue 16, 7).

Every program week and every setting a user can choose, walked through ``lambda_handler``
by :func:`bench.audio_length.walk`: a day's routine to the end, a place resumed the next
day, the day after a pain report, a "5 minutes" routine and every single exercise. Each
reply is timed by the planning model, calibrated against espeak-ng by the benchmark
(``python -m bench.audio_length``), never by a timed synthesiser here.
"""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Conversation, alexa_limit_problems

from bench.audio_length import SETTINGS, WEEKS, walk
from skill.domain.progress import Change
from skill.domain.routine import MAX_RESPONSE_SECONDS
from skill.domain.ssml import MAX_AUDIO_SECONDS, audio_seconds, response_seconds, spoken_text
from skill.hosts.envelopes import Device
from skill.store import user_key
from skill.store.sqlite import SqliteStore

# The fast lane walks every week with every knob turned to its longest at once (the
# longest replies there are), and each other setting in one week, a different week each;
# the rest of the sweep is slow (`pytest -m slow`, and .ci/run).
WORST = "slowest, longest, most"
SWEEP = [
    pytest.param(week, setting, id=f"{setting}-{week}", marks=() if setting == WORST or
                 (week - 1) % len(WEEKS) == index % len(WEEKS) else pytest.mark.slow)
    for index, setting in enumerate(SETTINGS) for week in WEEKS]


@pytest.mark.parametrize(("week", "setting"), SWEEP)
def test_no_reply_plays_longer_than_two_and_a_half_minutes(
        user: Conversation, lambda_store: SqliteStore, week: int, setting: str) -> None:
    key = user_key(Device().user_id)

    def invoke(envelope: dict[str, Any]) -> dict[str, Any]:
        response = user.app.invoke(envelope)
        assert alexa_limit_problems(response) == [], response
        return response

    def seed(changes: list[Change]) -> None:
        lambda_store.save(key, lambda_store.load(key), changes)

    replies = [ssml for ssml in walk(invoke, seed, week, SETTINGS[setting]) if ssml]
    assert len(replies) > 20
    longest = max(replies, key=response_seconds)
    assert response_seconds(longest) <= MAX_RESPONSE_SECONDS, spoken_text(longest)[:300]
    assert all(audio_seconds(ssml) <= MAX_AUDIO_SECONDS for ssml in replies)
    if SETTINGS[setting].tones:
        assert any("soundbank://" in ssml for ssml in replies)
