"""Every generated operation builds the right HTTP request and parses the spec's answer.

The client talks real HTTP to a small recording server on 127.0.0.1 (stdlib ``http.server`` in a
thread). The server stores each request as received (method, raw path, raw query, headers, body)
and answers with a canned body that is checked against the spec's response schema, so the test
also covers the parsed response type. The second half checks that answers drifting from the spec
give ``parsed=None`` and one warning instead of an exception.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

import pytest
from amigo_client import AuthenticatedClient, Client, UnknownValueWarning, errors
from amigo_client.api.auth import sign_in_with_api_key
from amigo_client.api.conversations import get_conversation_messages, get_conversations
from amigo_client.api.dynamic_behavior_sets import (
    create_dynamic_behavior_set,
    create_dynamic_behavior_set_version,
    delete_dynamic_behavior_set,
    get_dynamic_behavior_invocations,
    get_dynamic_behavior_set_versions,
    get_dynamic_behavior_sets,
    search_dynamic_behavior_sets,
    update_dynamic_behavior_set,
)
from amigo_client.api.metrics import (
    evaluate_metrics,
    get_metric_evaluation_results,
    get_metrics,
    search_metrics,
)
from amigo_client.api.simulation_scenarios import (
    create_simulation_scenario,
    create_simulation_scenario_version,
    delete_simulation_scenario,
    get_simulation_scenario_versions,
    get_simulation_scenarios,
    search_simulation_scenarios,
    update_simulation_scenario,
)
from amigo_client.exceptions import (
    APIStatusError,
    NotFoundError,
    ServiceUnavailableError,
    UnprocessableEntityError,
    error_body,
    status_error,
)
from amigo_client.models import (
    ChangeToolCandidatesAction,
    ConversationList,
    ConversationMessageList,
    CreateDynamicBehaviorSetRequest,
    CreateDynamicBehaviorSetResponse,
    CreateDynamicBehaviorSetVersionRequest,
    CreateDynamicBehaviorSetVersionResponse,
    CreateSimulationScenarioRequest,
    CreateSimulationScenarioResponse,
    CreateSimulationScenarioVersionResponse,
    DeleteDynamicBehaviorSetResponse,
    DynamicBehaviorInvocationList,
    DynamicBehaviorSetList,
    DynamicBehaviorSetSearchResult,
    DynamicBehaviorSetVersionList,
    ErrorBody,
    EvaluateMetricsRequest,
    EvaluateMetricsResponse,
    GetDynamicBehaviorInvocationsSortByItem,
    GetDynamicBehaviorSetsSortByItem,
    GetDynamicBehaviorSetVersionsSortByItem,
    GetMetricEvaluationResultsSortByItem,
    GetSimulationScenarioVersionsSortByItem,
    InitialMessageType,
    InjectInstructionAction,
    ManualMetricSource,
    MessageType,
    MetricEvaluationResultList,
    MetricEvaluationSourceType,
    MetricList,
    MetricSearchResult,
    MetricValueType,
    PostSessionMetricSource,
    SignInWithApiKeyResponse,
    SimulationMetricSource,
    SimulationScenarioList,
    SimulationScenarioSearchResult,
    SimulationScenarioVersionContent,
    SimulationScenarioVersionList,
    Tags,
    UpdateDynamicBehaviorSetRequest,
    UpdateSimulationScenarioRequest,
    ValidationErrorItem,
)
from amigo_client.transport import tls_context
from amigo_client.types import Response
from jsonschema import Draft202012Validator

from amigo_mcp.errors import api_error_message
from amigo_sandbox.handlers import HANDLERS
from amigo_sandbox.refs import Document
from testing.sandbox_http import serving
from tests.sandbox_support import SPEC

DOC = Document(SPEC)

TOKEN = "test-token-3f9a"
ORG = "org-acme"
SET_ID = "64b7f0c2a1d3e4f5a6b7c8d9"
OTHER_SET_ID = "64b7f0c2a1d3e4f5a6b7c8d0"
SERVICE_ID = "5f1b2c3d4e5f6a7b8c9d0e1f"
SCENARIO_ID = "65a1b2c3d4e5f60718293a4b"
METRIC_ID = "66aa00bb11cc22dd33ee44ff"
OTHER_METRIC_ID = "66aa00bb11cc22dd33ee4400"
CONVERSATION_ID = "67ffeeddccbbaa9988776655"
TIME = "2025-06-24T20:30:20.474000+00:00"
LATER = "2025-07-01T08:00:00+00:00"
USER = {"org_id": ORG, "user_id": "user-1"}


# --- the recording server -------------------------------------------------------------------


@dataclass
class Recorded:
    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes

    @property
    def query_pairs(self) -> list[tuple[str, str]]:
        return parse_qsl(self.query, keep_blank_values=True, strict_parsing=bool(self.query))


@dataclass
class Answer:
    status: int
    body: bytes = b""
    content_type: str = "application/json"


@dataclass
class Recorder:
    requests: list[Recorded] = field(default_factory=list)
    answer: Answer = field(default_factory=lambda: Answer(200, b"{}"))
    base_url: str = ""

    def respond(
        self, status: int, body: Any = None, content_type: str = "application/json"
    ) -> None:
        if body is None:
            raw = b""
        elif isinstance(body, bytes):
            raw = body
        else:
            raw = json.dumps(body).encode()
        self.answer = Answer(status, raw, content_type)

    @property
    def only(self) -> Recorded:
        assert len(self.requests) == 1, self.requests
        return self.requests[0]


def _handler(recorder: Recorder) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            url = urlsplit(self.path)
            recorder.requests.append(
                Recorded(
                    method=self.command,
                    path=url.path,
                    query=url.query,
                    headers={name.lower(): value for name, value in self.headers.items()},
                    body=body,
                )
            )
            answer = recorder.answer
            self.send_response(answer.status)
            if answer.status not in (204, 304):
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
            self.send_header("X-RateLimit-Remaining", "42")
            self.end_headers()
            if answer.status not in (204, 304):
                self.wfile.write(answer.body)

        do_GET = do_POST = do_DELETE = _handle

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def server() -> Iterator[Recorder]:
    recorder = Recorder()
    with serving(_handler(recorder)) as recorder.base_url:
        yield recorder


@pytest.fixture
def recorder(server: Recorder) -> Recorder:
    server.requests.clear()
    server.answer = Answer(200, b"{}")
    return server


@pytest.fixture
def client(recorder: Recorder) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(
        base_url=recorder.base_url, token=TOKEN, verify_ssl=tls_context()
    ) as authenticated:
        yield authenticated


@pytest.fixture
def anonymous(recorder: Recorder) -> Iterator[Client]:
    with Client(base_url=recorder.base_url, verify_ssl=tls_context()) as plain:
        yield plain


# --- canned answers (each checked against the spec) ------------------------------------------

INJECT = {
    "type": "inject-instruction",
    "instruction": "Mention the refund policy.",
    "overrides_instructions": False,
}
CHANGE_TOOLS = {
    "type": "change-tool-candidates",
    "overrides_existing_tool_call_specs": True,
    "tool_call_specs": [
        {
            "tool_id": "64b7f0c2a1d3e4f5a6b7c8da",
            "version_constraint": ">=1.0,<2",
            "additional_instruction": "Look up the last invoice.",
            "audio_fillers": ["One moment."],
            "audio_filler_triggered_after": 2.5,
            "result_persistence": "persisted-preferred",
            "tool_name": "get_invoice",
        }
    ],
}
A_SET = {
    "id": SET_ID,
    "name": "Billing help",
    "is_active": True,
    "applied_to_services": [SERVICE_ID],
    "tags": {"team": "billing", "reviewed": None},
    "created_at": TIME,
    "creator": USER,
    "updated_at": LATER,
    "updated_by": USER,
}
A_SET_VERSION = {
    "_id": "64b7f0c2a1d3e4f5a6b7c8e0",
    "org_id": ORG,
    "dynamic_behavior_set_id": SET_ID,
    "version": 2,
    "conversation_triggers": ["refund", "invoice"],
    "actions": [INJECT, CHANGE_TOOLS],
    "creator": USER,
    "created_at": TIME,
    "updated_at": LATER,
}
A_SCENARIO = {
    "id": SCENARIO_ID,
    "name": "Account Setup Assistance",
    "tags": {"category": "onboarding"},
    "is_deleted": False,
    "created_at": TIME,
    "creator": USER,
    "updated_at": LATER,
    "updated_by": USER,
}
A_SCENARIO_VERSION = {
    "_id": "65a1b2c3d4e5f60718293a4c",
    "org_id": ORG,
    "simulation_scenario_id": SCENARIO_ID,
    "version": 1,
    "objective": "Set up the account.",
    "instructions": "Act confused about the setup process.",
    "initial_message_type": "user-message",
    "conversation_starts_at": None,
    "creator": USER,
}
MANUAL_SOURCE = {
    "type": "manual",
    "conversation_id": CONVERSATION_ID,
    "evaluate_to_interaction_id": None,
    "invoked_by": USER,
    "references": ["I want my money back"],
}


A_METRIC = {
    "id": METRIC_ID,
    "org_id": ORG,
    "name": "Customer satisfaction",
    "applied_to_services": [],
    "additional_notes": None,
    "tags": [{"key": "team", "value": "support"}, {"key": "team", "value": None}],
    "creator": USER,
    "updated_by": USER,
    "metric_value_type": "numerical",
    "is_deleted": False,
    "created_at": LATER,
    "updated_at": LATER,
}
A_CONVERSATION = {
    "id": CONVERSATION_ID,
    "user_id": "user-1",
    "created_at": LATER,
    "is_finished": True,
    "is_analyzed": True,
    "completed_post_processings": ["compute-metrics"],
    "final_message": "Glad I could help.",
    "service_id": SET_ID,
    "version_set_info": {
        "name": "release",
        "agent_version_info": [SET_ID, 3],
        "service_hierarchical_state_machine_version_info": [SET_ID, 2],
        "llm_model_preferences": {"conversation": {"llm_name": "model-a", "params": {}}},
    },
    "num_messages": 4,
    "tags": {"channel": "chat"},
}


def a_result(result_id: str, value: Any, source: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": result_id,
        "org_id": ORG,
        "metric_id": METRIC_ID,
        "metric_version": 3,
        "result": value,
        "justification": "The agent offered a refund.",
        "source": source,
    }


# --- the cases: one per operation ---------------------------------------------------------


class Model(Protocol):
    """What every generated model has."""

    def to_dict(self) -> dict[str, Any]: ...


@dataclass
class Case:
    operation_id: str
    call: Callable[[AuthenticatedClient, Client], Response[Any]]
    method: str
    path: str
    status: int
    answer: Any
    parsed_type: type[Model] | None
    query: list[tuple[str, str]] = field(default_factory=list)
    raw_query_parts: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    absent_headers: tuple[str, ...] = ()
    json_body: Any = None
    authenticated: bool = True


CASES = [
    Case(
        "sign-in-with-api-key",
        lambda _, anonymous: sign_in_with_api_key.sync_detailed(
            ORG,
            client=anonymous,
            x_api_key="key-secret-value",
            x_api_key_id="key-id-1",
            x_user_id="user-1",
        ),
        "POST",
        f"/v1/{ORG}/user/signin_with_api_key",
        200,
        {"id_token": "eyJhbGciOiJIUzI1NiJ9.e30.sig", "expires_at": LATER},
        SignInWithApiKeyResponse,
        headers={
            "x-api-key": "key-secret-value",
            "x-api-key-id": "key-id-1",
            "x-user-id": "user-1",
        },
        absent_headers=("authorization", "x-mongo-cluster-name", "content-type"),
        authenticated=False,
    ),
    Case(
        "get-dynamic-behavior-sets",
        lambda client, _: get_dynamic_behavior_sets.sync_detailed(
            ORG,
            client=client,
            id=[SET_ID, OTHER_SET_ID],
            is_active=True,
            applied_to_service=[SERVICE_ID],
            creator=["org-acme,user-1"],
            tag=["team:billing", "reviewed:"],
            sort_by=[
                GetDynamicBehaviorSetsSortByItem("-updated_at"),
                GetDynamicBehaviorSetsSortByItem("+updated_at"),
            ],
            x_mongo_cluster_name="cluster-7",
        ),
        "GET",
        f"/v1/{ORG}/dynamic_behavior_set/",
        200,
        {
            "dynamic_behavior_sets": [A_SET],
            "has_more": True,
            "continuation_token": 1,
            "filter_values": {
                "applied_to_services_ids": [SERVICE_ID],
                "creators": [USER],
                "tags": ["team"],
            },
        },
        DynamicBehaviorSetList,
        query=[
            ("id", SET_ID),
            ("id", OTHER_SET_ID),
            ("limit", "50"),
            ("continuation_token", "0"),
            ("is_active", "true"),
            ("applied_to_service", SERVICE_ID),
            ("creator", "org-acme,user-1"),
            ("tag", "team:billing"),
            ("tag", "reviewed:"),
            ("sort_by", "-updated_at"),
            ("sort_by", "+updated_at"),
        ],
        # Arrays explode into repeated keys; "+" is percent-encoded, or it would read as a space.
        raw_query_parts=(
            f"id={SET_ID}&id={OTHER_SET_ID}",
            "sort_by=-updated_at&sort_by=%2Bupdated_at",
        ),
        headers={"x-mongo-cluster-name": "cluster-7"},
    ),
    Case(
        "create-dynamic-behavior-set",
        lambda client, _: create_dynamic_behavior_set.sync_detailed(
            ORG,
            client=client,
            body=CreateDynamicBehaviorSetRequest.from_dict(
                {
                    "name": "Billing help",
                    "tags": {"team": "billing"},
                    "applied_to_services": [SERVICE_ID],
                    "initial_version": {
                        "is_active": True,
                        "conversation_triggers": ["refund"],
                        "actions": [INJECT, CHANGE_TOOLS],
                    },
                }
            ),
        ),
        "POST",
        f"/v1/{ORG}/dynamic_behavior_set/",
        201,
        {"dynamic_behavior_set_id": SET_ID},
        CreateDynamicBehaviorSetResponse,
        json_body={
            "name": "Billing help",
            "tags": {"team": "billing"},
            "applied_to_services": [SERVICE_ID],
            "initial_version": {
                "is_active": True,
                "conversation_triggers": ["refund"],
                "actions": [INJECT, CHANGE_TOOLS],
            },
        },
        absent_headers=("x-mongo-cluster-name",),
    ),
    Case(
        "search-dynamic-behavior-sets",
        lambda client, _: search_dynamic_behavior_sets.sync_detailed(
            ORG,
            client=client,
            query="refund policy",
            is_active=False,
            applied_to_service=[],
            creator=["org-acme,user-1"],
        ),
        "GET",
        f"/v1/{ORG}/dynamic_behavior_set/search",
        200,
        {"dynamic_behavior_sets": [A_SET]},
        DynamicBehaviorSetSearchResult,
        # An empty filter list sends nothing; no page parameters on search.
        query=[("query", "refund policy"), ("is_active", "false"), ("creator", "org-acme,user-1")],
    ),
    Case(
        "update-dynamic-behavior-set",
        lambda client, _: update_dynamic_behavior_set.sync_detailed(
            ORG,
            SET_ID,
            client=client,
            body=UpdateDynamicBehaviorSetRequest(
                name="Billing help v2", tags=None, is_active=False
            ),
            x_mongo_cluster_name="cluster-7",
        ),
        "POST",
        f"/v1/{ORG}/dynamic_behavior_set/{SET_ID}/",
        204,
        None,
        None,
        # Unset fields are left out, None is sent as null.
        json_body={"name": "Billing help v2", "tags": None, "is_active": False},
        headers={"x-mongo-cluster-name": "cluster-7"},
    ),
    Case(
        "delete-dynamic-behavior-set",
        lambda client, _: delete_dynamic_behavior_set.sync_detailed(ORG, SET_ID, client=client),
        "DELETE",
        f"/v1/{ORG}/dynamic_behavior_set/{SET_ID}/",
        200,
        {},
        DeleteDynamicBehaviorSetResponse,
    ),
    Case(
        "get-dynamic-behavior-set-versions",
        lambda client, _: get_dynamic_behavior_set_versions.sync_detailed(
            ORG,
            SET_ID,
            client=client,
            version="2-latest",
            limit=5,
            sort_by=[GetDynamicBehaviorSetVersionsSortByItem("-version")],
        ),
        "GET",
        f"/v1/{ORG}/dynamic_behavior_set/{SET_ID}/version/",
        200,
        {
            "dynamic_behavior_set_versions": [A_SET_VERSION],
            "has_more": False,
            "continuation_token": None,
        },
        DynamicBehaviorSetVersionList,
        query=[
            ("version", "2-latest"),
            ("limit", "5"),
            ("continuation_token", "0"),
            ("sort_by", "-version"),
        ],
    ),
    Case(
        "create-dynamic-behavior-set-version",
        lambda client, _: create_dynamic_behavior_set_version.sync_detailed(
            ORG,
            SET_ID,
            client=client,
            body=CreateDynamicBehaviorSetVersionRequest(
                conversation_triggers=["refund", "chargeback"],
                actions=[
                    InjectInstructionAction.from_dict(INJECT),
                    ChangeToolCandidatesAction.from_dict(CHANGE_TOOLS),
                ],
            ),
            version=3,
        ),
        "POST",
        f"/v1/{ORG}/dynamic_behavior_set/{SET_ID}/version/",
        201,
        {"new_version_number": 3},
        CreateDynamicBehaviorSetVersionResponse,
        query=[("version", "3")],
        json_body={
            "conversation_triggers": ["refund", "chargeback"],
            "actions": [INJECT, CHANGE_TOOLS],
        },
    ),
    Case(
        "get-dynamic-behavior-invocations",
        lambda client, _: get_dynamic_behavior_invocations.sync_detailed(
            ORG,
            SET_ID,
            client=client,
            continuation_token=30,
            sort_by=[GetDynamicBehaviorInvocationsSortByItem("+invoked_at")],
        ),
        "GET",
        f"/v1/{ORG}/dynamic_behavior_set/{SET_ID}/invocation/",
        200,
        {
            "dynamic_behavior_invocations": [
                {
                    "_id": "64b7f0c2a1d3e4f5a6b7c8f0",
                    "org_id": ORG,
                    "conversation_id": CONVERSATION_ID,
                    "service_id": SERVICE_ID,
                    "user_id": "user-9",
                    "initial_message_id": "msg-1",
                    "agent_message_id": None,
                    "agent_inner_thoughts_ids": ["thought-1"],
                    "dynamic_behavior_set_version_info": [SET_ID, 2],
                    "invoked_at": TIME,
                    "external_event_message_ids": [],
                }
            ],
            "has_more": True,
            "continuation_token": 60,
        },
        DynamicBehaviorInvocationList,
        query=[("limit", "30"), ("continuation_token", "30"), ("sort_by", "+invoked_at")],
        raw_query_parts=("sort_by=%2Binvoked_at",),
    ),
    Case(
        "evaluate-metrics",
        lambda client, _: evaluate_metrics.sync_detailed(
            ORG,
            client=client,
            body=EvaluateMetricsRequest(
                metric_ids=[METRIC_ID, OTHER_METRIC_ID],
                conversation_id=CONVERSATION_ID,
                evaluate_to_interaction_id=None,
            ),
        ),
        "POST",
        f"/v1/{ORG}/metric/evaluate",
        200,
        {
            "metrics": [
                {
                    "metric_id": METRIC_ID,
                    "value": 4.5,
                    "references": ["thanks"],
                    "justification": "Polite.",
                },
                {
                    "metric_id": OTHER_METRIC_ID,
                    "value": True,
                    "references": [],
                    "justification": "Resolved.",
                },
            ]
        },
        EvaluateMetricsResponse,
        json_body={
            "metric_ids": [METRIC_ID, OTHER_METRIC_ID],
            "conversation_id": CONVERSATION_ID,
            "evaluate_to_interaction_id": None,
        },
    ),
    Case(
        "get-metric-evaluation-results",
        lambda client, _: get_metric_evaluation_results.sync_detailed(
            ORG,
            client=client,
            limit=100,
            timestamp_after=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
            metric_id=[METRIC_ID],
            metric_id_and_version=[f"{METRIC_ID}-3"],
            source_type=[
                MetricEvaluationSourceType.MANUAL,
                MetricEvaluationSourceType.POST_SESSION,
            ],
            conversation_id=[CONVERSATION_ID],
            sort_by=[GetMetricEvaluationResultsSortByItem("-created_at")],
        ),
        "GET",
        f"/v1/{ORG}/metric/metric_evaluation_result",
        200,
        {
            "metric_evaluation_results": [
                a_result(
                    "r1",
                    "yes",
                    {"type": "post-session", "conversation_id": CONVERSATION_ID, "references": []},
                ),
                {
                    **a_result("r2", None, MANUAL_SOURCE),
                    "created_at": TIME,
                    "updated_at": TIME,
                },
                a_result(
                    "r3",
                    7,
                    {
                        "type": "simulation",
                        "simulation_unit_test_set_run_id": "run-1",
                        "unit_test_id": "test-1",
                        "run_index": 0,
                        "references": ["hello"],
                    },
                ),
            ],
            "has_more": False,
            "continuation_token": None,
            "filter_values": {"metric_ids": [METRIC_ID]},
        },
        MetricEvaluationResultList,
        query=[
            ("limit", "100"),
            ("continuation_token", "0"),
            ("timestamp_after", "2025-01-02T03:04:05+00:00"),
            ("metric_id", METRIC_ID),
            ("metric_id_and_version", f"{METRIC_ID}-3"),
            ("source_type", "manual"),
            ("source_type", "post-session"),
            ("conversation_id", CONVERSATION_ID),
            ("sort_by", "-created_at"),
        ],
        raw_query_parts=("timestamp_after=2025-01-02T03%3A04%3A05%2B00%3A00",),
    ),
    Case(
        "get-metrics",
        lambda client, _: get_metrics.sync_detailed(
            ORG, client=client, type_=[MetricValueType.NUMERICAL], tag=["team:*"]
        ),
        "GET",
        f"/v1/{ORG}/metric/",
        200,
        {
            "metrics": [A_METRIC],
            "has_more": False,
            "continuation_token": None,
            "filter_values": None,
        },
        MetricList,
        query=[
            ("limit", "50"),
            ("continuation_token", "0"),
            ("type", "numerical"),
            ("is_deleted", "false"),
            ("tag", "team:*"),
        ],
    ),
    Case(
        "search-metrics",
        lambda client, _: search_metrics.sync_detailed(ORG, client=client, query="satisfied"),
        "GET",
        f"/v1/{ORG}/metric/search/",
        200,
        {
            "metrics": [
                {"_id": METRIC_ID, **{k: v for k, v in A_METRIC.items() if k != "id"}},
            ]
        },
        MetricSearchResult,
        query=[("query", "satisfied")],
    ),
    Case(
        "get-conversations",
        lambda client, _: get_conversations.sync_detailed(
            ORG, client=client, is_finished=True, id=[CONVERSATION_ID]
        ),
        "GET",
        f"/v1/{ORG}/conversation/",
        200,
        {"conversations": [A_CONVERSATION], "has_more": False, "continuation_token": None},
        ConversationList,
        query=[
            ("is_finished", "true"),
            ("id", CONVERSATION_ID),
            ("limit", "150"),
            ("continuation_token", "0"),
        ],
    ),
    Case(
        "get-conversation-messages",
        lambda client, _: get_conversation_messages.sync_detailed(
            ORG, CONVERSATION_ID, client=client, message_type=[MessageType.USER_MESSAGE]
        ),
        "GET",
        f"/v1/{ORG}/conversation/{CONVERSATION_ID}/messages/",
        200,
        {
            "messages": [
                {
                    "id": SET_ID,
                    "interaction_id": METRIC_ID,
                    "created_at": LATER,
                    "sender": "User",
                    "message": "I want my money back",
                    "format": "text",
                    "message_type": "user-message",
                }
            ],
            "has_more": True,
            "continuation_token": 1,
        },
        ConversationMessageList,
        query=[
            ("message_type", "user-message"),
            ("limit", "500"),
            ("continuation_token", "0"),
        ],
    ),
    Case(
        "create-simulation-scenario",
        lambda client, _: create_simulation_scenario.sync_detailed(
            ORG,
            client=client,
            body=CreateSimulationScenarioRequest(
                name="Account Setup Assistance",
                tags=Tags.from_dict({"category": "onboarding", "priority": "high"}),
                initial_version=SimulationScenarioVersionContent(
                    objective="Set up the account.",
                    instructions="Act confused.",
                    initial_message_type=InitialMessageType.USER_MESSAGE,
                    conversation_starts_at=None,
                ),
            ),
        ),
        "POST",
        f"/v1/{ORG}/simulation/scenario/",
        201,
        {"simulation_scenario_id": SCENARIO_ID},
        CreateSimulationScenarioResponse,
        json_body={
            "name": "Account Setup Assistance",
            "tags": {"category": "onboarding", "priority": "high"},
            "initial_version": {
                "objective": "Set up the account.",
                "instructions": "Act confused.",
                "initial_message_type": "user-message",
                "conversation_starts_at": None,
            },
        },
    ),
    Case(
        "get-simulation-scenarios",
        # Nothing but the defaults: the spec's default page parameters are sent, nothing else.
        lambda client, _: get_simulation_scenarios.sync_detailed(ORG, client=client),
        "GET",
        f"/v1/{ORG}/simulation/scenario/",
        200,
        {
            "simulation_scenarios": [A_SCENARIO],
            "has_more": False,
            "continuation_token": None,
            "filter_values": None,
        },
        SimulationScenarioList,
        query=[("limit", "50"), ("continuation_token", "0")],
        absent_headers=("x-mongo-cluster-name", "content-type"),
    ),
    Case(
        "search-simulation-scenarios",
        lambda client, _: search_simulation_scenarios.sync_detailed(
            ORG, client=client, query="setup", tag=["category:*"]
        ),
        "GET",
        f"/v1/{ORG}/simulation/scenario/search",
        200,
        {"simulation_scenarios": [A_SCENARIO]},
        SimulationScenarioSearchResult,
        query=[("query", "setup"), ("tag", "category:*")],
    ),
    Case(
        "update-simulation-scenario",
        lambda client, _: update_simulation_scenario.sync_detailed(
            ORG,
            SCENARIO_ID,
            client=client,
            body=UpdateSimulationScenarioRequest(
                tags=Tags.from_dict({"category": "billing", "archived": None})
            ),
        ),
        "POST",
        f"/v1/{ORG}/simulation/scenario/{SCENARIO_ID}/",
        204,
        None,
        None,
        json_body={"tags": {"category": "billing", "archived": None}},
    ),
    Case(
        "delete-simulation-scenario",
        # Path values are percent-encoded whole: a "/" cannot add a path segment.
        lambda client, _: delete_simulation_scenario.sync_detailed(
            "acme corp/eu", SCENARIO_ID, client=client
        ),
        "DELETE",
        f"/v1/acme%20corp%2Feu/simulation/scenario/{SCENARIO_ID}/",
        204,
        None,
        None,
    ),
    Case(
        "create-simulation-scenario-version",
        lambda client, _: create_simulation_scenario_version.sync_detailed(
            ORG,
            SCENARIO_ID,
            client=client,
            body=SimulationScenarioVersionContent(
                objective="Set up the account.",
                instructions="Act patient.",
                initial_message_type=InitialMessageType.EXTERNAL_EVENT,
                conversation_starts_at=datetime(2025, 6, 24, 20, 30, tzinfo=UTC),
            ),
            version=2,
        ),
        "POST",
        f"/v1/{ORG}/simulation/scenario/{SCENARIO_ID}/version/",
        201,
        {"version": 2},
        CreateSimulationScenarioVersionResponse,
        query=[("version", "2")],
        json_body={
            "objective": "Set up the account.",
            "instructions": "Act patient.",
            "initial_message_type": "external-event",
            "conversation_starts_at": "2025-06-24T20:30:00+00:00",
        },
    ),
    Case(
        "get-simulation-scenario-versions",
        lambda client, _: get_simulation_scenario_versions.sync_detailed(
            ORG,
            SCENARIO_ID,
            client=client,
            version="latest",
            sort_by=[GetSimulationScenarioVersionsSortByItem("+version")],
        ),
        "GET",
        f"/v1/{ORG}/simulation/scenario/{SCENARIO_ID}/version/",
        200,
        {
            "simulation_scenario_versions": [A_SCENARIO_VERSION],
            "has_more": False,
            "continuation_token": None,
        },
        SimulationScenarioVersionList,
        query=[
            ("version", "latest"),
            ("limit", "10"),
            ("continuation_token", "0"),
            ("sort_by", "+version"),
        ],
        raw_query_parts=("sort_by=%2Bversion",),
    ),
]
CASE_IDS = [case.operation_id for case in CASES]


def spec_operation(operation_id: str) -> tuple[str, str, dict[str, Any]]:
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return path, method, op
    raise LookupError(operation_id)


def response_validator(operation_id: str, status: int) -> Draft202012Validator:
    _, _, op = spec_operation(operation_id)
    answer = op["responses"][str(status)]
    schema = answer["content"]["application/json"]["schema"]
    return Draft202012Validator(DOC.absolute(schema["$ref"]), registry=DOC.registry)


def test_every_operation_has_a_case() -> None:
    spec_ids = {
        op["operationId"]
        for item in SPEC["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
    }
    # Each operation the sandbox emulates has a case; one just added to the spec may not yet.
    assert set(HANDLERS) <= set(CASE_IDS) <= spec_ids
    assert len(CASE_IDS) == len(set(CASE_IDS))


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_case_matches_the_spec(case: Case) -> None:
    """The expected method, path and status are the spec's; the canned answer is spec-valid."""
    path, method, op = spec_operation(case.operation_id)
    assert case.method == method.upper()
    assert case.path.count("/") == path.count("/")
    assert str(case.status) in op["responses"]
    if case.answer is not None:
        errors_found = [
            e.message
            for e in response_validator(case.operation_id, case.status).iter_errors(case.answer)
        ]
        assert errors_found == []


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_operation_builds_the_request_and_parses_the_answer(
    case: Case, recorder: Recorder, client: AuthenticatedClient, anonymous: Client
) -> None:
    recorder.respond(case.status, case.answer)

    response = case.call(client, anonymous)

    request = recorder.only
    assert request.method == case.method
    assert request.path == case.path
    assert request.query_pairs == case.query
    for part in case.raw_query_parts:
        assert part in request.query, request.query
    if case.authenticated:
        assert request.headers["authorization"] == f"Bearer {TOKEN}"
    for name, value in case.headers.items():
        assert request.headers.get(name) == value, name
    for name in case.absent_headers:
        assert name not in request.headers, name
    if case.json_body is None:
        assert request.body == b""
    else:
        assert request.headers["content-type"] == "application/json"
        assert json.loads(request.body) == case.json_body

    assert response.status_code == case.status
    assert isinstance(response.status_code, HTTPStatus)
    assert response.headers["x-ratelimit-remaining"] == "42"
    if case.parsed_type is None:
        assert response.parsed is None
        assert response.content == b""
    else:
        assert isinstance(response.parsed, case.parsed_type)
        assert response.parsed.to_dict() == case.answer
        assert json.loads(response.content) == case.answer


def test_parsed_unions_pick_the_arm_named_by_type(
    recorder: Recorder, client: AuthenticatedClient
) -> None:
    case = next(c for c in CASES if c.operation_id == "get-metric-evaluation-results")
    recorder.respond(200, case.answer)
    parsed = case.call(client, Client(base_url=recorder.base_url, verify_ssl=tls_context())).parsed
    assert isinstance(parsed, MetricEvaluationResultList)
    sources = [result.source for result in parsed.metric_evaluation_results]
    assert [type(s) for s in sources] == [
        PostSessionMetricSource,
        ManualMetricSource,
        SimulationMetricSource,
    ]

    # `type` may be left out of a source (SOURCES.md, F4): the fields it has decide.
    assert isinstance(case.answer, dict)
    untyped = copy.deepcopy(case.answer)
    for result in untyped["metric_evaluation_results"]:
        del result["source"]["type"]
    recorder.respond(200, untyped)
    parsed = case.call(client, Client(base_url=recorder.base_url, verify_ssl=tls_context())).parsed
    assert isinstance(parsed, MetricEvaluationResultList)
    read = [result.source for result in parsed.metric_evaluation_results]
    assert [type(s) for s in read] == [type(s) for s in sources]
    assert [s.to_dict() for s in read] == [
        r["source"] for r in untyped["metric_evaluation_results"]
    ]

    recorder.requests.clear()
    recorder.respond(
        200,
        {
            "dynamic_behavior_set_versions": [A_SET_VERSION],
            "has_more": False,
            "continuation_token": None,
        },
    )
    versions = get_dynamic_behavior_set_versions.sync(ORG, SET_ID, client=client)
    assert isinstance(versions, DynamicBehaviorSetVersionList)
    version = versions.dynamic_behavior_set_versions[0]
    assert [type(a) for a in version.actions] == [
        InjectInstructionAction,
        ChangeToolCandidatesAction,
    ]
    assert version.field_id == A_SET_VERSION["_id"]


def test_async_variant_sends_the_same_request(recorder: Recorder) -> None:
    recorder.respond(200, {"simulation_scenarios": [A_SCENARIO]})

    async def call() -> Response[Any]:
        async with AuthenticatedClient(
            base_url=recorder.base_url, token=TOKEN, verify_ssl=tls_context()
        ) as client:
            return await search_simulation_scenarios.asyncio_detailed(
                ORG, client=client, query="setup"
            )

    response = asyncio.run(call())
    assert recorder.only.path == f"/v1/{ORG}/simulation/scenario/search"
    assert recorder.only.query_pairs == [("query", "setup")]
    assert recorder.only.headers["authorization"] == f"Bearer {TOKEN}"
    assert isinstance(response.parsed, SimulationScenarioSearchResult)


def test_documented_error_answers_parse_as_error_bodies(
    recorder: Recorder, client: AuthenticatedClient
) -> None:
    recorder.respond(
        422,
        {
            "detail": [
                {"loc": ["query", "limit"], "msg": "must be at most 50", "type": "less_than_equal"}
            ]
        },
    )
    response = get_dynamic_behavior_sets.sync_detailed(ORG, client=client, limit=51)
    assert response.status_code == 422
    assert isinstance(response.parsed, ErrorBody)
    assert isinstance(response.parsed.detail, list)
    assert isinstance(response.parsed.detail[0], ValidationErrorItem)
    assert response.parsed.detail[0].loc == ["query", "limit"]

    recorder.respond(409, {"detail": "An active set with that name exists.", "request_id": "req-1"})
    created = create_dynamic_behavior_set.sync_detailed(
        ORG, client=client, body=CreateDynamicBehaviorSetRequest.from_dict(CREATE_BODY)
    )
    assert isinstance(created.parsed, ErrorBody)
    assert created.parsed.detail == "An active set with that name exists."
    assert created.parsed.request_id == "req-1"


ERROR_ANSWERS = [
    pytest.param(
        422,
        {"detail": [{"loc": ["query", "limit"], "msg": "too big", "type": "less_than_equal"}]},
        UnprocessableEntityError,
        "limit: too big",
        "- limit: too big",
        id="validation-items",
    ),
    pytest.param(
        502,  # not documented: the generated operation leaves it unparsed
        {"detail": "upstream down", "request_id": "req-7", "error_code": "E7"},
        APIStatusError,
        "upstream down [request ID req-7]",
        "Error code: E7",
        id="undocumented-status-with-an-error-body",
    ),
    pytest.param(
        422,
        {"detail": [{"loc": ["body", "name"]}]},  # items without msg or type
        UnprocessableEntityError,
        "HTTP 422",
        "Body (no detail the API describes): {",
        id="validation-items-of-another-shape",
    ),
    pytest.param(
        503,
        b"<html>Down for maintenance</html>",
        ServiceUnavailableError,
        "HTTP 503",
        "Body (no detail the API describes): <html>Down",
        id="not-json",
    ),
    pytest.param(
        404, ["not", "an", "object"], NotFoundError, "HTTP 404", '["not", "an"', id="a-list"
    ),
]


@pytest.mark.parametrize(("status", "body", "cls", "in_message", "in_tool_text"), ERROR_ANSWERS)
def test_error_answers_are_read_through_the_error_body_model(
    recorder: Recorder,
    client: AuthenticatedClient,
    status: int,
    body: Any,
    cls: type[APIStatusError],
    in_message: str,
    in_tool_text: str,
) -> None:
    """The client's exception and the server's tool text read an error answer through the
    generated `ErrorBody`; bodies of other shapes still give the status and show the body."""
    content_type = "text/html" if isinstance(body, bytes) else "application/json"
    recorder.respond(status, body, content_type)
    response = delete_dynamic_behavior_set.sync_detailed(ORG, SET_ID, client=client)
    error = status_error("delete-dynamic-behavior-set", response)
    assert type(error) is cls and error.status_code == status
    assert in_message in str(error)
    assert isinstance(error_body(response), ErrorBody) == isinstance(body, dict)
    if isinstance(error.detail, list):
        assert all(isinstance(item, ValidationErrorItem) for item in error.detail)
    text = api_error_message("delete-dynamic-behavior-set", response, now=0.0)
    assert text.startswith(f"Amigo answered HTTP {status} to delete-dynamic-behavior-set.")
    assert in_tool_text in text
    # The body is shown exactly when it holds no detail the API describes.
    assert ("Body (" in text) == (error.detail is None)


CREATE_BODY = {
    "name": "Billing help",
    "tags": {},
    "applied_to_services": [],
    "initial_version": {"is_active": True, "conversation_triggers": ["refund"], "actions": []},
}


# --- answers that drift from the spec: parsed=None, one warning, nothing raised -------------

SECRET_MARKER = "do-not-log-3f9a"


def _drifted_scenario_version() -> dict[str, Any]:
    """A version whose enum field holds a number: a value no reading can keep as the enum."""
    return {**A_SCENARIO_VERSION, "initial_message_type": 7, "objective": SECRET_MARKER}


def _drifted_set_without_name() -> dict[str, Any]:
    drifted = {key: value for key, value in A_SET.items() if key != "name"}
    return {**drifted, "tags": {"secret": SECRET_MARKER}}


DRIFTS = [
    pytest.param(
        lambda client: get_simulation_scenario_versions.sync_detailed(
            ORG, SCENARIO_ID, client=client
        ),
        200,
        json.dumps(
            {
                "simulation_scenario_versions": [_drifted_scenario_version()],
                "has_more": False,
                "continuation_token": None,
            }
        ).encode(),
        "application/json",
        id="number-for-an-enum",
    ),
    pytest.param(
        lambda client: get_dynamic_behavior_sets.sync_detailed(ORG, client=client),
        200,
        json.dumps(
            {
                "dynamic_behavior_sets": [_drifted_set_without_name()],
                "has_more": False,
                "continuation_token": None,
                "filter_values": None,
            }
        ).encode(),
        "application/json",
        id="missing-required-field",
    ),
    pytest.param(
        lambda client: get_dynamic_behavior_set_versions.sync_detailed(ORG, SET_ID, client=client),
        200,
        json.dumps(
            {
                "dynamic_behavior_set_versions": [
                    {**A_SET_VERSION, "actions": [{"type": "play-sound", "sound": SECRET_MARKER}]}
                ],
                "has_more": False,
                "continuation_token": None,
            }
        ).encode(),
        "application/json",
        id="oneof-unknown-type",
    ),
    pytest.param(
        lambda client: get_dynamic_behavior_set_versions.sync_detailed(ORG, SET_ID, client=client),
        200,
        json.dumps(
            {
                "dynamic_behavior_set_versions": [
                    # The last arm's fields are missing: a raw KeyError without the fix.
                    {
                        **A_SET_VERSION,
                        "actions": [{"type": "change-tool-candidates", "note": SECRET_MARKER}],
                    }
                ],
                "has_more": False,
                "continuation_token": None,
            }
        ).encode(),
        "application/json",
        id="oneof-no-arm-matches",
    ),
    pytest.param(
        lambda client: get_metric_evaluation_results.sync_detailed(ORG, client=client),
        200,
        json.dumps(
            {
                "metric_evaluation_results": [
                    a_result("r9", 1, {"type": "imported", "by": SECRET_MARKER})
                ],
                "has_more": False,
                "continuation_token": None,
            }
        ).encode(),
        "application/json",
        id="oneof-unknown-source",
    ),
    pytest.param(
        lambda client: delete_dynamic_behavior_set.sync_detailed(ORG, SET_ID, client=client),
        503,
        f"<html><body>Down for maintenance {SECRET_MARKER}</body></html>".encode(),
        "text/html",
        id="non-json-error-body",
    ),
    pytest.param(
        lambda client: sign_in_with_api_key.sync_detailed(
            ORG, client=client, x_api_key="k", x_api_key_id="i", x_user_id="u"
        ),
        401,
        b"",
        "application/json",
        id="empty-error-body",
    ),
    pytest.param(
        lambda client: create_simulation_scenario.sync_detailed(
            ORG,
            client=client,
            body=CreateSimulationScenarioRequest.from_dict(
                {
                    "name": "n",
                    "tags": {},
                    "initial_version": {
                        "objective": "o",
                        "instructions": "i",
                        "initial_message_type": "skip",
                        "conversation_starts_at": None,
                    },
                }
            ),
        ),
        201,
        json.dumps([SECRET_MARKER]).encode(),
        "application/json",
        id="array-instead-of-object",
    ),
    pytest.param(
        lambda client: get_simulation_scenarios.sync_detailed(ORG, client=client),
        200,
        json.dumps(
            {
                "simulation_scenarios": [{**A_SCENARIO, "created_at": SECRET_MARKER}],
                "has_more": False,
                "continuation_token": None,
                "filter_values": None,
            }
        ).encode(),
        "application/json",
        id="bad-date-time",
    ),
]


@pytest.mark.parametrize(("call", "status", "body", "content_type"), DRIFTS)
def test_drifted_answer_gives_parsed_none_and_one_warning(
    call: Callable[[AuthenticatedClient], Response[Any]],
    status: int,
    body: bytes,
    content_type: str,
    recorder: Recorder,
    client: AuthenticatedClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    recorder.respond(status, body, content_type)

    with caplog.at_level(logging.WARNING, logger="amigo_client"):
        response = call(client)

    assert response.parsed is None
    assert response.status_code == status
    assert response.content == body
    assert response.headers["content-type"] == content_type
    # Why is kept: the field that could not be read, its value, and the original error.
    problem = response.parse_error
    if 200 <= status < 300:
        assert problem is not None and problem.__cause__ is not None
        assert problem.field in str(problem) and type(problem.__cause__).__name__ in str(problem)
    records = [r for r in caplog.records if r.name == "amigo_client"]
    assert len(records) == 1
    assert records[0].levelno == logging.WARNING
    message = records[0].getMessage()
    assert f"HTTP {status}" in message
    assert SECRET_MARKER not in message
    assert TOKEN not in message
    assert records[0].exc_info is None


def test_sync_returns_none_on_drift(recorder: Recorder, client: AuthenticatedClient) -> None:
    recorder.respond(
        200,
        {
            "simulation_scenario_versions": [_drifted_scenario_version()],
            "has_more": False,
            "continuation_token": None,
        },
    )
    assert get_simulation_scenario_versions.sync(ORG, SCENARIO_ID, client=client) is None


def test_additional_fields_are_kept_not_a_drift(
    recorder: Recorder, client: AuthenticatedClient, caplog: pytest.LogCaptureFixture
) -> None:
    recorder.respond(201, {"simulation_scenario_id": SCENARIO_ID, "warnings": []})
    with (
        caplog.at_level(logging.WARNING, logger="amigo_client"),
        pytest.warns(UnknownValueWarning, match="create_simulation_scenario: warnings: field"),
    ):
        response = create_simulation_scenario.sync_detailed(
            ORG,
            client=client,
            body=CreateSimulationScenarioRequest.from_dict(
                {
                    "name": "n",
                    "tags": {},
                    "initial_version": {
                        "objective": "o",
                        "instructions": "i",
                        "initial_message_type": "skip",
                        "conversation_starts_at": None,
                    },
                }
            ),
        )
    assert isinstance(response.parsed, CreateSimulationScenarioResponse)
    assert response.parsed.additional_properties == {"warnings": []}
    assert caplog.records == []


def test_status_code_without_a_name_is_kept(
    recorder: Recorder, client: AuthenticatedClient
) -> None:
    recorder.respond(520, b"<html>origin error</html>", "text/html")
    response = delete_simulation_scenario.sync_detailed(ORG, SCENARIO_ID, client=client)
    assert response.status_code == 520
    assert response.parsed is None
    assert response.content == b"<html>origin error</html>"


def test_unexpected_status_still_raises_when_asked(recorder: Recorder) -> None:
    recorder.respond(500, b"boom", "text/plain")
    with (
        AuthenticatedClient(
            base_url=recorder.base_url,
            token=TOKEN,
            raise_on_unexpected_status=True,
            verify_ssl=tls_context(),
        ) as strict,
        pytest.raises(errors.UnexpectedStatus) as raised,
    ):
        delete_simulation_scenario.sync_detailed(ORG, SCENARIO_ID, client=strict)
    assert raised.value.status_code == 500
