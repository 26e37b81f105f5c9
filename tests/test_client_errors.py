"""Every error the client raises, from real sandbox answers and injected faults: the class per
status, the attributes (status, detail, error_code, request_id, retry_after), connection and
timeout failures, answers that do not match the API description; never a secret."""

from __future__ import annotations

import json
import socket

import pytest
from amigo_client import (
    AmigoClient,
    AmigoError,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncAmigoClient,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    RetryPolicy,
    ServiceUnavailableError,
    UnprocessableEntityError,
)
from amigo_client.models import (
    CreateDynamicBehaviorSetRequest,
    EvaluateMetricsRequest,
    GetDynamicBehaviorSetsSortByItem,
)

from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.demo import (
    DEMO_BEHAVIOR_SET_IDS,
    DEMO_EMPTY_CONVERSATION_ID,
    DEMO_METRIC_IDS,
    DEMO_VIEWER_USER_ID,
)
from amigo_sandbox.faults import FaultKind
from amigo_sandbox.server import RunningSandbox
from tests.client_support import ManualClock, credentials, sync_client
from tests.sandbox_support import new_set_body

ONCE = RetryPolicy(max_attempts=1)
LIST = "get-dynamic-behavior-sets"
UNKNOWN_ID = "0" * 24


def check_status_error(error: APIStatusError, cls: type[APIStatusError], status: int) -> None:
    assert type(error) is cls
    assert isinstance(error, AmigoError)
    assert error.status_code == status
    assert error.detail, "Amigo's detail is kept"
    assert error.request_id, "the sandbox sends one with every error"
    assert (error.error_code is None) == (status == 422), "422 carries the invalid fields instead"
    assert error.request_id in str(error)
    assert str(error) in repr(error)


def test_real_answers_raise_their_class(sandbox: RunningSandbox) -> None:
    name = f"errors {id(sandbox)}"
    with sync_client(sandbox) as amigo:
        amigo.create_dynamic_behavior_set(
            body=CreateDynamicBehaviorSetRequest.from_dict(new_set_body(name))
        )
        with pytest.raises(ConflictError) as conflict:
            amigo.create_dynamic_behavior_set(
                body=CreateDynamicBehaviorSetRequest.from_dict(new_set_body(name))
            )
        check_status_error(conflict.value, ConflictError, 409)

        with pytest.raises(NotFoundError) as missing:
            amigo.get_dynamic_behavior_set_versions(UNKNOWN_ID)
        check_status_error(missing.value, NotFoundError, 404)
        assert UNKNOWN_ID in str(missing.value.detail)

        with pytest.raises(UnprocessableEntityError) as invalid:
            amigo.get_dynamic_behavior_sets(limit=51)
        check_status_error(invalid.value, UnprocessableEntityError, 422)
        assert isinstance(invalid.value.detail, list)
        assert "limit: Input should be less than or equal to 50" in str(invalid.value)

        with pytest.raises(BadRequestError) as bad:
            amigo.evaluate_metrics(
                body=EvaluateMetricsRequest(
                    metric_ids=[next(iter(DEMO_METRIC_IDS.values()))],
                    conversation_id=DEMO_EMPTY_CONVERSATION_ID,
                )
            )
        check_status_error(bad.value, BadRequestError, 400)

    with sync_client(sandbox, user_id=DEMO_VIEWER_USER_ID) as viewer:
        assert viewer.get_dynamic_behavior_sets(
            sort_by=[GetDynamicBehaviorSetsSortByItem.VALUE_1]
        ).dynamic_behavior_sets, "a viewer may read"
        with pytest.raises(PermissionDeniedError) as denied:
            viewer.delete_dynamic_behavior_set(DEMO_BEHAVIOR_SET_IDS["refunds"])
        check_status_error(denied.value, PermissionDeniedError, 403)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (503, ServiceUnavailableError),
        (500, APIStatusError),
        (502, APIStatusError),
    ],
)
def test_each_status_has_its_class(
    sandbox: RunningSandbox, status: int, cls: type[APIStatusError]
) -> None:
    retry_after = 7 if status in (429, 503) else None
    # A 401 is answered twice: the client signs in again once, then gives up.
    sandbox.inject_fault(LIST, "status", status=status, retry_after=retry_after, times=2)
    with sync_client(sandbox, retry=ONCE) as amigo, pytest.raises(APIStatusError) as caught:
        amigo.get_dynamic_behavior_sets(limit=1)
    assert type(caught.value) is cls
    assert caught.value.status_code == status
    assert caught.value.retry_after == (7.0 if retry_after else None)
    assert caught.value.attempts == 1


def test_a_refused_connection_is_a_connection_error_that_never_left(
    sandbox: RunningSandbox,
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    clock = ManualClock()
    fixed = credentials(sandbox, base_url=closed, bearer_token="token-for-nowhere-123")
    amigo = AmigoClient(**fixed, clock=clock, retry=RetryPolicy(max_attempts=3))
    with amigo, pytest.raises(APIConnectionError) as caught:
        amigo.create_dynamic_behavior_set(
            body=CreateDynamicBehaviorSetRequest.from_dict(new_set_body("nowhere"))
        )
    assert type(caught.value) is APIConnectionError
    assert caught.value.request_sent is False
    assert caught.value.attempts == 3, "a request that never left is safe to repeat, even a write"
    assert len(clock.waits) == 2
    assert "token-for-nowhere-123" not in f"{caught.value!r}"


@pytest.mark.anyio
async def test_no_answer_in_time_is_a_timeout_error(
    sandbox: RunningSandbox, stopped_clock: SandboxClock
) -> None:
    """An answer held back past the read timeout (0.3 s on the shared, stopped clock)."""
    sandbox.inject_fault(LIST, "slow", delay_s=60, times=1)
    fixed = credentials(sandbox, bearer_token=sandbox.issue_token(), timeout_s=0.3)
    async with AsyncAmigoClient(**fixed, retry=ONCE, clock=stopped_clock) as amigo:
        with pytest.raises(APITimeoutError, match="no answer in time") as caught:
            await amigo.get_dynamic_behavior_sets(limit=1)
    assert caught.value.request_sent is True
    assert isinstance(caught.value, APIConnectionError)
    assert sandbox.response_statuses()[LIST] == {"client_disconnected": 1}


def test_an_answer_off_the_description_is_a_validation_error(sandbox: RunningSandbox) -> None:
    op = "get-dynamic-behavior-set-versions"
    kind: FaultKind = "malformed_json"
    sandbox.inject_fault(op, kind, times=1)
    with sync_client(sandbox) as amigo:
        with pytest.raises(APIResponseValidationError) as caught:
            amigo.get_dynamic_behavior_set_versions(DEMO_BEHAVIOR_SET_IDS["refunds"])
        assert caught.value.status_code == 200 and caught.value.content
        # It names what could not be read and chains the reason.
        assert caught.value.field == "(the body)"
        assert str(caught.value).startswith(f"{op}: the HTTP 200 answer does not match")
        assert isinstance(caught.value.__cause__, ResponseParseError)
        assert isinstance(caught.value.__cause__.__cause__, json.JSONDecodeError)
        # The raw answer stays reachable through the generated *_detailed function.
        from amigo_client.api.dynamic_behavior_sets import get_dynamic_behavior_set_versions

        sandbox.inject_fault(op, kind, times=1)
        raw = get_dynamic_behavior_set_versions.sync_detailed(
            sandbox.organization, DEMO_BEHAVIOR_SET_IDS["refunds"], client=amigo.generated
        )
        assert raw.status_code == 200 and raw.parsed is None and raw.content
