"""One handler per operationId of the spec; importing this package registers them all."""

from amigo_sandbox.handlers import auth, behavior_sets, conversations, metrics, scenarios
from amigo_sandbox.handlers.base import HANDLERS, Call, Handler, Reply

__all__ = [
    "HANDLERS",
    "Call",
    "Handler",
    "Reply",
    "auth",
    "behavior_sets",
    "conversations",
    "metrics",
    "scenarios",
]
