"""The behaviour every progress store must have, written once and run against each backend.

Each ``check_*`` function takes a :class:`Backend` and raises on a violation.
Backend test modules parametrize over :data:`CONTRACT`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from skill.alexa.app import SkillApp, build_app
from skill.alexa.turns import no_time_zone
from skill.domain.progress import (
    NoticeHeard,
    Position,
    PositionSet,
    Profile,
    SessionCompleted,
    SessionRecord,
    TimeZoneLearned,
)
from skill.domain.reminders import ReminderState
from skill.domain.settings import Settings
from skill.hosts.envelopes import Device
from skill.store import ProgressStore, person_key, user_key

RAW_USER_ID = "amzn1.ask.account.CONTRACT-RAW-USER-ID-0123456789"
RAW_DEVICE_ID = "amzn1.ask.device.CONTRACT-RAW-DEVICE-ID-0123456789"
RAW_PERSON_ID = "amzn1.ask.person.CONTRACT-RAW-PERSON-ID-0123456789"
SECRET = "contract-secret"
THREADS = 8


@dataclass
class Backend:
    """A store under test: how to open one, and every stored byte as text (for grepping)."""

    name: str
    make_store: Callable[[], ProgressStore]
    dump: Callable[[], str]
    transactions: bool = True  # can it store a profile and a session item atomically?


def record(n: int, day: str = "2026-03-02", plan: str = "daily") -> SessionRecord:
    return SessionRecord(id=f"amzn1.echo-api.request.{n:04d}", on=day,
                         finished_at=f"{day}T07:{n // 60 % 60:02d}:{n % 60:02d}+00:00",
                         plan=plan, week=1, title="Week 1 daily routine", seconds=360,
                         steps_done=5)


def completed(store: ProgressStore, key: str, rec: SessionRecord) -> Profile:
    return store.save(key, store.load(key), [SessionCompleted(rec)])


# ------------------------------------------------------------------ the contract


def check_new_user_loads_fresh_profile(backend: Backend) -> None:
    store = backend.make_store()
    assert store.load("u_nobody") == Profile()
    assert store.load("u_nobody").version == 0
    assert store.history("u_nobody") == []


def check_round_trip_every_field(backend: Backend) -> None:
    store = backend.make_store()
    position = Position(plan="daily", week=2, step=3, started_on="2026-03-01",
                        seconds_done=95, steps_done=2, minutes=8, gentle=True,
                        eased=("pigeon",), skipped=("bridge",),
                        # issue-15: the plan's settings and what is credited of it.
                        settings=Settings(pace=-1), done=(0, 2), credited_seconds=40,
                        credited_steps=1, program_day=True)
    base = Profile(
        first_seen_on="2026-02-01", safety_notice_heard=True, check_in=True, gentle_left=2,
        screened_on="2026-02-01", see_doctor_first=True,  # issue 16's neutral flags
        eased=["pigeon"], settings=Settings(pace=1, brief=True), program_week=2,
        program_days=4, last_program_day="2026-02-28",
        time_zone="Europe/Berlin", sessions=12, seconds=4321, practice_days=9,
        current_streak=3, longest_streak=5, last_practice_on="2026-02-28",
        last_session_title="Butterfly stretch", last_session_seconds=240,
        daily={"2026-02-27": [1, 300], "2026-02-28": [2, 480]}, position=None,
        reminder=ReminderState(at="07:30", alert_token="alert-token-1",
                               declined_on="2026-02-10", offered_on="2026-02-11"),
        advised_on="2026-02-28")
    defaults = Profile()
    expected = Profile(**{**base.__dict__, "position": position, "version": 1})
    for spec in fields(Profile):
        # Guard the test itself: a field left at its default would round-trip trivially.
        assert getattr(expected, spec.name) != getattr(defaults, spec.name), spec.name
    saved = store.save("u_full", base, [PositionSet(position)])
    assert saved == expected
    loaded = backend.make_store().load("u_full")
    assert loaded == expected
    assert isinstance(loaded.position, Position)
    assert loaded.daily == {"2026-02-27": [1, 300], "2026-02-28": [2, 480]}


def check_session_completion_is_atomic(backend: Backend) -> None:
    store = backend.make_store()
    key = "u_complete"
    store.save(key, store.load(key), [NoticeHeard("2026-03-02"),
                                      PositionSet(Position("daily", 1, 2, "2026-03-02"))])
    rec = record(1)
    after = completed(store, key, rec)
    loaded = store.load(key)
    assert loaded == after
    assert (loaded.sessions, loaded.seconds, loaded.practice_days) == (1, 360, 1)
    assert loaded.daily == {"2026-03-02": [1, 360]}
    assert loaded.position is None
    assert loaded.last_session_title == rec.title
    assert store.history(key) == [rec]


def check_history_newest_first_with_limit(backend: Backend) -> None:
    store = backend.make_store()
    key = "u_history"
    recs = [record(n, day=f"2026-03-{n + 1:02d}") for n in range(6)]
    for rec in recs:
        completed(store, key, rec)
    assert store.history(key, limit=3) == recs[::-1][:3]
    assert store.history(key) == recs[::-1]
    assert store.history(key, limit=1) == [recs[-1]]
    assert store.load(key).sessions == 6
    assert store.load(key).current_streak == 6


def check_stale_version_from_two_devices(backend: Backend) -> None:
    kitchen, bedroom = backend.make_store(), backend.make_store()
    key = "u_two_devices"
    kitchen.save(key, kitchen.load(key), [NoticeHeard("2026-03-02")])
    seen_by_kitchen = kitchen.load(key)
    seen_by_bedroom = bedroom.load(key)
    kitchen.save(key, seen_by_kitchen, [SessionCompleted(record(1))])
    # The bedroom's copy is now stale; its session must count too, not overwrite.
    bedroom.save(key, seen_by_bedroom, [SessionCompleted(record(2))])
    final = kitchen.load(key)
    assert final.sessions == 2
    assert final.seconds == 720
    assert final.daily == {"2026-03-02": [2, 720]}
    assert final.safety_notice_heard
    assert {r.id for r in kitchen.history(key)} == {record(1).id, record(2).id}


def check_concurrent_sessions_all_count(backend: Backend) -> None:
    key = "u_concurrent"
    stores = [backend.make_store() for _ in range(THREADS)]
    start = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def device(n: int) -> None:
        try:
            store = stores[n]
            base = store.load(key)
            start.wait(timeout=30)
            store.save(key, base, [SessionCompleted(record(n)),
                                   TimeZoneLearned("Europe/London")])
        except BaseException as error:  # collected: a thread's failure must fail the test
            errors.append(error)

    threads = [threading.Thread(target=device, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    final = stores[0].load(key)
    assert final.sessions == THREADS
    assert final.seconds == THREADS * 360
    assert final.daily == {"2026-03-02": [THREADS, THREADS * 360]}
    assert final.version == THREADS
    assert len(stores[0].history(key, limit=100)) == THREADS


def check_delete_user_removes_everything(backend: Backend) -> None:
    store = backend.make_store()
    gone, kept = "u_delete_me", "u_keep_me"
    store.save(gone, store.load(gone), [NoticeHeard("2026-03-01")])
    for n in range(30):  # more than one BatchWriteItem's worth of items
        completed(store, gone, record(n))
    completed(store, kept, record(99))
    assert gone in backend.dump()
    assert store.delete_user(gone) is True  # a short history goes within the turn
    assert store.load(gone) == Profile()
    assert store.history(gone, limit=100) == []
    assert gone not in backend.dump()
    assert store.load(kept).sessions == 1
    assert store.history(kept) == [record(99)]
    assert store.delete_user("u_never_existed") is True
    assert "u_never_existed" not in backend.dump()  # no marker left behind


def check_a_new_life_after_a_delete_is_kept(backend: Backend) -> None:
    """A user who deletes and begins again keeps what they do afterwards."""
    store = backend.make_store()
    key = "u_again"
    completed(store, key, record(1))
    assert store.delete_user(key) is True
    completed(store, key, record(2))
    assert store.load(key).sessions == 1 and store.history(key) == [record(2)]


def check_app_never_stores_raw_user_id(backend: Backend) -> None:
    store = backend.make_store()
    app = build_app(store, time_zone_lookup=no_time_zone, user_key_secret=SECRET)
    device = Device(user_id=RAW_USER_ID, device_id=RAW_DEVICE_ID)
    responses = run_routine(app, device)
    assert len(responses) > 3
    key = user_key(RAW_USER_ID, SECRET)
    assert store.load(key).safety_notice_heard
    if backend.transactions:
        assert store.load(key).sessions == 1
        assert len(store.history(key)) == 1
    stored = backend.dump()
    assert key in stored
    assert RAW_USER_ID not in stored
    assert "CONTRACT-RAW-USER-ID" not in stored
    assert RAW_DEVICE_ID not in stored


def check_same_completion_twice_counts_once(backend: Backend) -> None:
    """Alexa re-delivers a request it got no answer to: its session must count once."""
    store = backend.make_store()
    key = "u_redelivered"
    first = record(1)
    completed(store, key, first)
    completed(store, key, first)  # the same request id, delivered again later
    assert store.load(key).sessions == 1
    assert store.load(key).seconds == 360
    assert store.history(key) == [first]

    # And delivered again several times at once, to several servers.
    again = record(2)
    stores = [backend.make_store() for _ in range(THREADS)]
    bases = [s.load(key) for s in stores]
    start = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def delivery(n: int) -> None:
        try:
            start.wait(timeout=30)
            stores[n].save(key, bases[n], [SessionCompleted(again)])
        except BaseException as error:  # collected: a thread's failure must fail the test
            errors.append(error)

    threads = [threading.Thread(target=delivery, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    final = store.load(key)
    assert (final.sessions, final.seconds) == (2, 720)
    assert final.daily == {"2026-03-02": [2, 720]}
    assert store.history(key) == [again, first]


def check_redelivered_request_counts_once(backend: Backend) -> None:
    """The whole skill: the request that completes the routine arrives twice; one session."""
    store = backend.make_store()
    app = build_app(store, time_zone_lookup=no_time_zone, user_key_secret=SECRET)
    device = Device(user_id=RAW_USER_ID, device_id=RAW_DEVICE_ID)
    key = user_key(RAW_USER_ID, SECRET)
    say(app, device, device.launch())
    say(app, device, device.intent("AMAZON.YesIntent"))
    completing: dict[str, Any] | None = None
    answer = {"safety_screen": "AMAZON.NoIntent", "feel_check": "FeelingGoodIntent"}
    for _ in range(60):
        if device.session_id is None:
            break
        envelope = device.intent(answer.get(str(device.attributes.get("mode")),
                                            "AMAZON.NextIntent"))
        say(app, device, envelope)
        if completing is None and store.load(key).sessions == 1:
            completing = envelope
    assert completing is not None, "the routine never completed"
    app.invoke(completing)  # Alexa's retry of the request that completed the routine
    assert store.load(key).sessions == 1
    assert len(store.history(key)) == 1


def check_voice_profiles_are_deleted_with_their_account(backend: Backend) -> None:
    store = backend.make_store()
    account, other = "u_household", "u_neighbour"
    alice, bob, carol = "p_alice", "p_bob", "p_carol"
    for key, zone in ((account, "Europe/London"), (alice, "Europe/Paris"),
                      (bob, "Europe/Rome"), (other, "Asia/Tokyo"), (carol, "Asia/Seoul")):
        store.save(key, store.load(key), [TimeZoneLearned(zone)])
    for owner, person in ((account, alice), (account, bob), (account, bob), (other, carol)):
        store.link_person(owner, person)  # linking again changes nothing
    store.delete_user(alice)  # "delete my progress" by a recognised speaker: theirs only
    assert store.load(alice) == Profile()
    assert store.load(bob).time_zone == "Europe/Rome"
    assert store.load(account).time_zone == "Europe/London"
    store.delete_user(account)  # by the account's unrecognised speaker: the account's only
    assert store.load(account) == Profile()
    assert store.load(bob).time_zone == "Europe/Rome"
    store.delete_account(account)  # the skill disabled: every person of the account
    assert store.load(bob) == Profile()
    assert "p_bob" not in backend.dump() and "u_household" not in backend.dump()
    assert store.load(other).time_zone == "Asia/Tokyo"
    assert store.load(carol).time_zone == "Asia/Seoul"
    store.delete_account("u_never_existed")


def check_app_never_stores_raw_person_id(backend: Backend) -> None:
    store = backend.make_store()
    app = build_app(store, time_zone_lookup=no_time_zone, user_key_secret=SECRET)
    device = Device(user_id=RAW_USER_ID, device_id=RAW_DEVICE_ID)
    envelope = device.launch()
    envelope["context"]["System"]["person"] = {"personId": RAW_PERSON_ID}
    say(app, device, envelope)
    for answer in ("AMAZON.YesIntent", "AMAZON.NoIntent"):  # start; pass the safety questions
        envelope = device.intent(answer)
        envelope["context"]["System"]["person"] = {"personId": RAW_PERSON_ID}
        say(app, device, envelope)
    key = person_key(RAW_PERSON_ID, SECRET)
    assert store.load(key).safety_notice_heard
    assert store.load(user_key(RAW_USER_ID, SECRET)) == Profile()  # the person's, not the account's
    stored = backend.dump()
    assert key in stored
    assert RAW_PERSON_ID not in stored and "CONTRACT-RAW-PERSON" not in stored
    assert RAW_USER_ID not in stored


CONTRACT: list[Callable[[Backend], None]] = [
    check_new_user_loads_fresh_profile,
    check_round_trip_every_field,
    check_session_completion_is_atomic,
    check_history_newest_first_with_limit,
    check_stale_version_from_two_devices,
    check_concurrent_sessions_all_count,
    check_delete_user_removes_everything,
    check_a_new_life_after_a_delete_is_kept,
    check_app_never_stores_raw_user_id,
    check_same_completion_twice_counts_once,
    check_redelivered_request_counts_once,
    check_voice_profiles_are_deleted_with_their_account,
    check_app_never_stores_raw_person_id,
]

# The checks that complete a session, and so need an atomic multi-item write.
NEEDS_TRANSACTIONS = {
    check_session_completion_is_atomic,
    check_history_newest_first_with_limit,
    check_stale_version_from_two_devices,
    check_concurrent_sessions_all_count,
    check_delete_user_removes_everything,
    check_a_new_life_after_a_delete_is_kept,
    check_same_completion_twice_counts_once,
    check_redelivered_request_counts_once,
}


# ------------------------------------------------------------------ conversations


def say(app: SkillApp, device: Device, envelope: dict[str, Any]) -> dict[str, Any]:
    response = app.invoke(envelope)
    device.take(response)
    return response


def run_routine(app: SkillApp, device: Device, max_turns: int = 60) -> list[dict[str, Any]]:
    """Launch, accept the offer, pass the safety questions, and say "next" until done."""
    responses = [say(app, device, device.launch()), say(app, device,
                                                         device.intent("AMAZON.YesIntent"))]
    while device.session_id is not None:
        if len(responses) >= max_turns:
            raise AssertionError("the routine never finished")
        mode = device.attributes.get("mode")
        answer = {"safety_screen": "AMAZON.NoIntent", "feel_check": "FeelingGoodIntent"}
        responses.append(say(app, device, device.intent(answer.get(str(mode),
                                                                    "AMAZON.NextIntent"))))
    return responses


def speech(response: dict[str, Any]) -> str:
    output = (response.get("response") or {}).get("outputSpeech") or {}
    return str(output.get("ssml") or output.get("text") or "")
