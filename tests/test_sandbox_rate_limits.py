"""Rate limits: per user, per operation, per minute, from the spec; on by default.

The sandbox's clock is stopped at a known moment, so windows, `Retry-After` and
`X-RateLimit-Reset` are exact, and a new window comes when the test moves the clock.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.demo import DEMO_COLLEAGUE_USER_ID, DEMO_ORGANIZATION
from amigo_sandbox.server import RunningSandbox, start_in_thread
from testing.sandbox_http import admin_client, http_client
from tests.sandbox_support import STOPPED_AT, move_clock

RESULTS = f"/v1/{DEMO_ORGANIZATION}/metric/metric_evaluation_result"  # 10 per minute
SETS = f"/v1/{DEMO_ORGANIZATION}/dynamic_behavior_set/"
WINDOW_END = int(STOPPED_AT.timestamp()) + 30  # STOPPED_AT is half a minute into its window


@pytest.fixture
def running() -> Iterator[RunningSandbox]:
    """A sandbox with its defaults (rate limits on) and a clock stopped at STOPPED_AT."""
    with start_in_thread(clock=SandboxClock(stopped_at=STOPPED_AT.timestamp())) as sandbox:
        yield sandbox


def test_limits_are_on_by_default_and_answer_429_with_headers(running: RunningSandbox) -> None:
    with http_client(running.base_url) as http:
        me = {"Authorization": f"Bearer {running.issue_token()}"}
        remaining = []
        for _ in range(10):
            answer = http.get(RESULTS, headers=me, params={"limit": 1})
            assert answer.status_code == 200
            assert answer.headers["X-RateLimit-Limit"] == "10"
            assert answer.headers["X-RateLimit-Reset"] == str(WINDOW_END)
            remaining.append(int(answer.headers["X-RateLimit-Remaining"]))
        assert remaining == list(range(9, -1, -1))
        limited = http.get(RESULTS, headers=me)
        assert limited.status_code == 429
        assert limited.headers["X-RateLimit-Reset"] == str(WINDOW_END)
        assert limited.headers["Retry-After"] == "30"
        assert limited.headers["X-RateLimit-Remaining"] == "0"
        assert "10 requests per minute" in limited.json()["detail"]
        # Per operation: another endpoint still answers; per user: a colleague still can.
        assert http.get(SETS, headers=me).status_code == 200
        colleague = {"Authorization": f"Bearer {running.issue_token(DEMO_COLLEAGUE_USER_ID)}"}
        assert http.get(RESULTS, headers=colleague).status_code == 200
        # The refused request was counted as seen, and answered 429.
        assert running.response_statuses()["get-metric-evaluation-results"] == {"200": 11, "429": 1}


def test_retry_after_counts_down_and_the_next_window_starts_afresh(
    running: RunningSandbox,
) -> None:
    with http_client(running.base_url) as http:
        me = {"Authorization": f"Bearer {running.issue_token()}"}
        for _ in range(10):
            assert http.get(RESULTS, headers=me).status_code == 200
        running.advance_clock(29.5)
        limited = http.get(RESULTS, headers=me)
        assert limited.status_code == 429
        assert limited.headers["Retry-After"] == "1", "half a second left, rounded up"
        running.advance_clock(0.5)  # exactly the window's end: a new window
        answer = http.get(RESULTS, headers=me)
        assert answer.status_code == 200
        assert answer.headers["X-RateLimit-Remaining"] == "9"
        assert answer.headers["X-RateLimit-Reset"] == str(WINDOW_END + 60)


def test_injected_statuses_are_counted_and_carry_the_window_headers(
    running: RunningSandbox,
) -> None:
    """A request answered by an injected status is counted in its caller's window, and says so
    like every counted answer; an injected 429 keeps its own values; a caller who is not signed
    in is counted nowhere."""
    operation = "get-metric-evaluation-results"
    with http_client(running.base_url) as http:
        me = {"Authorization": f"Bearer {running.issue_token()}"}
        running.inject_fault(operation, status=503, retry_after=2)
        maintenance = http.get(RESULTS, headers=me)
        assert maintenance.status_code == 503
        assert maintenance.headers["X-RateLimit-Limit"] == "10"
        assert maintenance.headers["X-RateLimit-Remaining"] == "9"
        assert maintenance.headers["X-RateLimit-Reset"] == str(WINDOW_END)
        assert maintenance.headers["Retry-After"] == "2"
        running.inject_fault(operation, status=500)
        failed = http.get(RESULTS, headers=me)
        assert failed.status_code == 500
        assert failed.headers["X-RateLimit-Remaining"] == "8"
        assert "Retry-After" not in failed.headers
        running.inject_fault(operation, status=429, retry_after=5)
        limited = http.get(RESULTS, headers=me)
        assert limited.status_code == 429
        assert limited.headers["X-RateLimit-Remaining"] == "0"
        assert limited.headers["X-RateLimit-Reset"] == str(int(STOPPED_AT.timestamp()) + 5)
        running.inject_fault(operation, status=503)
        anonymous = http.get(RESULTS)
        assert anonymous.status_code == 503
        assert not any(name.lower().startswith("x-ratelimit") for name in anonymous.headers)
        answer = http.get(RESULTS, headers=me)
        assert answer.status_code == 200
        assert answer.headers["X-RateLimit-Remaining"] == "6", "three injected answers counted"
        running.set_rate_limits(False)
        running.inject_fault(operation, status=503)
        off = http.get(RESULTS, headers=me)
        assert off.status_code == 503
        assert "X-RateLimit-Limit" not in off.headers


def test_limits_can_be_switched_off(running: RunningSandbox) -> None:
    running.set_rate_limits(False)
    with http_client(running.base_url) as http:
        me = {"Authorization": f"Bearer {running.issue_token()}"}
        for _ in range(15):
            answer = http.get(RESULTS, headers=me, params={"limit": 1})
            assert answer.status_code == 200
            assert "X-RateLimit-Limit" not in answer.headers
        # And on again at run time, through the loopback admin API.
        assert (
            http.patch("/_sandbox/settings", json={"rate_limits": True}).json()["rate_limits"]
            is True
        )
        statuses = [http.get(RESULTS, headers=me).status_code for _ in range(11)]
        assert statuses == [200] * 10 + [429]


def test_limits_can_be_scaled_at_run_time(running: RunningSandbox) -> None:
    with http_client(running.base_url) as http:
        me = {"Authorization": f"Bearer {running.issue_token()}"}
        settings = http.patch("/_sandbox/settings", json={"rate_limit_scale": 2}).json()
        assert settings["rate_limit_scale"] == 2
        answers = [http.get(RESULTS, headers=me, params={"limit": 1}) for _ in range(21)]
        assert [a.status_code for a in answers] == [200] * 20 + [429]
        assert answers[0].headers["X-RateLimit-Limit"] == "20"
        refused = http.patch("/_sandbox/settings", json={"rate_limit_scale": 0})
        assert refused.status_code == 422


def test_sign_in_is_limited_per_user(running: RunningSandbox) -> None:
    with http_client(running.base_url) as http:
        headers = {
            "x-api-key": running.api_key,
            "x-api-key-id": running.api_key_id,
            "x-user-id": running.user_id,
        }
        path = f"/v1/{running.organization}/user/signin_with_api_key"
        statuses = [http.post(path, headers=headers).status_code for _ in range(6)]
        assert statuses == [200] * 5 + [429]
        move_clock(running.base_url, advance_s=30)
        assert http.post(path, headers=headers).status_code == 200


# --- the clock's admin API ------------------------------------------------------------------------


def test_the_admin_api_reads_moves_stops_and_resets_the_clock(running: RunningSandbox) -> None:
    with admin_client(running.base_url) as admin, http_client(running.base_url) as http:
        clock = admin.get("/clock").json()
        assert clock == {
            "now": "2026-01-01T12:00:30.000000Z",
            "epoch_s": STOPPED_AT.timestamp(),
            "stopped": True,
        }
        assert admin.post("/clock", json={"advance_s": 61}).json()["now"] == (
            "2026-01-01T12:01:31.000000Z"
        )
        moved = admin.post("/clock", json={"time": "2030-05-06T07:08:09Z"}).json()
        assert moved["now"] == "2030-05-06T07:08:09.000000Z" and moved["stopped"] is True
        # Objects take their timestamps (and their IDs' time prefix) from the clock.
        token = running.issue_token()
        created = http.post(
            SETS,
            headers={"Authorization": f"Bearer {token}"},
            json={
                "name": "Clock check",
                "tags": {},
                "applied_to_services": [],
                "initial_version": {
                    "is_active": False,
                    "conversation_triggers": ["t"],
                    "actions": [],
                },
            },
        ).json()
        set_id = created["dynamic_behavior_set_id"]
        assert int(set_id[:8], 16) == int(moved["epoch_s"])
        listed = http.get(
            SETS,
            headers={"Authorization": f"Bearer {token}"},
            params={"id": set_id},
        ).json()["dynamic_behavior_sets"]
        assert listed[0]["created_at"] == "2030-05-06T07:08:09.000000Z"
        # Running again: real time flows from the reading; `real` undoes every move.
        assert admin.post("/clock", json={"stopped": False}).json()["stopped"] is False
        real = admin.post("/clock", json={"real": True}).json()
        assert real["stopped"] is False and real["now"] < "2030"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "body"),
        ({"advance_s": -1}, "advance_s"),
        ({"advance_s": "soon"}, "advance_s"),
        ({"time": "yesterday"}, "time"),
        ({"time": "1969-12-31T23:59:59Z"}, "time"),
        ({"advance_s": 1, "time": "2030-01-01T00:00:00Z"}, "advance_s"),
        ({"real": False}, "real"),
        ({"real": True, "stopped": True}, "real"),
        ({"stopped": "yes"}, "stopped"),
        ({"speed": 2}, "body"),
    ],
)
def test_bad_clock_bodies_answer_422_and_change_nothing(
    sandbox: RunningSandbox, stopped_clock: SandboxClock, body: dict[str, object], field: str
) -> None:
    before = stopped_clock.time()
    with admin_client(sandbox.base_url) as admin:
        answer = admin.post("/clock", json=body)
    assert answer.status_code == 422, answer.text
    locations = [item["loc"] for item in answer.json()["detail"]]
    assert ["body", field] in locations or (field == "body" and ["body"] in locations), locations
    assert stopped_clock.time() == before
