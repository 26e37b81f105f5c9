"""The entry points: `AmigoClient` (blocking) and `AsyncAmigoClient` (asyncio).

    with AmigoClient.from_env() as amigo:
        for behavior_set in amigo.iter_dynamic_behavior_sets():
            ...

Each operation of the API is a method named after it (`get_dynamic_behavior_sets`,
`create_dynamic_behavior_set`, ...), with the organization (and the Mongo cluster header) filled
in from the configuration; each paginated list also has an `iter_*` method that yields every
item of every page, and `with_raw_response.<operation>` answers with the status, the headers
and the model (`amigo_client.raw`). Errors are raised (`amigo_client.exceptions`).

- `with_options(timeout=, max_retries=, headers=)` gives a client with other options on the
  same connections and the same sign-in.
- `http_client=` takes an httpx client of the caller's (proxies, client certificates, mounts):
  every request goes through it, with this client's sign-in, retries, timeout and headers; it is
  never closed by this client.

`generated` is the underlying generated client, for the `*_detailed` functions of
`amigo_client.api` that return raw answers without raising.

Importing this module loads neither the models, nor the operations' modules, nor the settings
(pydantic): each loads when first used.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import httpx

from .exceptions import ClientClosedError, ConfigurationError
from .operations import AsyncOperations, AsyncRawOperations, SyncOperations, SyncRawOperations
from .transport import Operation

if TYPE_CHECKING:
    from .client import Client
    from .clock import Clock
    from .config import ClientConfig
    from .retries import RetryPolicy
    from .types import Response

__all__ = ["AmigoClient", "AsyncAmigoClient"]

USER_AGENT = "amigo-client/1.0"

H = TypeVar("H", httpx.Client, httpx.AsyncClient)
T = TypeVar("T")


class _Through(httpx.BaseTransport):
    """Sends each request through another httpx client: the caller's own (its proxies,
    certificates, mounts and event hooks apply), or the one a client made by `with_options`
    shares. Closing it leaves that client open."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.client.send(request, stream=True)


class _AsyncThrough(httpx.AsyncBaseTransport):
    """`_Through` for asynchronous clients."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.client.send(request, stream=True)


def _headers_of(client: httpx.Client | httpx.AsyncClient) -> httpx.Headers:
    """The default headers of a caller's httpx client, with this library's User-Agent unless
    the caller set one of their own."""
    headers = httpx.Headers(client.headers)
    if headers.get("user-agent", "").startswith("python-httpx/"):
        headers["User-Agent"] = USER_AGENT
    return headers


def _attempts(max_retries: int) -> int:
    if isinstance(max_retries, bool) or not isinstance(max_retries, int) or max_retries < 0:
        raise ConfigurationError(
            f"max_retries must be a whole number of at least 0, got {max_retries!r}"
        )
    return max_retries + 1


class _ClientBase(Generic[H]):
    """What both clients share: configuration, the generated client, the token source, and the
    httpx clients a request passes through.

    `_http` is the client's own httpx client, the one the generated client sends with.
    `_signing` is the one that adds the sign-in (`BearerAuth`): `_http` itself on a client
    built by a constructor, where it also holds the connection pool, or sends through the
    caller's `http_client` (`_under`, never closed here); a client made by `with_options` sends
    through the `_signing` of the client it was made from. Once any of them is closed, every
    call raises `ClientClosedError`.
    """

    _http: H
    _signing: H
    _under: tuple[H, ...]

    def __init__(
        self,
        *,
        organization_id: str | None = None,
        api_key: str | None = None,
        api_key_id: str | None = None,
        user_id: str | None = None,
        bearer_token: str | None = None,
        base_url: str | None = None,
        region: str | None = None,
        mongo_cluster_name: str | None = None,
        timeout_s: float | None = None,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
        http_client: H | None = None,
        config: ClientConfig | None = None,
    ) -> None:
        """Build from arguments (checked like the environment), or from a ready `config`.
        `http_client` is an httpx client of your own to send through (not closed here)."""
        from .auth import BearerAuth, token_source
        from .client import Client
        from .config import ClientConfig

        self._config = config or ClientConfig.create(
            organization_id=organization_id,
            api_key=api_key,
            api_key_id=api_key_id,
            user_id=user_id,
            bearer_token=bearer_token,
            base_url=base_url,
            region=region,
            mongo_cluster_name=mongo_cluster_name,
            timeout_s=timeout_s,
            retry=retry,
            clock=clock,
        )
        self._client = Client(base_url=self._config.base_url)
        self.tokens = token_source(self._config, self._client)
        auth = BearerAuth(self.tokens)
        if http_client is None:
            self._http = self._own_http()
            self._http.auth = auth
            self._under = ()
        else:
            self._http = self._http_through(
                http_client,
                base_url=self._config.base_url,
                timeout=self._config.timeout_s,
                auth=auth,
                headers=_headers_of(http_client),
            )
            self._under = (http_client,)
        self._signing = self._http
        self._attach()

    def _own_http(self) -> H:
        """A new httpx client of the configuration, with its own connection pool."""
        raise NotImplementedError

    def _http_through(self, under: H, **options: Any) -> H:
        """A new httpx client that sends through `under`."""
        raise NotImplementedError

    def _attach(self) -> None:
        """Make `_http` the httpx client of the generated client."""
        raise NotImplementedError

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
        http_client: H | None = None,
    ) -> Self:
        """A client configured from the `AMIGO_*` environment variables (`os.environ` by
        default), with the server's region shortcuts and defaults."""
        from .config import ClientConfig

        config = ClientConfig.from_env(env, retry=retry, clock=clock)
        return cls(config=config, http_client=http_client)

    def with_options(
        self,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """This client with other options, on the same connections and the same sign-in:
        `timeout` in seconds per HTTP request, `max_retries` (retries after the first attempt;
        0 for none), `headers` added to every request. Options not given stay as they are.
        Closing the new client leaves this one open; closing this one closes both."""
        from .config import timeout_seconds

        config = self._config
        if timeout is not None:
            config = config.model_copy(update={"timeout_s": timeout_seconds(timeout, "timeout")})
        if max_retries is not None:
            retry = dataclasses.replace(config.retry, max_attempts=_attempts(max_retries))
            config = config.using(retry=retry)
        merged = httpx.Headers(self._http.headers)
        merged.update(headers or {})
        derived = copy.copy(self)
        derived._config = config
        derived._client = type(self._client)(base_url=config.base_url)
        derived._http = self._http_through(
            self._signing, base_url=config.base_url, timeout=config.timeout_s, headers=merged
        )
        derived._attach()
        return derived

    @property
    def is_closed(self) -> bool:
        """Whether calls on this client fail with `ClientClosedError`."""
        under = any(http.is_closed for http in self._under)
        return self._http.is_closed or self._signing.is_closed or under

    def _check_open(self) -> None:
        if self.is_closed:
            raise ClientClosedError(
                f"{type(self).__name__} is closed (or the httpx client it sends through is); "
                "make a new client"
            )

    @property
    def config(self) -> ClientConfig:
        return self._config

    @property
    def generated(self) -> Client:
        """The generated client (authenticated), for the `*_detailed` functions."""
        return self._client

    def __repr__(self) -> str:
        config = self._config
        return (
            f"{type(self).__name__}(organization_id={config.organization_id!r}, "
            f"base_url={config.base_url!r})"
        )


class AmigoClient(_ClientBase[httpx.Client], SyncOperations):
    """A blocking Amigo client; thread-safe, one sign-in shared by every thread."""

    def _own_http(self) -> httpx.Client:
        from .transport import sync_http_client

        return sync_http_client(self._config, USER_AGENT)

    def _http_through(self, under: httpx.Client, **options: Any) -> httpx.Client:
        return httpx.Client(transport=_Through(under), trust_env=False, **options)

    def _attach(self) -> None:
        self._client.set_httpx_client(self._http)

    def _send(
        self, op: Operation, detailed: Callable[..., Response[T]], *args: Any, **kwargs: Any
    ) -> Response[T]:
        self._check_open()
        try:
            return super()._send(op, detailed, *args, **kwargs)
        except RuntimeError:  # httpx refuses a client closed while the call was under way
            self._check_open()
            raise

    @property
    def with_raw_response(self) -> SyncRawOperations:
        """Every operation, answered as a `RawResponse` (status, headers, request ID, rate-limit
        remaining, and `parse()` for the model)."""
        return SyncRawOperations(self)

    def close(self) -> None:
        """Close this client's connections (those of a client made by `with_options` belong to
        the client it was made from; an `http_client` given to it stays open)."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAmigoClient(_ClientBase[httpx.AsyncClient], AsyncOperations):
    """An asyncio Amigo client; one sign-in shared by every task."""

    def _own_http(self) -> httpx.AsyncClient:
        from .transport import async_http_client

        return async_http_client(self._config, USER_AGENT)

    def _http_through(self, under: httpx.AsyncClient, **options: Any) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=_AsyncThrough(under), trust_env=False, **options)

    def _attach(self) -> None:
        self._client.set_async_httpx_client(self._http)

    async def _send(
        self,
        op: Operation,
        detailed: Callable[..., Awaitable[Response[T]]],
        *args: Any,
        **kwargs: Any,
    ) -> Response[T]:
        self._check_open()
        try:
            return await super()._send(op, detailed, *args, **kwargs)
        except RuntimeError:  # httpx refuses a client closed while the call was under way
            self._check_open()
            raise

    @property
    def with_raw_response(self) -> AsyncRawOperations:
        """Every operation, answered as a `RawResponse` (status, headers, request ID, rate-limit
        remaining, and `parse()` for the model)."""
        return AsyncRawOperations(self)

    async def aclose(self) -> None:
        """Close this client's connections (those of a client made by `with_options` belong to
        the client it was made from; an `http_client` given to it stays open)."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
