"""Shared state in one process's tests: the state URL setting, and the server's own token shared
by runtimes on one Redis (two replicas in miniature, each with its own HTTP client and spacer).
"""

from __future__ import annotations

from typing import Any

import anyio
import pytest
from amigo_client.exceptions import ConfigurationError
from hypothesis import given
from hypothesis import strategies as st

from amigo_mcp.runtime import Runtime
from amigo_mcp.settings import Settings
from amigo_mcp.state import RedisStore
from testing.mcp_helpers import sandbox_settings
from testing.safety_support import CATALOG, FAST_RETRY

SIGN_IN = "sign-in-with-api-key"
ORG = {"AMIGO_ORGANIZATION_ID": "org"}


def test_the_state_url_is_read_checked_and_kept_secret() -> None:
    url = "redis://:pa55word-redis@cache.internal:6380/2"
    settings = Settings.from_env(
        ORG | {"AMIGO_BEARER_TOKEN": "tok-1234", "AMIGO_MCP_STATE_URL": url}
    )
    assert settings.state_url is not None and settings.state_url.get_secret_value() == url
    assert "pa55word-redis" in settings.secrets, "scrubbed wherever it might be echoed"
    assert "pa55word-redis" not in repr(settings)
    flag = Settings.from_env({"AMIGO_MCP_STATE_URL": "redis://a:1/0"}, state_url="rediss://b:2/0")
    assert flag.state_url is not None and flag.state_url.get_secret_value() == "rediss://b:2/0"
    assert Settings.from_env({}).state_url is None, "unset: state stays in the process"


@given(
    st.sampled_from(["http://cache:6379", "redis//cache", "cache:6379", "redis://", "redis://h:x"])
)
def test_a_bad_state_url_names_the_variable_without_its_password(bad: str) -> None:
    url = bad.replace("cache", ":hunter22@cache", 1) if "cache" in bad else bad
    with pytest.raises(ConfigurationError, match="AMIGO_MCP_STATE_URL") as raised:
        Settings.from_env({"AMIGO_MCP_STATE_URL": url})
    assert "hunter22" not in str(raised.value)


pytestmark = pytest.mark.anyio


async def test_runtimes_on_one_redis_sign_in_once_and_renew_once(
    sandbox: Any, stopped_clock: Any, redis_url: str
) -> None:
    """Two runtimes (replicas) call at once: one sign-in. When the token is due for renewal,
    one of them renews it, the other takes the renewed token from Redis."""
    sandbox.set_token_lifetime(600.0)
    runtimes = [
        Runtime(CATALOG, sandbox_settings(sandbox), retry=FAST_RETRY, clock=stopped_clock)
        for _ in range(2)
    ]
    tool = CATALOG.tool("list_dynamic_behavior_sets")
    try:
        for runtime in runtimes:
            runtime.settings = sandbox_settings(sandbox, state_url=redis_url)
            store = await runtime.open_state()
            assert isinstance(store, RedisStore)
        invokers = [await runtime.invoker() for runtime in runtimes]

        async def calls() -> list[bool]:
            answers: list[bool] = []

            async def one(i: int) -> None:
                answers.append((await invokers[i % 2].call(tool, {"limit": 1})).is_error)

            async with anyio.create_task_group() as group:
                for i in range(8):
                    group.start_soon(one, i)
            return answers

        assert await calls() == [False] * 8
        assert sandbox.request_counts()[SIGN_IN] == 1
        stopped_clock.advance(600)  # past the token's renewal time (and its expiry)
        assert await calls() == [False] * 8
        assert sandbox.request_counts()[SIGN_IN] == 2
    finally:
        for runtime in runtimes:
            await runtime.aclose()
