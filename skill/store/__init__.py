"""Where progress is kept: a small interface with an embedded and a DynamoDB implementation."""

from skill.store.base import (
    ConflictError,
    DeletionUnderway,
    PartialDeletion,
    ProgressStore,
    StoreError,
    UnreadableItem,
    WriteOutcomeUnknown,
    person_key,
    save_with_retry,
    user_key,
)

__all__ = ["ConflictError", "DeletionUnderway", "PartialDeletion", "ProgressStore", "StoreError",
           "UnreadableItem", "WriteOutcomeUnknown", "person_key", "save_with_retry", "user_key"]
