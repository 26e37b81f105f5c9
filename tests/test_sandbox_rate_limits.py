"""Rate limits: per user, per operation, per minute, from the spec; on by default."""

from __future__ import annotations

import time

import httpx

from sandbox.demo import DEMO_COLLEAGUE_USER_ID, DEMO_ORGANIZATION
from sandbox.server import start_in_thread
from tests.sandbox_support import avoid_minute_boundary

RESULTS = f"/v1/{DEMO_ORGANIZATION}/metric/metric_evaluation_result"  # 10 per minute
SETS = f"/v1/{DEMO_ORGANIZATION}/dynamic_behavior_set/"


def test_limits_are_on_by_default_and_answer_429_with_headers() -> None:
    avoid_minute_boundary(2.0)
    with start_in_thread() as running, httpx.Client(base_url=running.base_url) as http:
        me = {"Authorization": f"Bearer {running.issue_token()}"}
        remaining = []
        for _ in range(10):
            answer = http.get(RESULTS, headers=me, params={"limit": 1})
            assert answer.status_code == 200
            assert answer.headers["X-RateLimit-Limit"] == "10"
            remaining.append(int(answer.headers["X-RateLimit-Remaining"]))
        assert remaining == list(range(9, -1, -1))
        limited = http.get(RESULTS, headers=me)
        assert limited.status_code == 429
        now = time.time()
        reset = int(limited.headers["X-RateLimit-Reset"])
        assert now < reset <= now + 61
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        assert limited.headers["X-RateLimit-Remaining"] == "0"
        assert "10 requests per minute" in limited.json()["detail"]
        # Per operation: another endpoint still answers; per user: a colleague still can.
        assert http.get(SETS, headers=me).status_code == 200
        colleague = {"Authorization": f"Bearer {running.issue_token(DEMO_COLLEAGUE_USER_ID)}"}
        assert http.get(RESULTS, headers=colleague).status_code == 200
        # The refused request was counted as seen, and answered 429.
        assert running.response_statuses()["get-metric-evaluation-results"] == {"200": 11, "429": 1}


def test_limits_can_be_switched_off() -> None:
    with (
        start_in_thread(rate_limits=False) as running,
        httpx.Client(base_url=running.base_url) as http,
    ):
        me = {"Authorization": f"Bearer {running.issue_token()}"}
        for _ in range(15):
            answer = http.get(RESULTS, headers=me, params={"limit": 1})
            assert answer.status_code == 200
            assert "X-RateLimit-Limit" not in answer.headers
        avoid_minute_boundary(2.0)
        # And on again at run time, through the loopback admin API.
        assert (
            http.patch("/_sandbox/settings", json={"rate_limits": True}).json()["rate_limits"]
            is True
        )
        statuses = [http.get(RESULTS, headers=me).status_code for _ in range(11)]
        assert statuses == [200] * 10 + [429]


def test_sign_in_is_limited_per_user() -> None:
    avoid_minute_boundary(2.0)
    with start_in_thread() as running, httpx.Client(base_url=running.base_url) as http:
        headers = {
            "x-api-key": running.api_key,
            "x-api-key-id": running.api_key_id,
            "x-user-id": running.user_id,
        }
        path = f"/v1/{running.organization}/user/signin_with_api_key"
        statuses = [http.post(path, headers=headers).status_code for _ in range(6)]
        assert statuses == [200] * 5 + [429]
