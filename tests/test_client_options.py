"""What a caller controls, over real HTTP against the sandbox: `with_options` (timeout, retries,
headers on the same connections and sign-in), `with_raw_response` on every typed method, an
httpx client of the caller's own (`http_client=`), bodies given as plain dicts, the error a
closed client raises, the timeout setting's message, and what importing the client loads."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from amigo_client import (
    AmigoClient,
    APITimeoutError,
    AsyncAmigoClient,
    ClientClosedError,
    ConfigurationError,
    NotFoundError,
    RawResponse,
    RequestBodyError,
    RetryPolicy,
    ServiceUnavailableError,
)
from amigo_client.auth import ApiKeySignIn
from amigo_client.config import MAX_TIMEOUT_S, ClientConfig
from amigo_client.models import DynamicBehaviorSetList, SimulationScenarioList
from amigo_client.operations import (
    AsyncOperations,
    AsyncRawOperations,
    SyncOperations,
    SyncRawOperations,
)
from hypothesis import given
from hypothesis import strategies as st

from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.server import RunningSandbox
from tests.client_support import ManualClock, async_client, credentials, sync_client

LIST = "get-dynamic-behavior-sets"
SCENARIOS = "get-simulation-scenarios"
CREATE_SCENARIO = "create-simulation-scenario"
REPO = Path(__file__).resolve().parent.parent
ONCE = RetryPolicy(max_attempts=1)


def sign_ins(amigo: AmigoClient | AsyncAmigoClient) -> int:
    assert isinstance(amigo.tokens, ApiKeySignIn)
    return amigo.tokens.sign_ins


def data_requests(seen: list[httpx.Request]) -> list[httpx.Request]:
    """The requests of API operations (not the sign-in)."""
    return [request for request in seen if "x-api-key" not in request.headers]


# --- with_options ---------------------------------------------------------------------------------


def test_with_options_changes_headers_timeout_and_retries_on_the_same_sign_in(
    sandbox: RunningSandbox,
) -> None:
    seen: list[httpx.Request] = []
    own = httpx.Client(event_hooks={"request": [seen.append]})
    with own, sync_client(sandbox, ManualClock(), http_client=own) as amigo:
        amigo.get_dynamic_behavior_sets(limit=1)
        tuned = amigo.with_options(timeout=2.5, max_retries=0, headers={"X-Trace": "abc"})
        tuned.get_dynamic_behavior_sets(limit=1)
        sandbox.inject_fault(LIST, "status", status=503, retry_after=1, times=1)
        with pytest.raises(ServiceUnavailableError) as refused:
            tuned.get_dynamic_behavior_sets(limit=1)
        sandbox.inject_fault(LIST, "status", status=503, retry_after=1, times=1)
        amigo.get_dynamic_behavior_sets(limit=1)  # the original still retries
        assert sign_ins(amigo) == sign_ins(tuned) == 1
    assert refused.value.attempts == 1
    assert sandbox.response_statuses()[LIST] == {"200": 3, "503": 2}
    original, by_tuned, refused_once, *retried = data_requests(seen)
    assert [r.headers.get("x-trace") for r in (original, by_tuned, refused_once, *retried)] == [
        None,
        "abc",
        "abc",
        None,
        None,
    ]
    assert by_tuned.extensions["timeout"] == dict.fromkeys(
        ("connect", "read", "write", "pool"), 2.5
    )
    assert original.extensions["timeout"]["read"] == 10.0
    assert all(r.headers["authorization"].startswith("Bearer ") for r in data_requests(seen))


@pytest.mark.anyio
async def test_a_shorter_timeout_from_with_options_ends_a_slow_call(
    sandbox: RunningSandbox, stopped_clock: SandboxClock
) -> None:
    """An answer held back 5 s (on the shared, stopped clock): within the client's 10 s, past
    the 1 s of the client made by `with_options`."""
    async with async_client(sandbox, stopped_clock, ONCE) as amigo:
        impatient = amigo.with_options(timeout=1)
        sandbox.inject_fault(LIST, "slow", delay_s=5, times=1)
        with pytest.raises(APITimeoutError):
            await impatient.get_dynamic_behavior_sets(limit=1)
        sandbox.inject_fault(LIST, "slow", delay_s=5, times=1)
        assert (await amigo.get_dynamic_behavior_sets(limit=1)).dynamic_behavior_sets
        assert sign_ins(amigo) == 1


def test_with_options_checks_its_values(sandbox: RunningSandbox) -> None:
    with sync_client(sandbox) as amigo:
        with pytest.raises(ConfigurationError, match="greater than 0 and at most 600"):
            amigo.with_options(timeout=0)
        with pytest.raises(ConfigurationError, match="at least 0, got -1"):
            amigo.with_options(max_retries=-1)
        assert amigo.with_options(max_retries=0).config.retry.max_attempts == 1
        assert amigo.with_options().config.timeout_s == amigo.config.timeout_s


# --- closing ------------------------------------------------------------------------------------


def test_a_closed_client_raises_client_closed_error(sandbox: RunningSandbox) -> None:
    amigo = sync_client(sandbox)
    view = amigo.with_options(headers={"X-Trace": "view"})
    with view:
        assert view.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
    with pytest.raises(ClientClosedError, match="is closed"):
        view.get_dynamic_behavior_sets(limit=1)
    assert not amigo.is_closed, "closing a client made by with_options leaves the original open"
    assert amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
    other = amigo.with_options(timeout=5)
    amigo.close()
    for closed in (amigo, other):
        with pytest.raises(ClientClosedError):
            closed.get_dynamic_behavior_sets(limit=1)
        with pytest.raises(ClientClosedError):
            list(closed.iter_dynamic_behavior_sets())


@pytest.mark.anyio
async def test_a_closed_async_client_raises_client_closed_error(sandbox: RunningSandbox) -> None:
    async with async_client(sandbox) as amigo:
        await amigo.get_simulation_scenarios(limit=1)
        view = amigo.with_options(max_retries=1)
    assert amigo.is_closed and view.is_closed
    with pytest.raises(ClientClosedError):
        await amigo.get_simulation_scenarios(limit=1)
    with pytest.raises(ClientClosedError):
        await view.with_raw_response.get_simulation_scenarios(limit=1)


# --- with_raw_response --------------------------------------------------------------------------


def public_methods(cls: type) -> set[str]:
    return {name for name in vars(cls) if not name.startswith("_")}


@pytest.mark.parametrize(
    ("typed", "raw"),
    [(SyncOperations, SyncRawOperations), (AsyncOperations, AsyncRawOperations)],
)
def test_every_typed_method_has_a_raw_twin(typed: type, raw: type) -> None:
    methods = {name for name in public_methods(typed) if not name.startswith("iter_")}
    assert methods and public_methods(raw) == methods


def test_a_raw_response_has_status_headers_request_id_rate_limit_and_model(
    sandbox: RunningSandbox,
) -> None:
    sandbox.set_rate_limits(True)
    with sync_client(sandbox) as amigo:
        first = amigo.with_raw_response.get_dynamic_behavior_sets(limit=2)
        second = amigo.with_raw_response.get_dynamic_behavior_sets(limit=2)
        created = amigo.with_raw_response.create_simulation_scenario(body=scenario("raw"))
        scenario_id = created.parse().simulation_scenario_id
        deleted = amigo.with_raw_response.delete_simulation_scenario(scenario_id)
        with pytest.raises(NotFoundError):
            amigo.with_raw_response.get_dynamic_behavior_set_versions("0" * 24)
    assert (first.status_code, created.status_code, deleted.status_code) == (200, 201, 204)
    page = first.parse()
    assert isinstance(page, DynamicBehaviorSetList) and page == first.parsed
    wire = json.loads(first.content)["dynamic_behavior_sets"]
    assert [item["id"] for item in wire] == [item.id for item in page.dynamic_behavior_sets]
    assert first.request_id and first.request_id == first.headers["X-Request-ID"]
    assert first.request_id != second.request_id
    assert first.rate_limit_remaining is not None and second.rate_limit_remaining is not None
    # One fewer left, unless the second call opened a new one-minute window.
    fresh_window = int(second.headers["X-RateLimit-Limit"]) - 1
    assert second.rate_limit_remaining in (first.rate_limit_remaining - 1, fresh_window)
    assert first.headers["content-type"] == "application/json"
    assert deleted.parse() is None


@pytest.mark.anyio
async def test_an_async_raw_response(sandbox: RunningSandbox) -> None:
    async with async_client(sandbox) as amigo:
        raw = await amigo.with_raw_response.get_simulation_scenarios(limit=1)
    assert isinstance(raw, RawResponse) and raw.status_code == 200 and raw.request_id
    assert isinstance(raw.parse(), SimulationScenarioList)


# --- http_client= ---------------------------------------------------------------------------------


def test_requests_go_through_the_callers_httpx_client(sandbox: RunningSandbox) -> None:
    """Sign-in, retries and the client's headers apply; the caller's headers are sent; the
    caller's client stays open after the Amigo client closes, and once the caller closes it the
    Amigo client says so."""
    seen: list[httpx.Request] = []
    own = httpx.Client(event_hooks={"request": [seen.append]}, headers={"X-Tenant": "t1"})
    with sync_client(sandbox, ManualClock(), http_client=own) as amigo:
        sandbox.inject_fault(LIST, "status", status=503, retry_after=1, times=1)
        assert amigo.get_dynamic_behavior_sets(limit=1).dynamic_behavior_sets
    assert not own.is_closed
    sign_in, *calls = seen
    assert "x-api-key" in sign_in.headers and len(calls) == 2
    assert all(request.url.path.endswith("/dynamic_behavior_set/") for request in calls)
    assert all(request.headers["x-tenant"] == "t1" for request in seen)
    assert all(request.headers["user-agent"].startswith("amigo-client/") for request in seen)
    assert sandbox.response_statuses()[LIST] == {"503": 1, "200": 1}
    assert own.get(f"{sandbox.base_url}/v1/{sandbox.organization}/metric/").status_code == 401
    own.close()
    with sync_client(sandbox, http_client=own) as amigo, pytest.raises(ClientClosedError):
        amigo.get_dynamic_behavior_sets(limit=1)


@pytest.mark.anyio
async def test_requests_go_through_the_callers_async_httpx_client(
    sandbox: RunningSandbox,
) -> None:
    seen: list[httpx.Request] = []

    async def record(request: httpx.Request) -> None:
        seen.append(request)

    async with httpx.AsyncClient(event_hooks={"request": [record]}) as own:
        async with async_client(sandbox, http_client=own) as amigo:
            pages = [s async for s in amigo.iter_simulation_scenarios(limit=1)]
        assert not own.is_closed
    assert pages and len(data_requests(seen)) >= len(pages)
    assert all(request.url.host == httpx.URL(sandbox.base_url).host for request in seen)


# --- bodies as dicts ------------------------------------------------------------------------------


def scenario(name: str, **initial: Any) -> Any:
    """A create-simulation-scenario body as a plain dict (typed by its TypedDict where used)."""
    version = {
        "objective": "Ask about opening hours.",
        "instructions": "Be brief.",
        "initial_message_type": "user-message",
        "conversation_starts_at": None,
    }
    return {"name": name, "tags": {"team": "qa"}, "initial_version": version | initial}


def test_a_dict_body_is_sent_like_the_model(sandbox: RunningSandbox) -> None:
    name = f"dict body {id(sandbox)}"
    with sync_client(sandbox) as amigo:
        created = amigo.create_simulation_scenario(
            body={
                "name": name,
                "tags": {"team": "qa"},
                "initial_version": {
                    "objective": "Ask about opening hours.",
                    "instructions": "Be brief.",
                    "initial_message_type": "user-message",
                    "conversation_starts_at": None,
                },
            }
        )
        found = [s for s in amigo.iter_simulation_scenarios() if s.name == name]
        versions = amigo.get_simulation_scenario_versions(created.simulation_scenario_id)
        amigo.update_simulation_scenario(created.simulation_scenario_id, body={"tags": {}})
        [after] = [s for s in amigo.iter_simulation_scenarios() if s.name == name]
    [stored] = found
    assert stored.id == created.simulation_scenario_id and stored.tags.to_dict() == {"team": "qa"}
    [version] = versions.simulation_scenario_versions
    assert version.objective == "Ask about opening hours."
    assert after.tags.to_dict() == {}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (scenario("x") | {"colour": "red"}, "colour"),
        (scenario("x", mood="sunny"), "initial_version.mood"),
        (scenario("x", initial_message_type="shout"), "initial_version.initial_message_type"),
        ({k: v for k, v in scenario("x").items() if k != "tags"}, "tags"),
    ],
)
def test_a_dict_body_off_the_description_is_refused_before_sending(
    sandbox: RunningSandbox, body: Any, field: str
) -> None:
    with sync_client(sandbox) as amigo:
        before = sandbox.request_counts().get(CREATE_SCENARIO, 0)
        with pytest.raises(RequestBodyError) as refused:
            amigo.create_simulation_scenario(body=body)
    assert refused.value.field == field and field in str(refused.value)
    assert str(refused.value).startswith(f"{CREATE_SCENARIO}: body: ")
    assert sandbox.request_counts().get(CREATE_SCENARIO, 0) == before, "nothing was sent"


@pytest.mark.anyio
async def test_an_async_dict_body(sandbox: RunningSandbox) -> None:
    async with async_client(sandbox) as amigo:
        created = await amigo.create_simulation_scenario(body=scenario(f"async {id(amigo)}"))
        await amigo.delete_simulation_scenario(created.simulation_scenario_id)
        with pytest.raises(RequestBodyError, match="must be a CreateSimulationScenarioRequest"):
            await amigo.create_simulation_scenario(body=["not", "a", "dict"])  # type: ignore[arg-type]


MYPY_SNIPPET = """
from amigo_client import AmigoClient
from amigo_client.bodies import SimulationScenarioVersionContentDict


def use(amigo: AmigoClient) -> None:
    version: SimulationScenarioVersionContentDict = {
        "objective": "o",
        "instructions": "i",
        "initial_message_type": "user-message",
        "conversation_starts_at": None,
    }
    amigo.create_simulation_scenario(body={"name": "n", "tags": {}, "initial_version": version})
    amigo.create_simulation_scenario(body={"nmae": "n", "tags": {}, "initial_version": version})
    wrong: SimulationScenarioVersionContentDict = {**version, "initial_message_type": "shout"}
    amigo.create_simulation_scenario_version("0" * 24, body=wrong)
    raw = amigo.with_raw_response.get_metrics(limit=1)
    reveal_type(raw.parse())
    reveal_type(amigo.with_raw_response.delete_simulation_scenario("0" * 24).parsed)
"""


@pytest.mark.slow
def test_mypy_checks_dict_keys_and_knows_the_raw_model(tmp_path: Path) -> None:
    snippet = tmp_path / "client_use.py"
    snippet.write_text(MYPY_SNIPPET, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--config-file", "pyproject.toml"]
    command += ["--cache-dir", ".mypy_cache", str(snippet)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=REPO)
    # By line number: mypy may name the file by the path it had in a cached run.
    found = (re.match(rf".*{snippet.name}:(\d+): (.*)", line) for line in done.stdout.splitlines())
    lines = {int(match[1]): match[2] for match in found if match}
    source = MYPY_SNIPPET.splitlines()

    def line_of(text: str) -> int:
        [number] = [n for n, line in enumerate(source, 1) if text in line]
        return number

    assert line_of('{"name": "n"') not in lines, done.stdout
    assert "CreateSimulationScenarioRequestDict" in lines[line_of('"nmae"')], done.stdout
    assert (
        "shout" in lines[line_of('"shout"')] or "initial_message_type" in lines[line_of('"shout"')]
    ), done.stdout
    assert "MetricList" in lines[line_of("reveal_type(raw.parse())")], done.stdout
    assert '"None"' in lines[line_of(".parsed)")], done.stdout
    errors = [line for line in lines.values() if line.startswith("error:")]
    assert len(errors) == 2, done.stdout


# --- the timeout setting --------------------------------------------------------------------------


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e3, max_value=1e4))
def test_the_timeout_message_says_which_values_are_accepted(seconds: float) -> None:
    env = {"AMIGO_ORGANIZATION_ID": "org", "AMIGO_BEARER_TOKEN": "t" * 20}
    try:
        config = ClientConfig.from_env(env | {"AMIGO_TIMEOUT": repr(seconds)})
    except ConfigurationError as error:
        assert not 0 < seconds <= MAX_TIMEOUT_S
        assert "must be greater than 0 and at most 600 seconds" in str(error)
    else:
        assert 0 < seconds <= MAX_TIMEOUT_S and math.isclose(config.timeout_s, seconds)


def test_a_zero_timeout_is_refused_with_a_true_message() -> None:
    env = {"AMIGO_ORGANIZATION_ID": "org", "AMIGO_BEARER_TOKEN": "t" * 20, "AMIGO_TIMEOUT": "0"}
    with pytest.raises(ConfigurationError) as refused:
        ClientConfig.from_env(env)
    assert str(refused.value) == (
        "AMIGO_TIMEOUT must be greater than 0 and at most 600 seconds, got 0"
    )


# --- what importing loads -------------------------------------------------------------------------


def modules_after(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    return set(json.loads(done.stdout))


def test_importing_the_client_loads_no_model_operation_or_settings() -> None:
    loaded = modules_after("from amigo_client import AmigoClient, AsyncAmigoClient")
    assert {"amigo_client.amigo", "amigo_client.operations", "httpx"} <= loaded
    heavy = [
        module
        for module in sorted(loaded)
        if module.split(".")[0] in {"pydantic", "pydantic_settings", "anyio"}
        or module.startswith(("amigo_client.models", "amigo_client.api", "amigo_client.config"))
    ]
    assert heavy == []


def test_a_model_loads_alone() -> None:
    loaded = modules_after("from amigo_client.models import ErrorBody")
    models = {m for m in loaded if m.startswith("amigo_client.models.")}
    assert "amigo_client.models.error_body" in models
    assert "amigo_client.models.simulation_scenario" not in models


def test_the_first_call_loads_what_it_needs(sandbox: RunningSandbox) -> None:
    fixed = credentials(sandbox, bearer_token=sandbox.issue_token())
    statement = (
        "from amigo_client import AmigoClient\n"
        f"with AmigoClient(**{fixed!r}) as amigo:\n"
        "    assert amigo.get_metrics(limit=1).metrics is not None"
    )
    loaded = modules_after(statement)
    assert {"amigo_client.api.metrics.get_metrics", "amigo_client.models.metric_list"} <= loaded
    assert "amigo_client.api.simulation_scenarios.get_simulation_scenarios" not in loaded
