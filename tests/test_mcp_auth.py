"""What an agent sees when the server's credentials fail (the sign-in mechanics themselves are the
client's and are tested in tests/test_client_auth.py)."""

from __future__ import annotations

import pytest

from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import connect, fails, ok, sandbox_settings

pytestmark = pytest.mark.anyio

SIGN_IN = "sign-in-with-api-key"
LIST = "get-dynamic-behavior-sets"


async def test_wrong_api_key_is_a_clear_error_without_the_key(sandbox: RunningSandbox) -> None:
    settings = sandbox_settings(sandbox, api_key="wrong-key-1234567890")
    async with connect(settings, "auto") as (client, _):
        text = await fails(client, "list_dynamic_behavior_sets", {})
    assert "Signing in with the API key failed (HTTP 401" in text
    assert "AMIGO_API_KEY" in text
    assert "wrong-key-1234567890" not in text


async def test_rejected_bearer_token_says_what_to_do(sandbox: RunningSandbox) -> None:
    settings = sandbox_settings(sandbox, api_key=None, bearer_token="not-a-valid-token-42")
    async with connect(settings, "legacy") as (client, _):
        text = await fails(client, "list_dynamic_behavior_sets", {})
    assert "AMIGO_BEARER_TOKEN" in text and "not-a-valid-token-42" not in text


async def test_a_ready_bearer_token_works(sandbox: RunningSandbox) -> None:
    token = sandbox.issue_token()
    settings = sandbox_settings(sandbox, api_key=None, bearer_token=token)
    async with connect(settings, "auto") as (client, _):
        page = await ok(client, "list_dynamic_behavior_sets", {"limit": 1})
    assert len(page["dynamic_behavior_sets"]) == 1
    assert SIGN_IN not in sandbox.request_counts()
