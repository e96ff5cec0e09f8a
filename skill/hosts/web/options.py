"""How the production web server is sized; kept free of Flask so the CLI can read defaults."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

DEFAULT_MAX_BODY_BYTES: Final = 256 * 1024


@dataclass(frozen=True)
class ServerOptions:
    """How many requests and connections the production server takes on, and for how long.

    The defaults survive hundreds of idle or slow connections (waitress's own stop
    accepting at 100 and keep idle sockets for 120 s). Threads are what a turn may
    block on (the store); the work itself is Python, so more threads than this only
    add contention on two cores.
    """

    threads: int = 8
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
