"""Screens (APL) on Echo Show, Echo Spot and TV: checked structurally, since nothing
offline renders APL.

Every document the skill sends is valid APL built only from documented component and
command types, every data binding in it resolves against the datasources the skill
sends, ExecuteCommands aims at the document it rendered, every event the document can
send is handled, and responses stay under Alexa's size limit. A device without a screen
gets exactly the response it always got.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, timedelta
from io import StringIO
from typing import Any

import pytest
from conftest import MAX_RESPONSE_BYTES, START, Conversation

from skill.alexa.app import SkillApp
from skill.alexa.screens import (
    BUTTONS,
    STEP_END,
    document,
    progress_datasources,
    step_commands,
    step_datasources,
)
from skill.alexa.turns import Turn
from skill.domain.dialogue import Outcome
from skill.domain.narration import narrate
from skill.domain.program import MAINTENANCE, ReleaseSet
from skill.domain.progress import NoticeHeard, Profile, ProgramWeekSet
from skill.domain.routine import DAILY, STRETCHES, Choices, routine_steps
from skill.domain.screens import StepScreen, progress_screen
from skill.domain.settings import Settings
from skill.domain.ssml import Speech, problems
from skill.hosts.envelopes import Device
from skill.hosts.screen_text import screen_text
from skill.store import user_key
from skill.store.sqlite import SqliteStore

RENDER = "Alexa.Presentation.APL.RenderDocument"
EXECUTE = "Alexa.Presentation.APL.ExecuteCommands"

# The documented APL types the documents may use (APL 2023.x reference); anything else
# is a typo or an undocumented type that a device would skip without a word.
COMPONENTS = {"Container", "Frame", "Text", "Sequence", "TouchWrapper", "VectorGraphic"}
COMMANDS = {"Sequential", "SpeakItem", "SetValue", "Idle", "SendEvent"}
AVG_ITEMS = {"path"}
# Resources the alexa-viewport-profiles package defines.
VIEWPORT_RESOURCES = {"viewportProfile", "hubRoundSmall", "hubLandscapeSmall",
                      "hubLandscapeMedium", "tvLandscapeXLarge", "viewportShape",
                      "viewportShapeRound"}
# Names every APL expression may use: the data-binding context's own.
CONTEXT_NAMES = {"payload", "data", "index", "elapsedTime", "Math", "state"}


# ---------------------------------------------------------------------- helpers


def apl_device() -> Device:
    return Device(apl=True)


def directives(response: dict[str, Any]) -> list[dict[str, Any]]:
    return list(response["response"].get("directives") or [])


def of_type(response: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [d for d in directives(response) if d["type"] == kind]


def size(response: dict[str, Any]) -> int:
    return len(json.dumps(response).encode())


def screened_user(store: SqliteStore, device: Device, week: int = 1) -> None:
    """A user who has passed the safety questions and is on ``week`` of the program."""
    key = user_key(device.user_id)
    store.save(key, store.load(key), [NoticeHeard(START.date().isoformat()),
                                      ProgramWeekSet(week)])


def start_routine(talk: Conversation) -> dict[str, Any]:
    talk.launch()
    talk.say("AMAZON.YesIntent")
    if talk.device.attributes.get("mode") == "safety_screen":
        talk.say("AMAZON.NoIntent")
    return talk.last


def step_end(talk: Conversation, token: str | None = None) -> dict[str, Any]:
    if token is None:
        token = str(talk.device.attributes.get("screen_token", ""))
    return talk.send(talk.device.user_event([STEP_END], token, now=talk.now))


def touch(talk: Conversation, button: str) -> dict[str, Any]:
    return talk.send(talk.device.user_event([button], now=talk.now))


def walk_types(doc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every ``(kind, type)`` in a document: components, commands and AVG items."""

    def component(node: dict[str, Any]) -> Iterator[tuple[str, str]]:
        yield "component", node["type"]
        for key in ("items", "item", "firstItem", "lastItem"):
            children = node.get(key)
            for child in children if isinstance(children, list) else [children] \
                    if isinstance(children, dict) else []:
                yield from component(child)
        for key in ("onPress", "onMount", "onScroll", "onDown", "onUp"):
            for command_node in node.get(key) or []:
                yield from command(command_node)
        for tick in node.get("handleTick") or []:
            for command_node in tick.get("commands") or []:
                yield from command(command_node)

    def command(node: dict[str, Any]) -> Iterator[tuple[str, str]]:
        yield "command", node["type"]
        for child in node.get("commands") or []:
            yield from command(child)

    for item in doc["mainTemplate"]["items"]:
        yield from component(item)
    for layout in doc.get("layouts", {}).values():
        for item in layout["items"]:
            yield from component(item)
    for macro in doc.get("commands", {}).values():
        for item in macro["commands"]:
            yield from command(item)
    for graphic in doc.get("graphics", {}).values():
        yield "graphic", graphic["type"]
        for item in graphic.get("items", []):
            yield "avg", item["type"]


def strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


_EXPRESSION = re.compile(r"\$\{(.*?)\}")
_LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")
_NAME = re.compile(r"@?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\]|\[\*\])*")


def defined_names(doc: dict[str, Any]) -> set[str]:
    """Names a document defines for its own expressions: binds and parameters."""
    names: set[str] = set()
    for text in json.dumps(doc).split('"bind": ')[1:]:
        names.update(re.findall(r'"name": "(\w+)"', text.split("]", 1)[0]))
    for group in ("layouts", "commands", "graphics"):
        for definition in doc.get(group, {}).values():
            for parameter in definition.get("parameters", []):
                names.add(parameter if isinstance(parameter, str) else parameter["name"])
    return names


def resources(doc: dict[str, Any]) -> set[str]:
    found = set(VIEWPORT_RESOURCES)
    for block in doc.get("resources", []):
        for group in ("colors", "dimensions", "numbers", "strings"):
            found.update(block.get(group, {}))
    return found


def resolve(sources: dict[str, Any], path: str) -> bool:
    node: Any = sources
    for part in re.findall(r"[A-Za-z_]\w*|\[\d+\]", path):
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(node, list) or index >= len(node):
                return False
            node = node[index]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False
    return True


def with_transformers(sources: dict[str, Any]) -> dict[str, Any]:
    """The datasources as the document sees them: each transformer's output added."""
    result: dict[str, Any] = json.loads(json.dumps(sources))
    for source in result.values():
        for transformer in source.get("transformers", []):
            array, _, field = transformer["inputPath"].partition("[*].")
            assert field, "only array transformers are used"
            for item in source["properties"][array]:
                assert field in item
                item[transformer["outputName"]] = "<speech>"
    return result


def item_keys(node: Any) -> set[str]:
    """Keys of every object inside a list: what ``${data.x}`` can name."""
    keys: set[str] = set()
    if isinstance(node, dict):
        for value in node.values():
            keys |= item_keys(value)
    elif isinstance(node, list):
        for value in node:
            if isinstance(value, dict):
                keys |= set(value)
            keys |= item_keys(value)
    return keys


def unresolved(doc: dict[str, Any], sources: dict[str, Any]) -> list[str]:
    """Every name in the document's expressions that nothing the skill sends defines."""
    seen = with_transformers(sources)
    payload = {"payload": seen}
    own = defined_names(doc)
    known_resources = resources(doc)
    data_keys = item_keys(seen)
    missing = []
    for text in strings(doc):
        for expression in _EXPRESSION.findall(text):
            for name in _NAME.findall(_LITERAL.sub("''", expression)):
                head = name.split(".")[0].split("[")[0]
                if name.startswith("@"):
                    ok = name[1:] in known_resources
                elif head == "payload":
                    ok = resolve(payload, name)
                elif head == "data" and "." in name:
                    ok = name.split(".")[1] in data_keys
                else:
                    ok = head in own or head in CONTEXT_NAMES
                if not ok:
                    missing.append(name)
    return missing


def step_screen(step: Any, number: int = 1, count: int = 1,
                settings: Settings | None = None) -> StepScreen:
    import random

    script = narrate(step, random.Random(1), settings or Settings())
    total = step.total_reps if isinstance(step, ReleaseSet) else 0
    return StepScreen(script, number, count, Speech().say("Here we go."), "the next one",
                      total)


def all_choices() -> list[Choices]:
    slow = Settings(pace=2, stretch_hold=60, reps_change=5, hold_change=2)
    return [Choices(Settings()), Choices(slow), Choices(Settings(brief=True)),
            Choices(Settings(), frozenset(), True)]


# ---------------------------------------------------------------------- documents


@pytest.mark.parametrize("name", ["step", "progress"])
def test_documents_are_valid_apl_of_documented_types(name: str) -> None:
    doc = document(name)
    assert doc["type"] == "APL"
    assert re.fullmatch(r"20\d\d\.\d", doc["version"])
    assert doc["mainTemplate"]["parameters"] == ["payload"]
    assert doc["mainTemplate"]["items"]
    assert {"name": "alexa-viewport-profiles", "version": "1.6.0"} in doc["import"]
    layouts = set(doc.get("layouts", {}))
    macros = set(doc.get("commands", {}))
    graphics = set(doc.get("graphics", {}))
    for kind, found in walk_types(doc):
        match kind:
            case "component":
                assert found in COMPONENTS | layouts, found
            case "command":
                assert found in COMMANDS | macros, found
            case "graphic":
                assert found == "AVG"
            case "avg":
                assert found in AVG_ITEMS
    for component in strings([n for n in doc["mainTemplate"]["items"]]):
        assert "http" not in component  # no hosted images or fonts
    drawn = re.findall(r'"type": "VectorGraphic", "source": "(\w+)"', json.dumps(doc))
    assert set(drawn) <= graphics and (drawn or name == "step")


def test_step_layouts_cover_round_small_large_and_tv_screens() -> None:
    conditions = [block.get("when", "") for block in document("step")["resources"]]
    text = " ".join(conditions)
    for profile in ("@hubRoundSmall", "@hubLandscapeSmall", "@tvLandscapeXLarge"):
        assert profile in text
    # Large type: the cue being spoken is never smaller than 34 dp, even on the Spot.
    sizes = [int(block["dimensions"]["cueSize"].rstrip("dp"))
             for block in document("step")["resources"] if "cueSize" in block["dimensions"]]
    assert min(sizes) >= 34


def test_every_step_of_every_program_week_renders() -> None:
    doc = document("step")
    # SpeakItem's target, "cue${index}", is the id of each item of the cue Sequence.
    assert '"id": "cue${index}"' in json.dumps(doc)
    assert '"componentId": "cue${index}"' in json.dumps(doc)
    counted = 0
    for week in range(1, MAINTENANCE + 1):
        for plan in (DAILY, STRETCHES):
            for choices in all_choices():
                steps = routine_steps(plan, week, choices)
                for number, step in enumerate(steps, start=1):
                    screen = step_screen(step, number, len(steps), choices.settings)
                    sources = step_datasources(screen, choices.settings.speaking_rate)
                    commands = step_commands(screen)
                    assert unresolved(doc, sources) == [], (week, plan, step)
                    cues = sources["step"]["properties"]["cues"]
                    sequence = commands[0]["commands"]
                    assert [c["index"] for c in sequence[:-1]] == list(range(len(cues)))
                    assert sequence[-1] == {"type": "SendEvent", "arguments": [STEP_END]}
                    for cue in cues:
                        assert problems(cue["ssml"]) == []
                    response = {"version": "1.0", "sessionAttributes": {"x": "y" * 600},
                                "response": {"outputSpeech": {"type": "SSML",
                                                              "ssml": "<speak>" + "w" * 900},
                                             "directives": [
                                                 {"type": RENDER, "token": "t" * 24,
                                                  "document": doc, "datasources": sources},
                                                 {"type": EXECUTE, "token": "t" * 24,
                                                  "commands": commands}]}}
                    assert size(response) < MAX_RESPONSE_BYTES, (week, plan, step)
                    counted += 1
    assert counted > 100


def test_the_screen_speaks_what_voice_alone_would_say() -> None:
    """One content model: the document's cues, spoken in order with their silences, are
    the narration's SSML exactly."""
    for step in routine_steps(DAILY, 4, Choices(Settings())):
        screen = step_screen(step)
        sources = step_datasources(screen)
        sequence = step_commands(screen)[0]["commands"][:-1]
        spoken = Speech()
        for command in sequence:
            cue = sources["step"]["properties"]["cues"][command["index"]]
            spoken.say(cue["text"]).pause(command.get("pause", 0) / 1000)
        assert spoken.ssml() == screen.script.speech().ssml()
        holds = [c.get("hold", 0) for c in sequence]
        assert holds == [cue.hold for cue in screen.script.cues]


# ---------------------------------------------------------------------- only with APL


def _conversation_responses(app: SkillApp, device: Device) -> list[dict[str, Any]]:
    talk = Conversation(app, device)
    talk.routine()
    talk.one_shot("ProgressSummaryIntent")
    return talk.responses


def test_a_device_without_a_screen_gets_exactly_todays_response(
        app: SkillApp, store: SqliteStore, monkeypatch: pytest.MonkeyPatch) -> None:
    with_screens = _conversation_responses(app, Device(user_id="amzn1.ask.account.A"))
    assert all("directives" not in r["response"] for r in with_screens)
    original = Turn.finish

    def without_screen(turn: Turn, outcome: Outcome) -> Any:
        outcome.screen = None
        return original(turn, outcome)

    monkeypatch.setattr(Turn, "finish", without_screen)
    before = _conversation_responses(app, Device(user_id="amzn1.ask.account.B"))
    assert [json.dumps(r, sort_keys=True) for r in with_screens] == \
        [json.dumps(r, sort_keys=True) for r in before]


def test_a_screen_device_gets_a_document_for_each_step(talk: Conversation,
                                                       store: SqliteStore) -> None:
    talk.device = apl_device()
    response = start_routine(talk)
    [render] = of_type(response, RENDER)
    [execute] = of_type(response, EXECUTE)
    assert render["token"] == execute["token"] == talk.device.attributes["screen_token"]
    assert "shouldEndSession" not in response["response"]
    assert talk.session_open
    properties = render["datasources"]["step"]["properties"]
    assert properties["place"].startswith("1 of ")
    assert properties["reps"] == 10 and properties["points"]
    # The lead is spoken by the response; the cues only by the document, never twice.
    speech = talk.speech_of(response)
    assert properties["cues"][0]["text"] not in speech
    assert unresolved(render["document"], render["datasources"]) == []


# ---------------------------------------------------------------------- auto-advance


def test_user_events_alone_take_a_routine_to_its_end(talk: Conversation,
                                                     store: SqliteStore) -> None:
    talk.device = apl_device()
    talk.launch()
    talk.say("AMAZON.YesIntent")
    assert talk.device.attributes["mode"] == "safety_screen"
    talk.say("AMAZON.NoIntent")
    places = []
    for _ in range(12):
        [render] = of_type(talk.last, RENDER)
        places.append(render["datasources"]["step"]["properties"]["place"])
        mode = talk.device.attributes["mode"]
        response = step_end(talk)
        if mode == "feel_check":
            break
        assert mode == "between_steps"
    assert talk.speech_of(response).endswith("How did that feel?")
    assert response["response"]["shouldEndSession"] is False
    count = len(places)
    assert places == [f"{n} of {count}" for n in range(1, count + 1)]
    profile = store.load(user_key(talk.device.user_id))
    assert profile.sessions == 1


def test_a_stale_or_repeated_step_end_moves_nothing(talk: Conversation,
                                                    store: SqliteStore) -> None:
    talk.device = apl_device()
    start_routine(talk)
    first = str(talk.device.attributes["screen_token"])
    moved = step_end(talk)
    assert of_type(moved, RENDER)
    second = talk.device.attributes["screen_token"]
    assert second != first
    # The same event again (a retry, or the old document finishing late): nothing.
    again = step_end(talk, first)
    assert again["response"] == {} or "outputSpeech" not in again["response"]
    assert not directives(again)
    assert talk.device.attributes["screen_token"] == second
    # An event from another document entirely: nothing either.
    assert not directives(step_end(talk, "rc-step-0000000000000000"))


def test_auto_advance_off_waits_for_next(talk: Conversation, store: SqliteStore) -> None:
    talk.device = apl_device()
    screened_user(store, talk.device)
    talk.one_shot("ChangeSettingIntent", Change=("stop moving on by yourself", "auto_off"))
    talk.device.end_session()
    start_routine(talk)
    waiting = step_end(talk)
    assert not directives(waiting)
    assert waiting["response"]["shouldEndSession"] is False
    assert "say next" in talk.speech_of(waiting).lower()
    assert talk.device.attributes["mode"] == "between_steps"
    # A second end of the same step is not answered twice.
    assert "outputSpeech" not in step_end(talk)["response"]
    nxt = talk.say("AMAZON.NextIntent")
    assert nxt is not None and of_type(talk.last, RENDER)


def test_voice_still_works_while_the_screen_speaks(talk: Conversation,
                                                   store: SqliteStore) -> None:
    talk.device = apl_device()
    start_routine(talk)
    said = talk.say("ReportPainIntent")
    assert "stop" in said.lower()
    assert not talk.session_open


# ---------------------------------------------------------------------- touch buttons


def test_every_event_the_documents_can_send_is_handled(talk: Conversation,
                                                       store: SqliteStore) -> None:
    doc_text = json.dumps(document("step"))
    actions = set(re.findall(r'"action": "(\w+)"', doc_text))
    assert actions == set(BUTTONS)
    sent = {json.dumps(c["arguments"]) for c in step_commands(
        step_screen(routine_steps(DAILY, 1)[0]))[0]["commands"] if c["type"] == "SendEvent"}
    assert sent == {json.dumps([STEP_END])}
    for action in [*sorted(actions), STEP_END]:
        talk.device = apl_device()
        talk.device.user_id = f"amzn1.ask.account.{action}"
        start_routine(talk)
        response = step_end(talk) if action == STEP_END else touch(talk, action)
        assert talk.speech_of(response) or directives(response), action


def test_touch_buttons_do_what_the_words_do(talk: Conversation, store: SqliteStore) -> None:
    talk.device = apl_device()
    start_routine(talk)
    place = of_type(talk.last, RENDER)[0]["datasources"]["step"]["properties"]["place"]
    repeated = touch(talk, "repeat")
    assert of_type(repeated, RENDER)[0]["datasources"]["step"]["properties"]["place"] == place
    moved = touch(talk, "next")
    assert of_type(moved, RENDER)[0]["datasources"]["step"]["properties"]["place"] != place
    paused = touch(talk, "pause")
    assert paused["response"]["shouldEndSession"] is True
    assert not talk.session_open
    assert store.load(user_key(talk.device.user_id)).position is not None


# ---------------------------------------------------------------------- progress


def test_progress_screen_four_weeks_monday_first() -> None:
    today = date(2026, 11, 18)  # a Wednesday
    daily = {(today - timedelta(days=d)).isoformat(): [1, 300] for d in (0, 1, 2, 9, 30)}
    screen = progress_screen(Profile(daily=daily, sessions=5, seconds=1500, current_streak=3,
                                     longest_streak=3, last_practice_on=today.isoformat(),
                                     program_week=2), today)
    assert len(screen.weeks) == 4 and all(len(w) == 7 for w in screen.weeks)
    assert screen.weeks[0][0].on == "2026-10-26"  # a Monday, three weeks before this one
    assert screen.weeks[-1][2].today and screen.weeks[-1][2].practised
    assert screen.days_practised == 4  # the day 30 days ago is before the calendar
    assert screen.week_minutes == (0, 0, 5, 15)
    assert screen.streak == 3 and screen.program_week == 2


def test_progress_screen_with_an_empty_history(talk: Conversation) -> None:
    talk.device = apl_device()
    talk.one_shot("ProgressSummaryIntent")
    [render] = of_type(talk.last, RENDER)
    assert not of_type(talk.last, EXECUTE)
    sources = render["datasources"]
    assert unresolved(render["document"], sources) == []
    weeks = sources["progress"]["properties"]["weeks"]
    assert not any(day["practised"] for week in weeks for day in week["days"])
    assert "No streak yet" in sources["progress"]["properties"]["stats"]
    assert talk.speech_of(talk.last)


def test_progress_screen_with_a_long_history() -> None:
    today = START.date()  # a Monday: this week has one day so far
    profile = Profile(safety_notice_heard=True, sessions=400, seconds=400 * 600,
                      current_streak=61, longest_streak=120, program_week=MAINTENANCE,
                      last_practice_on=today.isoformat(),
                      daily={(today - timedelta(days=d)).isoformat(): [3, 2400]
                             for d in range(62)})
    screen = progress_screen(profile, today)
    sources = progress_datasources(screen)
    doc = document("progress")
    assert unresolved(doc, sources) == []
    assert screen.days_practised == 22
    assert screen.week_minutes == (280, 280, 280, 40)
    bars = sources["progress"]["properties"]["bars"]
    assert [bar["height"] for bar in bars] == [100, 100, 100, 14]
    response = {"version": "1.0", "response": {"directives": [
        {"type": RENDER, "token": "rc-progress", "document": doc, "datasources": sources}]}}
    assert size(response) < MAX_RESPONSE_BYTES
    stats = sources["progress"]["properties"]["stats"]
    assert "Maintenance" in stats and "61-day streak" in stats and "400 sessions" in stats


def test_progress_answer_on_a_screen_after_a_routine(talk: Conversation) -> None:
    talk.device = apl_device()
    talk.routine()
    said = talk.one_shot("ProgressSummaryIntent")
    assert "1 session" in said
    [render] = of_type(talk.last, RENDER)
    days = [d for w in render["datasources"]["progress"]["properties"]["weeks"]
            for d in w["days"]]
    assert sum(d["practised"] for d in days) == 1
    assert next(d for d in days if d["today"])["practised"]


# ---------------------------------------------------------------------- sizes and console


@pytest.mark.parametrize("week", [1, 4])
def test_response_sizes_with_and_without_the_document(app: SkillApp, store: SqliteStore,
                                                      week: int) -> None:
    sizes = {}
    for apl in (False, True):
        device = Device(user_id=f"amzn1.ask.account.size-{week}-{apl}", apl=apl)
        screened_user(store, device, week)
        talk = Conversation(app, device)
        talk.launch()
        talk.say("AMAZON.YesIntent")
        biggest = size(talk.last)
        for _ in range(10):
            if not talk.session_open or talk.device.attributes.get("mode") != "between_steps":
                break
            if apl:
                step_end(talk)
            else:
                talk.say("AMAZON.NextIntent")
            biggest = max(biggest, size(talk.last))
        sizes[apl] = biggest
    assert sizes[False] < sizes[True] < MAX_RESPONSE_BYTES


def test_console_shows_the_screen_as_text(app: SkillApp) -> None:
    from skill.hosts.console import Console  # issue-20: console split into modules
    from skill.hosts.console_matcher import ModelMatcher, load_model

    out = StringIO()
    console = Console(app, apl_device(), ModelMatcher(load_model("en-US")), out)
    for line in ("open release coach", "yes", "no"):
        console.say(line)
    text = out.getvalue()
    assert "| Round 1 of reverse Kegels" in text or "| Reverse Kegels" in text
    assert "[ Next ]   [ Repeat ]   [ Pause ]" in text
    assert "(screen sends stepEnd)" in text
    assert "How did that feel?" in text
    assert "hold 30" in text and "1 of 10" in text


def test_screen_text_of_a_progress_document() -> None:
    screen = progress_screen(Profile(), START.date())
    lines = screen_text([{"type": RENDER, "datasources": progress_datasources(screen)}])
    assert lines[1].startswith("| Your last four weeks")
    weeks = [line for line in lines if line.startswith(("| .", "| o"))]
    assert len(weeks) == 4 and weeks[-1].startswith("| o")  # today, a Monday, not yet done


@pytest.mark.parametrize("name", ["step", "progress"])
def test_the_authoring_tool_preview_binds_everything(name: str, tmp_path: Any) -> None:
    from skill.hosts.apl_preview import main, preview

    doc, sources = preview(name, 4, 2)
    assert unresolved(doc, sources) == []
    if name == "step":
        assert doc["onMount"][0]["type"] == "Sequential"
    assert main([name, "--out", str(tmp_path)]) == 0
    assert json.loads((tmp_path / f"{name}.datasources.json").read_text())


# ---------------------------------------------------------------------- Echo Dot with clock


def test_a_clock_display_counts_the_step_down_and_hears_the_same_speech(
        app: SkillApp, store: SqliteStore) -> None:
    plain = Device(user_id="amzn1.ask.account.plain")
    clock = Device(user_id="amzn1.ask.account.clock", aplt=True)
    responses = []
    for device in (plain, clock):
        screened_user(store, device)
        talk = Conversation(app, device)
        talk.launch()
        talk.say("AMAZON.YesIntent")
        responses.append(talk.last)
    voice, counted = responses
    [directive] = counted["response"].pop("directives")
    assert counted == voice  # the voice response exactly, plus the clock's document
    assert directive["type"] == "Alexa.Presentation.APLT.RenderDocument"
    assert directive["targetProfile"] == "FOUR_CHARACTER_CLOCK"
    doc = directive["document"]
    assert doc["type"] == "APLT" and doc["version"] == "1.0"
    [timer] = doc["mainTemplate"]["items"]
    assert timer["type"] == "TimeText" and timer["direction"] == "down"
    assert unresolved(doc, directive["datasources"]) == []
    seconds = directive["datasources"]["countdown"]["seconds"]
    assert 60 < seconds < 10 * 60  # a step's narration, in seconds
