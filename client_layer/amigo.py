"""The entry points: `AmigoClient` (blocking) and `AsyncAmigoClient` (asyncio).

    with AmigoClient.from_env() as amigo:
        for behavior_set in amigo.iter_dynamic_behavior_sets():
            ...

Each operation of the API is a method named after it (`get_dynamic_behavior_sets`,
`create_dynamic_behavior_set`, ...), with the organization (and the Mongo cluster header) filled
in from the configuration; each paginated list also has an `iter_*` method that yields every
item of every page. Errors are raised (`amigo_client.exceptions`). `generated` is the underlying
generated client, for the `*_detailed` functions of `amigo_client.api` that return raw answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Self

import httpx

from .auth import BearerAuth, token_source
from .client import Client
from .clock import Clock
from .config import ClientConfig
from .operations import AsyncOperations, SyncOperations
from .retries import RetryPolicy
from .transport import async_http_client, sync_http_client

__all__ = ["AmigoClient", "AsyncAmigoClient"]

USER_AGENT = "amigo-client/1.0"


class _ClientBase:
    """What both clients share: configuration, the generated client, the token source."""

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
        config: ClientConfig | None = None,
    ) -> None:
        """Build from arguments (checked like the environment), or from a ready `config`."""
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
        self._client = Client(
            base_url=self._config.base_url,
            timeout=httpx.Timeout(self._config.timeout_s),
            headers={"User-Agent": USER_AGENT},
        )
        self.tokens = token_source(self._config, self._client)
        self._connect(BearerAuth(self.tokens))

    def _connect(self, auth: BearerAuth) -> None:
        raise NotImplementedError

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
    ) -> Self:
        """A client configured from the `AMIGO_*` environment variables (`os.environ` by
        default), with the server's region shortcuts and defaults."""
        return cls(config=ClientConfig.from_env(env, retry=retry, clock=clock))

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


class AmigoClient(_ClientBase, SyncOperations):
    """A blocking Amigo client; thread-safe, one sign-in shared by every thread."""

    def _connect(self, auth: BearerAuth) -> None:
        http = sync_http_client(self._config, USER_AGENT)
        http.auth = auth
        self._client.set_httpx_client(http)

    def close(self) -> None:
        self._client.get_httpx_client().close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAmigoClient(_ClientBase, AsyncOperations):
    """An asyncio Amigo client; one sign-in shared by every task."""

    def _connect(self, auth: BearerAuth) -> None:
        http = async_http_client(self._config, USER_AGENT)
        http.auth = auth
        self._client.set_async_httpx_client(http)

    async def aclose(self) -> None:
        await self._client.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
