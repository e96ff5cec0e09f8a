"""The ``release-coach`` command: talk to the skill, serve it, create its table, or
recover a damaged progress file.

Each subcommand imports what it alone needs, inside its own function: ``talk`` needs no
Flask or waitress, ``serve`` no scikit-learn, ``create-table`` only boto3. So the command
starts quickly and runs with only its own extra installed. None of these imports works
around an import cycle.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

DEFAULT_STORE = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / \
    "release-coach" / "progress.sqlite3"


def local_time_zone() -> str | None:
    """This machine's IANA time zone name, standing in for the Echo's setting."""
    if os.environ.get("TZ"):
        return os.environ["TZ"].lstrip(":")
    try:
        target = os.path.realpath("/etc/localtime")
    except OSError:
        return None
    marker = "/zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else None


def _store(args: argparse.Namespace) -> Any:
    # Behind a circuit breaker: a store that keeps failing is skipped for a few seconds,
    # so that answers come at once (from the session) instead of queueing behind timeouts.
    from skill.store.breaker import BreakerStore

    if getattr(args, "dynamodb_table", None):
        from skill.store.dynamodb import DynamoDBStore

        return BreakerStore(DynamoDBStore(args.dynamodb_table))
    from skill.store.sqlite import SqliteStore

    return BreakerStore(SqliteStore(args.store))


def _open_store(args: argparse.Namespace, command: str) -> Any:
    """The store, or ``None`` after saying clearly (once, no traceback) why it cannot open."""
    from skill.store.sqlite import DamagedStore

    try:
        return _store(args)
    except DamagedStore as error:
        logging.getLogger("release_coach").error(
            json.dumps({"event": "store_damaged", "error": str(error)}))
        print(f"release-coach {command}: {error}.\nTo salvage what can "
              f"be read into a new file (a copy of this one is kept), stop anything using it "
              f"and run:\n  release-coach recover-store --store {args.store}", file=sys.stderr)
        return None


def _add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", default=str(DEFAULT_STORE),
                        help=f"embedded progress file (default {DEFAULT_STORE})")
    parser.add_argument("--dynamodb-table", metavar="NAME",
                        help="use this DynamoDB table instead of the embedded file "
                             "(honours AWS_ENDPOINT_URL_DYNAMODB for a local server)")


def console_hearing(model: dict[str, Any], spoken: Any) -> Any:
    """The console's statistical stand-in for Alexa's understanding, training (once per
    model, then cached) while the first lines are answered from the model's own samples;
    ``None`` without the console extra, when only the samples are understood."""
    from concurrent.futures import ThreadPoolExecutor

    try:
        from skill.hosts.console_hearing import hearing_for
    except ImportError:
        print("(only the model's own samples are understood: install the console extra, "
              "pip install -e '.[console]', to hear other phrasings as a device would)",
              file=sys.stderr)
        return None
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hearing")
    future = pool.submit(hearing_for, model, None, spoken)
    pool.shutdown(wait=False)  # the future outlives the pool; nothing else is submitted
    return future


def chat(args: argparse.Namespace) -> int:
    from skill.alexa.app import build_app
    from skill.hosts.console import Console, main_loop
    from skill.hosts.console_clock import Clock, device_zone, parse_clock
    from skill.hosts.console_matcher import ModelMatcher, load_model
    from skill.hosts.console_spoken import spoken_for
    from skill.hosts.console_understanding import Understanding
    from skill.hosts.envelopes import Device

    zone = local_time_zone()
    # The console's Echo is set to this machine's zone, so a --now without an offset is
    # read there too: "07:30" is the user's half past seven.
    local = device_zone(zone)
    try:
        start = parse_clock(args.now, local) if args.now else None
    except ValueError:
        print(f"release-coach chat: --now {args.now!r} is not an ISO time "
              "such as 2026-03-02T07:30", file=sys.stderr)
        return 2
    store = _open_store(args, "chat")
    if store is None:
        return 1
    app = build_app(store, time_zone_lookup=lambda _request: zone)
    device = Device(user_id=f"amzn1.ask.account.console-{args.user}", locale=args.locale,
                    apl=args.screen)
    model = load_model(args.locale)
    spoken = spoken_for(args.locale)
    console = Console(app, device, Understanding(ModelMatcher(model, spoken),
                                                 console_hearing(model, spoken)),
                      sys.stdout, real_time=args.real_time, clock=Clock(start), zone=local)
    main_loop(console)
    return 0


def serve(args: argparse.Namespace) -> int:
    from skill.alexa.app import build_app
    from skill.hosts.logs import configure_logging
    from skill.hosts.web.app import ServerOptions, create_app, skill_invoke
    from skill.hosts.web.app import serve as run_server
    from skill.hosts.web.options import NETWORK_STORE_THREADS
    from skill.hosts.web.verifier import build_verifiers

    configure_logging(args.log_level, libraries=True,
                      **({"insecure_dev": True} if args.insecure_dev else {}))
    if not args.skill_id and not args.insecure_dev:
        print("release-coach serve: --skill-id is required, so that only your skill's "
              "requests are answered (or use --insecure-dev with a local emulator).",
              file=sys.stderr)
        return 2
    if args.insecure_dev:
        print("WARNING: --insecure-dev: Alexa request signatures and timestamps are NOT "
              "checked. Never expose this server to the internet.", file=sys.stderr)
    store = _open_store(args, "serve")
    if store is None:
        return 1
    skill_app = build_app(store, skill_id=args.skill_id)
    verifiers = build_verifiers(args.skill_id, insecure_dev=args.insecure_dev)
    web = create_app(skill_invoke(skill_app), verifiers, insecure_dev=args.insecure_dev,
                     max_body_bytes=args.max_body_bytes)
    threads = args.threads or (NETWORK_STORE_THREADS if args.dynamodb_table
                               else ServerOptions().threads)
    options = ServerOptions(threads=threads, connection_limit=args.connection_limit,
                            channel_timeout=args.channel_timeout,
                            max_body_bytes=args.max_body_bytes)
    run_server(web, args.host, args.port, production=args.production, options=options)
    return 0


def create_table(args: argparse.Namespace) -> int:
    import time

    import boto3
    from botocore.exceptions import EndpointConnectionError

    from skill.store.schema import create_table as create

    client = boto3.client("dynamodb")
    # A local server started a moment ago (the README's recipe) may not listen yet.
    deadline = time.monotonic() + args.wait
    while True:
        try:
            created = create(client, args.dynamodb_table)
            break
        except EndpointConnectionError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.5)
    print(f"table {args.dynamodb_table}: {'created' if created else 'already exists'}")
    return 0


def recover_store(args: argparse.Namespace) -> int:
    from skill.store.sqlite import DamagedStore, SqliteStore
    from skill.store.sqlite_recovery import recover

    path = Path(args.store)
    if not path.is_file():
        print(f"release-coach recover-store: {path} does not exist", file=sys.stderr)
        return 2
    if not args.force:
        try:
            SqliteStore(path).close()
        except DamagedStore:
            pass
        else:
            print(f"{path} passes its check; nothing to recover (--force to rebuild anyway)")
            return 0
    report = recover(path)
    print(f"kept the damaged file as {report.kept}")
    for table, count in report.recovered.items():
        lost = report.unreadable.get(table, 0)
        print(f"{table}: {count} recovered" + (f", {lost} unreadable" if lost else ""))
    print(f"{path} is a sound file again")
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parser() -> argparse.ArgumentParser:
    from skill.hosts.console_matcher import draft_locales, locales
    from skill.hosts.web.options import NETWORK_STORE_THREADS, ServerOptions

    root = argparse.ArgumentParser(prog="release-coach", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    talk = commands.add_parser("chat", help="talk to the skill in this terminal")
    talk.add_argument("--user", default="local", help="who is talking (each has own progress)")
    talk.add_argument("--locale", default="en-US", choices=[*locales(), *draft_locales()],
                      help="the device's locale: every shipped one, and languages under way")
    talk.add_argument("--real-time", action="store_true",
                      help="speak each stretch of words as its pauses really elapse")
    talk.add_argument("--screen", action="store_true",
                      help="be an Echo Show: show, as text, what its screen would show")
    talk.add_argument("--now", metavar="ISO_TIME",
                      help="start the console's clock here, e.g. 2026-03-02T07:30 (this "
                           "machine's time zone unless an offset is given); /later 1d moves "
                           "it on")
    _add_store_options(talk)
    talk.set_defaults(run=chat)

    web = commands.add_parser("serve", help="run the skill as an Alexa HTTPS web service")
    web.add_argument("--host", default="127.0.0.1")
    web.add_argument("--port", type=int, default=8080)
    web.add_argument("--skill-id", default=os.environ.get("SKILL_ID"),
                     help="your skill's id; requests for any other skill are refused")
    web.add_argument("--insecure-dev", action="store_true",
                     help="skip signature and timestamp checks (local emulators only)")
    web.add_argument("--production", action="store_true",
                     help="run under the waitress WSGI server")
    web.add_argument("--log-level", default=os.environ.get("LOG_LEVEL", "INFO"))
    defaults = ServerOptions()
    web.add_argument("--threads", type=_positive, default=None,
                     help=f"worker threads under --production (default {defaults.threads}, "
                          f"or {NETWORK_STORE_THREADS} with --dynamodb-table)")
    web.add_argument("--connection-limit", type=_positive, default=defaults.connection_limit,
                     help="open connections accepted at once under --production "
                          f"(default {defaults.connection_limit})")
    web.add_argument("--channel-timeout", type=_positive, default=defaults.channel_timeout,
                     metavar="SECONDS",
                     help="close a connection idle this long under --production "
                          f"(default {defaults.channel_timeout})")
    web.add_argument("--max-body-bytes", type=_positive, default=defaults.max_body_bytes,
                     help=f"refuse larger request bodies (default {defaults.max_body_bytes})")
    _add_store_options(web)
    web.set_defaults(run=serve)

    table = commands.add_parser("create-table", help="create the DynamoDB table (idempotent)")
    table.add_argument("--dynamodb-table", metavar="NAME", required=True)
    table.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                       help="how long to wait for the endpoint to accept connections")
    table.set_defaults(run=create_table)

    recovery = commands.add_parser(
        "recover-store", help="salvage a damaged progress file into a new one, keeping a copy")
    recovery.add_argument("--store", default=str(DEFAULT_STORE),
                          help=f"the embedded progress file (default {DEFAULT_STORE})")
    recovery.add_argument("--force", action="store_true",
                          help="rebuild the file even if it passes its check")
    recovery.set_defaults(run=recover_store)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
