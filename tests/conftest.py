"""Shared fixtures: a skill on a throwaway embedded store, and a device that talks to it.

Every response that passes through :class:`Conversation` is checked against
Alexa's limits, so each scripted conversation also tests every reply in it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

import pytest
from _pytest.mark.expression import Expression
from hypothesis import settings

from skill.alexa.app import SkillApp, build_app
from skill.domain.ssml import problems, spoken_text
from skill.hosts.envelopes import LOCAL_SKILL_ID, Device
from skill.store.sqlite import SqliteStore

START = datetime(2026, 11, 16, 7, 30, tzinfo=UTC)  # a Monday morning
MAX_RESPONSE_BYTES = 24 * 1024

# In CI the property tests replay the same examples every run, so a red build is reproducible;
# locally they explore new ones each time.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")


def alexa_limit_problems(response: dict[str, Any]) -> list[str]:
    """Every way ``response`` would break Alexa's rules for a response."""
    found: list[str] = []
    body = response.get("response", {})
    speech = (body.get("outputSpeech") or {}).get("ssml")
    reprompt = ((body.get("reprompt") or {}).get("outputSpeech") or {}).get("ssml")
    for label, ssml in (("speech", speech), ("reprompt", reprompt)):
        if ssml is not None:
            found += [f"{label}: {p}" for p in problems(ssml)]
    keeps_open = body.get("shouldEndSession") is False
    if keeps_open and not reprompt:
        found.append("session kept open without a reprompt")
    if speech is not None and not keeps_open and spoken_text(speech).rstrip().endswith("?"):
        found.append("session ends on a question")
    # On a screen, a response that shows a document may leave shouldEndSession out: the
    # session stays open with the microphone closed while the document speaks.
    shows_document = any(d.get("type") == "Alexa.Presentation.APL.RenderDocument"
                         for d in body.get("directives") or [])
    if speech is not None and body.get("shouldEndSession") is None and not shows_document:
        found.append("speech without shouldEndSession")
    size = len(json.dumps(response).encode())
    if size >= MAX_RESPONSE_BYTES:
        found.append(f"response is {size} bytes, over {MAX_RESPONSE_BYTES}")
    return found


class Invokes(Protocol):
    """Whatever answers an envelope as the skill does: the app, or the Lambda entry point."""

    def invoke(self, envelope: dict[str, Any]) -> dict[str, Any]: ...


class Conversation:
    """A user at an Echo: sends requests, keeps the session, checks every reply."""

    def __init__(self, app: Invokes, device: Device | None = None,
                 now: datetime = START) -> None:
        self.app = app
        self.device = device or Device()
        self.now = now
        self.responses: list[dict[str, Any]] = []

    def send(self, envelope: dict[str, Any]) -> dict[str, Any]:
        response = self.app.invoke(envelope)
        assert alexa_limit_problems(response) == [], (envelope["request"], response)
        self.device.take(response)
        self.responses.append(response)
        self.now += timedelta(minutes=2)
        return response

    def launch(self) -> str:
        return self.speech_of(self.send(self.device.launch(now=self.now)))

    def say(self, intent: str, **slots: tuple[str, str | None]) -> str:
        return self.speech_of(self.send(self.device.intent(intent, slots or None, now=self.now)))

    def one_shot(self, intent: str, **slots: tuple[str, str | None]) -> str:
        self.device.end_session()
        return self.say(intent, **slots)

    def routine(self) -> list[str]:
        """Open the skill and do today's routine to the end, as a user who feels fine: the
        safety questions answered, "next" after each step, "good" after the last, and "no"
        to any offer that follows."""
        speeches = [self.launch(), self.say("AMAZON.YesIntent")]
        answers = {"safety_screen": "AMAZON.NoIntent", "feel_check": "FeelingGoodIntent",
                   "offer_week_up": "AMAZON.NoIntent", "offer_reminder": "AMAZON.NoIntent"}
        for _ in range(30):
            if not self.session_open:
                return speeches
            mode = str(self.device.attributes.get("mode"))
            speeches.append(self.say(answers.get(mode, "AMAZON.NextIntent")))
        raise AssertionError("the routine never finished")

    def single(self, exercise: str) -> str:
        """A one-shot single exercise, done to the end: the safety questions are answered if
        they come, and "how did that feel?" gets a "good"."""
        speech = self.one_shot("GuideExerciseIntent", Exercise=(exercise, exercise))
        if self.device.attributes.get("mode") == "safety_screen":
            speech = self.say("AMAZON.NoIntent")
        if self.device.attributes.get("mode") == "feel_check":
            self.send(self.device.intent("FeelingGoodIntent", now=self.now))
        return speech

    def end(self, reason: str = "EXCEEDED_MAX_REPROMPTS") -> dict[str, Any]:
        return self.send(self.device.session_ended(reason, now=self.now))

    def later(self, **delta: float) -> None:
        """Time passes and the session is gone, as when the user comes back another day."""
        self.device.end_session()
        self.now += timedelta(**delta)

    @property
    def session_open(self) -> bool:
        return self.device.session_id is not None

    @property
    def last(self) -> dict[str, Any]:
        return self.responses[-1]

    @staticmethod
    def speech_of(response: dict[str, Any]) -> str:
        ssml = (response.get("response", {}).get("outputSpeech") or {}).get("ssml", "")
        return spoken_text(ssml) if ssml else ""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    db = SqliteStore(tmp_path / "progress.sqlite3")
    yield db
    db.close()


@pytest.fixture
def app(store: SqliteStore) -> SkillApp:
    return build_app(store, time_zone_lookup=lambda _request: None)


@pytest.fixture
def talk(app: SkillApp) -> Conversation:
    return Conversation(app)


class LambdaHost:
    """The deployed entry point, ``lambda_function.lambda_handler``, as a user's Echo meets it."""

    def __init__(self, handler: Any) -> None:
        self.handler = handler

    def invoke(self, envelope: dict[str, Any]) -> dict[str, Any]:
        response: dict[str, Any] = self.handler(envelope, None)
        return response


@pytest.fixture
def lambda_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[SqliteStore]:
    """The embedded store the Lambda entry point writes to, opened beside it for checking."""
    path = tmp_path / "lambda.sqlite3"
    monkeypatch.delenv("TABLE_NAME", raising=False)
    monkeypatch.setenv("RELEASE_COACH_STORE", str(path))
    monkeypatch.setenv("SKILL_ID", LOCAL_SKILL_ID)
    db = SqliteStore(path)
    yield db
    db.close()


Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


@pytest.fixture
def lambda_handler(lambda_store: SqliteStore) -> Iterator[Handler]:
    """``lambda_function.lambda_handler``, loaded from ``lambda/`` as the Lambda runtime does,
    on the embedded store that ``lambda_store`` opens beside it."""
    import importlib.util

    from skill.hosts import lambda_entry

    lambda_entry.reset()
    spec = importlib.util.spec_from_file_location(
        "lambda_function", Path(__file__).resolve().parent.parent / "lambda" / "lambda_function.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module.lambda_handler
    lambda_entry.reset()


@pytest.fixture
def user(lambda_handler: Handler) -> Conversation:
    """A user at an Echo, every turn through ``lambda_handler`` as Alexa would call it."""
    return Conversation(LambdaHost(lambda_handler))


@pytest.fixture
def api(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A loopback HTTPS stand-in for Alexa's Reminders and settings APIs."""
    from tests.support.alexa_api import RemindersApi, serve_https

    RemindersApi.reset()
    with serve_https(RemindersApi, tmp_path) as (url, cert):
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
        yield url


@pytest.fixture(scope="session")
def hearing_cache_home(request: pytest.FixtureRequest,
                       tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ``XDG_CACHE_HOME`` for the console's trained stand-in, shared by every test and
    kept between runs in pytest's own cache (a stand-in is keyed by its model and by the
    source that trains it, so a kept one is never stale): training en-US costs about 10 s,
    once, not once per test that hears. Without pytest's cache, one for this run."""
    cache = getattr(request.config, "cache", None)
    if cache is not None:
        return Path(cache.mkdir("xdg-cache"))
    return tmp_path_factory.mktemp("xdg-cache")


@pytest.fixture(autouse=True)
def _restore_skill_logging() -> Iterator[None]:
    """Tests that configure the skill's JSON logging must not leak it into other tests."""
    loggers = [logging.getLogger(name) for name in ("release_coach", "waitress", "")]
    saved = [(list(logger.handlers), logger.propagate, logger.level) for logger in loggers]
    yield
    for logger, (handlers, propagate, level) in zip(loggers, saved, strict=True):
        logger.handlers[:], logger.propagate, logger.level = handlers, propagate, level


# ------------------------------------------------------------------ lanes (issue-17)

# Fixtures that start a server process; modules and tests that do it themselves, need a
# JVM, or are slow. Plain `pytest` leaves all of them out (pyproject.toml's addopts);
# `pytest -m ""` runs them too.
SERVER_FIXTURES = {"dynalite": ("server",), "dynamodb_local": ("server", "jvm")}
SLOW_FIXTURES = {"deployed_table"}
MODULE_MARKS = {
    "test_readme_recipe.py": ("server", "jvm"),
    "test_bench_load.py": ("server",),
    "test_cli.py": ("server",),
    "test_serve.py": ("server",),
    "test_store_dynalite.py": ("server",),
    "test_store_dynamodb_local.py": ("server", "jvm"),
    "test_store_faults_dynamodb_local.py": ("server", "jvm"),
    # Trains a statistical stand-in for Alexa's understanding per locale (about 2 minutes).
    "test_understanding.py": ("slow",),
    "test_fuzz.py": ("slow",),
    "test_store_moto.py": ("slow",),
}
SLOW_TESTS = {
    "test_narration.py::test_no_phrase_in_the_content_is_dead",
    "test_infra.py::test_template_passes_cfn_lint",
    "test_infra.py::test_icons_are_what_the_icon_script_draws",
    "test_infra.py::test_skill_json_example_phrases_are_real_utterances",
    "test_store_sqlite.py::test_an_outside_write_lock_stalls_no_answer",
    # Each starts the console in a Python process of its own.
    "test_readme_conversation.py::test_the_readme_conversation_is_what_the_console_says",
    "test_console.py::test_the_chat_command_runs_a_scripted_conversation",
    "test_console.py::test_a_piped_run_lives_several_days",
    "test_console.py::test_a_bad_now_is_refused_plainly",
    "test_console.py::test_now_without_an_offset_is_the_machines_local_time",
    "test_console.py::test_the_console_says_when_it_cannot_grant_the_reminders_permission",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = item.path.name
        test = f"{module}::{getattr(item, 'originalname', item.name)}"
        names: set[str] = set(MODULE_MARKS.get(module, ()))
        fixtures = set(getattr(item, "fixturenames", ()))
        for fixture, marks in SERVER_FIXTURES.items():
            if fixture in fixtures:
                names.update(marks)
        if fixtures & SLOW_FIXTURES or test in SLOW_TESTS:
            names.add("slow")
        for name in sorted(names):
            item.add_marker(getattr(pytest.mark, name))


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """A module whose every test the lane leaves out is not even imported (moto, hypothesis
    and the servers' helpers cost a second of the fast lane). Files named on the command
    line are always collected."""
    marks = MODULE_MARKS.get(collection_path.name)
    expression = config.getoption("markexpr", "")
    if not marks or not expression:
        return None
    def marked(name: str, /, **_: str | int | bool | None) -> bool:
        return name in marks

    try:
        wanted = Expression.compile(expression).evaluate(marked)
    except Exception:  # an expression this cannot read: collect, and let pytest decide
        return None
    return True if not wanted else None
