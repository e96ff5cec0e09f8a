"""Property-based tests: thousands of mutated envelopes thrown at the real skill.

Every envelope starts as a genuine request for a user who is part-way through a
routine, then one to four random mutations are applied (keys deleted, values
replaced by arbitrary JSON, strings swapped for junk, unknown request types,
broken slots, garbage session attributes, another skill's application id...).
Whatever arrives, the web service must answer 200/400/413/415 and never 500,
every 200 must be a valid Alexa response, and a rejected request must leave the
user's stored progress exactly as it was.
"""

from __future__ import annotations

import contextlib
import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import flask
import pytest
from conftest import alexa_limit_problems
from flask.testing import FlaskClient
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from skill.alexa.app import RequestRejected, SkillApp, build_app
from skill.alexa.handlers import handled_intents
from skill.domain.dialogue import Coach, Mode
from skill.domain.progress import Position, Profile
from skill.domain.routine import routine_steps
from skill.domain.ssml import spoken_text
from skill.hosts.envelopes import LOCAL_SKILL_ID, Device
from skill.hosts.web.app import create_app, skill_invoke
from skill.hosts.web.verifier import build_verifiers
from skill.store import user_key
from skill.store.sqlite import SqliteStore

START = datetime(2026, 11, 16, 7, 30, tzinfo=UTC)
USER_ID = "amzn1.ask.account.FUZZ-USER"
FOREIGN_SKILL_ID = "amzn1.ask.skill.99999999-9999-9999-9999-999999999999"
ALLOWED_STATUSES = {200, 400, 413, 415}

Json = Any
Path_ = tuple[str | int, ...]

# --------------------------------------------------------------------------- the skill under test


@dataclass
class Served:
    """The web service as ``release-coach serve`` builds it, around one seeded user."""

    skill: SkillApp
    web: flask.Flask
    store: SqliteStore
    key: str
    snapshot: Profile

    def load(self) -> Profile:
        return self.store.load(self.key)

    def reset(self) -> None:
        """Put the user back where the seed left them, if an earlier example moved them."""
        if self.load() != self.snapshot:
            self.store.delete_user(self.key)
            _seed(self.skill)
            assert self.load() == self.snapshot


def _seed(skill: SkillApp) -> None:
    """A short real conversation, so the user has a stored place in a routine."""
    device = Device(user_id=USER_ID)
    turns: list[Callable[[datetime], dict[str, Any]]] = [
        lambda now: device.launch(now=now),
        lambda now: device.intent("AMAZON.YesIntent", now=now),
        lambda now: device.intent("AMAZON.NoIntent", now=now),  # the first-use safety screen
        lambda now: device.intent("AMAZON.NextIntent", now=now),
        lambda now: device.intent("AMAZON.StopIntent", now=now),
    ]
    for number, turn in enumerate(turns):
        # Each envelope is built only after the previous answer, to carry the session on.
        response = skill.invoke(turn(START + timedelta(minutes=2 * number)))
        assert alexa_limit_problems(response) == [], response
        device.take(response)


def serve_like_cli(store: SqliteStore) -> tuple[SkillApp, flask.Flask]:
    """What ``skill.hosts.cli.serve`` wires up, --insecure-dev, --skill-id LOCAL_SKILL_ID."""
    skill = build_app(store, skill_id=LOCAL_SKILL_ID, time_zone_lookup=lambda _request: None)

    verifiers = build_verifiers(LOCAL_SKILL_ID, insecure_dev=True)
    return skill, create_app(skill_invoke(skill), verifiers, insecure_dev=True)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    store = SqliteStore(tmp_path_factory.mktemp("fuzz") / "progress.sqlite3")
    skill, web = serve_like_cli(store)
    _seed(skill)
    key = user_key(USER_ID)
    snapshot = store.load(key)
    assert snapshot.version > 0 and snapshot.position is not None
    yield Served(skill, web, store, key, snapshot)
    store.close()


@pytest.fixture(scope="module")
def client(served: Served) -> FlaskClient:
    return served.web.test_client()


# --------------------------------------------------------------------------- valid starting points


def _base_envelopes() -> list[dict[str, Any]]:
    """Genuine envelopes for the seeded user: new sessions, mid-routine turns, events."""
    fresh = Device(user_id=USER_ID)
    mid = Device(user_id=USER_ID, session_id="amzn1.echo-api.session.fuzz-mid")
    position = {"plan": "daily", "week": 1, "step": 1, "started_on": "2026-11-16",
                "seconds_done": 40, "steps_done": 1}
    mid.attributes = {"mode": Mode.BETWEEN_STEPS.value, "position": position,
                      "in_routine": True}
    offer = Device(user_id=USER_ID, session_id="amzn1.echo-api.session.fuzz-offer")
    offer.attributes = {"mode": Mode.OFFER_RESUME.value, "position": position}
    Slots = dict[str, tuple[str, str | None]] | None
    exercise: Slots = {"Exercise": ("butterfly", "butterfly")}
    unmatched: Slots = {"Exercise": ("cartwheel", None)}
    period: Slots = {"Period": ("this week", "week")}
    envelopes = [fresh.launch(now=START)]
    for device in (fresh, mid, offer):
        calls: list[tuple[str, Slots]] = [(name, None) for name in sorted(handled_intents())]
        calls += [("GuideExerciseIntent", exercise), ("GuideExerciseIntent", unmatched),
                  ("SessionCountIntent", period), ("MinutesPractisedIntent", period)]
        for name, slots in calls:
            fresh.end_session()  # the fresh device starts a new session every time
            envelopes.append(device.intent(name, slots, now=START))
    ended = Device(user_id=USER_ID, session_id="amzn1.echo-api.session.fuzz-end")
    ended.attributes = dict(mid.attributes)
    envelopes.append(ended.session_ended("USER_INITIATED", now=START))
    can_fulfill = fresh.envelope({"type": "CanFulfillIntentRequest",
                                  "requestId": "amzn1.echo-api.request.cfir",
                                  "timestamp": START.strftime("%Y-%m-%dT%H:%M:%SZ"),
                                  "locale": "en-US",
                                  "intent": {"name": "GuideExerciseIntent", "slots": {}}})
    envelopes.append(can_fulfill)
    envelopes.append(fresh.event("AlexaSkillEvent.SkillEnabled", now=START))
    envelopes.append(fresh.event("AlexaHouseholdListEvent.ItemsCreated", now=START))
    for envelope in envelopes:
        # SkillDisabled legitimately deletes the user's data: it is never a starting point.
        assert envelope["request"]["type"] != "AlexaSkillEvent.SkillDisabled"
    return envelopes


BASE_ENVELOPES = _base_envelopes()

# --------------------------------------------------------------------------- mutations

json_values: st.SearchStrategy[Json] = st.recursive(
    st.none() | st.booleans() | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)

junk_strings: st.SearchStrategy[str] = st.one_of(
    st.text(max_size=30),
    st.text(st.characters(min_codepoint=0x80), min_size=1, max_size=30),
    st.text(max_size=8).map(lambda s: (s or "\u00e9") * (10_000 // max(len(s), 1) + 1)),
    st.text("0123456789", min_size=1, max_size=40),
    st.sampled_from(["", " ", "null", "daily", "butterfly", "in_routine", "2026-13-45T99:99:99Z",
                     "2026-11-16T07:30:00", "-1", "1e999", "NaN", "<speak>", "</speak>&<",
                     "ER_SUCCESS_MATCH", "ER_SUCCESS_NO_MATCH", "USER_INITIATED", "ERROR"]),
)

REQUEST_TYPES = [
    "LaunchRequest", "IntentRequest", "SessionEndedRequest", "CanFulfillIntentRequest",
    "AudioPlayer.PlaybackFailed", "AudioPlayer.PlaybackStarted",
    "PlaybackController.PlayCommandIssued",
    "Alexa.Presentation.APL.UserEvent", "Connections.Response", "System.ExceptionEncountered",
    "Dialog.API.Invoked", "Messaging.MessageReceived", "AlexaSkillEvent.SkillEnabled",
    "AlexaSkillEvent.ProactiveSubscriptionChanged", "Display.ElementSelected",
    "GameEngine.InputHandlerEvent", "",
]
INTENT_NAMES = [*sorted(handled_intents()), "AMAZON.ScrollUpIntent", "AMAZON.SelectIntent",
                "UnknownIntent", ""]

position_junk: st.SearchStrategy[Json] = st.fixed_dictionaries(
    {},
    optional={
        "plan": st.one_of(st.sampled_from(["daily", "butterfly", "reverse_kegel", "nope"]),
                          json_values),
        "week": st.one_of(st.integers(-3, 12), json_values),
        "step": st.one_of(st.integers(-12, 12), json_values),
        "started_on": st.one_of(st.just("2026-11-16"), json_values),
        "seconds_done": st.one_of(st.integers(-5, 5000), json_values),
        "steps_done": st.one_of(st.integers(-5, 50), json_values),
        "extra": json_values,
    },
) | json_values

attributes_junk: st.SearchStrategy[Json] = st.fixed_dictionaries(
    {},
    optional={
        "mode": st.one_of(st.sampled_from([m.value for m in Mode]), json_values),
        "position": position_junk,
        "other": json_values,
    },
) | json_values

resolved_value: st.SearchStrategy[Json] = st.fixed_dictionaries(
    {"name": junk_strings},
    optional={"id": st.sampled_from(["butterfly", "daily", "week", "nope"]) | json_values},
) | json_values

authority_junk: st.SearchStrategy[Json] = st.fixed_dictionaries(
    {"authority": junk_strings},
    optional={
        "status": st.fixed_dictionaries({"code": junk_strings | json_values}) | json_values,
        "values": st.lists(st.fixed_dictionaries({"value": resolved_value}), max_size=2)
        | json_values,
    },
)

resolutions_junk: st.SearchStrategy[Json] = st.fixed_dictionaries(
    {"resolutionsPerAuthority": st.lists(authority_junk, max_size=2) | json_values},
) | json_values

slot_junk: st.SearchStrategy[Json] = st.fixed_dictionaries(
    {"name": st.just("Exercise") | json_values},
    optional={
        "value": junk_strings | json_values,
        "confirmationStatus": st.sampled_from(["NONE", "DENIED"]) | json_values,
        "resolutions": resolutions_junk,
    },
) | json_values

slots_junk: st.SearchStrategy[Json] = st.dictionaries(
    st.sampled_from(["Exercise", "Period"]) | st.text(max_size=10), slot_junk, max_size=2,
) | json_values


def _paths(node: Json, prefix: Path_ = ()) -> list[Path_]:
    """Every path below ``node`` (not ``node`` itself), parents before children."""
    found: list[Path_] = []
    items: list[tuple[str | int, Json]] = (
        list(node.items()) if isinstance(node, dict)
        else list(enumerate(node)) if isinstance(node, list) else [])
    for key, child in items:
        found.append((*prefix, key))
        found.extend(_paths(child, (*prefix, key)))
    return found


def _get(node: Json, path: Path_) -> Json:
    for key in path:
        node = node[key]
    return node


def _set(root: Json, path: Path_, value: Json) -> None:
    _get(root, path[:-1])[path[-1]] = value


def _delete(root: Json, path: Path_) -> None:
    parent = _get(root, path[:-1])
    del parent[path[-1]]


def _ensure_dict(root: dict[str, Any], *keys: str) -> dict[str, Any]:
    """The dict at ``keys``, created (replacing anything else there) if need be."""
    node = root
    for key in keys:
        child = node.get(key)
        if not isinstance(child, dict):
            child = node[key] = {}
        node = child
    return node


@dataclass
class Mutated:
    """One fuzzed request: the body bytes, its content type, and what was done to it."""

    body: bytes
    content_type: str | None
    envelope: Json
    mutations: list[str]
    retargeted: bool


def _mutate_once(draw: Callable[..., Any], envelope: dict[str, Any]) -> str:
    kind = draw(st.sampled_from([
        "delete", "delete", "replace", "replace", "string", "string", "request_type",
        "intent_name", "slots", "session_new", "attributes", "timestamp",
    ]))
    if kind in ("delete", "replace", "string"):
        # Deepest and last first: hypothesis favours early choices, and the top-level keys
        # ("version", "context") are the least interesting ones to break.
        paths = _paths(envelope)[::-1]
        if kind == "string":
            paths = [p for p in paths if isinstance(_get(envelope, p), str)]
        if not paths:
            return f"{kind}: nothing to mutate"
        path = draw(st.sampled_from(paths))
        if kind == "delete":
            _delete(envelope, path)
            return f"delete {path}"
        value = draw(junk_strings if kind == "string" else json_values)
        _set(envelope, path, value)
        return f"{kind} {path} = {value!r:.80}"
    request = _ensure_dict(envelope, "request")
    if kind == "request_type":
        request["type"] = draw(st.sampled_from(REQUEST_TYPES) | junk_strings)
        return f"request.type = {request['type']!r:.80}"
    if kind == "timestamp":
        request["timestamp"] = draw(junk_strings)
        return f"request.timestamp = {request['timestamp']!r:.80}"
    if kind == "intent_name":
        intent = _ensure_dict(request, "intent")
        intent["name"] = draw(st.sampled_from(INTENT_NAMES) | junk_strings)
        return f"intent.name = {intent['name']!r:.80}"
    if kind == "slots":
        intent = _ensure_dict(request, "intent")
        intent["slots"] = draw(slots_junk)
        return f"intent.slots = {intent['slots']!r:.120}"
    session = _ensure_dict(envelope, "session")
    if kind == "session_new":
        session["new"] = draw(st.booleans() | json_values)
        return f"session.new = {session['new']!r:.80}"
    session["attributes"] = draw(attributes_junk)
    return f"session.attributes = {session['attributes']!r:.160}"


def _retarget(node: Json) -> None:
    """Address every applicationId in the envelope to another skill."""
    if isinstance(node, dict):
        for key, child in node.items():
            if key == "applicationId":
                node[key] = FOREIGN_SKILL_ID
            else:
                _retarget(child)
    elif isinstance(node, list):
        for child in node:
            _retarget(child)


@st.composite
def mutated_envelopes(draw: Callable[..., Any]) -> Json:
    """A genuine envelope with one to four mutations; maybe for another skill."""
    envelope: dict[str, Any] = copy.deepcopy(draw(st.sampled_from(BASE_ENVELOPES)))
    done = [_mutate_once(draw, envelope) for _ in range(draw(st.integers(1, 4)))]
    retargeted = draw(st.sampled_from([False] * 9 + [True]))
    if retargeted:
        _retarget(envelope)
        done.append("applicationId -> another skill")
    return envelope, done, retargeted


non_objects: st.SearchStrategy[Json] = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=20),
    st.lists(json_values, max_size=4),
)


@st.composite
def requests(draw: Callable[..., Any]) -> Mutated:
    """What arrives over HTTP: mostly mutated envelopes, sometimes not even JSON."""
    # Hypothesis favours the first choice of a sampled_from, so the common case comes first.
    shape = draw(st.sampled_from(["envelope"] * 14 + [
        "raw bytes", "non-object", "truncated", "content type", "charset", "too large"]))
    if shape == "raw bytes":
        body = draw(st.binary(max_size=200))
        return Mutated(body, "application/json", None, ["raw bytes"], False)
    if shape == "non-object":
        value = draw(non_objects)
        return Mutated(json.dumps(value).encode(), "application/json", value,
                       ["JSON non-object"], False)
    if shape == "truncated":
        text = json.dumps(draw(st.sampled_from(BASE_ENVELOPES)))
        cut = draw(st.integers(0, len(text) - 1))
        return Mutated(text[:cut].encode(), "application/json", None, ["truncated JSON"], False)
    envelope, done, retargeted = draw(mutated_envelopes())
    content_type = "application/json"
    if shape == "content type":
        content_type = draw(st.sampled_from([
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/jsonx", "application/xml", "text/json",
        ]))
        done.append(f"content type {content_type}")
    elif shape == "charset":
        content_type = "application/json; charset=utf-8"
    elif shape == "too large":
        envelope["padding"] = "x" * 300_000
        done.append("body over 256 KiB")
    return Mutated(json.dumps(envelope).encode(), content_type, envelope, done, retargeted)


# --------------------------------------------------------------------------- the properties

FUZZ_SETTINGS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
)


@settings(FUZZ_SETTINGS, max_examples=1500)
@given(request=requests())
def test_web_service_survives_mutated_requests(client: FlaskClient, served: Served,
                                               request: Mutated) -> None:
    served.reset()
    response = client.post("/", data=request.body, content_type=request.content_type)
    context = (request.mutations, response.status_code, response.get_data()[:600])
    event(f"HTTP {response.status_code}")
    assert response.status_code in ALLOWED_STATUSES, context
    payload = json.loads(response.get_data())
    assert isinstance(payload, dict), context
    if response.status_code == 200:
        assert alexa_limit_problems(payload) == [], context
        assert not request.retargeted, context
    else:
        assert isinstance(payload.get("error"), str), context
        # A rejected request never reaches the store.
        assert served.load() == served.snapshot, context


@settings(FUZZ_SETTINGS, max_examples=1000)
@given(envelope=mutated_envelopes() | non_objects.map(lambda v: (v, ["non-object"], False)))
def test_invoke_answers_or_rejects_mutated_envelopes(served: Served, envelope: Json) -> None:
    """The Lambda path: SkillApp.invoke either answers properly or raises RequestRejected."""
    body, done, retargeted = envelope
    served.reset()
    try:
        response = served.skill.invoke(body)
    except RequestRejected:
        assert served.load() == served.snapshot, done
        return
    assert not retargeted, done
    assert isinstance(response, dict), done
    assert alexa_limit_problems(response) == [], (done, response)


# --------------------------------------------------------------------------- the catch-all


def _speech(response: dict[str, Any]) -> str:
    return spoken_text(response["response"]["outputSpeech"]["ssml"])


def test_unexpected_error_mid_routine_keeps_the_place(store: SqliteStore,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    skill = build_app(store, skill_id=LOCAL_SKILL_ID, time_zone_lookup=lambda _request: None)
    device = Device(user_id=USER_ID)
    key = user_key(USER_ID)

    def send(envelope: dict[str, Any]) -> dict[str, Any]:
        response = skill.invoke(envelope)
        assert alexa_limit_problems(response) == [], response
        device.take(response)
        return response

    send(device.launch(now=START))
    send(device.intent("AMAZON.YesIntent", now=START))
    send(device.intent("AMAZON.NoIntent", now=START))  # the first-use safety screen
    stored = store.load(key)
    assert stored.position is not None and stored.position.step == 1
    session_position = device.attributes["position"]

    def broken(self: Coach) -> Any:
        raise RuntimeError("the coach tripped")

    monkeypatch.setattr(Coach, "hear", broken)
    failed = send(device.intent("AMAZON.NextIntent", now=START))
    assert "Sorry, something went wrong" in _speech(failed)
    body = failed["response"]
    assert body["shouldEndSession"] is False
    assert body["reprompt"]["outputSpeech"]["ssml"]
    assert device.session_id is not None, "the session must stay open"
    assert store.load(key) == stored
    assert device.attributes.get("position") == session_position

    monkeypatch.undo()
    recovered = send(device.intent("AMAZON.NextIntent", now=START))
    assert "something went wrong" not in _speech(recovered)
    after = store.load(key)
    assert after.position is not None and after.position.step == 2
    assert device.attributes["position"]["step"] == 2



# --------------------------------------------------------------------------- known bugs


def _launch_without_context() -> dict[str, Any]:
    envelope = Device(user_id=USER_ID).launch(now=START)
    del envelope["context"]
    return envelope


def test_envelope_without_context_is_answered_or_rejected(client: FlaskClient,
                                                          served: Served) -> None:
    served.reset()
    response = client.post("/", data=json.dumps(_launch_without_context()),
                           content_type="application/json")
    assert response.status_code in (200, 400), response.get_data()
    with contextlib.suppress(RequestRejected):
        served.skill.invoke(_launch_without_context())


def _well_formed(position: Position | None) -> bool:
    if position is None:
        return True
    fields = (position.plan, position.week, position.step, position.started_on,
              position.seconds_done, position.steps_done)
    if not all(type(value) is kind for value, kind in zip(fields, (str, int, int, str, int, int),
                                                           strict=True)):
        return False
    try:
        steps = routine_steps(position.plan, position.week)
    except ValueError:
        return False
    return bool(position.week >= 1 and 0 <= position.step < len(steps)
                and position.seconds_done >= 0 and position.steps_done >= 0)


ROUTINE_INTENTS = ["AMAZON.RepeatIntent", "AMAZON.NextIntent", "SkipIntent",
                   "AMAZON.ResumeIntent", "AMAZON.YesIntent", "AMAZON.PauseIntent",
                   "AMAZON.StopIntent", "WhereLeftOffIntent", "AMAZON.StartOverIntent"]


@settings(FUZZ_SETTINGS, max_examples=300)
@given(attributes=attributes_junk, intent=st.sampled_from(ROUTINE_INTENTS))
@example(attributes={"mode": "between_steps", "in_routine": True,
                     "position": {"plan": "daily", "week": 1, "step": 0,
                                  "started_on": "2026-11-16", "seconds_done": "abc",
                                  "steps_done": 0}},
         intent="AMAZON.RepeatIntent")
def test_session_attributes_never_corrupt_the_stored_position(served: Served, attributes: Json,
                                                              intent: str) -> None:
    """Whatever comes back in session attributes, only a valid place is ever stored."""
    served.reset()
    device = Device(user_id=USER_ID, session_id="amzn1.echo-api.session.fuzz-attributes")
    envelope = device.intent(intent, now=START)
    envelope["session"]["attributes"] = attributes
    with contextlib.suppress(RequestRejected):  # attributes that are not an object
        served.skill.invoke(envelope)
    assert _well_formed(served.load().position), served.load().position
