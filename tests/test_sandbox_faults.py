"""Fault injection: real 429/503 answers, slow answers, dropped connections, broken bodies."""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Iterator

import httpx
import pytest
from amigo_client import AuthenticatedClient, UnknownValueWarning
from amigo_client.api.simulation_scenarios import get_simulation_scenario_versions
from amigo_client.models import SimulationScenarioVersionList
from amigo_client.transport import async_http_transport, tls_context
from starlette.testclient import TestClient

from amigo_sandbox.app import build_app
from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.demo import DEMO_SCENARIO_IN_USE_ID
from amigo_sandbox.faults import UNKNOWN_ENUM_VALUE
from amigo_sandbox.pipeline import Sandbox
from amigo_sandbox.server import RunningSandbox, start_in_thread
from amigo_sandbox.settings import SandboxSettings
from testing.sandbox_http import admin_client, api_client
from tests.sandbox_support import STOPPED_AT, new_set_body


@pytest.fixture
def api(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with api_client(sandbox) as client:
        yield client


@pytest.fixture
def admin(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    with admin_client(sandbox.base_url) as client:
        yield client


def count_sets_named(api: httpx.Client, name: str) -> int:
    found = api.get("/dynamic_behavior_set/search", params={"query": name}).json()
    return sum(1 for s in found["dynamic_behavior_sets"] if s["name"] == name)


def test_status_faults_fire_the_given_number_of_times(
    admin: httpx.Client, api: httpx.Client
) -> None:
    rule = admin.post(
        "/faults",
        json={
            "operation_id": "get-dynamic-behavior-sets",
            "kind": "status",
            "status": 429,
            "retry_after": 7,
            "times": 2,
        },
    )
    assert rule.status_code == 201 and rule.json()["times"] == 2
    first, second, third = (api.get("/dynamic_behavior_set/") for _ in range(3))
    for limited in (first, second):
        assert limited.status_code == 429
        assert limited.headers["Retry-After"] == "7"
        assert limited.headers["X-RateLimit-Limit"] == "500"
        assert limited.headers["X-RateLimit-Remaining"] == "0"
        assert limited.json()["error_code"] == "rate_limited"
    assert third.status_code == 200
    assert admin.get("/faults").json()["faults"][0]["fired"] == 2
    # Faulted requests are counted like any other.
    counts = admin.get("/requests").json()
    assert counts["counts"]["get-dynamic-behavior-sets"] == 3
    assert counts["statuses"]["get-dynamic-behavior-sets"] == {"429": 2, "200": 1}


def test_a_503_before_the_write_leaves_no_trace(sandbox: RunningSandbox, api: httpx.Client) -> None:
    sandbox.inject_fault("create-dynamic-behavior-set", "status", status=503, retry_after=1)
    name = f"Maintenance {uuid.uuid4().hex[:8]}"
    answer = api.post("/dynamic_behavior_set/", json=new_set_body(name))
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "1"
    assert count_sets_named(api, name) == 0
    assert api.post("/dynamic_behavior_set/", json=new_set_body(name)).status_code == 201
    assert count_sets_named(api, name) == 1
    assert sandbox.request_counts()["create-dynamic-behavior-set"] == 2


def test_wildcard_until_cleared(admin: httpx.Client, api: httpx.Client) -> None:
    admin.post(
        "/faults", json={"operation_id": "*", "kind": "status", "status": 503, "times": None}
    )
    assert api.get("/dynamic_behavior_set/").status_code == 503
    assert api.get("/simulation/scenario/").status_code == 503
    assert admin.delete("/faults").status_code == 204
    assert api.get("/simulation/scenario/").status_code == 200


SLOW = "get-simulation-scenarios"


@pytest.mark.anyio
async def test_a_slow_answer_on_a_stopped_clock_takes_no_real_time() -> None:
    """A client sharing the stopped clock waits on it: the clock moves to whichever comes
    first, the slow answer or the client's read timeout, and nothing waits in real time."""
    clock = SandboxClock(stopped_at=STOPPED_AT.timestamp())
    with start_in_thread(db=":memory:", seed_demo=False, rate_limits=False, clock=clock) as running:
        async with httpx.AsyncClient(
            base_url=f"{running.base_url}/v1/{running.organization}",
            headers={"Authorization": f"Bearer {running.issue_token()}"},
            timeout=0.05,
            transport=async_http_transport(clock),
        ) as api:
            started = clock.monotonic()
            running.inject_fault(SLOW, "slow", delay_s=0.01)
            assert (await api.get("/simulation/scenario/")).status_code == 200
            assert clock.monotonic() - started == pytest.approx(0.01)
            running.inject_fault(SLOW, "slow", delay_s=60)
            with pytest.raises(httpx.ReadTimeout):
                await api.get("/simulation/scenario/")
            assert clock.monotonic() - started == pytest.approx(0.06)
        running.stop()
    # The client gave up during the delay: the sandbox noticed and did not answer (or fail).
    assert running.response_statuses()[SLOW] == {"200": 1, "client_disconnected": 1}


def test_a_slow_answer_on_the_real_clock_ends_when_its_client_leaves() -> None:
    """Running, a slow answer waits in real time, but no longer than its client: one that
    leaves ends it at once, so the clean stop below does not wait out the minute."""
    with start_in_thread(db=":memory:", seed_demo=False, rate_limits=False) as running:
        running.inject_fault(SLOW, "slow", delay_s=60)
        url = httpx.URL(running.base_url)
        assert url.host and url.port
        with socket.create_connection((url.host, url.port)) as raw:
            token = running.issue_token()
            request = (
                f"GET /v1/{running.organization}/simulation/scenario/ HTTP/1.1\r\n"
                f"Host: {url.host}\r\nAuthorization: Bearer {token}\r\n\r\n"
            )
            raw.sendall(request.encode())
            raw.shutdown(socket.SHUT_WR)  # sent, and gone
            assert raw.recv(1) == b"", "no answer comes"
        running.stop()  # a clean stop waits for the request still in its delay
    assert running.response_statuses()[SLOW] == {"client_disconnected": 1}


def test_dropped_connection_before_the_write(sandbox: RunningSandbox, api: httpx.Client) -> None:
    sandbox.inject_fault("create-dynamic-behavior-set", "drop")
    name = f"Dropped {uuid.uuid4().hex[:8]}"
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/dynamic_behavior_set/", json=new_set_body(name))
    assert count_sets_named(api, name) == 0
    assert sandbox.response_statuses()["create-dynamic-behavior-set"] == {"dropped": 1}


def test_dropped_connection_after_the_write(sandbox: RunningSandbox, api: httpx.Client) -> None:
    """The write happened but the client never heard: a blind retry would duplicate it."""
    sandbox.inject_fault("create-dynamic-behavior-set", "drop", after_handler=True)
    name = f"Half done {uuid.uuid4().hex[:8]}"
    with pytest.raises(httpx.RemoteProtocolError):
        api.post("/dynamic_behavior_set/", json=new_set_body(name))
    assert count_sets_named(api, name) == 1
    retry = api.post("/dynamic_behavior_set/", json=new_set_body(name))
    assert retry.status_code == 409  # the active-name rule catches this particular duplicate
    assert sandbox.request_counts()["create-dynamic-behavior-set"] == 2


def test_malformed_json(sandbox: RunningSandbox, api: httpx.Client) -> None:
    sandbox.inject_fault("get-dynamic-behavior-sets", "malformed_json")
    answer = api.get("/dynamic_behavior_set/")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        json.loads(answer.content)
    sandbox.inject_fault("update-simulation-scenario", "malformed_json")
    answer = api.post(f"/simulation/scenario/{DEMO_SCENARIO_IN_USE_ID}/", json={})
    assert answer.status_code == 200  # a 204 cannot carry a body
    with pytest.raises(json.JSONDecodeError):
        json.loads(answer.content)


def test_unknown_enum_value_reaches_the_generated_client(sandbox: RunningSandbox) -> None:
    sandbox.inject_fault("get-simulation-scenario-versions", "unknown_enum")
    with AuthenticatedClient(
        base_url=sandbox.base_url, token=sandbox.issue_token(), verify_ssl=tls_context()
    ) as client:
        with pytest.warns(UnknownValueWarning) as caught:
            drifted = get_simulation_scenario_versions.sync_detailed(
                sandbox.organization, DEMO_SCENARIO_IN_USE_ID, client=client
            )
        # The generated client keeps the value it does not know, as its plain string.
        assert drifted.status_code == 200
        assert isinstance(drifted.parsed, SimulationScenarioVersionList)
        kept = drifted.parsed.simulation_scenario_versions[0].initial_message_type
        assert kept == UNKNOWN_ENUM_VALUE and kept.value == UNKNOWN_ENUM_VALUE
        version = json.loads(drifted.content)["simulation_scenario_versions"][0]
        assert version["initial_message_type"] == UNKNOWN_ENUM_VALUE
        assert [str(w.message) for w in caught] == [
            "get_simulation_scenario_versions: simulation_scenario_versions[]"
            ".initial_message_type: enum value not in the API description; kept as received"
        ]
        # Next time the answer is intact again.
        intact = get_simulation_scenario_versions.sync_detailed(
            sandbox.organization, DEMO_SCENARIO_IN_USE_ID, client=client
        )
    assert isinstance(intact.parsed, SimulationScenarioVersionList)
    assert (
        intact.parsed.simulation_scenario_versions[0].initial_message_type.value == "user-message"
    )


def test_unknown_enum_value_replaces_a_discriminator_in_versions(
    sandbox: RunningSandbox, api: httpx.Client
) -> None:
    sandbox.inject_fault("get-dynamic-behavior-set-versions", "unknown_enum")
    set_id = api.post(
        "/dynamic_behavior_set/", json=new_set_body(f"Enum {uuid.uuid4().hex[:8]}")
    ).json()
    body = api.get(f"/dynamic_behavior_set/{set_id['dynamic_behavior_set_id']}/version/").json()
    assert body["dynamic_behavior_set_versions"][0]["actions"][0]["type"] == UNKNOWN_ENUM_VALUE


def test_fault_requests_are_validated(admin: httpx.Client) -> None:
    assert admin.post("/faults", json={"operation_id": "nope", "kind": "status"}).status_code == 422
    assert admin.post("/faults", json={"operation_id": "*", "kind": "explode"}).status_code == 422
    no_enum = admin.post(
        "/faults", json={"operation_id": "create-dynamic-behavior-set", "kind": "unknown_enum"}
    )
    assert no_enum.status_code == 422 and no_enum.json()["detail"][0]["loc"] == ["body", "kind"]
    rule = admin.post("/faults", json={"operation_id": "evaluate-metrics", "kind": "status"}).json()
    assert rule["status"] == 503 and rule["times"] == 1  # the defaults
    assert admin.delete(f"/faults/{rule['id']}").status_code == 204
    assert admin.delete(f"/faults/{rule['id']}").status_code == 404


def test_admin_api_answers_loopback_clients_only() -> None:
    sandbox = Sandbox(SandboxSettings())
    try:
        app = build_app(sandbox)
        remote = TestClient(app, client=("203.0.113.7", 50000))
        assert remote.get("/_sandbox/health").status_code == 404
        assert remote.post("/_sandbox/reset").status_code == 404
        assert (
            remote.post("/_sandbox/faults", json={"operation_id": "*", "kind": "drop"}).status_code
            == 404
        )
        assert sandbox.faults.list() == []
        local = TestClient(app, client=("127.0.0.1", 50000))
        assert local.get("/_sandbox/health").json()["status"] == "ok"
        mapped = TestClient(app, client=("::ffff:127.0.0.1", 50000))
        assert mapped.get("/_sandbox/health").status_code == 200
    finally:
        sandbox.close()


def test_reset_restores_the_demo() -> None:
    with (
        start_in_thread() as running,
        admin_client(running.base_url) as admin,
    ):
        running.add_user(organization="amigo-reset-check")
        with api_client(running) as api:
            api.post("/dynamic_behavior_set/", json=new_set_body("Before the reset"))
        running.inject_fault("*", "status", times=None)
        assert admin.post("/reset", json={"seed_demo": True}).json() == {"seeded": True}
        assert admin.get("/faults").json()["faults"] == []
        assert admin.get("/requests").json()["counts"] == {}
        with api_client(running) as api:
            sets = api.get("/dynamic_behavior_set/").json()["dynamic_behavior_sets"]
        assert len(sets) == 5  # exactly the demo's again
        assert sets[0]["name"] == "Refund requests"
        assert admin.post("/reset", json={"seed_demo": False}).json() == {"seeded": False}
        with api_client(running) as api:  # the demo credentials always remain
            assert api.get("/dynamic_behavior_set/").json()["dynamic_behavior_sets"] == []
