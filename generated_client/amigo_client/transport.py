"""How one operation is called: retries, raised errors, typed results and paging.

`SyncTransport` and `AsyncTransport` are the bases of `AmigoClient` and `AsyncAmigoClient`. The
typed methods in `operations.py` (generated from the spec) call `_call` and `_pages` with the
generated `sync_detailed` / `asyncio_detailed` function of the operation.
"""

from __future__ import annotations

import functools
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import httpx

from .exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    RateLimitError,
    ServiceUnavailableError,
    status_error,
)
from .retries import RETRY_STATUSES, retry_after_seconds, was_not_sent

if TYPE_CHECKING:  # loaded when a client is built or an answer read, not on import
    from .client import Client
    from .clock import Clock
    from .config import ClientConfig
    from .models import ErrorBody
    from .types import Response

__all__ = ["AsyncTransport", "Operation", "SyncTransport", "async_http_transport", "tls_context"]

T = TypeVar("T")


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The TLS settings every client in this process shares: httpx's defaults (certifi's CA
    bundle; `SSL_CERT_FILE` and `SSL_CERT_DIR` honoured), built once. Building them reads the
    whole CA bundle, tens of milliseconds that every new HTTP client would otherwise pay."""
    return httpx.create_ssl_context()


class _ClockTimeouts(httpx.AsyncBaseTransport):
    """httpx's transport, with its timeouts taken on the client's clock while that clock is
    stopped: no real time passes then, so the wait for each answer (up to its headers) is
    bounded by the request's read timeout on the clock, and a sandbox sharing the clock moves it
    there when it holds an answer back. On a running clock httpx's own timeouts apply."""

    def __init__(self, clock: Clock, inner: httpx.AsyncBaseTransport) -> None:
        self._clock = clock
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        patience = timeouts.get("read")
        if patience is None or not self._clock.stopped:
            return await self._inner.handle_async_request(request)
        request.extensions["timeout"] = dict.fromkeys(timeouts)
        with self._clock.deadline(patience):
            return await self._inner.handle_async_request(request)
        raise httpx.ReadTimeout(f"no answer within {patience:g} s", request=request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def async_http_transport(clock: Clock) -> httpx.AsyncBaseTransport:
    """The transport of an asynchronous client whose time is `clock`."""
    return _ClockTimeouts(clock, httpx.AsyncHTTPTransport(verify=tls_context()))


@dataclass(frozen=True)
class Operation:
    """What the client needs to know of an operation (generated from the spec)."""

    id: str
    safe_to_repeat: bool  # a read: repeating it after a broken connection changes nothing


class Page(Protocol):
    @property
    def has_more(self) -> bool: ...

    @property
    def continuation_token(self) -> int | None: ...


P = TypeVar("P", bound=Page)


def _connection_error(
    op: Operation, exc: httpx.TransportError, attempts: int
) -> APIConnectionError:
    sent = not was_not_sent(exc)
    tried = f" after {attempts} attempts" if attempts > 1 else ""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            f"{op.id}: no answer in time ({type(exc).__name__}){tried}",
            request_sent=sent,
            attempts=attempts,
        )
    return APIConnectionError(
        f"{op.id}: connection failed ({type(exc).__name__}){tried}",
        request_sent=sent,
        attempts=attempts,
    )


def _out_of_budget(op: Operation, budget_s: float, attempts: int) -> APITimeoutError:
    return APITimeoutError(
        f"{op.id}: no answer within the call's time budget of {budget_s:g} s",
        request_sent=True,
        attempts=attempts,
    )


class _Attempts:
    """The bookkeeping of one call's attempts, shared by the sync and async loops."""

    def __init__(self, config: ClientConfig, op: Operation) -> None:
        self.config = config
        self.op = op
        self.deadline = config.clock.monotonic() + config.retry.budget_s
        self.count = 0

    def remaining(self) -> float:
        return max(0.0, self.deadline - self.config.clock.monotonic())

    def fits(self, delay: float) -> bool:
        return self.count < self.config.retry.max_attempts and delay <= self.remaining()

    def after_failure(self, exc: httpx.TransportError) -> float | None:
        """The wait before trying again after a transport failure, or None to give up."""
        policy = self.config.retry
        if not policy.retries_error(exc, self.op.safe_to_repeat):
            return None
        delay = policy.backoff(self.count)
        return delay if self.fits(delay) else None

    def after_answer(self, response: Response[Any]) -> float | None:
        """The wait before trying an answer again, or None when it is final."""
        delay = self.config.retry.delay_for_status(
            int(response.status_code), response.headers, self.count, self.config.clock.time()
        )
        return delay if delay is not None and self.fits(delay) else None

    def after_refusal(self, error: APIStatusError) -> float | None:
        """The wait before trying again after sign-in was refused for now (429, 503): the
        operation itself was not sent, so any operation may be repeated."""
        if error.status_code not in RETRY_STATUSES:
            return None
        delay = self.config.retry.delay_after(error.retry_after, self.count)
        return delay if self.fits(delay) else None

    def final(self, response: Response[T]) -> Response[T]:
        """A success answer as it is; an error answer raised as its exception."""
        status = int(response.status_code)
        if status < 300:
            return response
        raise status_error(
            self.op.id,
            response,
            retry_after_seconds(response.headers, self.config.clock.time()),
            attempts=self.count,
        )


def _parsed(op: Operation, response: Response[T | ErrorBody]) -> T:
    """The model of a success answer. What the API description does not list was kept (see
    `reading`); a body that still cannot be read raises, naming the field and the value, chained
    to the error that stopped the reading."""
    from .models.error_body import ErrorBody

    parsed = response.parsed
    if parsed is not None and not isinstance(parsed, ErrorBody):
        return parsed
    status = int(response.status_code)
    problem = response.parse_error
    error = APIResponseValidationError(
        f"{op.id}: the HTTP {status} answer does not match the API description"
        + (f": {problem}" if problem is not None else " (an error body)"),
        status_code=status,
        content=response.content,
        field=problem.field if problem is not None else None,
    )
    raise error from problem


def _next_token(op: Operation, page: Page, sent: set[int | None]) -> int:
    token = page.continuation_token
    if token is None or token in sent:
        raise APIResponseValidationError(
            f"{op.id}: has_more is true but the continuation_token ({token}) does not advance",
            status_code=200,
            content=b"",
        )
    return token


class SyncTransport:
    """Blocking calls on one generated `Client` whose httpx client authenticates."""

    _config: ClientConfig
    _client: Client

    def _call(
        self,
        op: Operation,
        detailed: Callable[..., Response[T | ErrorBody]],
        *args: Any,
        **kwargs: Any,
    ) -> T:
        """Send the operation and return its model."""
        return _parsed(op, self._send(op, detailed, *args, **kwargs))

    def _send(
        self, op: Operation, detailed: Callable[..., Response[T]], *args: Any, **kwargs: Any
    ) -> Response[T]:
        """Send the operation, retrying where the policy allows; raise any error answer."""
        attempts = _Attempts(self._config, op)
        while True:
            attempts.count += 1
            try:
                response = detailed(*args, client=self._client, **kwargs)
            except (RateLimitError, ServiceUnavailableError) as refused:  # by sign-in
                delay = attempts.after_refusal(refused)
                if delay is None:
                    raise
                self._config.clock.sleep(delay)
                continue
            except httpx.TransportError as exc:
                delay = attempts.after_failure(exc)
                if delay is None:
                    raise _connection_error(op, exc, attempts.count) from None
                self._config.clock.sleep(delay)
                continue
            delay = attempts.after_answer(response)
            if delay is None:
                return attempts.final(response)
            self._config.clock.sleep(delay)

    def _pages(
        self,
        op: Operation,
        detailed: Callable[..., Response[P | ErrorBody]],
        *args: Any,
        **kwargs: Any,
    ) -> Iterator[P]:
        """Every page, following continuation_token while has_more is true."""
        sent: set[int | None] = {kwargs.get("continuation_token")}
        while True:
            page = self._call(op, detailed, *args, **kwargs)
            yield page
            if not page.has_more:
                return
            kwargs["continuation_token"] = token = _next_token(op, page, sent)
            sent.add(token)


class AsyncTransport:
    """Asynchronous calls on one generated `Client` whose httpx client authenticates."""

    _config: ClientConfig
    _client: Client

    async def _call(
        self,
        op: Operation,
        detailed: Callable[..., Awaitable[Response[T | ErrorBody]]],
        *args: Any,
        **kwargs: Any,
    ) -> T:
        """Send the operation and return its model."""
        return _parsed(op, await self._send(op, detailed, *args, **kwargs))

    async def _send(
        self,
        op: Operation,
        detailed: Callable[..., Awaitable[Response[T]]],
        *args: Any,
        **kwargs: Any,
    ) -> Response[T]:
        """Send the operation, retrying where the policy allows; raise any error answer."""
        attempts = _Attempts(self._config, op)
        while True:
            attempts.count += 1
            try:
                # The call's budget bounds each attempt too, not only the waits between them.
                with self._config.clock.deadline(attempts.remaining()) as budget:
                    response = await detailed(*args, client=self._client, **kwargs)
                if budget.cancelled_caught:
                    raise _out_of_budget(op, self._config.retry.budget_s, attempts.count)
            except (RateLimitError, ServiceUnavailableError) as refused:  # by sign-in
                delay = attempts.after_refusal(refused)
                if delay is None:
                    raise
                await self._config.clock.asleep(delay)
                continue
            except httpx.TransportError as exc:
                delay = attempts.after_failure(exc)
                if delay is None:
                    raise _connection_error(op, exc, attempts.count) from None
                await self._config.clock.asleep(delay)
                continue
            delay = attempts.after_answer(response)
            if delay is None:
                return attempts.final(response)
            await self._config.clock.asleep(delay)

    async def _pages(
        self,
        op: Operation,
        detailed: Callable[..., Awaitable[Response[P | ErrorBody]]],
        *args: Any,
        **kwargs: Any,
    ) -> AsyncIterator[P]:
        """Every page, following continuation_token while has_more is true."""
        sent: set[int | None] = {kwargs.get("continuation_token")}
        while True:
            page = await self._call(op, detailed, *args, **kwargs)
            yield page
            if not page.has_more:
                return
            kwargs["continuation_token"] = token = _next_token(op, page, sent)
            sent.add(token)
