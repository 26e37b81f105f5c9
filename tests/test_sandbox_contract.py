"""Contract: the generated client drives every operation against the sandbox over HTTP.

For each operation, every status the spec documents is provoked for real (success, 400, 401,
403, 404, 409, 422, 429 by exhausting the operation's own limit, 503 by fault injection), and
every answer, success or error, is checked against the spec's response schema by a response
hook that reads the spec independently of the sandbox.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from amigo_client import AuthenticatedClient, Client
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
from amigo_client.models import (
    CreateDynamicBehaviorSetRequest,
    CreateDynamicBehaviorSetResponse,
    CreateDynamicBehaviorSetVersionRequest,
    CreateSimulationScenarioRequest,
    CreateSimulationScenarioResponse,
    EvaluateMetricsRequest,
    MessageType,
    MetricEvaluationSourceType,
    MetricValueType,
    SimulationScenarioVersionContent,
    UpdateDynamicBehaviorSetRequest,
    UpdateSimulationScenarioRequest,
)
from amigo_client.transport import tls_context
from amigo_client.types import Response

from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.demo import (
    DEMO_BEHAVIOR_SET_IDS,
    DEMO_CONVERSATION_ID,
    DEMO_EMPTY_CONVERSATION_ID,
    DEMO_METRIC_IDS,
    DEMO_SCENARIO_IN_USE_ID,
    DEMO_SERVICE_IDS,
)
from amigo_sandbox.handlers import HANDLERS
from amigo_sandbox.server import RunningSandbox
from amigo_sandbox.validation import RawRequest
from tests.sandbox_support import OPERATIONS, ResponseRecorder

UNKNOWN_ID = "0123456789abcdef01234567"
OTHER_ORGANIZATION = "amigo-contract-other"


def unique(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:10]}"


def set_body(name: str, active: bool = True) -> CreateDynamicBehaviorSetRequest:
    return CreateDynamicBehaviorSetRequest.from_dict(
        {
            "name": name,
            "tags": {"team": "contract", "flag": None},
            "applied_to_services": [DEMO_SERVICE_IDS["support"]],
            "initial_version": {
                "is_active": active,
                "conversation_triggers": ["user says hello"],
                "actions": [
                    {
                        "type": "inject-instruction",
                        "instruction": "Greet the user back.",
                        "overrides_instructions": False,
                    }
                ],
            },
        }
    )


VERSION_BODY = {
    "conversation_triggers": ["user says goodbye"],
    "actions": [
        {
            "type": "change-tool-candidates",
            "overrides_existing_tool_call_specs": False,
            "tool_call_specs": [
                {
                    "tool_id": UNKNOWN_ID,
                    "version_constraint": ">=1,<2",
                    "additional_instruction": "Use it to say goodbye.",
                    "audio_fillers": ["One moment."],
                    "audio_filler_triggered_after": 1.5,
                    "result_persistence": "ephemeral",
                    "tool_name": "farewell",
                }
            ],
        }
    ],
}

SCENARIO_CONTENT = {
    "objective": "Check the opening hours.",
    "instructions": "Ask once, then thank the agent.",
    "initial_message_type": "user-message",
    "conversation_starts_at": "2025-06-01T10:00:00Z",
}


def scenario_body(name: str, tags: dict[str, Any] | None = None) -> CreateSimulationScenarioRequest:
    return CreateSimulationScenarioRequest.from_dict(
        {"name": name, "tags": tags or {"suite": "contract"}, "initial_version": SCENARIO_CONTENT}
    )


@dataclass
class Ctx:
    sandbox: RunningSandbox
    recorder: ResponseRecorder

    @property
    def org(self) -> str:
        return self.sandbox.organization

    def client(
        self, token: str | None = None, headers: dict[str, str] | None = None
    ) -> AuthenticatedClient:
        return AuthenticatedClient(
            base_url=self.sandbox.base_url,
            token=token or self.sandbox.issue_token(),
            headers=headers or {},
            verify_ssl=tls_context(),
            httpx_args={"event_hooks": {"response": [self.recorder]}},
        )

    def anonymous(self) -> Client:
        return Client(
            base_url=self.sandbox.base_url,
            verify_ssl=tls_context(),
            httpx_args={"event_hooks": {"response": [self.recorder]}},
        )

    def new_set(self, client: AuthenticatedClient) -> str:
        answer = create_dynamic_behavior_set.sync_detailed(
            self.org, client=client, body=set_body(unique("set"))
        )
        assert answer.status_code == 201, answer.content
        assert isinstance(answer.parsed, CreateDynamicBehaviorSetResponse)
        return str(answer.parsed.dynamic_behavior_set_id)

    def new_scenario(self, client: AuthenticatedClient) -> str:
        answer = create_simulation_scenario.sync_detailed(
            self.org, client=client, body=scenario_body(unique("scenario"))
        )
        assert answer.status_code == 201, answer.content
        assert isinstance(answer.parsed, CreateSimulationScenarioResponse)
        return str(answer.parsed.simulation_scenario_id)


# A valid call of each operation, parameterised by client and organization; the generic checks
# (401, 403, 404 organization, 429, 503) reuse it. `specific` provokes the rest.
ValidCall = Callable[[Ctx, Any, str], Response[Any]]


@dataclass(frozen=True)
class Contract:
    valid: ValidCall
    specific: Callable[[Ctx], None]


CONTRACTS: dict[str, Contract] = {}


def contract(
    operation_id: str, valid: ValidCall
) -> Callable[[Callable[[Ctx], None]], Callable[[Ctx], None]]:
    def register(specific: Callable[[Ctx], None]) -> Callable[[Ctx], None]:
        CONTRACTS[operation_id] = Contract(valid, specific)
        return specific

    return register


def expect(answer: Response[Any], status: int) -> Any:
    assert answer.status_code == status, (answer.status_code, answer.content[:500])
    return answer.parsed


# --- auth ----------------------------------------------------------------------------------------


def _sign_in(ctx: Ctx, client: Any, org: str) -> Response[Any]:
    return sign_in_with_api_key.sync_detailed(
        org,
        client=ctx.anonymous() if isinstance(client, AuthenticatedClient) else client,
        x_api_key=ctx.sandbox.api_key,
        x_api_key_id=ctx.sandbox.api_key_id,
        x_user_id=ctx.sandbox.user_id,
    )


@contract("sign-in-with-api-key", _sign_in)
def _sign_in_specific(ctx: Ctx) -> None:
    parsed = expect(_sign_in(ctx, ctx.anonymous(), ctx.org), 200)
    expect(
        get_dynamic_behavior_sets.sync_detailed(ctx.org, client=ctx.client(parsed.id_token)), 200
    )
    for key, key_id, user in [
        ("wrong key", ctx.sandbox.api_key_id, ctx.sandbox.user_id),
        (ctx.sandbox.api_key, "wrong-id", ctx.sandbox.user_id),
        (ctx.sandbox.api_key, ctx.sandbox.api_key_id, UNKNOWN_ID),
    ]:
        answer = sign_in_with_api_key.sync_detailed(
            ctx.org, client=ctx.anonymous(), x_api_key=key, x_api_key_id=key_id, x_user_id=user
        )
        expect(answer, 401)
    answer = sign_in_with_api_key.sync_detailed(
        ctx.org,
        client=ctx.anonymous(),
        x_api_key="",
        x_api_key_id=ctx.sandbox.api_key_id,
        x_user_id="u",
    )
    assert expect(answer, 422).detail[0].loc == ["header", "x-api-key"]


# --- dynamic behavior sets -----------------------------------------------------------------------


@contract(
    "get-dynamic-behavior-sets",
    lambda ctx, c, org: get_dynamic_behavior_sets.sync_detailed(org, client=c),
)
def _list_sets(ctx: Ctx) -> None:
    client = ctx.client()
    page = expect(get_dynamic_behavior_sets.sync_detailed(ctx.org, client=client, limit=2), 200)
    assert len(page.dynamic_behavior_sets) == 2 and page.has_more and page.continuation_token == 2
    answer = get_dynamic_behavior_sets.sync_detailed(ctx.org, client=client, limit=51)
    assert expect(answer, 422).detail[0].loc == ["query", "limit"]
    twice = [DEMO_BEHAVIOR_SET_IDS["refunds"]] * 2
    answer = get_dynamic_behavior_sets.sync_detailed(ctx.org, client=client, id=twice)
    assert expect(answer, 422).detail[0].type_ == "unique_items"


@contract(
    "create-dynamic-behavior-set",
    lambda ctx, c, org: create_dynamic_behavior_set.sync_detailed(
        org, client=c, body=set_body(unique("set"))
    ),
)
def _create_set(ctx: Ctx) -> None:
    client = ctx.client()
    name = unique("set")
    created = expect(
        create_dynamic_behavior_set.sync_detailed(ctx.org, client=client, body=set_body(name)), 201
    )
    assert len(created.dynamic_behavior_set_id) == 24
    expect(
        create_dynamic_behavior_set.sync_detailed(ctx.org, client=client, body=set_body(name)), 409
    )
    answer = create_dynamic_behavior_set.sync_detailed(ctx.org, client=client, body=set_body(""))
    assert expect(answer, 422).detail[0].loc == ["body", "name"]


@contract(
    "search-dynamic-behavior-sets",
    lambda ctx, c, org: search_dynamic_behavior_sets.sync_detailed(org, client=c, query="refund"),
)
def _search_sets(ctx: Ctx) -> None:
    client = ctx.client()
    found = expect(
        search_dynamic_behavior_sets.sync_detailed(ctx.org, client=client, query="refund"), 200
    )
    assert found.dynamic_behavior_sets[0].id == DEMO_BEHAVIOR_SET_IDS["refunds"]
    answer = search_dynamic_behavior_sets.sync_detailed(ctx.org, client=client, query="")
    assert expect(answer, 422).detail[0].loc == ["query", "query"]
    answer = search_dynamic_behavior_sets.sync_detailed(
        ctx.org, client=client, query="refund", applied_to_service=[DEMO_SERVICE_IDS["support"]] * 2
    )
    assert expect(answer, 422).detail[0].loc == ["query", "applied_to_service"]


@contract(
    "update-dynamic-behavior-set",
    lambda ctx, c, org: update_dynamic_behavior_set.sync_detailed(
        org, UNKNOWN_ID, client=c, body=UpdateDynamicBehaviorSetRequest()
    ),
)
def _update_set(ctx: Ctx) -> None:
    client = ctx.client()
    set_id = ctx.new_set(client)
    body = UpdateDynamicBehaviorSetRequest.from_dict(
        {"name": unique("renamed"), "is_active": False}
    )
    expect(
        update_dynamic_behavior_set.sync_detailed(ctx.org, set_id, client=client, body=body), 204
    )
    clash = UpdateDynamicBehaviorSetRequest.from_dict(
        {"name": "Refund requests", "is_active": True}
    )
    expect(
        update_dynamic_behavior_set.sync_detailed(ctx.org, set_id, client=client, body=clash), 409
    )
    expect(
        update_dynamic_behavior_set.sync_detailed(ctx.org, UNKNOWN_ID, client=client, body=body),
        404,
    )
    answer = update_dynamic_behavior_set.sync_detailed(
        ctx.org, "not-an-id", client=client, body=body
    )
    assert expect(answer, 422).detail[0].loc == ["path", "dynamic_behavior_set_id"]


@contract(
    "delete-dynamic-behavior-set",
    lambda ctx, c, org: delete_dynamic_behavior_set.sync_detailed(org, UNKNOWN_ID, client=c),
)
def _delete_set(ctx: Ctx) -> None:
    client = ctx.client()
    set_id = ctx.new_set(client)
    expect(delete_dynamic_behavior_set.sync_detailed(ctx.org, set_id, client=client), 200)
    expect(delete_dynamic_behavior_set.sync_detailed(ctx.org, set_id, client=client), 404)
    answer = delete_dynamic_behavior_set.sync_detailed(ctx.org, "ABC", client=client)
    assert expect(answer, 422).detail[0].loc == ["path", "dynamic_behavior_set_id"]


@contract(
    "get-dynamic-behavior-set-versions",
    lambda ctx, c, org: get_dynamic_behavior_set_versions.sync_detailed(
        org, DEMO_BEHAVIOR_SET_IDS["refunds"], client=c
    ),
)
def _list_set_versions(ctx: Ctx) -> None:
    client = ctx.client()
    refunds = DEMO_BEHAVIOR_SET_IDS["refunds"]
    page = expect(
        get_dynamic_behavior_set_versions.sync_detailed(
            ctx.org, refunds, client=client, version="2-latest"
        ),
        200,
    )
    assert [v.version for v in page.dynamic_behavior_set_versions] == [2, 3]
    expect(get_dynamic_behavior_set_versions.sync_detailed(ctx.org, UNKNOWN_ID, client=client), 404)
    answer = get_dynamic_behavior_set_versions.sync_detailed(
        ctx.org, refunds, client=client, limit=11
    )
    assert expect(answer, 422).detail[0].loc == ["query", "limit"]


@contract(
    "create-dynamic-behavior-set-version",
    lambda ctx, c, org: create_dynamic_behavior_set_version.sync_detailed(
        org,
        UNKNOWN_ID,
        client=c,
        body=CreateDynamicBehaviorSetVersionRequest.from_dict(VERSION_BODY),
    ),
)
def _create_set_version(ctx: Ctx) -> None:
    client = ctx.client()
    set_id = ctx.new_set(client)
    body = CreateDynamicBehaviorSetVersionRequest.from_dict(VERSION_BODY)
    created = expect(
        create_dynamic_behavior_set_version.sync_detailed(
            ctx.org, set_id, client=client, body=body, version=2
        ),
        201,
    )
    assert created.new_version_number == 2
    expect(
        create_dynamic_behavior_set_version.sync_detailed(
            ctx.org, set_id, client=client, body=body, version=2
        ),
        400,
    )
    expect(
        create_dynamic_behavior_set_version.sync_detailed(
            ctx.org, UNKNOWN_ID, client=client, body=body
        ),
        404,
    )
    too_many = CreateDynamicBehaviorSetVersionRequest.from_dict(
        {**VERSION_BODY, "conversation_triggers": [f"t{i}" for i in range(51)]}
    )
    answer = create_dynamic_behavior_set_version.sync_detailed(
        ctx.org, set_id, client=client, body=too_many
    )
    assert expect(answer, 422).detail[0].loc == ["body", "conversation_triggers"]


@contract(
    "get-dynamic-behavior-invocations",
    lambda ctx, c, org: get_dynamic_behavior_invocations.sync_detailed(
        org, DEMO_BEHAVIOR_SET_IDS["refunds"], client=c
    ),
)
def _list_invocations(ctx: Ctx) -> None:
    client = ctx.client()
    page = expect(
        get_dynamic_behavior_invocations.sync_detailed(
            ctx.org, DEMO_BEHAVIOR_SET_IDS["refunds"], client=client
        ),
        200,
    )
    assert page.dynamic_behavior_invocations
    expect(get_dynamic_behavior_invocations.sync_detailed(ctx.org, UNKNOWN_ID, client=client), 404)
    answer = get_dynamic_behavior_invocations.sync_detailed(
        ctx.org, DEMO_BEHAVIOR_SET_IDS["refunds"], client=client, limit=0
    )
    assert expect(answer, 422).detail[0].loc == ["query", "limit"]


# --- metrics -------------------------------------------------------------------------------------


def _evaluate_body(
    conversation_id: str = DEMO_CONVERSATION_ID, **extra: Any
) -> EvaluateMetricsRequest:
    return EvaluateMetricsRequest.from_dict(
        {"metric_ids": [DEMO_METRIC_IDS["resolved"]], "conversation_id": conversation_id, **extra}
    )


@contract(
    "evaluate-metrics",
    lambda ctx, c, org: evaluate_metrics.sync_detailed(org, client=c, body=_evaluate_body()),
)
def _evaluate(ctx: Ctx) -> None:
    client = ctx.client()
    result = expect(
        evaluate_metrics.sync_detailed(ctx.org, client=client, body=_evaluate_body()), 200
    )
    assert result.metrics[0].metric_id == DEMO_METRIC_IDS["resolved"]
    expect(
        evaluate_metrics.sync_detailed(
            ctx.org, client=client, body=_evaluate_body(DEMO_EMPTY_CONVERSATION_ID)
        ),
        400,
    )
    expect(
        evaluate_metrics.sync_detailed(ctx.org, client=client, body=_evaluate_body(UNKNOWN_ID)), 404
    )
    duplicate = EvaluateMetricsRequest.from_dict(
        {"metric_ids": [DEMO_METRIC_IDS["resolved"]] * 2, "conversation_id": DEMO_CONVERSATION_ID}
    )
    answer = evaluate_metrics.sync_detailed(ctx.org, client=client, body=duplicate)
    assert expect(answer, 422).detail[0].loc == ["body", "metric_ids"]


@contract(
    "get-metric-evaluation-results",
    lambda ctx, c, org: get_metric_evaluation_results.sync_detailed(org, client=c, limit=5),
)
def _results(ctx: Ctx) -> None:
    client = ctx.client()
    page = expect(get_metric_evaluation_results.sync_detailed(ctx.org, client=client, limit=5), 200)
    assert len(page.metric_evaluation_results) == 5
    assert {r.metric_id for r in page.metric_evaluation_results} <= set(
        page.filter_values.metric_ids
    )
    for result in page.metric_evaluation_results:
        assert isinstance(result.created_at, datetime) and result.updated_at == result.created_at
    later = expect(
        get_metric_evaluation_results.sync_detailed(
            ctx.org, client=client, limit=5, continuation_token=page.continuation_token
        ),
        200,
    )
    assert later.metric_evaluation_results and later.filter_values is None
    answer = get_metric_evaluation_results.sync_detailed(ctx.org, client=client, limit=501)
    assert expect(answer, 422).detail[0].loc == ["query", "limit"]
    answer = get_metric_evaluation_results.sync_detailed(
        ctx.org, client=client, source_type=[MetricEvaluationSourceType.MANUAL] * 2
    )
    assert expect(answer, 422).detail[0].loc == ["query", "source_type"]


@contract("get-metrics", lambda ctx, c, org: get_metrics.sync_detailed(org, client=c))
def _list_metrics(ctx: Ctx) -> None:
    client = ctx.client()
    page = expect(get_metrics.sync_detailed(ctx.org, client=client, limit=2), 200)
    assert len(page.metrics) == 2 and page.has_more and page.filter_values is not None
    booleans = expect(
        get_metrics.sync_detailed(
            ctx.org, client=client, type_=[MetricValueType.BOOLEAN], tag=["team:billing"]
        ),
        200,
    )
    assert [m.id for m in booleans.metrics] == [DEMO_METRIC_IDS["resolved"]]
    answer = get_metrics.sync_detailed(ctx.org, client=client, limit=51)
    assert expect(answer, 422).detail[0].loc == ["query", "limit"]


@contract(
    "search-metrics",
    lambda ctx, c, org: search_metrics.sync_detailed(org, client=c, query="satisfaction"),
)
def _search_metrics(ctx: Ctx) -> None:
    client = ctx.client()
    found = expect(search_metrics.sync_detailed(ctx.org, client=client, query="satisfaction"), 200)
    assert found.metrics[0].field_id == DEMO_METRIC_IDS["satisfaction"]
    answer = search_metrics.sync_detailed(ctx.org, client=client, query="")
    assert expect(answer, 422).detail[0].loc == ["query", "query"]


# --- conversations -------------------------------------------------------------------------------


@contract("get-conversations", lambda ctx, c, org: get_conversations.sync_detailed(org, client=c))
def _list_conversations(ctx: Ctx) -> None:
    client = ctx.client()
    page = expect(get_conversations.sync_detailed(ctx.org, client=client, is_finished=True), 200)
    assert page.conversations and all(c.is_finished for c in page.conversations)
    assert DEMO_CONVERSATION_ID in {c.id for c in page.conversations}
    answer = get_conversations.sync_detailed(ctx.org, client=client, limit=0)
    assert expect(answer, 422).detail[0].loc == ["query", "limit"]


@contract(
    "get-conversation-messages",
    lambda ctx, c, org: get_conversation_messages.sync_detailed(
        org, DEMO_CONVERSATION_ID, client=c
    ),
)
def _list_messages(ctx: Ctx) -> None:
    client = ctx.client()
    page = expect(
        get_conversation_messages.sync_detailed(
            ctx.org,
            DEMO_CONVERSATION_ID,
            client=client,
            message_type=[MessageType.USER_MESSAGE],
            limit=1,
        ),
        200,
    )
    (latest,) = page.messages
    assert latest.message_type == MessageType.USER_MESSAGE and page.has_more
    expect(get_conversation_messages.sync_detailed(ctx.org, UNKNOWN_ID, client=client), 404)
    answer = get_conversation_messages.sync_detailed(
        ctx.org, DEMO_CONVERSATION_ID, client=client, limit=501
    )
    assert expect(answer, 422).detail[0].loc == ["query", "limit"]


# --- simulation scenarios ------------------------------------------------------------------------


@contract(
    "get-simulation-scenarios",
    lambda ctx, c, org: get_simulation_scenarios.sync_detailed(org, client=c),
)
def _list_scenarios(ctx: Ctx) -> None:
    client = ctx.client()
    page = expect(
        get_simulation_scenarios.sync_detailed(ctx.org, client=client, is_deleted=True), 200
    )
    assert all(s.is_deleted for s in page.simulation_scenarios) and page.simulation_scenarios
    answer = get_simulation_scenarios.sync_detailed(ctx.org, client=client, id=["nope"])
    assert expect(answer, 422).detail[0].loc == ["query", "id", 0]
    twice = [DEMO_SCENARIO_IN_USE_ID] * 2
    answer = get_simulation_scenarios.sync_detailed(ctx.org, client=client, id=twice)
    assert expect(answer, 422).detail[0].loc == ["query", "id"]


@contract(
    "create-simulation-scenario",
    lambda ctx, c, org: create_simulation_scenario.sync_detailed(
        org, client=c, body=scenario_body(unique("s"))
    ),
)
def _create_scenario(ctx: Ctx) -> None:
    client = ctx.client()
    name = unique("scenario")
    expect(
        create_simulation_scenario.sync_detailed(ctx.org, client=client, body=scenario_body(name)),
        201,
    )
    expect(
        create_simulation_scenario.sync_detailed(ctx.org, client=client, body=scenario_body(name)),
        409,
    )
    bad = scenario_body(unique("scenario"), {"bad-key!": "x"})
    answer = create_simulation_scenario.sync_detailed(ctx.org, client=client, body=bad)
    assert expect(answer, 422).detail[0].loc == ["body", "tags", "bad-key!", "[key]"]
    answer = create_simulation_scenario.sync_detailed(
        ctx.org, client=client, body=scenario_body("")
    )
    assert expect(answer, 422).detail[0].loc == ["body", "name"]
    crowded = scenario_body(unique("scenario"), {f"tag {i}": None for i in range(21)})
    answer = create_simulation_scenario.sync_detailed(ctx.org, client=client, body=crowded)
    (too_many,) = expect(answer, 422).detail
    assert too_many.loc == ["body", "tags"] and too_many.type_ == "too_long"


@contract(
    "search-simulation-scenarios",
    lambda ctx, c, org: search_simulation_scenarios.sync_detailed(org, client=c, query="charge"),
)
def _search_scenarios(ctx: Ctx) -> None:
    client = ctx.client()
    found = expect(
        search_simulation_scenarios.sync_detailed(ctx.org, client=client, query="double charge"),
        200,
    )
    assert found.simulation_scenarios[0].name == "Disputed double charge"
    answer = search_simulation_scenarios.sync_detailed(
        ctx.org, client=client, query="x", creator=["no-comma"]
    )
    assert expect(answer, 422).detail[0].loc == ["query", "creator", 0]


@contract(
    "update-simulation-scenario",
    lambda ctx, c, org: update_simulation_scenario.sync_detailed(
        org, UNKNOWN_ID, client=c, body=UpdateSimulationScenarioRequest()
    ),
)
def _update_scenario(ctx: Ctx) -> None:
    client = ctx.client()
    scenario_id = ctx.new_scenario(client)
    body = UpdateSimulationScenarioRequest.from_dict({"tags": {"suite": "nightly", "owner": None}})
    expect(
        update_simulation_scenario.sync_detailed(ctx.org, scenario_id, client=client, body=body),
        204,
    )
    expect(
        update_simulation_scenario.sync_detailed(ctx.org, UNKNOWN_ID, client=client, body=body), 404
    )
    bad = UpdateSimulationScenarioRequest.from_dict({"tags": {"suite": ""}})
    answer = update_simulation_scenario.sync_detailed(ctx.org, scenario_id, client=client, body=bad)
    assert expect(answer, 422).detail[0].loc == ["body", "tags", "suite"]


@contract(
    "delete-simulation-scenario",
    lambda ctx, c, org: delete_simulation_scenario.sync_detailed(org, UNKNOWN_ID, client=c),
)
def _delete_scenario(ctx: Ctx) -> None:
    client = ctx.client()
    scenario_id = ctx.new_scenario(client)
    expect(delete_simulation_scenario.sync_detailed(ctx.org, scenario_id, client=client), 204)
    expect(
        delete_simulation_scenario.sync_detailed(ctx.org, DEMO_SCENARIO_IN_USE_ID, client=client),
        400,
    )
    expect(delete_simulation_scenario.sync_detailed(ctx.org, UNKNOWN_ID, client=client), 404)
    answer = delete_simulation_scenario.sync_detailed(ctx.org, "0123", client=client)
    assert expect(answer, 422).detail[0].loc == ["path", "simulation_scenario_id"]


@contract(
    "get-simulation-scenario-versions",
    lambda ctx, c, org: get_simulation_scenario_versions.sync_detailed(
        org, DEMO_SCENARIO_IN_USE_ID, client=c
    ),
)
def _list_scenario_versions(ctx: Ctx) -> None:
    client = ctx.client()
    scenario_id = ctx.new_scenario(client)
    page = expect(
        get_simulation_scenario_versions.sync_detailed(ctx.org, scenario_id, client=client), 200
    )
    assert [v.version for v in page.simulation_scenario_versions] == [1]
    expect(get_simulation_scenario_versions.sync_detailed(ctx.org, UNKNOWN_ID, client=client), 404)
    answer = get_simulation_scenario_versions.sync_detailed(
        ctx.org, scenario_id, client=client, version="two"
    )
    assert expect(answer, 422).detail[0].loc == ["query", "version"]


@contract(
    "create-simulation-scenario-version",
    lambda ctx, c, org: create_simulation_scenario_version.sync_detailed(
        org, UNKNOWN_ID, client=c, body=SimulationScenarioVersionContent.from_dict(SCENARIO_CONTENT)
    ),
)
def _create_scenario_version(ctx: Ctx) -> None:
    client = ctx.client()
    scenario_id = ctx.new_scenario(client)
    body = SimulationScenarioVersionContent.from_dict(SCENARIO_CONTENT)
    created = expect(
        create_simulation_scenario_version.sync_detailed(
            ctx.org, scenario_id, client=client, body=body, version=2
        ),
        201,
    )
    assert created.version == 2
    expect(
        create_simulation_scenario_version.sync_detailed(
            ctx.org, scenario_id, client=client, body=body, version=5
        ),
        400,
    )
    expect(
        create_simulation_scenario_version.sync_detailed(
            ctx.org, UNKNOWN_ID, client=client, body=body
        ),
        404,
    )
    answer = create_simulation_scenario_version.sync_detailed(
        ctx.org, scenario_id, client=client, body=body, version=1
    )
    assert expect(answer, 422).detail[0].loc == ["query", "version"]
    blank = SimulationScenarioVersionContent.from_dict({**SCENARIO_CONTENT, "instructions": ""})
    answer = create_simulation_scenario_version.sync_detailed(
        ctx.org, scenario_id, client=client, body=blank
    )
    assert expect(answer, 422).detail[0].loc == ["body", "instructions"]


# --- the checks every operation shares -----------------------------------------------------------


def _burn_quota(ctx: Ctx, operation_id: str, token: str) -> None:
    """Spend an operation's whole per-minute quota with requests that change nothing.

    They go through the sandbox's own request pipeline (authentication, then the rate limiter)
    without the HTTP round trip, which would cost a hundred times more, and each is invalid
    (no body, no required query, a malformed ID or limit), so validation, which comes after the
    limiter, turns it away before any handler runs. The request that finds the quota spent goes
    over HTTP.
    """
    sandbox = ctx.sandbox.sandbox
    operation = sandbox.spec.by_id[operation_id]
    path_params = {"organization": ctx.org}
    for name in ("dynamic_behavior_set_id", "simulation_scenario_id", "conversation_id"):
        if "{" + name + "}" in operation.path:
            path_params[name] = "not-an-id"
    headers = {"authorization": f"Bearer {token}"}
    if operation_id == "sign-in-with-api-key":
        # No credentials to check: an empty key is invalid for the spec.
        headers = {
            "x-api-key": "",
            "x-api-key-id": ctx.sandbox.api_key_id,
            "x-user-id": ctx.sandbox.user_id,
        }
    raw = RawRequest(
        path_params, query=[("limit", "none")], headers=headers, body=b"", content_type=None
    )
    for _ in range(OPERATIONS[operation_id].rate_limit):
        answer = sandbox.handle(operation, raw, "burn")
        assert answer.status == 422, answer.body


def _shared_checks(ctx: Ctx, operation_id: str) -> None:
    operation = OPERATIONS[operation_id]
    valid = CONTRACTS[operation_id].valid
    if operation_id == "sign-in-with-api-key":
        expect(valid(ctx, ctx.anonymous(), "no-such-organization"), 404)
    else:
        # 401: no token, a malformed one, a forged one.
        expect(valid(ctx, ctx.anonymous(), ctx.org), 401)
        expect(valid(ctx, ctx.client("not-a-token"), ctx.org), 401)
        expect(valid(ctx, ctx.client(ctx.sandbox.issue_token() + "x"), ctx.org), 401)
        # 404: an organization that does not exist.
        expect(valid(ctx, ctx.client(), "no-such-organization"), 404)
        # 403: the token's organization asks for another organization's data.
        ctx.sandbox.add_user(organization=OTHER_ORGANIZATION)
        cross = ctx.client(headers={"X-ORG-ID": ctx.org})
        expect(valid(ctx, cross, OTHER_ORGANIZATION), 403)
        if operation.method != "GET":  # a read-only user may not write
            viewer = ctx.client(
                ctx.sandbox.issue_token(ctx.sandbox.add_user(role="viewer")["user_id"])
            )
            expect(valid(ctx, viewer, ctx.org), 403)
    # 429: the operation's own limit from the spec, really exhausted.
    ctx.sandbox.set_rate_limits(True)
    try:
        token = ctx.sandbox.issue_token()
        # The clock is stopped half a minute into a window: the whole burn fits in it.
        _burn_quota(ctx, operation_id, token)
        answer = valid(ctx, ctx.client(token), ctx.org)
        expect(answer, 429)
        assert answer.headers["X-RateLimit-Limit"] == str(operation.rate_limit)
        assert answer.headers["X-RateLimit-Remaining"] == "0"
        assert answer.headers["Retry-After"] == "30"
    finally:
        ctx.sandbox.set_rate_limits(False)
    # 503: maintenance, injected.
    ctx.sandbox.inject_fault(operation_id, "status", status=503, retry_after=3)
    answer = valid(ctx, ctx.client(), ctx.org)
    expect(answer, 503)
    assert answer.headers["Retry-After"] == "3"


def test_every_operation_has_a_contract() -> None:
    # Every operation of the spec the sandbox emulates; one just added to the spec answers 501
    # until it is emulated (see tests/test_regeneration_loop.py).
    assert set(CONTRACTS) == set(OPERATIONS) & set(HANDLERS)
    assert set(HANDLERS) <= set(OPERATIONS)


@pytest.mark.parametrize("operation_id", sorted(CONTRACTS))
def test_operation_contract(
    sandbox: RunningSandbox, stopped_clock: SandboxClock, operation_id: str
) -> None:
    ctx = Ctx(sandbox, ResponseRecorder())
    CONTRACTS[operation_id].specific(ctx)
    _shared_checks(ctx, operation_id)
    assert ctx.recorder.problems == []
    assert ctx.recorder.seen[operation_id] == OPERATIONS[operation_id].statuses


def test_successful_answers_carry_the_operations_rate_limit(sandbox: RunningSandbox) -> None:
    """X-RateLimit-* on successes too, with each operation's limit read from the spec."""
    sandbox.set_rate_limits(True)
    ctx = Ctx(sandbox, ResponseRecorder())
    for operation_id, contract_of in CONTRACTS.items():
        operation = OPERATIONS[operation_id]
        answer = contract_of.valid(ctx, ctx.client(), ctx.org)
        if answer.status_code < 300:
            assert answer.headers["X-RateLimit-Limit"] == str(operation.rate_limit), operation_id
            assert int(answer.headers["X-RateLimit-Remaining"]) == operation.rate_limit - 1
    assert ctx.recorder.problems == []
