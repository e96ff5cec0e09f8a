"""The store interface every backend implements, and the logic they share.

A turn reads the profile once (:meth:`ProgressStore.load`) and, if it changed
anything, writes once (:meth:`ProgressStore.save`). Writes are conditional on
the version read; on a conflict the fresh profile is read and the same changes
applied again, so concurrent sessions on two devices both count.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import random
import time
from collections.abc import Callable
from typing import Protocol

from skill.domain.progress import Change, Profile, SessionCompleted, SessionRecord, apply

# Enough for a household's devices all finishing at once; each retry re-reads once.
DEFAULT_SAVE_ATTEMPTS = 10
CONFLICT_BACKOFF_SECONDS = 0.01


class StoreError(Exception):
    """The store could not be read or written; the turn goes on without it."""


class UnreadableItem(StoreError):
    """One stored item could not be understood; the store itself is working."""


class ConflictError(StoreError):
    """Someone else wrote the profile since it was read."""


class WriteOutcomeUnknown(StoreError):
    """The write was sent but its answer was lost: it may or may not have been stored."""


class PartialDeletion(StoreError):
    """A delete removed the user's progress but failed before their history was all gone.

    What is left is removed when the user is next read (see ``delete_user``).
    """


class DeletionUnderway(StoreError):
    """The user's earlier delete is still being finished: their progress cannot be read yet."""


class ProgressStore(Protocol):
    def load(self, user_key: str) -> Profile:
        """The user's profile (a fresh one, version 0, if they have none)."""
        ...

    def save(self, user_key: str, base: Profile, changes: list[Change]) -> Profile:
        """Apply ``changes`` to ``base`` and store the result, retrying on conflict."""
        ...

    def history(self, user_key: str, limit: int = 50) -> list[SessionRecord]:
        """The user's completed sessions, newest first."""
        ...

    def delete_user(self, user_key: str) -> bool:
        """Remove every item the store holds for the user (an account or one person).

        The progress goes first and at once; a long history may take longer than one
        turn allows. Returns ``True`` when everything is gone, ``False`` when the rest is
        still to go: it goes on the user's next read (which raises
        :class:`DeletionUnderway` until it is done). Raises :class:`PartialDeletion` when
        a failure stopped it after the progress had gone, :class:`StoreError` when
        nothing was removed.
        """
        ...

    def link_person(self, account_key: str, person_key: str) -> None:
        """Note that the voice profile ``person_key`` belongs to the account ``account_key``.

        Idempotent. Without it, disabling the skill could not find a person's profile:
        Alexa's ``SkillDisabled`` event names the account only.
        """
        ...

    def delete_account(self, account_key: str) -> None:
        """Remove the account's items and those of every person linked to it.

        Raises :class:`StoreError` unless everything is gone, so that the event that
        asked for it is answered with an error and delivered again.
        """
        ...


WriteFn = Callable[[str, Profile, int, list[SessionRecord]], None]
LoadFn = Callable[[str], Profile]


def save_with_retry(load: LoadFn, write: WriteFn, key: str, base: Profile,
                    changes: list[Change], attempts: int = DEFAULT_SAVE_ATTEMPTS,
                    sleep: Callable[[float], None] = time.sleep) -> Profile:
    """Write ``apply(base, changes)`` conditionally, re-reading and re-applying on conflict.

    ``write(key, profile, expected_version, records)`` must store ``profile`` and the
    session ``records`` atomically, only if the stored version is ``expected_version``,
    and raise :class:`ConflictError` otherwise.
    """
    current = base
    for attempt in range(attempts):
        updated = apply(current, changes)
        updated.version = current.version + 1
        records = [c.record for c in changes if isinstance(c, SessionCompleted)]
        try:
            write(key, updated, current.version, records)
            return updated
        except ConflictError:
            # Jittered so that writers who collided do not collide again in lockstep.
            sleep(random.uniform(0, CONFLICT_BACKOFF_SECONDS * 2 ** min(attempt, 5)))
            current = load(key)
    raise StoreError(f"gave up after {attempts} conflicting writes")


def user_key(alexa_user_id: str, secret: str | None = None) -> str:
    """A one-way key for a user, so that no raw Alexa user id is ever stored or logged."""
    secret = secret if secret is not None else os.environ.get("USER_KEY_SECRET", "")
    digest = hmac.new(secret.encode(), alexa_user_id.encode(), hashlib.sha256).hexdigest()
    return f"u_{digest}"


def person_key(alexa_person_id: str, secret: str | None = None) -> str:
    """A one-way key for a recognised speaker (a voice profile), like :func:`user_key`.

    Same HMAC and secret; the ``p_`` prefix keeps it apart from every account key.
    """
    return f"p_{user_key(alexa_person_id, secret)[2:]}"
