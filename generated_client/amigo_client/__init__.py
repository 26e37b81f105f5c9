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
        ClientClosedError,
        ConfigurationError,
        ConflictError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        RequestBodyError,
        ServiceUnavailableError,
        UnprocessableEntityError,
    )
    from .raw import RawResponse
    from .reading import ResponseParseError, UnknownValueWarning
    from .retries import RetryPolicy

# Imported on first use (PEP 562): `from amigo_client import AmigoClient` loads the client and
# httpx, not the models, the operations' modules or the settings (pydantic).
_MODULES = {
    "AmigoClient": "amigo",
    "AsyncAmigoClient": "amigo",
    "AuthenticatedClient": "client",
    "Client": "client",
    "ClientConfig": "config",
    "Clock": "clock",
    "RawResponse": "raw",
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
    "ClientClosedError",
    "ClientConfig",
    "Clock",
    "ConfigurationError",
    "ConflictError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "RequestBodyError",
    "ResponseParseError",
    "RetryPolicy",
    "ServiceUnavailableError",
    "UnknownValueWarning",
    "UnprocessableEntityError",
)
