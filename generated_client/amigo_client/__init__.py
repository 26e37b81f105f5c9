"""A client library for accessing Amigo API"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .amigo import AmigoClient, AsyncAmigoClient
    from .client import AuthenticatedClient, Client
    from .clock import Clock
    from .config import ClientConfig
    from .exceptions import (
        AmigoError,
        APIConnectionError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConfigurationError,
        ConflictError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        ServiceUnavailableError,
        UnprocessableEntityError,
    )
    from .reading import ResponseParseError, UnknownValueWarning
    from .retries import RetryPolicy

# Imported on first use, so that `import amigo_client.exceptions` (or `.clock`) stays light.
_MODULES = {
    "AmigoClient": "amigo",
    "AsyncAmigoClient": "amigo",
    "AuthenticatedClient": "client",
    "Client": "client",
    "ClientConfig": "config",
    "Clock": "clock",
    "ResponseParseError": "reading",
    "RetryPolicy": "retries",
    "UnknownValueWarning": "reading",
}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_MODULES.get(name, 'exceptions')}", __name__), name)


__all__ = (
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AmigoClient",
    "AmigoError",
    "AsyncAmigoClient",
    "AuthenticatedClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ClientConfig",
    "Clock",
    "ConfigurationError",
    "ConflictError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseParseError",
    "RetryPolicy",
    "ServiceUnavailableError",
    "UnknownValueWarning",
    "UnprocessableEntityError",
)
