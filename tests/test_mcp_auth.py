"""API-key sign-in against the sandbox's real expiring tokens: cache, early refresh, 401 retry."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import anyio
import httpx
import pytest
from amigo_client import Client
from amigo_client.api.dynamic_behavior_sets import get_dynamic_behavior_sets
from amigo_client.models import DynamicBehaviorSetList

from mcp_server.auth import AmigoAuth, ApiKeySignIn, AuthError, StaticToken
from mcp_server.settings import Secret
from tests.mcp_helpers import connect, fails, ok, sandbox_settings

pytestmark = pytest.mark.anyio

SIGN_IN = "sign-in-with-api-key"
LIST = "get-dynamic-behavior-sets"


class Clock:
    """Our side's notion of time; the sandbox keeps real time."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def signed_in(sandbox: Any) -> AsyncIterator[tuple[Client, ApiKeySignIn, Clock]]:
    clock = Clock()
    settings = sandbox_settings(sandbox)
    async with httpx.AsyncClient(base_url=sandbox.base_url) as http:
        source = ApiKeySignIn(settings, http, clock=clock)
        http.auth = AmigoAuth(source)
        yield Client(base_url=sandbox.base_url).set_async_httpx_client(http), source, clock


async def list_sets(client: Client, organization: str) -> None:
    response = await get_dynamic_behavior_sets.asyncio_detailed(
        organization, client=client, limit=1
    )
    assert response.status_code == 200
    assert isinstance(response.parsed, DynamicBehaviorSetList)


async def test_token_is_cached_and_shared_by_concurrent_calls(
    sandbox: Any, signed_in: tuple[Client, ApiKeySignIn, Clock]
) -> None:
    client, source, _ = signed_in
    async with anyio.create_task_group() as tasks:
        for _ in range(10):
            tasks.start_soon(list_sets, client, sandbox.organization)
    await list_sets(client, sandbox.organization)
    assert source.sign_ins == 1
    assert sandbox.request_counts()[SIGN_IN] == 1
    assert sandbox.request_counts()[LIST] == 11


async def test_token_is_renewed_before_it_expires(
    sandbox: Any, signed_in: tuple[Client, ApiKeySignIn, Clock]
) -> None:
    sandbox.set_token_lifetime(600.0)
    client, source, clock = signed_in
    await list_sets(client, sandbox.organization)
    clock.now += 600 * 0.85  # refresh is due 60 s (a tenth of the lifetime) before expiry
    await list_sets(client, sandbox.organization)
    assert source.sign_ins == 1
    clock.now += 600 * 0.06  # now within the refresh margin, still before expiry
    await list_sets(client, sandbox.organization)
    assert source.sign_ins == 2
    assert sandbox.request_counts()[SIGN_IN] == 2
    assert sandbox.response_statuses()[LIST] == {"200": 3}, "no call ever hit an expired token"


async def test_a_401_signs_in_again_and_retries_once(
    sandbox: Any, signed_in: tuple[Client, ApiKeySignIn, Clock]
) -> None:
    sandbox.set_token_lifetime(1.0)
    client, source, _ = signed_in  # our clock stands still: the cached token looks fresh
    await list_sets(client, sandbox.organization)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # let the sandbox's real clock expire the token
        await anyio.sleep(0.25)
        probe = httpx.get(
            f"{sandbox.base_url}/v1/{sandbox.organization}/dynamic_behavior_set/",
            headers={"Authorization": f"Bearer {source._token}"},
        )
        if probe.status_code == 401:
            break
    sandbox.set_token_lifetime(3600.0)
    before = dict(sandbox.response_statuses()[LIST])
    await list_sets(client, sandbox.organization)
    assert source.sign_ins == 2
    after = sandbox.response_statuses()[LIST]
    assert after.get("401", 0) == before.get("401", 0) + 1, "the stale token was rejected once"
    assert after["200"] == before["200"] + 1, "then the request was retried with a new token"


async def test_wrong_api_key_is_a_clear_error_without_the_key(sandbox: Any) -> None:
    settings = sandbox_settings(sandbox, api_key=Secret("wrong-key-1234567890"))
    async with connect(settings, "auto") as (client, _):
        text = await fails(client, "list_dynamic_behavior_sets", {})
    assert "Signing in with the API key failed (HTTP 401" in text
    assert "AMIGO_API_KEY" in text
    assert "wrong-key-1234567890" not in text


async def test_rejected_bearer_token_says_what_to_do(sandbox: Any) -> None:
    settings = sandbox_settings(
        sandbox, auth_mode="bearer", api_key=None, bearer_token=Secret("not-a-valid-token-42")
    )
    async with connect(settings, "legacy") as (client, _):
        text = await fails(client, "list_dynamic_behavior_sets", {})
    assert "AMIGO_BEARER_TOKEN" in text and "not-a-valid-token-42" not in text


async def test_a_ready_bearer_token_works(sandbox: Any) -> None:
    token = sandbox.issue_token()
    settings = sandbox_settings(
        sandbox, auth_mode="bearer", api_key=None, bearer_token=Secret(token)
    )
    async with connect(settings, "auto") as (client, _):
        page = await ok(client, "list_dynamic_behavior_sets", {"limit": 1})
    assert len(page["dynamic_behavior_sets"]) == 1
    assert SIGN_IN not in sandbox.request_counts()


async def test_static_token_cannot_refresh() -> None:
    with pytest.raises(AuthError, match="AMIGO_BEARER_TOKEN"):
        await StaticToken("abc").refresh(rejected="abc")
