"""Checks for the deployment: SAM template, Lambda build script and Alexa skill package.

* the template passes cfn-lint, and its table is the one ``skill/store/schema.py`` describes;
* that table, deployed through moto's CloudFormation, works with ``DynamoDBStore``;
* the function's IAM policy grants exactly the DynamoDB actions the code performs;
* the function, its log group and its trigger are configured as an Alexa backend must be;
* ``skill.json`` agrees with the interaction models, and the package builder copies them;
* the pure parts of ``infra/build_lambda.py`` (what it bundles and what it leaves out).

Nothing here talks to AWS: moto intercepts every call, with fake credentials.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.support.model_rules import rules

ROOT = Path(__file__).resolve().parents[2]
INFRA = ROOT / "infra"
TEMPLATE = INFRA / "template.yaml"
SKILL_JSON = INFRA / "skill-package" / "skill.json"
MODEL_DIR = ROOT / "interaction_models"
SKILL_SOURCE = ROOT / "skill"
LAMBDA_DIR = ROOT / "lambda"

INVOCATION_NAME = "release coach"
LAMBDA_TIMEOUT_LIMIT = 8  # seconds Alexa waits for an answer

# --------------------------------------------------------------------------- helpers


class CfnLoader(yaml.SafeLoader):
    """A YAML loader that turns CloudFormation short tags into their long forms."""


def _construct_cfn_tag(loader: CfnLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    key = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = str(value).split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return {key: value}


CfnLoader.add_multi_constructor("!", _construct_cfn_tag)


@cache
def template() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.load(TEMPLATE.read_text(encoding="utf-8"), Loader=CfnLoader)
    return loaded


def resources_of_type(resource_type: str) -> dict[str, dict[str, Any]]:
    return {name: res for name, res in template()["Resources"].items()
            if res["Type"] == resource_type}


def only_resource(resource_type: str) -> tuple[str, dict[str, Any]]:
    found = resources_of_type(resource_type)
    assert len(found) == 1, f"expected one {resource_type}, found {sorted(found)}"
    return next(iter(found.items()))


def table_resource() -> tuple[str, dict[str, Any]]:
    return only_resource("AWS::DynamoDB::Table")


def function_properties() -> dict[str, Any]:
    properties: dict[str, Any] = only_resource("AWS::Serverless::Function")[1]["Properties"]
    return properties


def load_script(name: str) -> ModuleType:
    """Import ``infra/<name>.py`` (infra is not a package)."""
    module_name = f"_infra_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, INFRA / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@cache
def models() -> dict[str, dict[str, Any]]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(MODEL_DIR.glob("*.json"))}


def manifest() -> dict[str, Any]:
    """``skill.json`` as the package builder writes it: every locale's listing merged in."""
    data: dict[str, Any] = load_script("build_skill_package").merged_manifest()["manifest"]
    return data


def language_rules(locale: str) -> Mapping[str, Any]:
    """The example-phrase forms and disclaimer of ``locale``'s language."""
    return rules(locale.split("-")[0])


# --------------------------------------------------------------------------- 1. cfn-lint


def test_template_passes_cfn_lint() -> None:
    script = Path(sys.executable).with_name("cfn-lint")
    fallback = "import sys; from cfnlint.runner import main; sys.exit(main())"
    command = [str(script)] if script.exists() else [sys.executable, "-c", fallback]
    result = subprocess.run([*command, "--", str(TEMPLATE)], capture_output=True, text=True,
                            cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- 2. schema


def test_table_matches_store_schema() -> None:
    from skill.store import schema

    properties = table_resource()[1]["Properties"]
    assert properties["KeySchema"] == [dict(e) for e in schema.TABLE_KEY_SCHEMA]
    assert properties["AttributeDefinitions"] == [
        dict(e) for e in schema.TABLE_ATTRIBUTE_DEFINITIONS]
    assert properties["BillingMode"] == schema.BILLING_MODE == "PAY_PER_REQUEST"
    # Everything the schema module says about the table, the template says the same.
    for key, value in schema.cloudformation_properties().items():
        assert properties[key] == value, key
    # No indexes the code does not know about (they would cost writes for nothing).
    assert "GlobalSecondaryIndexes" not in properties
    assert "LocalSecondaryIndexes" not in properties


# --------------------------------------------------------------------------- 3. moto deploy


class _OneRequestAtATime:
    """Client proxy: moto's backend is not thread-safe, DynamoDB applies requests atomically.

    Threads still interleave between requests, so the store's optimistic concurrency is
    exercised for real by the contract's concurrent check.
    """

    def __init__(self, client: Any) -> None:
        self._client = client
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._client, name)
        if name.startswith("_") or not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._lock:
                return attribute(*args, **kwargs)

        return call


@pytest.fixture
def deployed_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Any, str]]:
    """The template's table resource, created by (moto's) CloudFormation: (client, name)."""
    moto = pytest.importorskip("moto")
    import boto3

    from skill.store.dynamodb import make_client

    for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_REGION", "us-east-1")

    logical_id, table = table_resource()
    body = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Resources": {logical_id: table},
        "Outputs": {"TableName": {"Value": {"Ref": logical_id}}},
    }
    with moto.mock_aws():
        cloudformation = boto3.client("cloudformation", region_name="us-east-1")
        cloudformation.create_stack(StackName="release-coach", TemplateBody=json.dumps(body))
        stack = cloudformation.describe_stacks(StackName="release-coach")["Stacks"][0]
        assert stack["StackStatus"] == "CREATE_COMPLETE"
        outputs = {o["OutputKey"]: o["OutputValue"] for o in stack["Outputs"]}
        # The store's own client factory: the same timeouts and retry settings as on Lambda.
        yield make_client(region_name="us-east-1"), outputs["TableName"]


def test_deployed_table_is_as_declared(deployed_table: tuple[Any, str]) -> None:
    client, table_name = deployed_table
    description = client.describe_table(TableName=table_name)["Table"]
    assert description["TableStatus"] == "ACTIVE"
    assert description["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert description["KeySchema"] == [
        {"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]
    assert description.get("DeletionProtectionEnabled") is True


def _contract() -> list[Any]:
    from tests.support.store_contract import CONTRACT

    return list(CONTRACT)


@pytest.mark.parametrize("check", _contract(), ids=lambda check: check.__name__)
def test_store_contract_on_deployed_table(deployed_table: tuple[Any, str], check: Any) -> None:
    """The backend-agnostic store contract, run on the table as the template defines it."""
    from skill.store.dynamodb import DynamoDBStore
    from tests.support.store_contract import Backend

    client, table_name = deployed_table
    serialized: Any = _OneRequestAtATime(client)

    def dump() -> str:
        items: list[dict[str, Any]] = []
        for page in client.get_paginator("scan").paginate(TableName=table_name,
                                                          ConsistentRead=True):
            items.extend(page["Items"])
        return json.dumps(items)

    check(Backend("cloudformation-table", lambda: DynamoDBStore(table_name, serialized), dump))


# --------------------------------------------------------------------------- 4. IAM


# boto3 client method -> the IAM action that authorises it.
CLIENT_METHOD_ACTIONS = {
    "get_item": "dynamodb:GetItem",
    "put_item": "dynamodb:PutItem",
    "update_item": "dynamodb:UpdateItem",
    "delete_item": "dynamodb:DeleteItem",
    "query": "dynamodb:Query",
    "scan": "dynamodb:Scan",
    "batch_get_item": "dynamodb:BatchGetItem",
    "batch_write_item": "dynamodb:BatchWriteItem",
    "batch_writer": "dynamodb:BatchWriteItem",
    "execute_statement": "dynamodb:PartiQLSelect",
}
# Transactions have no IAM action of their own: each item is authorised as its operation.
TRANSACTION_METHODS = {"transact_write_items", "transact_get_items"}
TRANSACT_ITEM_ACTIONS = {
    "Put": "dynamodb:PutItem",
    "Update": "dynamodb:UpdateItem",
    "Delete": "dynamodb:DeleteItem",
    "ConditionCheck": "dynamodb:ConditionCheckItem",
    "Get": "dynamodb:GetItem",
}
# Table management: only the local ``create-table`` command does this, never Lambda.
LOCAL_ONLY_METHODS = {"create_table", "describe_table", "get_waiter", "delete_table"}
LOCAL_ONLY_FUNCTIONS = {"create_table"}


def _dynamodb_modules() -> list[Path]:
    """Modules of the skill that talk to DynamoDB (they use boto3 / its client type)."""
    return [path for path in sorted(SKILL_SOURCE.rglob("*.py"))
            if re.search(r"\bboto3\b|DynamoDBClient|botocore", path.read_text(encoding="utf-8"))]


def _attribute_uses(tree: ast.AST) -> Iterator[tuple[str, str | None]]:
    """(attribute name, enclosing top-level function) for every ``x.name`` in a module.

    Attributes, not just calls: ``self._call("GetItem", self.client.get_item, ...)`` passes
    the client method along without calling it.
    """

    def walk(node: ast.AST, function: str | None) -> Iterator[tuple[str, str | None]]:
        for child in ast.iter_child_nodes(node):
            scope = function
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) and function is None:
                scope = child.name
            if isinstance(child, ast.Attribute):
                yield child.attr, scope
            yield from walk(child, scope)

    yield from walk(tree, None)


def _transaction_item_kinds(tree: ast.AST) -> set[str]:
    """Keys such as ``"Put"`` used in dict literals (transaction items) in a module."""
    kinds: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key in node.keys:
                if isinstance(key, ast.Constant) and key.value in TRANSACT_ITEM_ACTIONS:
                    kinds.add(key.value)
    return kinds


def actions_used_by_code() -> set[str]:
    actions: set[str] = set()
    modules = _dynamodb_modules()
    assert ROOT / "skill" / "store" / "dynamodb" / "store.py" in modules
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for method, function in _attribute_uses(tree):
            where = f"{path.relative_to(ROOT)}:{function}"
            if method in LOCAL_ONLY_METHODS:
                assert function in LOCAL_ONLY_FUNCTIONS, (
                    f"{method} called from {where}: table management must stay in the "
                    "local create-table helper, Lambda has no permission for it")
            elif method in CLIENT_METHOD_ACTIONS:
                actions.add(CLIENT_METHOD_ACTIONS[method])
            elif method in TRANSACTION_METHODS:
                kinds = _transaction_item_kinds(tree)
                assert kinds, f"{where}: {method} with no recognisable transaction items"
                actions |= {TRANSACT_ITEM_ACTIONS[kind] for kind in kinds}
            elif method == "get_paginator":
                pytest.fail(f"{where}: paginators are not mapped to IAM actions here")
    return actions


def policy_statements() -> list[dict[str, Any]]:
    policies = function_properties()["Policies"]
    assert isinstance(policies, list) and len(policies) == 1, (
        "the function's only policy is the inline table statement")
    statements: list[dict[str, Any]] = policies[0]["Statement"]
    return statements


def test_iam_actions_are_exactly_what_the_code_calls() -> None:
    statements = policy_statements()
    granted: set[str] = set()
    table_logical_id = table_resource()[0]
    for statement in statements:
        assert statement["Effect"] == "Allow"
        actions = statement["Action"]
        granted |= set([actions] if isinstance(actions, str) else actions)
        # The table itself: no wildcard, no indexes, no other table.
        assert statement["Resource"] == {"Fn::GetAtt": [table_logical_id, "Arn"]}
    assert not any("*" in action for action in granted)
    used = actions_used_by_code()
    assert "dynamodb:GetItem" in used  # the scanner sees the store's calls at all
    missing, unused = used - granted, granted - used
    assert not missing, f"the code calls {sorted(missing)}: grant them in infra/template.yaml"
    assert not unused, f"the template grants {sorted(unused)} that no code calls: remove them"


def test_iam_scan_sees_calls_it_should() -> None:
    """The scanner itself: calls, passed methods, transaction items, table management."""
    source = (
        "class Store:\n"
        "    def save(self):\n"
        "        self.client.transact_write_items(\n"
        "            TransactItems=[{'Put': {}}, {'ConditionCheck': {}}])\n"
        "        self._call('UpdateItem', self.client.update_item, Key={})\n"
        "def create_table(client):\n"
        "    client.describe_table()\n"
    )
    tree = ast.parse(source)
    uses = list(_attribute_uses(tree))
    assert ("transact_write_items", "save") in uses
    assert ("update_item", "save") in uses
    assert ("describe_table", "create_table") in uses
    assert _transaction_item_kinds(tree) == {"Put", "ConditionCheck"}


# --------------------------------------------------------------------------- 5. function


def test_function_configuration() -> None:
    build_lambda = load_script("build_lambda")
    props = function_properties()
    assert props["Runtime"] == f"python{build_lambda.LAMBDA_PYTHON_VERSION}"
    version = tuple(int(p) for p in props["Runtime"].removeprefix("python").split("."))
    assert version >= (3, 12)
    assert props["Architectures"] == [build_lambda.LAMBDA_ARCHITECTURE] == ["arm64"]
    assert all(p.endswith("aarch64") for p in build_lambda.LAMBDA_PLATFORMS)
    assert 3 <= props["Timeout"] < LAMBDA_TIMEOUT_LIMIT
    assert 128 <= props["MemorySize"] <= 1024
    # The code the template deploys is what the build script writes.
    assert (INFRA / props["CodeUri"]).resolve() == build_lambda.TARGET_DIR.resolve()

    module, _, function = props["Handler"].partition(".")
    assert (module, function) == ("lambda_function", "lambda_handler")
    assert Path(build_lambda.HANDLER_FILE) == LAMBDA_DIR / f"{module}.py"
    assert build_lambda.HANDLER_FILE.is_file()

    variables = props["Environment"]["Variables"]
    assert variables["TABLE_NAME"] == {"Ref": table_resource()[0]}
    assert variables["SKILL_ID"] == {"Ref": "SkillId"}
    assert variables["LOG_LEVEL"] == {"Ref": "LogLevel"}
    assert template()["Parameters"]["LogLevel"]["Default"] == "INFO"


def test_handler_is_importable_as_lambda_loads_it() -> None:
    """``lambda_function`` imports with lambda/ and the repo root on sys.path, nothing else."""
    code = (
        "import sys\n"
        f"sys.path[:0] = [{str(LAMBDA_DIR)!r}, {str(ROOT)!r}]\n"
        "import lambda_function\n"
        "assert callable(lambda_function.lambda_handler)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=LAMBDA_DIR, timeout=120, check=False)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr


def test_alexa_trigger_is_restricted_to_the_skill() -> None:
    events = function_properties()["Events"]
    alexa = [e for e in events.values() if e["Type"] == "AlexaSkill"]
    assert len(alexa) == 1 and len(events) == 1
    assert alexa[0]["Properties"]["SkillId"] == {"Ref": "SkillId"}
    parameter = template()["Parameters"]["SkillId"]
    assert "Default" not in parameter
    pattern = re.compile(parameter["AllowedPattern"])
    assert pattern.fullmatch("amzn1.ask.skill.12345678-1234-1234-1234-123456789abc")
    assert not pattern.fullmatch("amzn1.ask.skill.")
    assert not pattern.fullmatch("arn:aws:lambda:us-east-1:123456789012:function:x")


def test_log_group_is_the_functions_and_retained_briefly() -> None:
    logical_id, log_group = only_resource("AWS::Logs::LogGroup")
    props = function_properties()
    assert props["LoggingConfig"]["LogGroup"] == {"Ref": logical_id}
    retention = log_group["Properties"]["RetentionInDays"]
    if isinstance(retention, dict):  # a parameter
        retention = template()["Parameters"][retention["Ref"]]["Default"]
    assert 1 <= int(retention) <= 365
    # Lambda's default group name for the function, so console links and `sam logs` work.
    assert props["FunctionName"] == {"Ref": "AWS::StackName"}
    assert log_group["Properties"]["LogGroupName"] == {"Fn::Sub": "/aws/lambda/${AWS::StackName}"}


def test_table_is_protected() -> None:
    _, table = table_resource()
    props = table["Properties"]
    assert table["DeletionPolicy"] == "Retain"
    assert table["UpdateReplacePolicy"] == "Retain"
    assert props["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert props["SSESpecification"]["SSEEnabled"] is True
    assert props["DeletionProtectionEnabled"] is True
    # A generated name, so a retained table never blocks re-creating the stack.
    assert "TableName" not in props


def test_outputs() -> None:
    outputs = template()["Outputs"]
    function_id = only_resource("AWS::Serverless::Function")[0]
    assert outputs["FunctionArn"]["Value"] == {"Fn::GetAtt": [function_id, "Arn"]}
    assert outputs["TableName"]["Value"] == {"Ref": table_resource()[0]}


# --------------------------------------------------------------------------- 6. skill.json

# Alexa's skill-store categories (publishingInformation.category).
ALEXA_CATEGORIES = frozenset({
    "ALARMS_AND_CLOCKS", "ASTROLOGY", "BUSINESS_AND_FINANCE", "CALCULATORS",
    "CALENDARS_AND_REMINDERS", "CHILDRENS_EDUCATION_AND_REFERENCE", "CHILDRENS_GAMES",
    "CHILDRENS_MUSIC_AND_AUDIO", "CHILDRENS_NOVELTY_AND_HUMOR", "COMMUNICATION",
    "CONNECTED_CAR", "COOKING_AND_RECIPE", "CURRENCY_GUIDES_AND_CONVERTERS", "DATING",
    "DELIVERY_AND_TAKEOUT", "DEVICE_TRACKING", "EDUCATION_AND_REFERENCE", "EVENT_FINDERS",
    "EXERCISE_AND_WORKOUT", "FASHION_AND_STYLE", "FLIGHT_FINDERS", "FRIENDS_AND_FAMILY",
    "GAME_INFO_AND_ACCESSORY", "GAMES", "HEALTH_AND_FITNESS", "HOTEL_FINDERS",
    "KNOWLEDGE_AND_TRIVIA", "MOVIE_AND_TV_KNOWLEDGE_AND_TRIVIA", "MOVIE_INFO_AND_REVIEWS",
    "MOVIE_SHOWTIMES", "MUSIC_AND_AUDIO_ACCESSORIES", "MUSIC_AND_AUDIO_KNOWLEDGE_AND_TRIVIA",
    "MUSIC_INFO_REVIEWS_AND_RECOGNITION_SERVICE", "NAVIGATION_AND_TRIP_PLANNER", "NEWS",
    "NOVELTY", "ORGANIZERS_AND_ASSISTANTS", "PETS_AND_ANIMAL", "PODCAST",
    "PUBLIC_TRANSPORTATION", "RELIGION_AND_SPIRITUALITY", "RESTAURANT_BOOKING_INFO_AND_REVIEW",
    "SCHOOLS", "SCORE_KEEPING", "SELF_IMPROVEMENT", "SHOPPING", "SMART_HOME",
    "SOCIAL_NETWORKING", "SPORTS_GAMES", "SPORTS_NEWS", "STREAMING_SERVICE",
    "TAXI_AND_RIDESHARING", "TO_DO_LISTS_AND_NOTES", "TRANSLATORS", "TV_GUIDES",
    "UNIT_CONVERTERS", "WEATHER", "WINE_AND_BEVERAGE", "ZIP_CODE_LOOKUP",
})
EXAMPLE_PHRASE = re.compile(
    rf"^Alexa, (?:open {INVOCATION_NAME}|ask {INVOCATION_NAME} to (?P<utterance>[^.!?]+))[.!?]?$")


_HOUR = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
# Built-in slot types have no listed values: what a spoken value of them looks like.
BUILTIN_SLOT_PATTERNS = {
    "AMAZON.TIME": rf"(?:{_HOUR}(?:[: ]\d\d| thirty| fifteen| forty five)?"
                   r"(?: ?[ap]\.? ?m\.?| o'clock| in the (?:morning|afternoon|evening)"
                   r"| at night)?|noon|midnight|morning|afternoon|evening|night)",
}


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def utterance_patterns(model: dict[str, Any]) -> list[re.Pattern[str]]:
    """One regex per sample utterance of ``model``; ``{Slot}`` matches any value or synonym."""
    language = model["interactionModel"]["languageModel"]
    type_values: dict[str, list[str]] = {}
    for slot_type in language.get("types", []):
        words: list[str] = []
        for value in slot_type["values"]:
            words.append(value["name"]["value"])
            words.extend(value["name"].get("synonyms", []))
        type_values[slot_type["name"]] = sorted({_normalise(w) for w in words}, key=len,
                                                reverse=True)
    patterns: list[re.Pattern[str]] = []
    for intent in language["intents"]:
        slot_types = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        for sample in intent.get("samples", []):
            parts = re.split(r"(\{\w+\})", " ".join(sample.split()))
            regex = ""
            for part in parts:
                slot = re.fullmatch(r"\{(\w+)\}", part)
                if slot is None:
                    regex += re.escape(part.lower())
                    continue
                values = type_values.get(slot_types[slot.group(1)])
                if values:
                    regex += "(?:" + "|".join(map(re.escape, values)) + ")"
                else:
                    regex += BUILTIN_SLOT_PATTERNS.get(slot_types[slot.group(1)], ".+")
            patterns.append(re.compile(regex))
    return patterns


def test_skill_json_locales_match_the_models() -> None:
    data = manifest()
    model_locales = set(models())
    assert model_locales >= {"en-US", "en-GB", "en-CA", "en-AU", "en-IN"}
    assert set(data["publishingInformation"]["locales"]) == model_locales
    assert set(data["privacyAndCompliance"]["locales"]) == model_locales
    countries = set(data["publishingInformation"]["distributionCountries"])
    assert countries == {locale.split("-")[1] for locale in model_locales}
    assert data["publishingInformation"]["isAvailableWorldwide"] is False
    for locale, model in models().items():
        name = model["interactionModel"]["languageModel"]["invocationName"]
        assert (name == INVOCATION_NAME) == locale.startswith("en-"), locale


def test_each_listing_is_a_file_named_after_its_locale() -> None:
    listings = INFRA / "skill-package" / "locales"
    assert {p.stem for p in listings.glob("*.json")} == set(models())
    assert json.loads(SKILL_JSON.read_text(encoding="utf-8"))["manifest"][
        "publishingInformation"]["locales"] == {}, "listings live in locales/<locale>.json"


def test_skill_json_store_listing() -> None:
    data = manifest()
    publishing = data["publishingInformation"]
    assert publishing["category"] in ALEXA_CATEGORIES
    assert publishing["category"] == "HEALTH_AND_FITNESS"
    assert publishing["testingInstructions"].strip()
    for locale, listing in publishing["locales"].items():
        assert (listing["name"] == "Release Coach") == locale.startswith("en-"), locale
        assert listing["name"].strip(), locale
        assert 0 < len(listing["summary"]) <= 160, locale
        assert 0 < len(listing["description"]) <= 4000, locale
        # Alexa's health-skill policy: say it is not medical advice, in the locale's language.
        for words in language_rules(locale)["disclaimer"]:
            assert words in listing["description"], (locale, words)
        assert 0 < len(listing["keywords"]) <= 30, locale
        assert len(set(listing["keywords"])) == len(listing["keywords"]), locale


def test_skill_json_example_phrases_are_real_utterances() -> None:
    for locale, listing in manifest()["publishingInformation"]["locales"].items():
        phrases = listing["examplePhrases"]
        assert 1 <= len(phrases) <= 3, locale
        assert len(set(phrases)) == len(phrases), locale
        model = models()[locale]
        patterns = utterance_patterns(model)
        forms = example_phrase(language_rules(locale),
                               model["interactionModel"]["languageModel"]["invocationName"])
        for phrase in phrases:
            match = match_example(forms, phrase)
            assert match, f"{locale}: {phrase!r} is none of {[f.pattern for f in forms]}"
            utterance = match.groupdict().get("utterance")
            if utterance is not None:
                said = _normalise(utterance)
                assert any(p.fullmatch(said) for p in patterns), (
                    f"{locale}: {utterance!r} is not a sample utterance of the model")


def example_phrase(rules: Mapping[str, Any], invocation: str) -> list[re.Pattern[str]]:
    """The example phrases a language allows: its "open" and "ask" forms, the utterance a
    named group (English's forms are EXAMPLE_PHRASE's)."""
    patterns = []
    for form in (*rules["open"], *rules["ask"]):
        escaped = re.escape(form).replace(re.escape("{invocation}"), re.escape(invocation))
        escaped = escaped.replace(re.escape("{utterance}"), "(?P<utterance>[^.!?]+)")
        patterns.append(re.compile(escaped + "[.!?]?"))
    return patterns


def match_example(patterns: list[re.Pattern[str]], phrase: str) -> re.Match[str] | None:
    return next((m for m in (p.fullmatch(phrase) for p in patterns) if m), None)


def test_example_phrase_check_rejects_wrong_phrases() -> None:
    patterns = utterance_patterns(models()["en-US"])

    def accepted(utterance: str) -> bool:
        return any(p.fullmatch(_normalise(utterance)) for p in patterns)

    assert accepted("walk me through the pigeon stretch")
    assert accepted("walk me through the figure four")  # a synonym
    assert not accepted("walk me through the cartwheel")
    assert accepted("remind me every day at eight am")
    assert not accepted("remind me every day at the cartwheel")
    assert not accepted("make me a sandwich")
    assert not EXAMPLE_PHRASE.fullmatch("Alexa, open release coach please")
    assert not EXAMPLE_PHRASE.fullmatch("Alexa, ask release coach start my routine")


def test_skill_json_privacy_and_endpoint() -> None:
    data = manifest()
    assert data["manifestVersion"] == "1.0"
    privacy = data["privacyAndCompliance"]
    assert privacy["allowsPurchases"] is False
    assert privacy["usesPersonalInfo"] is False
    assert privacy["isChildDirected"] is False
    assert privacy["isExportCompliant"] is True
    assert privacy["containsAds"] is False
    for locale, urls in privacy["locales"].items():
        for key in ("privacyPolicyUrl", "termsOfUseUrl"):
            assert urls[key].startswith("https://"), (locale, key)
    endpoint = data["apis"]["custom"]["endpoint"]["uri"]
    assert re.fullmatch(r"arn:aws:lambda:[A-Za-z0-9-]+:[A-Za-z0-9]+:function:[\w-]+", endpoint)
    # The time zone comes from the Alexa settings API, which needs no permission; the one
    # permission is the reminders one, asked for only when a user wants a reminder.
    assert data["permissions"] == [{"name": "alexa::alerts:reminders:skill:readwrite"}]


def test_skill_package_builder_copies_models_byte_for_byte(tmp_path: Path) -> None:
    builder = load_script("build_skill_package")
    out = tmp_path / "skill-package"
    (out / "stale").mkdir(parents=True)  # left over from an earlier build
    written = builder.build(out, development=True)
    assert not (out / "stale").exists()
    assert (out / "skill.json").read_text(encoding="utf-8") == builder.render(
        builder.merged_manifest())
    custom = out / "interactionModels" / "custom"
    copied = sorted(p.name for p in custom.iterdir())
    assert copied == sorted(f"{locale}.json" for locale in models())
    for name in copied:
        assert (custom / name).read_bytes() == (MODEL_DIR / name).read_bytes(), name
    images = sorted(p.name for p in (out / "assets" / "images").iterdir())
    assert images == ["large-icon-512.png", "small-icon-108.png"]
    assert len(written) == 1 + len(copied) + len(images)


# --------------------------------------------------------------------------- 7. build script


def test_build_leaves_out_what_the_runtime_provides() -> None:
    build_lambda = load_script("build_lambda")
    requirements = build_lambda.runtime_requirements()
    names = {build_lambda.canonical_name(r) for r in requirements}
    assert {"ask-sdk-core", "ask-sdk-model", "tzdata"} <= names
    assert not names & {"boto3", "botocore", "s3transfer"}
    assert build_lambda.canonical_name("Boto3 >=1.34") == "boto3"
    assert build_lambda.canonical_name("python_dateutil<3") == "python-dateutil"


def test_build_pip_command_targets_the_lambda_platform(tmp_path: Path) -> None:
    build_lambda = load_script("build_lambda")
    command = build_lambda.pip_command(tmp_path / "t", ["ask-sdk-core"], tmp_path / "c.txt")
    joined = " ".join(command)
    assert command[:4] == [sys.executable, "-m", "pip", "install"]
    assert f"--target {tmp_path / 't'}" in joined
    assert "--platform manylinux2014_aarch64" in joined
    assert "--only-binary=:all:" in command
    assert f"--python-version {build_lambda.LAMBDA_PYTHON_VERSION}" in joined
    assert "--implementation cp" in joined
    assert f"--constraint {tmp_path / 'c.txt'}" in joined
    assert command[-1] == "ask-sdk-core"
    # Bundled packages shadow the runtime's copies for botocore: keep botocore's ranges.
    constraints = {build_lambda.canonical_name(c): c
                   for c in build_lambda.RUNTIME_SHARED_CONSTRAINTS}
    assert "<3" in constraints["python-dateutil"] and "<3" in constraints["urllib3"]


def test_build_prunes_and_excludes(tmp_path: Path) -> None:
    build_lambda = load_script("build_lambda")
    target = tmp_path / "lambda"
    for relative in ("boto3/__init__.py", "boto3-1.40.0.dist-info/METADATA",
                     "botocore/__init__.py", "s3transfer/__init__.py",
                     "requests/__init__.py", "requests/__pycache__/x.cpython-312.pyc",
                     "requests-2.32.0.dist-info/METADATA", "six.py", "bin/normalizer",
                     "dateutil/tests/test_x.py", "tests/keep.py", "stray.pyc"):
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    excluded = {p.name for p in build_lambda.excluded_paths(target)}
    assert excluded == {"boto3", "boto3-1.40.0.dist-info", "botocore", "s3transfer"}
    pruned = {p.relative_to(target).as_posix() for p in build_lambda.prunable_paths(target)}
    assert pruned == {"bin", "requests/__pycache__", "dateutil/tests", "stray.pyc"}
    build_lambda.remove(build_lambda.excluded_paths(target))
    build_lambda.remove(build_lambda.prunable_paths(target))
    left = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert left == ["requests-2.32.0.dist-info/METADATA", "requests/__init__.py", "six.py",
                    "tests/keep.py"]


def test_byte_code_is_compiled_for_the_runtime_and_trusted_without_the_source(
        tmp_path: Path) -> None:
    build_lambda = load_script("build_lambda")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text("ANSWER = 42\n", encoding="utf-8")
    # The build machine's own interpreter stands in for the runtime's here.
    subprocess.run(build_lambda.compile_command(sys.executable, tmp_path), check=True)
    tag = sys.implementation.cache_tag
    compiled = (tmp_path / "pkg" / "__pycache__" / f"mod.{tag}.pyc").read_bytes()
    assert int.from_bytes(compiled[4:8], "little") == 0b01  # hash-based, never checked
    # The runtime's interpreter, when one is found, is of the runtime's version only.
    python = build_lambda.runtime_python()
    if python is not None:
        version = subprocess.run([python, "-c", "import sys; print(*sys.version_info[:2])"],
                                 capture_output=True, text=True, check=True).stdout.split()
        assert ".".join(version) == build_lambda.LAMBDA_PYTHON_VERSION


def test_build_zip_is_reproducible_and_readable(tmp_path: Path) -> None:
    build_lambda = load_script("build_lambda")
    source = tmp_path / "src"
    (source / "pkg").mkdir(parents=True)
    (source / "lambda_function.py").write_text("def lambda_handler(e, c): ...\n")
    (source / "pkg" / "__init__.py").write_text("")
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    build_lambda.make_zip(source, first)
    build_lambda.make_zip(source, second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == ["lambda_function.py", "pkg/__init__.py"]
        for info in archive.infolist():
            assert (info.external_attr >> 16) & 0o444 == 0o444  # readable by the runtime user


def test_built_artifact_if_present() -> None:
    """After ``python infra/build_lambda.py`` (CI runs it first): check what was built."""
    build_lambda = load_script("build_lambda")
    target: Path = build_lambda.TARGET_DIR
    if not (target / "lambda_function.py").exists():
        pytest.skip("build/lambda not built; run python infra/build_lambda.py")
    top = {p.name for p in target.iterdir()}
    assert {"lambda_function.py", "skill", "ask_sdk_core", "ask_sdk_model", "tzdata"} <= top
    assert not top & {"boto3", "botocore", "s3transfer"}
    assert {p.name for p in (target / "skill" / "hosts").iterdir() if p.is_file()} == \
        build_lambda.LAMBDA_HOSTS
    # Byte code, if any, is the runtime's only, and never checked against the source.
    tag = "cpython-" + build_lambda.LAMBDA_PYTHON_VERSION.replace(".", "")
    compiled = list(target.rglob("*.pyc"))
    assert all(p.parent.name == "__pycache__" and f".{tag}." in p.name for p in compiled)
    if compiled:
        assert (target / "skill" / "alexa" / "__pycache__" / f"app.{tag}.pyc").exists()
        flags = int.from_bytes(compiled[0].read_bytes()[4:8], "little")
        assert flags == 0b01  # hash-based, unchecked
    assert build_lambda.tree_size(target) < build_lambda.MAX_UNZIPPED_BYTES


# --------------------------------------------------------------------------- 8. certification


def test_skill_disabled_events_reach_the_function() -> None:
    data = manifest()
    events = data["events"]
    assert events["subscriptions"] == [{"eventName": "SKILL_DISABLED"}]
    # The events go where the requests go: the same function.
    assert events["endpoint"]["uri"] == data["apis"]["custom"]["endpoint"]["uri"]


def test_skill_json_declares_the_interfaces_used() -> None:
    interfaces = manifest()["apis"]["custom"]["interfaces"]
    assert [i["type"] for i in interfaces] == ["ALEXA_PRESENTATION_APL"]
    for viewport in interfaces[0]["supportedViewports"]:
        assert viewport["mode"] in ("HUB", "TV") and viewport["shape"] in ("ROUND", "RECTANGLE")
        assert viewport["minWidth"] <= viewport["maxWidth"]
        assert viewport["minHeight"] <= viewport["maxHeight"]


def test_icons_are_committed_at_the_sizes_alexa_wants() -> None:
    builder = load_script("build_skill_package")
    assert builder.icon_problems() == []
    sizes = {name: builder.png_size((builder.IMAGES / name).read_bytes())
             for name in builder.ICON_FILES.values()}
    assert sizes == {"small-icon-108.png": (108, 108), "large-icon-512.png": (512, 512)}
    for locale, listing in manifest()["publishingInformation"]["locales"].items():
        assert listing["smallIconUri"].endswith("/small-icon-108.png"), locale
        assert listing["largeIconUri"].endswith("/large-icon-512.png"), locale


def test_icons_are_what_the_icon_script_draws() -> None:
    assert load_script("make_icons").main(["--check"]) == 0


def test_wrong_sized_icons_are_refused(tmp_path: Path) -> None:
    builder = load_script("build_skill_package")
    icons = load_script("make_icons")
    (tmp_path / "small-icon-108.png").write_bytes(icons.png(100))
    (tmp_path / "large-icon-512.png").write_bytes(b"not a png at all")
    problems = builder.icon_problems(tmp_path)
    assert len(problems) == 2
    assert "100 x 100, Alexa wants 108 x 108" in problems[0]


def test_a_submission_build_refuses_placeholders(tmp_path: Path) -> None:
    builder = load_script("build_skill_package")
    with pytest.raises(SystemExit) as refused:
        builder.build(tmp_path / "out")
    message = str(refused.value)
    for what in ("privacyPolicyUrl", "termsOfUseUrl", "smallIconUri", "largeIconUri",
                 "apis.custom.endpoint", "events.endpoint", "--development"):
        assert what in message
    assert not (tmp_path / "out").exists()
    result = subprocess.run([sys.executable, str(INFRA / "build_skill_package.py"),
                             "--out", str(tmp_path / "cli")], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode != 0 and "placeholder" in result.stderr


def test_a_submission_build_with_real_urls_is_written(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    builder = load_script("build_skill_package")
    data = json.loads(SKILL_JSON.read_text(encoding="utf-8"))
    text = json.dumps(data).replace("https://www.example.com/release-coach",
                                    "https://coach.my-household.net")
    text = text.replace("arn:aws:lambda:REGION:ACCOUNT:function:release-coach",
                        "arn:aws:lambda:eu-west-1:123456789012:function:release-coach")
    real = tmp_path / "skill.json"
    real.write_text(text, encoding="utf-8")
    listings = tmp_path / "locales"
    listings.mkdir()
    for listing in builder.LISTINGS.glob("*.json"):
        (listings / listing.name).write_text(listing.read_text(encoding="utf-8").replace(
            "https://www.example.com/release-coach", "https://coach.my-household.net"),
            encoding="utf-8")
    merged = builder.merged_manifest(real, listings)
    assert builder.submission_problems(merged) == []
    monkeypatch.setattr(builder, "MANIFEST", real)
    monkeypatch.setattr(builder, "LISTINGS", listings)
    written = builder.build(tmp_path / "out")
    assert (tmp_path / "out" / "skill.json").read_text(encoding="utf-8") == builder.render(
        merged)
    assert len(written) == 1 + len(models()) + 2


def test_privacy_answers_match_what_the_skill_does() -> None:
    privacy = manifest()["privacyAndCompliance"]
    # No name, email, address or phone is ever asked for or read: ids are HMAC'd keys.
    assert privacy["usesPersonalInfo"] is False
    assert privacy["containsAds"] is False and privacy["allowsPurchases"] is False
    assert privacy["isChildDirected"] is False  # adults' pelvic-floor exercise
    for document in ("privacy.md", "terms.md"):
        assert (ROOT / "docs" / document).is_file()
    # Each language's policy and terms, linked from its listings, served by the web host.
    for locale, urls in privacy["locales"].items():
        language = locale.split("-")[0]
        folder = ROOT / "docs" if language == "en" else ROOT / "docs" / language
        for key, document in (("privacyPolicyUrl", "privacy"), ("termsOfUseUrl", "terms")):
            assert (folder / f"{document}.md").is_file(), (locale, document)
            wanted = f"/{document}" if language == "en" else f"/{language}/{document}"
            assert urls[key].endswith(wanted), (locale, key)


def test_descriptions_carry_the_health_disclaimer_and_tests_cover_reminders_and_pain() -> None:
    publishing = manifest()["publishingInformation"]
    for locale, listing in publishing["locales"].items():
        description = listing["description"]
        for words in language_rules(locale)["disclaimer"]:
            assert words in description, (locale, words)
    instructions = publishing["testingInstructions"]
    assert len(instructions) <= 4000
    for flow in ("it hurts", "remind me every day at 8 am", "change my reminder",
                 "cancel my reminder", "does not ask again for 7 days",
                 "alexa::alerts:reminders:skill:readwrite"):
        assert flow in instructions


# --------------------------------------------------------------------------- 9. metrics


def test_alarms_watch_errors_throttles_store_failures_and_latency() -> None:
    alarms = {props["Properties"]["MetricName"]: props["Properties"]
              for props in resources_of_type("AWS::CloudWatch::Alarm").values()}
    assert set(alarms) == {"Errors", "Throttles", "StoreFailures", "Duration"}
    function_id = only_resource("AWS::Serverless::Function")[0]
    for name in ("Errors", "Throttles", "Duration"):
        assert alarms[name]["Namespace"] == "AWS/Lambda"
        assert alarms[name]["Dimensions"] == [{"Name": "FunctionName",
                                               "Value": {"Ref": function_id}}]
    from skill.hosts.metrics import DIMENSION, EVENT_METRICS, NAMESPACE

    store = alarms["StoreFailures"]
    assert store["Namespace"] == NAMESPACE and "StoreFailures" in EVENT_METRICS.values()
    # The metric's one dimension is the function's name, which is the stack's name.
    assert store["Dimensions"] == [{"Name": DIMENSION, "Value": {"Ref": "AWS::StackName"}}]
    latency = alarms["Duration"]
    assert latency["ExtendedStatistic"] == "p99"
    timeout_ms = function_properties()["Timeout"] * 1000
    assert 0 < latency["Threshold"] < timeout_ms < LAMBDA_TIMEOUT_LIMIT * 1000


def test_dashboard_shows_every_metric_the_skill_writes() -> None:
    from skill.hosts.metrics import EVENT_METRICS, LATENCY_METRIC

    _, dashboard = only_resource("AWS::CloudWatch::Dashboard")
    body = dashboard["Properties"]["DashboardBody"]["Fn::Sub"]
    parsed = json.loads(re.sub(r"\$\{[^}]+\}", "x", body))
    shown = {metric[1] for widget in parsed["widgets"] if widget["type"] == "metric"
             for metric in widget["properties"]["metrics"] if len(metric) > 1
             and isinstance(metric[1], str)}
    assert {*EVENT_METRICS.values(), LATENCY_METRIC} <= shown
