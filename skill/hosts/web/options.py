"""How the production web server is sized; kept free of Flask so the CLI can read defaults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

DEFAULT_MAX_BODY_BYTES: Final = 256 * 1024
# Worker threads when the store is across a network (DynamoDB): turns wait there.
NETWORK_STORE_THREADS: Final = 8


@dataclass(frozen=True)
class ServerOptions:
    """How many requests and connections the production server takes on, and for how long.

    The defaults survive hundreds of idle or slow connections (waitress's own stop
    accepting at 100 and keep idle sockets for 120 s). ``threads`` is the base number of
    worker threads: a turn is Python, so each thread beyond what the turns block on only
    adds hand-overs of the interpreter (on two cores, four threads cost a third more CPU a
    request than one: issue 17, bench/load.py run alternately). A DynamoDB turn waits on
    the network every time (and, in an outage, on the breaker's first timeouts), so it gets
    :data:`NETWORK_STORE_THREADS`; the embedded file holds a turn only for its fsync, so one
    thread runs its turns, and a turn that waits on Alexa's APIs lends its place to another
    for as long as it waits (:mod:`skill.hosts.web.workers`).
    """

    threads: int = 1
    connection_limit: int = 500
    channel_timeout: int = 20
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES

    def waitress_options(self) -> dict[str, Any]:
        return {
            "threads": self.threads,
            "connection_limit": self.connection_limit,
            "channel_timeout": self.channel_timeout,
            # Idle sockets are only looked for every cleanup_interval seconds.
            "cleanup_interval": max(1, min(30, self.channel_timeout // 2)),
            # The app reads at most this much; waitress need not buffer more either.
            "max_request_body_size": self.max_body_bytes + 1,
            # poll() rather than select(): select cannot watch descriptors above 1023.
            "asyncore_use_poll": True,
        }
