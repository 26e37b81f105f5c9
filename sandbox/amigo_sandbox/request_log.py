"""What the sandbox saw: requests per operation, how each was answered, and as which user."""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from typing import Any


class RequestLog:
    """How many requests each operation received, how each was answered, and as which user."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: Counter[str] = Counter()
        self._answers: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self._callers: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def seen(self, operation_id: str) -> None:
        with self._lock:
            self._seen[operation_id] += 1

    def answered(self, operation_id: str, outcome: int | str) -> None:
        with self._lock:
            self._answers[operation_id][str(outcome)] += 1

    def called_by(self, operation_id: str, user_id: str) -> None:
        """A request whose bearer token authenticated as `user_id`."""
        with self._lock:
            self._callers[operation_id][user_id] += 1

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "counts": dict(self._seen),
                "statuses": {op: dict(c) for op, c in self._answers.items()},
                "callers": {op: dict(c) for op, c in self._callers.items()},
            }

    def clear(self) -> None:
        with self._lock:
            self._seen.clear()
            self._answers.clear()
            self._callers.clear()
