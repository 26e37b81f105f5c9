"""Small value helpers shared by the sandbox: object IDs and timestamps."""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime


def new_object_id(created_at: str) -> str:
    """A 24-character lowercase hex ID shaped like a MongoDB ObjectId: the creation time
    (`created_at`, as written by `format_timestamp`) in epoch seconds, then random bytes."""
    return f"{int(parse_timestamp(created_at).timestamp()):08x}{secrets.token_hex(8)}"


def format_timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with microseconds and `Z`: fixed width, so text order is time order."""
    m = moment.astimezone(UTC)
    # Not strftime: "%Y" leaves years before 1000 unpadded on some platforms.
    return (
        f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}"
        f".{m.microsecond:06d}Z"
    )


def timestamp_of(epoch_s: float) -> str:
    """`format_timestamp` of a moment given in epoch seconds."""
    return format_timestamp(datetime.fromtimestamp(epoch_s, UTC))


def parse_timestamp(text: str) -> datetime:
    """Parse an RFC 3339 date-time (as validated by the spec's `format: date-time`).

    Raises ValueError for text Python cannot represent as a UTC datetime.
    """
    normalized = text.strip().replace("z", "Z")
    # RFC 3339 allows a leap second (:60); Python's datetime does not.
    normalized = re.sub(r"(T\d\d:\d\d):60", r"\1:59", normalized, flags=re.IGNORECASE)
    if normalized.endswith("Z"):
        normalized = normalized[:-1] + "+00:00"
    parsed = datetime.fromisoformat(normalized.replace("t", "T"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError as exc:  # e.g. year 1 with a positive offset
        raise ValueError(f"date-time out of range: {text!r}") from exc
