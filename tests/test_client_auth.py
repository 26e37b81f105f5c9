"""The client's authentication against the sandbox's real expiring tokens: one sign-in shared by
concurrent calls (tasks and threads), renewal before expiry on the client's own clock (moved by
the test, never slept), one retry after a 401, fixed bearer tokens, failed sign-in."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from amigo_client import AmigoClient, AsyncAmigoClient, AuthenticationError, ConfigurationError
from amigo_client.auth import ApiKeySignIn
from amigo_client.config import REGIONS, ClientConfig
from hypothesis import given
from hypothesis import strategies as st

from amigo_mcp.settings import Settings
from amigo_sandbox.server import RunningSandbox
from tests.client_support import ManualClock, async_client, credentials, sync_client

SIGN_IN = "sign-in-with-api-key"
LIST = "get-dynamic-behavior-sets"


def sign_ins(client: AmigoClient | AsyncAmigoClient) -> int:
    assert isinstance(client.tokens, ApiKeySignIn)
    return client.tokens.sign_ins


@pytest.mark.anyio
async def test_concurrent_tasks_share_one_sign_in(sandbox: RunningSandbox) -> None:
    async with async_client(sandbox) as amigo:
        pages = await asyncio.gather(*(amigo.get_dynamic_behavior_sets(limit=1) for _ in range(20)))
        assert sign_ins(amigo) == 1
    assert all(len(page.dynamic_behavior_sets) == 1 for page in pages)
    assert sandbox.request_counts()[SIGN_IN] == 1
    assert sandbox.response_statuses()[LIST] == {"200": 20}


def test_concurrent_threads_share_one_sign_in(sandbox: RunningSandbox) -> None:
    with sync_client(sandbox) as amigo, ThreadPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(lambda _: amigo.get_dynamic_behavior_sets(limit=1), range(24)))
        assert sign_ins(amigo) == 1
    assert len(pages) == 24
    assert sandbox.request_counts()[SIGN_IN] == 1
    assert sandbox.response_statuses()[LIST] == {"200": 24}


def test_token_is_renewed_shortly_before_it_expires(sandbox: RunningSandbox) -> None:
    sandbox.set_token_lifetime(600.0)
    clock = ManualClock()
    with sync_client(sandbox, clock) as amigo:
        amigo.get_dynamic_behavior_sets(limit=1)
        clock.advance(600 * 0.85)  # renewal is due a tenth of the lifetime (60 s) before expiry
        amigo.get_dynamic_behavior_sets(limit=1)
        assert sign_ins(amigo) == 1
        clock.advance(600 * 0.06)  # inside the renewal margin, still before expiry
        amigo.get_dynamic_behavior_sets(limit=1)
        assert sign_ins(amigo) == 2
    assert sandbox.request_counts()[SIGN_IN] == 2
    assert sandbox.response_statuses()[LIST] == {"200": 3}, "no call ever used an old token"


@pytest.mark.anyio
async def test_a_call_across_expiry_signs_in_first(sandbox: RunningSandbox) -> None:
    sandbox.set_token_lifetime(300.0)
    clock = ManualClock()
    async with async_client(sandbox, clock) as amigo:
        await amigo.get_dynamic_behavior_sets(limit=1)
        clock.advance(3600)  # long past expires_at on the client's clock
        await amigo.get_dynamic_behavior_sets(limit=1)
        assert sign_ins(amigo) == 2
    assert sandbox.response_statuses()[LIST] == {"200": 2}


@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_401_signs_in_again_and_retries_once(sandbox: RunningSandbox, asynchronous: bool) -> None:
    sandbox.inject_fault(LIST, "status", status=401, times=1)
    if asynchronous:

        async def call() -> int:
            async with async_client(sandbox) as amigo:
                page = await amigo.get_dynamic_behavior_sets(limit=1)
                assert sign_ins(amigo) == 2
                return len(page.dynamic_behavior_sets)

        assert asyncio.run(call()) == 1
    else:
        with sync_client(sandbox) as amigo:
            assert len(amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets) == 1
            assert sign_ins(amigo) == 2
    assert sandbox.response_statuses()[LIST] == {"401": 1, "200": 1}


def test_a_second_401_is_raised_not_retried_again(sandbox: RunningSandbox) -> None:
    sandbox.inject_fault(LIST, "status", status=401, times=2)
    with sync_client(sandbox) as amigo, pytest.raises(AuthenticationError) as caught:
        amigo.get_dynamic_behavior_sets(limit=1)
    assert caught.value.status_code == 401
    assert sandbox.response_statuses()[LIST] == {"401": 2}
    assert sandbox.request_counts()[SIGN_IN] == 2


def test_a_wrong_key_raises_the_authentication_error_without_the_key(
    sandbox: RunningSandbox,
) -> None:
    secret = "wrong-key-not-to-be-shown-42"
    with sync_client(sandbox, api_key=secret) as amigo:
        with pytest.raises(AuthenticationError) as caught:
            amigo.get_dynamic_behavior_sets()
        text = f"{caught.value} {caught.value!r} {amigo!r} {amigo.config!r} {amigo.tokens!r}"
    assert "Signing in with the API key failed (HTTP 401: Invalid API key" in str(caught.value)
    assert caught.value.status_code == 401 and caught.value.detail
    assert secret not in text
    assert LIST not in sandbox.request_counts(), "nothing is sent without a token"


def test_a_sign_in_refused_for_now_is_retried_after_its_hint(sandbox: RunningSandbox) -> None:
    clock = ManualClock()
    sandbox.inject_fault(SIGN_IN, "status", status=503, retry_after=3, times=1)
    with sync_client(sandbox, clock) as amigo:
        assert amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
    [wait] = clock.waits
    assert 3.0 <= wait <= 3.0 + 0.5 * 0.25
    assert sandbox.response_statuses()[SIGN_IN] == {"503": 1, "200": 1}
    assert sandbox.response_statuses()[LIST] == {"200": 1}


def test_a_fixed_bearer_token_is_used_as_it_is(sandbox: RunningSandbox) -> None:
    token = sandbox.issue_token()
    fixed = credentials(sandbox, bearer_token=token)
    for name in ("api_key", "api_key_id", "user_id"):
        del fixed[name]
    with AmigoClient(**fixed) as amigo:
        assert amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
        assert token not in f"{amigo!r} {amigo.tokens!r} {amigo.config!r}"
    wrong = AmigoClient(**(fixed | {"bearer_token": "not-a-valid-token-42"}))
    with wrong as amigo, pytest.raises(AuthenticationError) as caught:
        amigo.get_dynamic_behavior_sets(limit=1)
    assert "not-a-valid-token-42" not in f"{caught.value} {caught.value!r}"
    assert SIGN_IN not in sandbox.request_counts()
    assert sandbox.response_statuses()[LIST] == {"200": 1, "401": 1}, "a fixed token is not retried"


def test_from_env_reads_the_servers_variables() -> None:
    env = {
        "AMIGO_ORGANIZATION_ID": "org",
        "AMIGO_API_KEY": "k" * 12,
        "AMIGO_API_KEY_ID": "kid",
        "AMIGO_USER_ID": "uid",
        "AMIGO_REGION": "eu-central-1",
        "AMIGO_MONGO_CLUSTER_NAME": "cluster-7",
        "AMIGO_TIMEOUT": "12",
    }
    config = ClientConfig.from_env(env)
    assert config.base_url == "https://api-eu-central-1.amigo.ai"
    assert (config.mongo_cluster_name, config.timeout_s) == ("cluster-7", 12.0)
    assert "k" * 12 not in repr(config)
    assert ClientConfig.from_env(env | {"AMIGO_REGION": ""}).base_url == "https://api.amigo.ai"
    with pytest.raises(ConfigurationError, match="AMIGO_USER_ID is not set"):
        ClientConfig.from_env({k: v for k, v in env.items() if k != "AMIGO_USER_ID"})
    with pytest.raises(ConfigurationError, match="AMIGO_ORGANIZATION_ID"):
        ClientConfig.from_env({"AMIGO_BEARER_TOKEN": "t" * 12})


@given(
    region=st.sampled_from([None, "", *REGIONS, "mars-1"]),
    url=st.sampled_from([None, "", "http://127.0.0.1:8787", "https://x.example/v1", "ftp://a"]),
    timeout=st.sampled_from([None, "", "1", "30", "600", "0", "601", "soon"]),
)
def test_client_and_server_resolve_the_environment_alike(
    region: str | None, url: str | None, timeout: str | None
) -> None:
    env = {"AMIGO_ORGANIZATION_ID": "org", "AMIGO_BEARER_TOKEN": "token-1234"}
    for name, value in (
        ("AMIGO_REGION", region),
        ("AMIGO_BASE_URL", url),
        ("AMIGO_TIMEOUT", timeout),
    ):
        if value is not None:
            env[name] = value
    try:
        server = Settings.from_env(env)
    except ConfigurationError as error:
        with pytest.raises(ConfigurationError) as caught:
            ClientConfig.from_env(env)
        assert str(caught.value) == str(error)
        return
    client = ClientConfig.from_env(env)
    assert (client.base_url, client.timeout_s) == (server.base_url, server.timeout_s)
