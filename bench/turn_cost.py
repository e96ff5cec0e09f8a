"""What one turn costs in DynamoDB calls, capacity and latency, for short and long histories.

Replays scripted conversations through ``build_app(DynamoDBStore(...))`` (what
the Lambda entry point builds) against moto, for users with 0, 100 and 1,000
completed sessions, and the same number of turns through a bare ASK SDK skill
doing one GetItem and one PutItem per turn, as a baseline. Run it with
``python -m bench.turn_cost [--turns N]``. Latencies are in-process against moto:
compare them with each other, not with production.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from skill.alexa.app import SkillApp, build_app
from skill.alexa.turns import no_time_zone
from skill.domain.progress import NoticeHeard, Profile, SessionCompleted, SessionRecord, apply
from skill.hosts.envelopes import Device
from skill.store import schema, user_key
from skill.store.dynamodb import DynamoDBStore, make_client

TABLE = "release-coach-bench"
SECRET = "bench-secret"
HISTORIES = (0, 100, 1000)
WRITES = ("PutItem", "TransactWriteItems", "UpdateItem", "DeleteItem", "BatchWriteItem")
# Turns whose answer only reads: they must never write.
READ_ONLY = ("help", "todays_routine", "progress_question", "progress_in_routine",
             "help_in_routine", "stop")


# ------------------------------------------------------------------ counting


def item_size(item: Mapping[str, Any]) -> int:
    """DynamoDB's item size: attribute names plus values, as the pricing pages define it."""
    return sum(len(name.encode()) + _value_size(value) for name, value in item.items())


def _value_size(value: Mapping[str, Any]) -> int:
    (kind, data), = value.items()
    if kind == "S":
        return len(str(data).encode())
    if kind == "N":
        return math.ceil(len(str(data).lstrip("-").replace(".", "")) / 2) + 1
    if kind == "B":
        return len(data)
    if kind in ("BOOL", "NULL"):
        return 1
    if kind == "M":
        return 3 + sum(len(k.encode()) + _value_size(v) for k, v in data.items())
    if kind == "L":
        return 3 + sum(1 + _value_size(v) for v in data)
    return sum(len(str(v).encode()) for v in data)  # SS, NS, BS


def estimated_units(operation: str, params: Mapping[str, Any],
                    parsed: Mapping[str, Any]) -> float:
    """Capacity units for one request from item sizes (on-demand, strongly consistent)."""
    if operation == "GetItem":
        item = parsed.get("Item")
        return float(max(1, math.ceil(item_size(item) / 4096))) if item else 1.0
    if operation == "Query":
        size = sum(item_size(item) for item in parsed.get("Items", []))
        return float(max(1, math.ceil(size / 4096)))
    if operation == "PutItem":
        return float(math.ceil(item_size(params["Item"]) / 1024))
    if operation == "TransactWriteItems":
        # Transactions cost two write units per KB of each item.
        return float(sum(2 * math.ceil(item_size(entry["Put"]["Item"]) / 1024)
                         for entry in params["TransactItems"] if "Put" in entry))
    if operation == "BatchWriteItem":
        return float(sum(len(requests) for requests in params["RequestItems"].values()))
    return 0.0


@dataclass
class TurnCost:
    label: str
    ms: float
    calls: Counter[str] = field(default_factory=Counter)
    reported_units: float = 0.0
    estimated_units: float = 0.0

    @property
    def reads(self) -> int:
        return self.calls["GetItem"]

    @property
    def writes(self) -> int:
        return sum(self.calls[name] for name in WRITES)


class CallCounter:
    """Counts what a client sends, through botocore's own event hooks (no monkeypatching)."""

    def __init__(self, client: Any) -> None:
        self.calls: Counter[str] = Counter()
        self.reported = 0.0
        self.estimated = 0.0
        client.meta.events.register("before-parameter-build.dynamodb", self._params)
        client.meta.events.register("before-call.dynamodb", self._before)
        client.meta.events.register("after-call.dynamodb", self._after)

    def _params(self, params: Mapping[str, Any], context: dict[str, Any], **_: Any) -> None:
        context["bench_params"] = dict(params)

    def _before(self, model: Any, **_: Any) -> None:
        self.calls[model.name] += 1

    def _after(self, model: Any, parsed: Mapping[str, Any], context: dict[str, Any],
               **_: Any) -> None:
        body = context.get("bench_params", {})
        consumed = parsed.get("ConsumedCapacity")
        entries = consumed if isinstance(consumed, list) else [consumed] if consumed else []
        self.reported += sum(float(entry.get("CapacityUnits", 0)) for entry in entries)
        if "Error" not in parsed:
            self.estimated += estimated_units(model.name, body, parsed)

    def reset(self) -> None:
        self.calls = Counter()
        self.reported = 0.0
        self.estimated = 0.0

    @contextmanager
    def turn(self, label: str, costs: list[TurnCost]) -> Iterator[None]:
        self.reset()
        started = time.perf_counter()
        yield
        costs.append(TurnCost(label, (time.perf_counter() - started) * 1000,
                              Counter(self.calls), self.reported, self.estimated))


# ------------------------------------------------------------------ the conversation


def replay(app: SkillApp, device: Device, counter: CallCounter,
           now: datetime) -> list[TurnCost]:
    """One scripted conversation: a full routine with questions on the way, then a check-in."""
    costs: list[TurnCost] = []

    def turn(label: str, envelope: dict[str, Any]) -> dict[str, Any]:
        with counter.turn(label, costs):
            response = app.invoke(envelope)
        device.take(response)
        return response

    turn("launch", device.launch(now))
    answer = turn("yes", device.intent("AMAZON.YesIntent", now=now))
    if "safety check" in json.dumps(answer):
        turn("safety_screen_no", device.intent("AMAZON.NoIntent", now=now))
    turn("help_in_routine", device.intent("AMAZON.HelpIntent", now=now))
    turn("todays_routine", device.intent("TodaysRoutineIntent", now=now))
    turn("progress_in_routine", device.intent("ProgressSummaryIntent", now=now))
    for _ in range(30):
        if device.session_id is None:
            break
        mode = device.attributes.get("mode")
        if mode == "feel_check":
            turn("felt_good", device.intent("FeelingGoodIntent", now=now))
        elif mode in ("offer_week_up", "offer_reminder"):
            turn("no_thanks", device.intent("AMAZON.NoIntent", now=now))
        else:
            turn("next", device.intent("AMAZON.NextIntent", now=now))
    else:
        raise RuntimeError("the routine never finished")
    turn("launch", device.launch(now))
    turn("progress_question", device.intent("ProgressSummaryIntent", now=now))
    turn("help", device.intent("AMAZON.HelpIntent", now=now))
    turn("stop", device.intent("AMAZON.StopIntent", now=now))
    return costs


def regular_profile(today: date) -> Profile:
    """A user who has practised every day for a month: the same profile for every history size.

    Only the number of history items differs between runs, so any change in cost
    is down to history size alone.
    """
    changes: list[Any] = [NoticeHeard((today - timedelta(31)).isoformat())]
    for n in range(30, 0, -1):
        day = today - timedelta(n)
        changes.append(SessionCompleted(session_record(n, day)))
    return apply(Profile(), changes)


def session_record(n: int, day: date) -> SessionRecord:
    return SessionRecord(id=f"seed-{n:05d}", on=day.isoformat(),
                         finished_at=f"{day.isoformat()}T07:{n // 60 % 60:02d}:{n % 60:02d}+00:00",
                         plan="daily", week=5, title="Week 5 daily routine", seconds=420,
                         steps_done=6)


def seed(client: Any, key: str, sessions: int, today: date) -> None:
    """The profile and ``sessions`` history items, written straight to the table."""
    profile = regular_profile(today)
    client.put_item(TableName=TABLE, Item={
        "pk": {"S": key}, "sk": {"S": schema.PROFILE_SK},
        "version": {"N": str(max(1, profile.sessions))},
        "profile": {"S": json.dumps(profile.to_dict(), separators=(",", ":"))},
    })
    requests = []
    for n in range(sessions):
        rec = session_record(n, today - timedelta(1 + n // 3))
        requests.append({"PutRequest": {"Item": {
            "pk": {"S": key},
            "sk": {"S": schema.session_sort_key(rec.finished_at, rec.id)},
            "session": {"S": json.dumps(asdict(rec), separators=(",", ":"))},
        }}})
    for start in range(0, len(requests), 25):
        client.batch_write_item(RequestItems={TABLE: requests[start:start + 25]})


def history_items(client: Any, key: str) -> int:
    pages = client.get_paginator("query").paginate(
        TableName=TABLE, KeyConditionExpression="pk = :k AND begins_with(sk, :p)",
        ExpressionAttributeValues={":k": {"S": key}, ":p": {"S": schema.SESSION_PREFIX}},
        Select="COUNT")
    return sum(page["Count"] for page in pages)


def run_ours(client: Any, counter: CallCounter, sessions: int, turns: int,
             now: datetime) -> tuple[list[TurnCost], DynamoDBStore]:
    device = Device(user_id=f"amzn1.ask.account.BENCH-{sessions}")
    seed(client, user_key(device.user_id, SECRET), sessions, now.date())
    store = DynamoDBStore(TABLE, client)
    app = build_app(store, time_zone_lookup=no_time_zone, user_key_secret=SECRET)
    replay(app, device, counter, now)  # warm-up: imports, caches, first-time paths
    store.meter.reset()
    costs: list[TurnCost] = []
    while len(costs) < turns:
        costs.extend(replay(app, device, counter, now))
    return costs, store


# ------------------------------------------------------------------ the baseline


def baseline_app(client: Any) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """A bare ASK SDK skill: one GetItem and one PutItem per turn, nothing else."""
    from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_core.skill_builder import SkillBuilder
    from ask_sdk_model.request_envelope import RequestEnvelope

    class Hello(AbstractRequestHandler):
        def can_handle(self, handler_input: Any) -> bool:
            return handler_input.request_envelope.request.object_type in (
                "LaunchRequest", "IntentRequest")

        def handle(self, handler_input: Any) -> Any:
            user = handler_input.request_envelope.context.system.user.user_id
            key = {"pk": {"S": user_key(user, SECRET)}, "sk": {"S": "HELLO"}}
            found = client.get_item(TableName=TABLE, Key=key, ConsistentRead=True,
                                    ReturnConsumedCapacity="TOTAL").get("Item")
            count = int(found["count"]["N"]) + 1 if found else 1
            client.put_item(TableName=TABLE, Item={**key, "count": {"N": str(count)}},
                            ReturnConsumedCapacity="TOTAL")
            return handler_input.response_builder.speak(
                f"Hello, visit {count}.").ask("Say hello.").response

    builder = SkillBuilder()
    builder.add_request_handler(Hello())
    skill = builder.create()
    serializer = DefaultSerializer()

    def invoke(envelope: dict[str, Any]) -> dict[str, Any]:
        # The same path as SkillApp.invoke: parse the JSON, run, serialize the reply.
        parsed = serializer.deserialize(json.dumps(envelope), RequestEnvelope)
        result = serializer.serialize(skill.invoke(parsed, None))
        assert isinstance(result, dict)
        return result

    return invoke


def run_baseline(client: Any, counter: CallCounter, turns: int,
                 now: datetime) -> list[TurnCost]:
    invoke = baseline_app(client)
    device = Device(user_id="amzn1.ask.account.BENCH-BASELINE")
    costs: list[TurnCost] = []
    for n in range(turns + 10):
        envelope = device.launch(now) if n % 10 == 0 else device.intent(
            "AMAZON.HelpIntent", now=now)
        with counter.turn("hello", costs):
            device.take(invoke(envelope))
    return costs[10:]  # the first few are the warm-up


# ------------------------------------------------------------------ reporting


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1)]


@dataclass
class Summary:
    name: str
    turns: int
    p50: float
    p99: float
    per_turn: dict[str, float]
    max_reads: int
    max_writes: int
    reported: float
    estimated: float
    read_only_writes: int

    @classmethod
    def of(cls, name: str, costs: list[TurnCost]) -> Summary:
        ms = [cost.ms for cost in costs]
        calls: Counter[str] = Counter()
        for cost in costs:
            calls.update(cost.calls)
        n = len(costs)
        return cls(
            name=name, turns=n, p50=statistics.median(ms), p99=percentile(ms, 0.99),
            per_turn={op: count / n for op, count in sorted(calls.items())},
            max_reads=max(cost.reads for cost in costs),
            max_writes=max(cost.writes for cost in costs),
            reported=sum(cost.reported_units for cost in costs) / n,
            estimated=sum(cost.estimated_units for cost in costs) / n,
            read_only_writes=sum(cost.writes for cost in costs if cost.label in READ_ONLY),
        )

    def flat_key(self) -> tuple[Any, ...]:
        return (tuple(sorted((op, round(v, 4)) for op, v in self.per_turn.items())),
                self.max_reads, self.max_writes, round(self.estimated, 4))


def by_label(costs: list[TurnCost]) -> dict[str, tuple[float, float, float, float]]:
    """Per kind of turn: mean reads, mean writes, mean estimated units, median ms."""
    table: dict[str, list[TurnCost]] = {}
    for cost in costs:
        table.setdefault(cost.label, []).append(cost)
    return {label: (statistics.fmean(c.reads for c in group),
                    statistics.fmean(c.writes for c in group),
                    statistics.fmean(c.estimated_units for c in group),
                    statistics.median(c.ms for c in group))
            for label, group in table.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=240,
                        help="turns measured per history size, and for the baseline")
    args = parser.parse_args(argv)
    turns = max(1, args.turns)

    for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_PROFILE"):
        os.environ.pop(name, None)
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench",
                      AWS_DEFAULT_REGION="us-east-1")
    from moto import mock_aws

    now = datetime(2026, 3, 16, 8, 0, tzinfo=UTC)
    summaries: list[Summary] = []
    labels: dict[int, dict[str, tuple[float, float, float, float]]] = {}
    store_reported = False
    with mock_aws():
        client = make_client(region_name="us-east-1")
        schema.create_table(client, TABLE)
        counter = CallCounter(client)
        for sessions in HISTORIES:
            costs, store = run_ours(client, counter, sessions, turns, now)
            store_reported = store_reported or bool(store.meter.reported)
            summaries.append(Summary.of(f"release coach, {sessions} sessions", costs))
            labels[sessions] = by_label(costs)
            key = user_key(f"amzn1.ask.account.BENCH-{sessions}", SECRET)
            assert history_items(client, key) >= sessions
        baseline = Summary.of("bare ASK SDK hello", run_baseline(client, counter, turns, now))

    print(f"Turn cost against moto {_moto_version()} (in-process; {turns} measured turns each)\n")
    header = (f"{'run':<32}{'turns':>6}{'p50 ms':>9}{'p99 ms':>9}{'Get':>6}{'Put':>6}"
              f"{'Txn':>6}{'other':>6}{'max R/W':>9}{'CU moto':>9}{'CU size':>9}")
    print(header)
    print("-" * len(header))
    for summary in [*summaries, baseline]:
        per = summary.per_turn
        other = sum(v for op, v in per.items()
                    if op not in ("GetItem", "PutItem", "TransactWriteItems"))
        print(f"{summary.name:<32}{summary.turns:>6}{summary.p50:>9.2f}{summary.p99:>9.2f}"
              f"{per.get('GetItem', 0):>6.2f}{per.get('PutItem', 0):>6.2f}"
              f"{per.get('TransactWriteItems', 0):>6.2f}{other:>6.2f}"
              f"{f'{summary.max_reads}/{summary.max_writes}':>9}"
              f"{summary.reported:>9.2f}{summary.estimated:>9.2f}")
    print("\nCalls are per turn (mean). max R/W: most GetItems / writes in any one turn.")
    print("CU moto: ConsumedCapacity as moto reports it: fixed figures (GetItem 0.5, PutItem 1),"
          " none for TransactWriteItems, so it undercounts.")
    print("CU size: computed from item sizes (strongly consistent reads: 1 RCU per 4 KB;"
          " writes: 1 WCU per KB, doubled in transactions).")
    if not store_reported:
        print("(the store's own meter saw no ConsumedCapacity at all)")

    print("\nPer kind of turn (reads / writes / CU size / p50 ms), by history size:")
    kinds = list(labels[HISTORIES[0]])
    print(f"{'turn':<20}" + "".join(f"{f'{h} sessions':>28}" for h in HISTORIES))
    for kind in kinds:
        cells = "".join(f"{'{:.2f} / {:.2f} / {:.2f} / {:.1f}'.format(*labels[h][kind]):>28}"
                        for h in HISTORIES if kind in labels[h])
        print(f"{kind:<20}{cells}")
    print("(moto's TransactWriteItems deep-copies the whole table before it writes, so the"
          " session-completing\n 'next' turn slows as the table grows; DynamoDB does not."
          " The p99 of the 1000-session run is that.)")

    print("\nOurs / baseline:")
    for summary in summaries:
        print(f"  {summary.name:<32} p50 x{summary.p50 / baseline.p50:.2f}"
              f"   p99 x{summary.p99 / baseline.p99:.2f}")

    flat = len({summary.flat_key() for summary in summaries}) == 1
    read_only_ok = all(summary.read_only_writes == 0 for summary in summaries)
    bounded = all(s.max_reads <= 1 and s.max_writes <= 1 for s in summaries)
    print(f"\nCalls and capacity per turn flat across {', '.join(map(str, HISTORIES))} sessions:"
          f" {'YES' if flat else 'NO'}")
    print(f"At most one read and one write in every turn: {'YES' if bounded else 'NO'}")
    print(f"Read-only turns (help, today's routine, progress, stop) wrote nothing:"
          f" {'YES' if read_only_ok else 'NO'}")
    return 0 if flat and bounded and read_only_ok else 1


def _moto_version() -> str:
    from importlib.metadata import version

    return version("moto")


if __name__ == "__main__":
    sys.exit(main())
