"""How one operation is called: the one retry loop, raised errors, typed results and paging.

`SyncTransport` and `AsyncTransport` are the bases of `AmigoClient` and `AsyncAmigoClient`. The
typed methods in `operations.py` (generated from the spec) call `_call` and `_pages` with the
generated `sync_detailed` / `asyncio_detailed` function of the operation.

Every request of the project is sent by `Attempts.send` (blocking) or `Attempts.asend`
(asyncio): the client's typed methods, the MCP server's tools and `amigo-mcp call` alike. Both
loops take every decision from the same methods of `Attempts`, with the policy of `retries`.
What a caller adds to one call are `Hooks`:

- `on_wait(message, attempt)`: told before each wait, with why and for how long ("Amigo
  answered 503 to get-x, retrying (attempt 2 of 4); waiting 1.0 s") and the number of the
  attempt that is waiting. The MCP server turns it into progress notifications. In `asend` it
  may be a coroutine function; in `send` it must be a plain one.
- `token`: a bearer token for this call only, instead of the configured credentials (a hosted
  server acting for the user whose request it serves). Its calls are also counted apart by
  the rate gate, as Amigo counts limits per user.
- `budget_s`: the call's total time (attempts, sign-in and waits), instead of the policy's.

The rate gate (`retries.RateGate`) is the configuration's (`ClientConfig.gate`): asked before
every attempt, told every answer's rate-limit headers. The default counts in this process; the
MCP server gives one that counts in its state store (Redis when replicas share the limits).

After the loop, `Attempts` tells what happened (`count`, `resent`, `failure`, `held`,
`out_of_budget`, `due`), for callers that report outcomes rather than raise them.
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import inspect
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

import httpx

from .exceptions import (
    AmigoError,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    status_error,
)
from .retries import READ_RETRY_STATUSES, Hold, retry_after_seconds, was_not_sent

if TYPE_CHECKING:  # loaded when a client is built or an answer read, not on import
    from .client import Client
    from .clock import Clock
    from .config import ClientConfig
    from .models import ErrorBody
    from .types import Response

__all__ = [
    "AsyncTransport",
    "Attempts",
    "Engine",
    "Hooks",
    "Operation",
    "SyncTransport",
    "async_http_client",
    "async_http_transport",
    "call_token",
    "sync_http_client",
    "sync_http_transport",
    "tls_context",
]

T = TypeVar("T")

# What sends an asynchronous client's requests (`async_http_transport`).
Engine = Literal["httpx", "aiohttp"]

# The token of the call being sent when it carries its own (`Hooks.token`): `auth.BearerAuth`
# sends it instead of the configured credentials.
call_token: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "amigo_call_token", default=None
)
# The monotonic moment (on the client's clock) the attempt being sent must end by.
_attempt_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "amigo_attempt_deadline", default=None
)


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The TLS settings every client in this process shares: httpx's defaults (certifi's CA
    bundle; `SSL_CERT_FILE` and `SSL_CERT_DIR` honoured), built once: building them reads and
    parses the whole CA bundle, which every new HTTP client would otherwise do again."""
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


def async_http_transport(clock: Clock, engine: Engine = "httpx") -> httpx.AsyncBaseTransport:
    """The transport of an asynchronous client whose time is `clock`, sending on `engine`:
    httpx's own, or aiohttp (`aiohttp_transport`; needs the `aiohttp` extra), which costs less
    CPU per request with many requests in flight."""
    if engine == "aiohttp":
        from .aiohttp_transport import AiohttpTransport

        return _ClockTimeouts(clock, AiohttpTransport(tls_context()))
    return _ClockTimeouts(clock, httpx.AsyncHTTPTransport(verify=tls_context()))


class _SyncClockTimeouts(httpx.BaseTransport):
    """httpx's blocking transport, with each request's timeouts cut to what is left of its
    call's total time, and taken on the client's clock while that clock is stopped (as
    `_ClockTimeouts` does for asyncio): the request is then sent from a helper thread on an
    event loop, where the clock can end the wait for its answer."""

    def __init__(self, clock: Clock, inner: httpx.BaseTransport) -> None:
        self._clock = clock
        self._inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        timeouts: dict[str, float | None] = dict(request.extensions.get("timeout", {}))
        deadline = _attempt_deadline.get()
        if deadline is not None:
            left = max(0.0, deadline - self._clock.monotonic())
            timeouts = {k: left if v is None else min(v, left) for k, v in timeouts.items()}
            request.extensions["timeout"] = timeouts
        patience = timeouts.get("read")
        if patience is None or not self._clock.stopped:
            return self._inner.handle_request(request)
        return _on_clock(self._clock, request, patience)

    def close(self) -> None:
        self._inner.close()


def _on_clock(clock: Clock, request: httpx.Request, patience: float) -> httpx.Response:
    """Send `request` on an event loop of a helper thread, the wait for its answer bounded on
    `clock` (stopped: only moving it ends the wait)."""
    import threading

    import anyio

    content = request.read()
    outcome: list[httpx.Response | BaseException] = []

    async def send() -> httpx.Response:
        inner = httpx.AsyncHTTPTransport(verify=tls_context())
        unbounded = dict.fromkeys(request.extensions.get("timeout", {}))
        copy = httpx.Request(
            request.method,
            request.url,
            headers=request.headers,
            content=content,
            extensions={**request.extensions, "timeout": unbounded},
        )
        async with inner:
            with clock.deadline(patience):
                response = await inner.handle_async_request(copy)
                body = await response.aread()
                return httpx.Response(
                    response.status_code, headers=response.headers, content=body, request=request
                )
        raise httpx.ReadTimeout(f"no answer within {patience:g} s", request=request)

    def run() -> None:
        try:
            outcome.append(anyio.run(send))
        except BaseException as error:  # handed to the calling thread
            outcome.append(error)

    helper = threading.Thread(target=run, name="amigo-clock-request", daemon=True)
    helper.start()
    helper.join()
    [result] = outcome
    if isinstance(result, BaseException):
        raise result
    return result


def sync_http_transport(clock: Clock) -> httpx.BaseTransport:
    """The transport of a blocking client whose time is `clock`."""
    return _SyncClockTimeouts(clock, httpx.HTTPTransport(verify=tls_context()))


def async_http_client(
    config: ClientConfig, user_agent: str, engine: Engine = "httpx"
) -> httpx.AsyncClient:
    """The asynchronous HTTP client of `config`: its base URL, per-request timeout, the shared
    TLS settings and its clock, sending on `engine` (see `async_http_transport`).
    Authentication is the caller's (`auth.BearerAuth`)."""
    return httpx.AsyncClient(
        base_url=config.base_url,
        timeout=config.timeout_s,
        headers={"User-Agent": user_agent},
        transport=async_http_transport(config.clock, engine),
    )


def sync_http_client(config: ClientConfig, user_agent: str) -> httpx.Client:
    """The blocking HTTP client of `config` (see `async_http_client`)."""
    return httpx.Client(
        base_url=config.base_url,
        timeout=config.timeout_s,
        headers={"User-Agent": user_agent},
        transport=sync_http_transport(config.clock),
    )


@dataclass(frozen=True)
class Operation:
    """What the client needs to know of an operation (generated from the spec)."""

    id: str
    safe_to_repeat: bool  # repeating it after a broken connection changes nothing (a read)
    rate_limit_per_minute: int | None = None  # the documented limit, spaced by the rate gate


class Page(Protocol):
    @property
    def has_more(self) -> bool: ...

    @property
    def continuation_token(self) -> int | None: ...


P = TypeVar("P", bound=Page)

# Told before each wait: why and how long (one line), and the number of the attempt waiting.
Observer = Callable[[str, int], Awaitable[None] | None]


@dataclass(frozen=True)
class Hooks:
    """What a caller adds to one call; see the module's docstring."""

    on_wait: Observer | None = None
    token: str | None = None
    budget_s: float | None = None


NO_HOOKS = Hooks()


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


class Attempts:
    """One call's attempts: every decision of the retry loop, its two runs (`send` and
    `asend`), and afterwards what happened:

    - `count`: attempts made;
    - `resent`: the operation was sent again after a connection that may have carried it broke
      (a write may then have been applied by an earlier attempt);
    - `failure`: the transport failure of the operation itself that came last (None when a
      sign-in failure came after it);
    - `held`: the rate gate's hold that did not fit in the call's time (nothing was sent);
    - `out_of_budget`: the call's total time ended during an attempt;
    - `due`: the wait an answer to retry still needed when it became final (None when the
      answer was not one to retry).
    """

    def __init__(self, config: ClientConfig, op: Operation, hooks: Hooks = NO_HOOKS) -> None:
        self.config = config
        self.op = op
        self.hooks = hooks
        self.budget_s = config.retry.budget_s if hooks.budget_s is None else hooks.budget_s
        self.deadline = config.clock.monotonic() + self.budget_s
        self.count = 0
        self.resent = False
        self.failure: httpx.TransportError | None = None
        self.held: Hold | None = None
        self.out_of_budget = False
        self.due: float | None = None
        # Amigo counts limits per user: a call with its own token is counted apart.
        token = hooks.token
        digest = "" if token is None else hashlib.sha256(token.encode()).hexdigest()[:16]
        self.gate_key = f"{op.id}@{digest}" if digest else op.id

    # --- decisions ------------------------------------------------------------------------------

    def remaining(self) -> float:
        return max(0.0, self.deadline - self.config.clock.monotonic())

    def _retrying(self, why: str, delay: float) -> tuple[float, str] | None:
        """The wait before the next attempt, or None when none is left or it does not fit."""
        policy = self.config.retry
        if self.count >= policy.max_attempts or delay > self.remaining():
            return None
        attempt = f"attempt {self.count + 1} of {policy.max_attempts}"
        return delay, f"{why}, retrying ({attempt}); waiting {delay:.1f} s"

    def before_hold(self, hold: Hold) -> tuple[float, str]:
        """The wait the rate gate asks for before this attempt; raise when it does not fit."""
        op = self.op
        if hold.api:
            why = f"Amigo said the rate limit of {op.id} is used up until its window resets"
        else:
            limit = f"{op.rate_limit_per_minute} calls per minute"
            why = f"{op.id} is limited to {limit} and that many were sent in the last minute"
        if hold.wait > self.remaining():
            self.held = hold
            raise APITimeoutError(
                f"{why}; nothing was sent. Retry after {hold.wait:.0f} seconds.",
                request_sent=False,
                attempts=self.count - 1,
            )
        return hold.wait, f"{why}; waiting {hold.wait:.1f} s"

    def past_budget(self) -> APITimeoutError:
        """The error of a call whose total time ended during an attempt."""
        self.out_of_budget = True
        return APITimeoutError(
            f"{self.op.id}: no answer within the call's time budget of {self.budget_s:g} s",
            request_sent=True,
            attempts=self.count,
        )

    def after_failure(self, exc: httpx.TransportError) -> tuple[float, str]:
        """The wait before trying again after a transport failure; raise to give up."""
        self.failure = exc
        if isinstance(exc, httpx.TimeoutException) and self.remaining() <= 0:
            raise self.past_budget() from None
        policy = self.config.retry
        wait = None
        if policy.retries_error(exc, self.op.safe_to_repeat):
            why = f"Connection to Amigo failed ({type(exc).__name__})"
            wait = self._retrying(why, policy.backoff(self.count))
        if wait is None:
            raise _connection_error(self.op, exc, self.count) from None
        self.resent |= not was_not_sent(exc)
        return wait

    def after_sign_in_failure(self, error: AmigoError) -> tuple[float, str]:
        """The wait before trying again after sign-in failed (the operation itself was not
        sent): retried like a read when it could not connect or was answered 408, 429 or 5xx.
        Raise `error` to give up."""
        self.failure = None  # what ends the call now is sign-in's, not the operation's
        if isinstance(error, APIStatusError) and error.status_code in READ_RETRY_STATUSES:
            why, hint = f"Signing in to Amigo got HTTP {error.status_code}", error.retry_after
        elif isinstance(error, APIConnectionError):
            why, hint = "Signing in to Amigo could not connect", None
        else:
            raise error
        wait = self._hinted(why, hint)
        if wait is None:
            raise error
        return wait

    def _hinted(self, why: str, hint: float | None) -> tuple[float, str] | None:
        """The wait after an answer to retry: the API's hint (capped) or the backoff; None when
        the hint ends after the call's time (give up at once) or no attempt is left."""
        delay = self.config.retry.delay_after(hint, self.count)
        self.due = delay if hint is None else hint
        if hint is not None and hint > self.remaining():
            return None
        return self._retrying(why, delay)

    def after_answer(self, response: Response[Any]) -> tuple[float, str] | None:
        """The wait before trying an answer again, or None when it is final."""
        status = int(response.status_code)
        self.due = None
        if not self.config.retry.retries_status(status, self.op.safe_to_repeat):
            return None
        hint = retry_after_seconds(response.headers, self.config.clock.time())
        return self._hinted(f"Amigo answered {status} to {self.op.id}", hint)

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

    # --- the loop, blocking and asynchronous ----------------------------------------------------

    def send(self, attempt: Callable[[], Response[T]]) -> Response[T]:
        """Send by calling `attempt` until an answer is final; return it (any status). Raise
        `APIConnectionError` / `APITimeoutError` when no answer came, and sign-in's error."""
        clock, gate = self.config.clock, self.config.gate
        while True:
            self.count += 1
            hold = gate.reserve(self.gate_key, self.op.rate_limit_per_minute, clock.time())
            while hold.wait > 0:
                self._wait(self.before_hold(hold))
                hold = gate.reserve(self.gate_key, self.op.rate_limit_per_minute, clock.time())
            token = call_token.set(self.hooks.token)
            deadline = _attempt_deadline.set(self.deadline)
            try:
                response = attempt()
            except AmigoError as error:  # raised by sign-in: the operation was not sent
                wait = self.after_sign_in_failure(error)
            except httpx.TransportError as exc:
                wait = self.after_failure(exc)
            else:
                gate.learn(self.gate_key, response.headers, clock.time())
                answer = self.after_answer(response)
                if answer is None:
                    return response
                wait = answer
            finally:
                _attempt_deadline.reset(deadline)
                call_token.reset(token)
            self._wait(wait)

    def _wait(self, wait: tuple[float, str]) -> None:
        seconds, message = wait
        if self.hooks.on_wait is not None:
            self.hooks.on_wait(message, self.count)
        self.config.clock.sleep(seconds)

    async def asend(self, attempt: Callable[[], Awaitable[Response[T]]]) -> Response[T]:
        """`send` for asyncio; the call's total time also bounds each attempt in flight."""
        clock, gate = self.config.clock, self.config.gate
        while True:
            self.count += 1
            hold = await gate.areserve(self.gate_key, self.op.rate_limit_per_minute, clock.time())
            while hold.wait > 0:
                await self._await(self.before_hold(hold))
                hold = await gate.areserve(
                    self.gate_key, self.op.rate_limit_per_minute, clock.time()
                )
            token = call_token.set(self.hooks.token)
            try:
                with clock.deadline(self.remaining()) as budget:
                    response = await attempt()
            except AmigoError as error:  # raised by sign-in: the operation was not sent
                wait = self.after_sign_in_failure(error)
            except httpx.TransportError as exc:
                wait = self.after_failure(exc)
            else:
                if budget.cancelled_caught:
                    raise self.past_budget()
                await gate.alearn(self.gate_key, response.headers, clock.time())
                answer = self.after_answer(response)
                if answer is None:
                    return response
                wait = answer
            finally:
                call_token.reset(token)
            await self._await(wait)

    async def _await(self, wait: tuple[float, str]) -> None:
        seconds, message = wait
        if self.hooks.on_wait is not None:
            told = self.hooks.on_wait(message, self.count)
            if inspect.isawaitable(told):
                await told
        await self.config.clock.asleep(seconds)


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
        attempts = Attempts(self._config, op)
        return attempts.final(attempts.send(lambda: detailed(*args, client=self._client, **kwargs)))

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
        attempts = Attempts(self._config, op)
        return attempts.final(
            await attempts.asend(lambda: detailed(*args, client=self._client, **kwargs))
        )

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
