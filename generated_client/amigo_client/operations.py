"""The typed operations of `AmigoClient` and `AsyncAmigoClient`, and
their raw twins (`with_raw_response`).

Written by scripts/build_client_operations.py from the spec and the generated modules; do not
edit. The organization (and the Mongo cluster header) come from the client's configuration.
Each method imports its operation's module on its first call, so that importing the client does
not load the whole API.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

from .raw import RawResponse, raw_empty, raw_model
from .transport import AsyncTransport, Operation, SyncTransport
from .types import UNSET, Unset
from .writing import request_body

if TYPE_CHECKING:
    import datetime

    from .bodies import (
        CreateDynamicBehaviorSetRequestDict,
        CreateDynamicBehaviorSetVersionRequestDict,
        CreateSimulationScenarioRequestDict,
        EvaluateMetricsRequestDict,
        SimulationScenarioVersionContentDict,
        UpdateDynamicBehaviorSetRequestDict,
        UpdateSimulationScenarioRequestDict,
    )
    from .models import (
        Conversation,
        ConversationMessage,
        DynamicBehaviorInvocation,
        DynamicBehaviorSet,
        DynamicBehaviorSetVersion,
        Metric,
        MetricEvaluationResult,
        SimulationScenario,
        SimulationScenarioVersion,
    )
    from .models.conversation_list import ConversationList
    from .models.conversation_message_list import ConversationMessageList
    from .models.create_dynamic_behavior_set_request import CreateDynamicBehaviorSetRequest
    from .models.create_dynamic_behavior_set_response import CreateDynamicBehaviorSetResponse
    from .models.create_dynamic_behavior_set_version_request import CreateDynamicBehaviorSetVersionRequest
    from .models.create_dynamic_behavior_set_version_response import CreateDynamicBehaviorSetVersionResponse
    from .models.create_simulation_scenario_request import CreateSimulationScenarioRequest
    from .models.create_simulation_scenario_response import CreateSimulationScenarioResponse
    from .models.create_simulation_scenario_version_response import CreateSimulationScenarioVersionResponse
    from .models.delete_dynamic_behavior_set_response import DeleteDynamicBehaviorSetResponse
    from .models.dynamic_behavior_invocation_list import DynamicBehaviorInvocationList
    from .models.dynamic_behavior_set_list import DynamicBehaviorSetList
    from .models.dynamic_behavior_set_search_result import DynamicBehaviorSetSearchResult
    from .models.dynamic_behavior_set_version_list import DynamicBehaviorSetVersionList
    from .models.evaluate_metrics_request import EvaluateMetricsRequest
    from .models.evaluate_metrics_response import EvaluateMetricsResponse
    from .models.get_conversation_messages_sort_by_item import GetConversationMessagesSortByItem
    from .models.get_conversations_sort_by_item import GetConversationsSortByItem
    from .models.get_dynamic_behavior_invocations_sort_by_item import GetDynamicBehaviorInvocationsSortByItem
    from .models.get_dynamic_behavior_set_versions_sort_by_item import GetDynamicBehaviorSetVersionsSortByItem
    from .models.get_dynamic_behavior_sets_sort_by_item import GetDynamicBehaviorSetsSortByItem
    from .models.get_metric_evaluation_results_sort_by_item import GetMetricEvaluationResultsSortByItem
    from .models.get_metrics_sort_by_item import GetMetricsSortByItem
    from .models.get_simulation_scenario_versions_sort_by_item import GetSimulationScenarioVersionsSortByItem
    from .models.get_simulation_scenarios_sort_by_item import GetSimulationScenariosSortByItem
    from .models.message_type import MessageType
    from .models.metric_evaluation_result_list import MetricEvaluationResultList
    from .models.metric_evaluation_source_type import MetricEvaluationSourceType
    from .models.metric_list import MetricList
    from .models.metric_search_result import MetricSearchResult
    from .models.metric_value_type import MetricValueType
    from .models.simulation_scenario_list import SimulationScenarioList
    from .models.simulation_scenario_search_result import SimulationScenarioSearchResult
    from .models.simulation_scenario_version_content import SimulationScenarioVersionContent
    from .models.simulation_scenario_version_list import SimulationScenarioVersionList
    from .models.update_dynamic_behavior_set_request import UpdateDynamicBehaviorSetRequest
    from .models.update_simulation_scenario_request import UpdateSimulationScenarioRequest

OPERATIONS: dict[str, Operation] = {
    "get-dynamic-behavior-sets": Operation("get-dynamic-behavior-sets", safe_to_repeat=True, rate_limit_per_minute=500),
    "create-dynamic-behavior-set": Operation(
        "create-dynamic-behavior-set", safe_to_repeat=False, rate_limit_per_minute=200
    ),
    "search-dynamic-behavior-sets": Operation(
        "search-dynamic-behavior-sets", safe_to_repeat=True, rate_limit_per_minute=50
    ),
    "update-dynamic-behavior-set": Operation(
        "update-dynamic-behavior-set", safe_to_repeat=False, rate_limit_per_minute=500
    ),
    "delete-dynamic-behavior-set": Operation(
        "delete-dynamic-behavior-set", safe_to_repeat=False, rate_limit_per_minute=500
    ),
    "get-dynamic-behavior-set-versions": Operation(
        "get-dynamic-behavior-set-versions", safe_to_repeat=True, rate_limit_per_minute=1000
    ),
    "create-dynamic-behavior-set-version": Operation(
        "create-dynamic-behavior-set-version", safe_to_repeat=False, rate_limit_per_minute=200
    ),
    "get-dynamic-behavior-invocations": Operation(
        "get-dynamic-behavior-invocations", safe_to_repeat=True, rate_limit_per_minute=50
    ),
    "get-metrics": Operation("get-metrics", safe_to_repeat=True, rate_limit_per_minute=20),
    "search-metrics": Operation("search-metrics", safe_to_repeat=True, rate_limit_per_minute=20),
    "evaluate-metrics": Operation("evaluate-metrics", safe_to_repeat=False, rate_limit_per_minute=50),
    "get-metric-evaluation-results": Operation(
        "get-metric-evaluation-results", safe_to_repeat=True, rate_limit_per_minute=10
    ),
    "get-conversations": Operation("get-conversations", safe_to_repeat=True, rate_limit_per_minute=15),
    "get-conversation-messages": Operation("get-conversation-messages", safe_to_repeat=True, rate_limit_per_minute=20),
    "get-simulation-scenarios": Operation("get-simulation-scenarios", safe_to_repeat=True, rate_limit_per_minute=200),
    "create-simulation-scenario": Operation(
        "create-simulation-scenario", safe_to_repeat=False, rate_limit_per_minute=500
    ),
    "search-simulation-scenarios": Operation(
        "search-simulation-scenarios", safe_to_repeat=True, rate_limit_per_minute=50
    ),
    "update-simulation-scenario": Operation(
        "update-simulation-scenario", safe_to_repeat=False, rate_limit_per_minute=500
    ),
    "delete-simulation-scenario": Operation(
        "delete-simulation-scenario", safe_to_repeat=False, rate_limit_per_minute=500
    ),
    "get-simulation-scenario-versions": Operation(
        "get-simulation-scenario-versions", safe_to_repeat=True, rate_limit_per_minute=500
    ),
    "create-simulation-scenario-version": Operation(
        "create-simulation-scenario-version", safe_to_repeat=False, rate_limit_per_minute=500
    ),
}

# The paginated lists and the field holding each page's items (derived from the spec).
PAGINATED: dict[str, str] = {
    "get-dynamic-behavior-sets": "dynamic_behavior_sets",
    "get-dynamic-behavior-set-versions": "dynamic_behavior_set_versions",
    "get-dynamic-behavior-invocations": "dynamic_behavior_invocations",
    "get-metrics": "metrics",
    "get-metric-evaluation-results": "metric_evaluation_results",
    "get-conversations": "conversations",
    "get-conversation-messages": "messages",
    "get-simulation-scenarios": "simulation_scenarios",
    "get-simulation-scenario-versions": "simulation_scenario_versions",
}


class SyncOperations(SyncTransport):
    def get_dynamic_behavior_sets(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        is_active: bool | None | Unset = UNSET,
        applied_to_service: list[str] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetDynamicBehaviorSetsSortByItem] | Unset = UNSET,
    ) -> DynamicBehaviorSetList:
        """Get dynamic behavior sets (GET /v1/{organization}/dynamic_behavior_set/)."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_sets as _api

        return self._call(
            OPERATIONS["get-dynamic-behavior-sets"],
            _api.sync_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def iter_dynamic_behavior_sets(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        is_active: bool | None | Unset = UNSET,
        applied_to_service: list[str] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetDynamicBehaviorSetsSortByItem] | Unset = UNSET,
    ) -> Iterator[DynamicBehaviorSet]:
        """Every item of every page of `get_dynamic_behavior_sets`, page by page."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_sets as _api

        for page in self._pages(
            OPERATIONS["get-dynamic-behavior-sets"],
            _api.sync_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            yield from page.dynamic_behavior_sets

    def create_dynamic_behavior_set(
        self, *, body: CreateDynamicBehaviorSetRequest | CreateDynamicBehaviorSetRequestDict
    ) -> CreateDynamicBehaviorSetResponse:
        """Create a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/)."""
        from .api.dynamic_behavior_sets import create_dynamic_behavior_set as _api
        from .models.create_dynamic_behavior_set_request import CreateDynamicBehaviorSetRequest

        return self._call(
            OPERATIONS["create-dynamic-behavior-set"],
            _api.sync_detailed,
            self._config.organization_id,
            body=request_body(CreateDynamicBehaviorSetRequest, body, "create-dynamic-behavior-set"),
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def search_dynamic_behavior_sets(
        self,
        *,
        query: str,
        is_active: bool | None | Unset = UNSET,
        applied_to_service: list[str] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> DynamicBehaviorSetSearchResult:
        """Search dynamic behavior sets (GET /v1/{organization}/dynamic_behavior_set/search)."""
        from .api.dynamic_behavior_sets import search_dynamic_behavior_sets as _api

        return self._call(
            OPERATIONS["search-dynamic-behavior-sets"],
            _api.sync_detailed,
            self._config.organization_id,
            query=query,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def update_dynamic_behavior_set(
        self,
        dynamic_behavior_set_id: str,
        *,
        body: UpdateDynamicBehaviorSetRequest | UpdateDynamicBehaviorSetRequestDict,
    ) -> None:
        """Update a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/). Raises on an error answer."""
        from .api.dynamic_behavior_sets import update_dynamic_behavior_set as _api
        from .models.update_dynamic_behavior_set_request import UpdateDynamicBehaviorSetRequest

        self._send(
            OPERATIONS["update-dynamic-behavior-set"],
            _api.sync_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            body=request_body(UpdateDynamicBehaviorSetRequest, body, "update-dynamic-behavior-set"),
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def delete_dynamic_behavior_set(self, dynamic_behavior_set_id: str) -> DeleteDynamicBehaviorSetResponse:
        """Delete a dynamic behavior set (DELETE /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/)."""
        from .api.dynamic_behavior_sets import delete_dynamic_behavior_set as _api

        return self._call(
            OPERATIONS["delete-dynamic-behavior-set"],
            _api.sync_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def get_dynamic_behavior_set_versions(
        self,
        dynamic_behavior_set_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        continuation_token: int | Unset = 0,
        sort_by: list[GetDynamicBehaviorSetVersionsSortByItem] | Unset = UNSET,
    ) -> DynamicBehaviorSetVersionList:
        """Get dynamic behavior set versions (GET /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/)."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_set_versions as _api

        return self._call(
            OPERATIONS["get-dynamic-behavior-set-versions"],
            _api.sync_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            version=version,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def iter_dynamic_behavior_set_versions(
        self,
        dynamic_behavior_set_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        sort_by: list[GetDynamicBehaviorSetVersionsSortByItem] | Unset = UNSET,
    ) -> Iterator[DynamicBehaviorSetVersion]:
        """Every item of every page of `get_dynamic_behavior_set_versions`, page by page."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_set_versions as _api

        for page in self._pages(
            OPERATIONS["get-dynamic-behavior-set-versions"],
            _api.sync_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            version=version,
            limit=limit,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            yield from page.dynamic_behavior_set_versions

    def create_dynamic_behavior_set_version(
        self,
        dynamic_behavior_set_id: str,
        *,
        body: CreateDynamicBehaviorSetVersionRequest | CreateDynamicBehaviorSetVersionRequestDict,
        version: int | None | Unset = UNSET,
    ) -> CreateDynamicBehaviorSetVersionResponse:
        """Create a new version of a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/)."""
        from .api.dynamic_behavior_sets import create_dynamic_behavior_set_version as _api
        from .models.create_dynamic_behavior_set_version_request import CreateDynamicBehaviorSetVersionRequest

        return self._call(
            OPERATIONS["create-dynamic-behavior-set-version"],
            _api.sync_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            body=request_body(CreateDynamicBehaviorSetVersionRequest, body, "create-dynamic-behavior-set-version"),
            version=version,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def get_dynamic_behavior_invocations(
        self,
        dynamic_behavior_set_id: str,
        *,
        limit: int | Unset = 30,
        continuation_token: int | Unset = 0,
        sort_by: list[GetDynamicBehaviorInvocationsSortByItem] | Unset = UNSET,
    ) -> DynamicBehaviorInvocationList:
        """Get dynamic behavior invocations (GET /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/invocation/)."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_invocations as _api

        return self._call(
            OPERATIONS["get-dynamic-behavior-invocations"],
            _api.sync_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def iter_dynamic_behavior_invocations(
        self,
        dynamic_behavior_set_id: str,
        *,
        limit: int | Unset = 30,
        sort_by: list[GetDynamicBehaviorInvocationsSortByItem] | Unset = UNSET,
    ) -> Iterator[DynamicBehaviorInvocation]:
        """Every item of every page of `get_dynamic_behavior_invocations`, page by page."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_invocations as _api

        for page in self._pages(
            OPERATIONS["get-dynamic-behavior-invocations"],
            _api.sync_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            limit=limit,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            yield from page.dynamic_behavior_invocations

    def get_metrics(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        applied_to_service: list[str] | Unset = UNSET,
        type_: list[MetricValueType] | Unset = UNSET,
        is_deleted: bool | Unset = False,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetMetricsSortByItem] | Unset = UNSET,
    ) -> MetricList:
        """Get metrics (GET /v1/{organization}/metric/)."""
        from .api.metrics import get_metrics as _api

        return self._call(
            OPERATIONS["get-metrics"],
            _api.sync_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            applied_to_service=applied_to_service,
            type_=type_,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def iter_metrics(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        applied_to_service: list[str] | Unset = UNSET,
        type_: list[MetricValueType] | Unset = UNSET,
        is_deleted: bool | Unset = False,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetMetricsSortByItem] | Unset = UNSET,
    ) -> Iterator[Metric]:
        """Every item of every page of `get_metrics`, page by page."""
        from .api.metrics import get_metrics as _api

        for page in self._pages(
            OPERATIONS["get-metrics"],
            _api.sync_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            applied_to_service=applied_to_service,
            type_=type_,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            yield from page.metrics

    def search_metrics(
        self,
        *,
        query: str,
        applied_to_service: list[str] | Unset = UNSET,
        type_: list[MetricValueType] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> MetricSearchResult:
        """Search metrics (GET /v1/{organization}/metric/search/)."""
        from .api.metrics import search_metrics as _api

        return self._call(
            OPERATIONS["search-metrics"],
            _api.sync_detailed,
            self._config.organization_id,
            query=query,
            applied_to_service=applied_to_service,
            type_=type_,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def evaluate_metrics(self, *, body: EvaluateMetricsRequest | EvaluateMetricsRequestDict) -> EvaluateMetricsResponse:
        """Compute metrics (POST /v1/{organization}/metric/evaluate)."""
        from .api.metrics import evaluate_metrics as _api
        from .models.evaluate_metrics_request import EvaluateMetricsRequest

        return self._call(
            OPERATIONS["evaluate-metrics"],
            _api.sync_detailed,
            self._config.organization_id,
            body=request_body(EvaluateMetricsRequest, body, "evaluate-metrics"),
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def get_metric_evaluation_results(
        self,
        *,
        limit: int | Unset = 500,
        continuation_token: int | Unset = 0,
        timestamp_after: datetime.datetime | None | Unset = UNSET,
        timestamp_before: datetime.datetime | None | Unset = UNSET,
        metric_id: list[str] | Unset = UNSET,
        metric_id_and_version: list[str] | Unset = UNSET,
        source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
        conversation_id: list[str] | Unset = UNSET,
        simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
        sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    ) -> MetricEvaluationResultList:
        """Get metric evaluation results (GET /v1/{organization}/metric/metric_evaluation_result)."""
        from .api.metrics import get_metric_evaluation_results as _api

        return self._call(
            OPERATIONS["get-metric-evaluation-results"],
            _api.sync_detailed,
            self._config.organization_id,
            limit=limit,
            continuation_token=continuation_token,
            timestamp_after=timestamp_after,
            timestamp_before=timestamp_before,
            metric_id=metric_id,
            metric_id_and_version=metric_id_and_version,
            source_type=source_type,
            conversation_id=conversation_id,
            simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def iter_metric_evaluation_results(
        self,
        *,
        limit: int | Unset = 500,
        timestamp_after: datetime.datetime | None | Unset = UNSET,
        timestamp_before: datetime.datetime | None | Unset = UNSET,
        metric_id: list[str] | Unset = UNSET,
        metric_id_and_version: list[str] | Unset = UNSET,
        source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
        conversation_id: list[str] | Unset = UNSET,
        simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
        sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    ) -> Iterator[MetricEvaluationResult]:
        """Every item of every page of `get_metric_evaluation_results`, page by page."""
        from .api.metrics import get_metric_evaluation_results as _api

        for page in self._pages(
            OPERATIONS["get-metric-evaluation-results"],
            _api.sync_detailed,
            self._config.organization_id,
            limit=limit,
            timestamp_after=timestamp_after,
            timestamp_before=timestamp_before,
            metric_id=metric_id,
            metric_id_and_version=metric_id_and_version,
            source_type=source_type,
            conversation_id=conversation_id,
            simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            yield from page.metric_evaluation_results

    def get_conversations(
        self,
        *,
        user_id: list[str] | Unset = UNSET,
        service_id: list[str] | Unset = UNSET,
        is_finished: bool | None | Unset = UNSET,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 150,
        continuation_token: int | Unset = 0,
        sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> ConversationList:
        """Get conversations (GET /v1/{organization}/conversation/)."""
        from .api.conversations import get_conversations as _api

        return self._call(
            OPERATIONS["get-conversations"],
            _api.sync_detailed,
            self._config.organization_id,
            user_id=user_id,
            service_id=service_id,
            is_finished=is_finished,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def iter_conversations(
        self,
        *,
        user_id: list[str] | Unset = UNSET,
        service_id: list[str] | Unset = UNSET,
        is_finished: bool | None | Unset = UNSET,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 150,
        sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> Iterator[Conversation]:
        """Every item of every page of `get_conversations`, page by page."""
        from .api.conversations import get_conversations as _api

        for page in self._pages(
            OPERATIONS["get-conversations"],
            _api.sync_detailed,
            self._config.organization_id,
            user_id=user_id,
            service_id=service_id,
            is_finished=is_finished,
            id=id,
            limit=limit,
            sort_by=sort_by,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            yield from page.conversations

    def get_conversation_messages(
        self,
        conversation_id: str,
        *,
        id: list[str] | Unset = UNSET,
        message_type: list[MessageType] | Unset = UNSET,
        interaction_id: list[str] | Unset = UNSET,
        limit: int | Unset = 500,
        continuation_token: int | Unset = 0,
        sort_by: list[GetConversationMessagesSortByItem] | Unset = UNSET,
    ) -> ConversationMessageList:
        """Get conversation messages (GET /v1/{organization}/conversation/{conversation_id}/messages/)."""
        from .api.conversations import get_conversation_messages as _api

        return self._call(
            OPERATIONS["get-conversation-messages"],
            _api.sync_detailed,
            self._config.organization_id,
            conversation_id,
            id=id,
            message_type=message_type,
            interaction_id=interaction_id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def iter_conversation_messages(
        self,
        conversation_id: str,
        *,
        id: list[str] | Unset = UNSET,
        message_type: list[MessageType] | Unset = UNSET,
        interaction_id: list[str] | Unset = UNSET,
        limit: int | Unset = 500,
        sort_by: list[GetConversationMessagesSortByItem] | Unset = UNSET,
    ) -> Iterator[ConversationMessage]:
        """Every item of every page of `get_conversation_messages`, page by page."""
        from .api.conversations import get_conversation_messages as _api

        for page in self._pages(
            OPERATIONS["get-conversation-messages"],
            _api.sync_detailed,
            self._config.organization_id,
            conversation_id,
            id=id,
            message_type=message_type,
            interaction_id=interaction_id,
            limit=limit,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            yield from page.messages

    def get_simulation_scenarios(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        is_deleted: bool | None | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    ) -> SimulationScenarioList:
        """List simulation scenarios (GET /v1/{organization}/simulation/scenario/)."""
        from .api.simulation_scenarios import get_simulation_scenarios as _api

        return self._call(
            OPERATIONS["get-simulation-scenarios"],
            _api.sync_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def iter_simulation_scenarios(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        is_deleted: bool | None | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    ) -> Iterator[SimulationScenario]:
        """Every item of every page of `get_simulation_scenarios`, page by page."""
        from .api.simulation_scenarios import get_simulation_scenarios as _api

        for page in self._pages(
            OPERATIONS["get-simulation-scenarios"],
            _api.sync_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            yield from page.simulation_scenarios

    def create_simulation_scenario(
        self, *, body: CreateSimulationScenarioRequest | CreateSimulationScenarioRequestDict
    ) -> CreateSimulationScenarioResponse:
        """Create a simulation scenario (POST /v1/{organization}/simulation/scenario/)."""
        from .api.simulation_scenarios import create_simulation_scenario as _api
        from .models.create_simulation_scenario_request import CreateSimulationScenarioRequest

        return self._call(
            OPERATIONS["create-simulation-scenario"],
            _api.sync_detailed,
            self._config.organization_id,
            body=request_body(CreateSimulationScenarioRequest, body, "create-simulation-scenario"),
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def search_simulation_scenarios(
        self, *, query: str, creator: list[str] | Unset = UNSET, tag: list[str] | Unset = UNSET
    ) -> SimulationScenarioSearchResult:
        """Search simulation scenarios (GET /v1/{organization}/simulation/scenario/search)."""
        from .api.simulation_scenarios import search_simulation_scenarios as _api

        return self._call(
            OPERATIONS["search-simulation-scenarios"],
            _api.sync_detailed,
            self._config.organization_id,
            query=query,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def update_simulation_scenario(
        self,
        simulation_scenario_id: str,
        *,
        body: UpdateSimulationScenarioRequest | UpdateSimulationScenarioRequestDict,
    ) -> None:
        """Update a simulation scenario (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/). Raises on an error answer."""
        from .api.simulation_scenarios import update_simulation_scenario as _api
        from .models.update_simulation_scenario_request import UpdateSimulationScenarioRequest

        self._send(
            OPERATIONS["update-simulation-scenario"],
            _api.sync_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            body=request_body(UpdateSimulationScenarioRequest, body, "update-simulation-scenario"),
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def delete_simulation_scenario(self, simulation_scenario_id: str) -> None:
        """Delete a simulation scenario (DELETE /v1/{organization}/simulation/scenario/{simulation_scenario_id}/). Raises on an error answer."""
        from .api.simulation_scenarios import delete_simulation_scenario as _api

        self._send(
            OPERATIONS["delete-simulation-scenario"],
            _api.sync_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def get_simulation_scenario_versions(
        self,
        simulation_scenario_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        continuation_token: int | Unset = 0,
        sort_by: list[GetSimulationScenarioVersionsSortByItem] | Unset = UNSET,
    ) -> SimulationScenarioVersionList:
        """Get simulation scenario versions (GET /v1/{organization}/simulation/scenario/{simulation_scenario_id}/version/)."""
        from .api.simulation_scenarios import get_simulation_scenario_versions as _api

        return self._call(
            OPERATIONS["get-simulation-scenario-versions"],
            _api.sync_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            version=version,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def iter_simulation_scenario_versions(
        self,
        simulation_scenario_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        sort_by: list[GetSimulationScenarioVersionsSortByItem] | Unset = UNSET,
    ) -> Iterator[SimulationScenarioVersion]:
        """Every item of every page of `get_simulation_scenario_versions`, page by page."""
        from .api.simulation_scenarios import get_simulation_scenario_versions as _api

        for page in self._pages(
            OPERATIONS["get-simulation-scenario-versions"],
            _api.sync_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            version=version,
            limit=limit,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            yield from page.simulation_scenario_versions

    def create_simulation_scenario_version(
        self,
        simulation_scenario_id: str,
        *,
        body: SimulationScenarioVersionContent | SimulationScenarioVersionContentDict,
        version: int | None | Unset = UNSET,
    ) -> CreateSimulationScenarioVersionResponse:
        """Create a simulation scenario version (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/version/)."""
        from .api.simulation_scenarios import create_simulation_scenario_version as _api
        from .models.simulation_scenario_version_content import SimulationScenarioVersionContent

        return self._call(
            OPERATIONS["create-simulation-scenario-version"],
            _api.sync_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            body=request_body(SimulationScenarioVersionContent, body, "create-simulation-scenario-version"),
            version=version,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )


class AsyncOperations(AsyncTransport):
    async def get_dynamic_behavior_sets(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        is_active: bool | None | Unset = UNSET,
        applied_to_service: list[str] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetDynamicBehaviorSetsSortByItem] | Unset = UNSET,
    ) -> DynamicBehaviorSetList:
        """Get dynamic behavior sets (GET /v1/{organization}/dynamic_behavior_set/)."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_sets as _api

        return await self._call(
            OPERATIONS["get-dynamic-behavior-sets"],
            _api.asyncio_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def iter_dynamic_behavior_sets(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        is_active: bool | None | Unset = UNSET,
        applied_to_service: list[str] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetDynamicBehaviorSetsSortByItem] | Unset = UNSET,
    ) -> AsyncIterator[DynamicBehaviorSet]:
        """Every item of every page of `get_dynamic_behavior_sets`, page by page."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_sets as _api

        async for page in self._pages(
            OPERATIONS["get-dynamic-behavior-sets"],
            _api.asyncio_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            for item in page.dynamic_behavior_sets:
                yield item

    async def create_dynamic_behavior_set(
        self, *, body: CreateDynamicBehaviorSetRequest | CreateDynamicBehaviorSetRequestDict
    ) -> CreateDynamicBehaviorSetResponse:
        """Create a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/)."""
        from .api.dynamic_behavior_sets import create_dynamic_behavior_set as _api
        from .models.create_dynamic_behavior_set_request import CreateDynamicBehaviorSetRequest

        return await self._call(
            OPERATIONS["create-dynamic-behavior-set"],
            _api.asyncio_detailed,
            self._config.organization_id,
            body=request_body(CreateDynamicBehaviorSetRequest, body, "create-dynamic-behavior-set"),
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def search_dynamic_behavior_sets(
        self,
        *,
        query: str,
        is_active: bool | None | Unset = UNSET,
        applied_to_service: list[str] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> DynamicBehaviorSetSearchResult:
        """Search dynamic behavior sets (GET /v1/{organization}/dynamic_behavior_set/search)."""
        from .api.dynamic_behavior_sets import search_dynamic_behavior_sets as _api

        return await self._call(
            OPERATIONS["search-dynamic-behavior-sets"],
            _api.asyncio_detailed,
            self._config.organization_id,
            query=query,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def update_dynamic_behavior_set(
        self,
        dynamic_behavior_set_id: str,
        *,
        body: UpdateDynamicBehaviorSetRequest | UpdateDynamicBehaviorSetRequestDict,
    ) -> None:
        """Update a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/). Raises on an error answer."""
        from .api.dynamic_behavior_sets import update_dynamic_behavior_set as _api
        from .models.update_dynamic_behavior_set_request import UpdateDynamicBehaviorSetRequest

        await self._send(
            OPERATIONS["update-dynamic-behavior-set"],
            _api.asyncio_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            body=request_body(UpdateDynamicBehaviorSetRequest, body, "update-dynamic-behavior-set"),
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def delete_dynamic_behavior_set(self, dynamic_behavior_set_id: str) -> DeleteDynamicBehaviorSetResponse:
        """Delete a dynamic behavior set (DELETE /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/)."""
        from .api.dynamic_behavior_sets import delete_dynamic_behavior_set as _api

        return await self._call(
            OPERATIONS["delete-dynamic-behavior-set"],
            _api.asyncio_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def get_dynamic_behavior_set_versions(
        self,
        dynamic_behavior_set_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        continuation_token: int | Unset = 0,
        sort_by: list[GetDynamicBehaviorSetVersionsSortByItem] | Unset = UNSET,
    ) -> DynamicBehaviorSetVersionList:
        """Get dynamic behavior set versions (GET /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/)."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_set_versions as _api

        return await self._call(
            OPERATIONS["get-dynamic-behavior-set-versions"],
            _api.asyncio_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            version=version,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def iter_dynamic_behavior_set_versions(
        self,
        dynamic_behavior_set_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        sort_by: list[GetDynamicBehaviorSetVersionsSortByItem] | Unset = UNSET,
    ) -> AsyncIterator[DynamicBehaviorSetVersion]:
        """Every item of every page of `get_dynamic_behavior_set_versions`, page by page."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_set_versions as _api

        async for page in self._pages(
            OPERATIONS["get-dynamic-behavior-set-versions"],
            _api.asyncio_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            version=version,
            limit=limit,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            for item in page.dynamic_behavior_set_versions:
                yield item

    async def create_dynamic_behavior_set_version(
        self,
        dynamic_behavior_set_id: str,
        *,
        body: CreateDynamicBehaviorSetVersionRequest | CreateDynamicBehaviorSetVersionRequestDict,
        version: int | None | Unset = UNSET,
    ) -> CreateDynamicBehaviorSetVersionResponse:
        """Create a new version of a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/)."""
        from .api.dynamic_behavior_sets import create_dynamic_behavior_set_version as _api
        from .models.create_dynamic_behavior_set_version_request import CreateDynamicBehaviorSetVersionRequest

        return await self._call(
            OPERATIONS["create-dynamic-behavior-set-version"],
            _api.asyncio_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            body=request_body(CreateDynamicBehaviorSetVersionRequest, body, "create-dynamic-behavior-set-version"),
            version=version,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def get_dynamic_behavior_invocations(
        self,
        dynamic_behavior_set_id: str,
        *,
        limit: int | Unset = 30,
        continuation_token: int | Unset = 0,
        sort_by: list[GetDynamicBehaviorInvocationsSortByItem] | Unset = UNSET,
    ) -> DynamicBehaviorInvocationList:
        """Get dynamic behavior invocations (GET /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/invocation/)."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_invocations as _api

        return await self._call(
            OPERATIONS["get-dynamic-behavior-invocations"],
            _api.asyncio_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def iter_dynamic_behavior_invocations(
        self,
        dynamic_behavior_set_id: str,
        *,
        limit: int | Unset = 30,
        sort_by: list[GetDynamicBehaviorInvocationsSortByItem] | Unset = UNSET,
    ) -> AsyncIterator[DynamicBehaviorInvocation]:
        """Every item of every page of `get_dynamic_behavior_invocations`, page by page."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_invocations as _api

        async for page in self._pages(
            OPERATIONS["get-dynamic-behavior-invocations"],
            _api.asyncio_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            limit=limit,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            for item in page.dynamic_behavior_invocations:
                yield item

    async def get_metrics(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        applied_to_service: list[str] | Unset = UNSET,
        type_: list[MetricValueType] | Unset = UNSET,
        is_deleted: bool | Unset = False,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetMetricsSortByItem] | Unset = UNSET,
    ) -> MetricList:
        """Get metrics (GET /v1/{organization}/metric/)."""
        from .api.metrics import get_metrics as _api

        return await self._call(
            OPERATIONS["get-metrics"],
            _api.asyncio_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            applied_to_service=applied_to_service,
            type_=type_,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def iter_metrics(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        applied_to_service: list[str] | Unset = UNSET,
        type_: list[MetricValueType] | Unset = UNSET,
        is_deleted: bool | Unset = False,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetMetricsSortByItem] | Unset = UNSET,
    ) -> AsyncIterator[Metric]:
        """Every item of every page of `get_metrics`, page by page."""
        from .api.metrics import get_metrics as _api

        async for page in self._pages(
            OPERATIONS["get-metrics"],
            _api.asyncio_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            applied_to_service=applied_to_service,
            type_=type_,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            for item in page.metrics:
                yield item

    async def search_metrics(
        self,
        *,
        query: str,
        applied_to_service: list[str] | Unset = UNSET,
        type_: list[MetricValueType] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> MetricSearchResult:
        """Search metrics (GET /v1/{organization}/metric/search/)."""
        from .api.metrics import search_metrics as _api

        return await self._call(
            OPERATIONS["search-metrics"],
            _api.asyncio_detailed,
            self._config.organization_id,
            query=query,
            applied_to_service=applied_to_service,
            type_=type_,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def evaluate_metrics(
        self, *, body: EvaluateMetricsRequest | EvaluateMetricsRequestDict
    ) -> EvaluateMetricsResponse:
        """Compute metrics (POST /v1/{organization}/metric/evaluate)."""
        from .api.metrics import evaluate_metrics as _api
        from .models.evaluate_metrics_request import EvaluateMetricsRequest

        return await self._call(
            OPERATIONS["evaluate-metrics"],
            _api.asyncio_detailed,
            self._config.organization_id,
            body=request_body(EvaluateMetricsRequest, body, "evaluate-metrics"),
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def get_metric_evaluation_results(
        self,
        *,
        limit: int | Unset = 500,
        continuation_token: int | Unset = 0,
        timestamp_after: datetime.datetime | None | Unset = UNSET,
        timestamp_before: datetime.datetime | None | Unset = UNSET,
        metric_id: list[str] | Unset = UNSET,
        metric_id_and_version: list[str] | Unset = UNSET,
        source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
        conversation_id: list[str] | Unset = UNSET,
        simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
        sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    ) -> MetricEvaluationResultList:
        """Get metric evaluation results (GET /v1/{organization}/metric/metric_evaluation_result)."""
        from .api.metrics import get_metric_evaluation_results as _api

        return await self._call(
            OPERATIONS["get-metric-evaluation-results"],
            _api.asyncio_detailed,
            self._config.organization_id,
            limit=limit,
            continuation_token=continuation_token,
            timestamp_after=timestamp_after,
            timestamp_before=timestamp_before,
            metric_id=metric_id,
            metric_id_and_version=metric_id_and_version,
            source_type=source_type,
            conversation_id=conversation_id,
            simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def iter_metric_evaluation_results(
        self,
        *,
        limit: int | Unset = 500,
        timestamp_after: datetime.datetime | None | Unset = UNSET,
        timestamp_before: datetime.datetime | None | Unset = UNSET,
        metric_id: list[str] | Unset = UNSET,
        metric_id_and_version: list[str] | Unset = UNSET,
        source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
        conversation_id: list[str] | Unset = UNSET,
        simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
        sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    ) -> AsyncIterator[MetricEvaluationResult]:
        """Every item of every page of `get_metric_evaluation_results`, page by page."""
        from .api.metrics import get_metric_evaluation_results as _api

        async for page in self._pages(
            OPERATIONS["get-metric-evaluation-results"],
            _api.asyncio_detailed,
            self._config.organization_id,
            limit=limit,
            timestamp_after=timestamp_after,
            timestamp_before=timestamp_before,
            metric_id=metric_id,
            metric_id_and_version=metric_id_and_version,
            source_type=source_type,
            conversation_id=conversation_id,
            simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            for item in page.metric_evaluation_results:
                yield item

    async def get_conversations(
        self,
        *,
        user_id: list[str] | Unset = UNSET,
        service_id: list[str] | Unset = UNSET,
        is_finished: bool | None | Unset = UNSET,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 150,
        continuation_token: int | Unset = 0,
        sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> ConversationList:
        """Get conversations (GET /v1/{organization}/conversation/)."""
        from .api.conversations import get_conversations as _api

        return await self._call(
            OPERATIONS["get-conversations"],
            _api.asyncio_detailed,
            self._config.organization_id,
            user_id=user_id,
            service_id=service_id,
            is_finished=is_finished,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def iter_conversations(
        self,
        *,
        user_id: list[str] | Unset = UNSET,
        service_id: list[str] | Unset = UNSET,
        is_finished: bool | None | Unset = UNSET,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 150,
        sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> AsyncIterator[Conversation]:
        """Every item of every page of `get_conversations`, page by page."""
        from .api.conversations import get_conversations as _api

        async for page in self._pages(
            OPERATIONS["get-conversations"],
            _api.asyncio_detailed,
            self._config.organization_id,
            user_id=user_id,
            service_id=service_id,
            is_finished=is_finished,
            id=id,
            limit=limit,
            sort_by=sort_by,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            for item in page.conversations:
                yield item

    async def get_conversation_messages(
        self,
        conversation_id: str,
        *,
        id: list[str] | Unset = UNSET,
        message_type: list[MessageType] | Unset = UNSET,
        interaction_id: list[str] | Unset = UNSET,
        limit: int | Unset = 500,
        continuation_token: int | Unset = 0,
        sort_by: list[GetConversationMessagesSortByItem] | Unset = UNSET,
    ) -> ConversationMessageList:
        """Get conversation messages (GET /v1/{organization}/conversation/{conversation_id}/messages/)."""
        from .api.conversations import get_conversation_messages as _api

        return await self._call(
            OPERATIONS["get-conversation-messages"],
            _api.asyncio_detailed,
            self._config.organization_id,
            conversation_id,
            id=id,
            message_type=message_type,
            interaction_id=interaction_id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def iter_conversation_messages(
        self,
        conversation_id: str,
        *,
        id: list[str] | Unset = UNSET,
        message_type: list[MessageType] | Unset = UNSET,
        interaction_id: list[str] | Unset = UNSET,
        limit: int | Unset = 500,
        sort_by: list[GetConversationMessagesSortByItem] | Unset = UNSET,
    ) -> AsyncIterator[ConversationMessage]:
        """Every item of every page of `get_conversation_messages`, page by page."""
        from .api.conversations import get_conversation_messages as _api

        async for page in self._pages(
            OPERATIONS["get-conversation-messages"],
            _api.asyncio_detailed,
            self._config.organization_id,
            conversation_id,
            id=id,
            message_type=message_type,
            interaction_id=interaction_id,
            limit=limit,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            for item in page.messages:
                yield item

    async def get_simulation_scenarios(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        is_deleted: bool | None | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    ) -> SimulationScenarioList:
        """List simulation scenarios (GET /v1/{organization}/simulation/scenario/)."""
        from .api.simulation_scenarios import get_simulation_scenarios as _api

        return await self._call(
            OPERATIONS["get-simulation-scenarios"],
            _api.asyncio_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def iter_simulation_scenarios(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        is_deleted: bool | None | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    ) -> AsyncIterator[SimulationScenario]:
        """Every item of every page of `get_simulation_scenarios`, page by page."""
        from .api.simulation_scenarios import get_simulation_scenarios as _api

        async for page in self._pages(
            OPERATIONS["get-simulation-scenarios"],
            _api.asyncio_detailed,
            self._config.organization_id,
            id=id,
            limit=limit,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            for item in page.simulation_scenarios:
                yield item

    async def create_simulation_scenario(
        self, *, body: CreateSimulationScenarioRequest | CreateSimulationScenarioRequestDict
    ) -> CreateSimulationScenarioResponse:
        """Create a simulation scenario (POST /v1/{organization}/simulation/scenario/)."""
        from .api.simulation_scenarios import create_simulation_scenario as _api
        from .models.create_simulation_scenario_request import CreateSimulationScenarioRequest

        return await self._call(
            OPERATIONS["create-simulation-scenario"],
            _api.asyncio_detailed,
            self._config.organization_id,
            body=request_body(CreateSimulationScenarioRequest, body, "create-simulation-scenario"),
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def search_simulation_scenarios(
        self, *, query: str, creator: list[str] | Unset = UNSET, tag: list[str] | Unset = UNSET
    ) -> SimulationScenarioSearchResult:
        """Search simulation scenarios (GET /v1/{organization}/simulation/scenario/search)."""
        from .api.simulation_scenarios import search_simulation_scenarios as _api

        return await self._call(
            OPERATIONS["search-simulation-scenarios"],
            _api.asyncio_detailed,
            self._config.organization_id,
            query=query,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def update_simulation_scenario(
        self,
        simulation_scenario_id: str,
        *,
        body: UpdateSimulationScenarioRequest | UpdateSimulationScenarioRequestDict,
    ) -> None:
        """Update a simulation scenario (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/). Raises on an error answer."""
        from .api.simulation_scenarios import update_simulation_scenario as _api
        from .models.update_simulation_scenario_request import UpdateSimulationScenarioRequest

        await self._send(
            OPERATIONS["update-simulation-scenario"],
            _api.asyncio_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            body=request_body(UpdateSimulationScenarioRequest, body, "update-simulation-scenario"),
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def delete_simulation_scenario(self, simulation_scenario_id: str) -> None:
        """Delete a simulation scenario (DELETE /v1/{organization}/simulation/scenario/{simulation_scenario_id}/). Raises on an error answer."""
        from .api.simulation_scenarios import delete_simulation_scenario as _api

        await self._send(
            OPERATIONS["delete-simulation-scenario"],
            _api.asyncio_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def get_simulation_scenario_versions(
        self,
        simulation_scenario_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        continuation_token: int | Unset = 0,
        sort_by: list[GetSimulationScenarioVersionsSortByItem] | Unset = UNSET,
    ) -> SimulationScenarioVersionList:
        """Get simulation scenario versions (GET /v1/{organization}/simulation/scenario/{simulation_scenario_id}/version/)."""
        from .api.simulation_scenarios import get_simulation_scenario_versions as _api

        return await self._call(
            OPERATIONS["get-simulation-scenario-versions"],
            _api.asyncio_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            version=version,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def iter_simulation_scenario_versions(
        self,
        simulation_scenario_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        sort_by: list[GetSimulationScenarioVersionsSortByItem] | Unset = UNSET,
    ) -> AsyncIterator[SimulationScenarioVersion]:
        """Every item of every page of `get_simulation_scenario_versions`, page by page."""
        from .api.simulation_scenarios import get_simulation_scenario_versions as _api

        async for page in self._pages(
            OPERATIONS["get-simulation-scenario-versions"],
            _api.asyncio_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            version=version,
            limit=limit,
            sort_by=sort_by,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        ):
            for item in page.simulation_scenario_versions:
                yield item

    async def create_simulation_scenario_version(
        self,
        simulation_scenario_id: str,
        *,
        body: SimulationScenarioVersionContent | SimulationScenarioVersionContentDict,
        version: int | None | Unset = UNSET,
    ) -> CreateSimulationScenarioVersionResponse:
        """Create a simulation scenario version (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/version/)."""
        from .api.simulation_scenarios import create_simulation_scenario_version as _api
        from .models.simulation_scenario_version_content import SimulationScenarioVersionContent

        return await self._call(
            OPERATIONS["create-simulation-scenario-version"],
            _api.asyncio_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            body=request_body(SimulationScenarioVersionContent, body, "create-simulation-scenario-version"),
            version=version,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )


class SyncRawOperations:
    """`AmigoClient.with_raw_response`: each operation, answered as a `RawResponse` (status,
    headers, request ID, rate-limit remaining) whose `parse()` gives the model. Error answers
    raise as they do on the client."""

    def __init__(self, amigo: SyncTransport) -> None:
        self._amigo = amigo

    def get_dynamic_behavior_sets(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        is_active: bool | None | Unset = UNSET,
        applied_to_service: list[str] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetDynamicBehaviorSetsSortByItem] | Unset = UNSET,
    ) -> RawResponse[DynamicBehaviorSetList]:
        """Get dynamic behavior sets (GET /v1/{organization}/dynamic_behavior_set/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_sets as _api

        response = self._amigo._send(
            OPERATIONS["get-dynamic-behavior-sets"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-dynamic-behavior-sets"], response)

    def create_dynamic_behavior_set(
        self, *, body: CreateDynamicBehaviorSetRequest | CreateDynamicBehaviorSetRequestDict
    ) -> RawResponse[CreateDynamicBehaviorSetResponse]:
        """Create a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import create_dynamic_behavior_set as _api
        from .models.create_dynamic_behavior_set_request import CreateDynamicBehaviorSetRequest

        response = self._amigo._send(
            OPERATIONS["create-dynamic-behavior-set"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            body=request_body(CreateDynamicBehaviorSetRequest, body, "create-dynamic-behavior-set"),
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["create-dynamic-behavior-set"], response)

    def search_dynamic_behavior_sets(
        self,
        *,
        query: str,
        is_active: bool | None | Unset = UNSET,
        applied_to_service: list[str] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> RawResponse[DynamicBehaviorSetSearchResult]:
        """Search dynamic behavior sets (GET /v1/{organization}/dynamic_behavior_set/search), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import search_dynamic_behavior_sets as _api

        response = self._amigo._send(
            OPERATIONS["search-dynamic-behavior-sets"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            query=query,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["search-dynamic-behavior-sets"], response)

    def update_dynamic_behavior_set(
        self,
        dynamic_behavior_set_id: str,
        *,
        body: UpdateDynamicBehaviorSetRequest | UpdateDynamicBehaviorSetRequestDict,
    ) -> RawResponse[None]:
        """Update a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import update_dynamic_behavior_set as _api
        from .models.update_dynamic_behavior_set_request import UpdateDynamicBehaviorSetRequest

        response = self._amigo._send(
            OPERATIONS["update-dynamic-behavior-set"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            dynamic_behavior_set_id,
            body=request_body(UpdateDynamicBehaviorSetRequest, body, "update-dynamic-behavior-set"),
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_empty(response)

    def delete_dynamic_behavior_set(
        self, dynamic_behavior_set_id: str
    ) -> RawResponse[DeleteDynamicBehaviorSetResponse]:
        """Delete a dynamic behavior set (DELETE /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import delete_dynamic_behavior_set as _api

        response = self._amigo._send(
            OPERATIONS["delete-dynamic-behavior-set"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            dynamic_behavior_set_id,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["delete-dynamic-behavior-set"], response)

    def get_dynamic_behavior_set_versions(
        self,
        dynamic_behavior_set_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        continuation_token: int | Unset = 0,
        sort_by: list[GetDynamicBehaviorSetVersionsSortByItem] | Unset = UNSET,
    ) -> RawResponse[DynamicBehaviorSetVersionList]:
        """Get dynamic behavior set versions (GET /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_set_versions as _api

        response = self._amigo._send(
            OPERATIONS["get-dynamic-behavior-set-versions"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            dynamic_behavior_set_id,
            version=version,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-dynamic-behavior-set-versions"], response)

    def create_dynamic_behavior_set_version(
        self,
        dynamic_behavior_set_id: str,
        *,
        body: CreateDynamicBehaviorSetVersionRequest | CreateDynamicBehaviorSetVersionRequestDict,
        version: int | None | Unset = UNSET,
    ) -> RawResponse[CreateDynamicBehaviorSetVersionResponse]:
        """Create a new version of a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import create_dynamic_behavior_set_version as _api
        from .models.create_dynamic_behavior_set_version_request import CreateDynamicBehaviorSetVersionRequest

        response = self._amigo._send(
            OPERATIONS["create-dynamic-behavior-set-version"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            dynamic_behavior_set_id,
            body=request_body(CreateDynamicBehaviorSetVersionRequest, body, "create-dynamic-behavior-set-version"),
            version=version,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["create-dynamic-behavior-set-version"], response)

    def get_dynamic_behavior_invocations(
        self,
        dynamic_behavior_set_id: str,
        *,
        limit: int | Unset = 30,
        continuation_token: int | Unset = 0,
        sort_by: list[GetDynamicBehaviorInvocationsSortByItem] | Unset = UNSET,
    ) -> RawResponse[DynamicBehaviorInvocationList]:
        """Get dynamic behavior invocations (GET /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/invocation/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_invocations as _api

        response = self._amigo._send(
            OPERATIONS["get-dynamic-behavior-invocations"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            dynamic_behavior_set_id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-dynamic-behavior-invocations"], response)

    def get_metrics(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        applied_to_service: list[str] | Unset = UNSET,
        type_: list[MetricValueType] | Unset = UNSET,
        is_deleted: bool | Unset = False,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetMetricsSortByItem] | Unset = UNSET,
    ) -> RawResponse[MetricList]:
        """Get metrics (GET /v1/{organization}/metric/), as a `RawResponse`."""
        from .api.metrics import get_metrics as _api

        response = self._amigo._send(
            OPERATIONS["get-metrics"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            applied_to_service=applied_to_service,
            type_=type_,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-metrics"], response)

    def search_metrics(
        self,
        *,
        query: str,
        applied_to_service: list[str] | Unset = UNSET,
        type_: list[MetricValueType] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> RawResponse[MetricSearchResult]:
        """Search metrics (GET /v1/{organization}/metric/search/), as a `RawResponse`."""
        from .api.metrics import search_metrics as _api

        response = self._amigo._send(
            OPERATIONS["search-metrics"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            query=query,
            applied_to_service=applied_to_service,
            type_=type_,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["search-metrics"], response)

    def evaluate_metrics(
        self, *, body: EvaluateMetricsRequest | EvaluateMetricsRequestDict
    ) -> RawResponse[EvaluateMetricsResponse]:
        """Compute metrics (POST /v1/{organization}/metric/evaluate), as a `RawResponse`."""
        from .api.metrics import evaluate_metrics as _api
        from .models.evaluate_metrics_request import EvaluateMetricsRequest

        response = self._amigo._send(
            OPERATIONS["evaluate-metrics"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            body=request_body(EvaluateMetricsRequest, body, "evaluate-metrics"),
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["evaluate-metrics"], response)

    def get_metric_evaluation_results(
        self,
        *,
        limit: int | Unset = 500,
        continuation_token: int | Unset = 0,
        timestamp_after: datetime.datetime | None | Unset = UNSET,
        timestamp_before: datetime.datetime | None | Unset = UNSET,
        metric_id: list[str] | Unset = UNSET,
        metric_id_and_version: list[str] | Unset = UNSET,
        source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
        conversation_id: list[str] | Unset = UNSET,
        simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
        sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    ) -> RawResponse[MetricEvaluationResultList]:
        """Get metric evaluation results (GET /v1/{organization}/metric/metric_evaluation_result), as a `RawResponse`."""
        from .api.metrics import get_metric_evaluation_results as _api

        response = self._amigo._send(
            OPERATIONS["get-metric-evaluation-results"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            limit=limit,
            continuation_token=continuation_token,
            timestamp_after=timestamp_after,
            timestamp_before=timestamp_before,
            metric_id=metric_id,
            metric_id_and_version=metric_id_and_version,
            source_type=source_type,
            conversation_id=conversation_id,
            simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-metric-evaluation-results"], response)

    def get_conversations(
        self,
        *,
        user_id: list[str] | Unset = UNSET,
        service_id: list[str] | Unset = UNSET,
        is_finished: bool | None | Unset = UNSET,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 150,
        continuation_token: int | Unset = 0,
        sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> RawResponse[ConversationList]:
        """Get conversations (GET /v1/{organization}/conversation/), as a `RawResponse`."""
        from .api.conversations import get_conversations as _api

        response = self._amigo._send(
            OPERATIONS["get-conversations"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            user_id=user_id,
            service_id=service_id,
            is_finished=is_finished,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            tag=tag,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-conversations"], response)

    def get_conversation_messages(
        self,
        conversation_id: str,
        *,
        id: list[str] | Unset = UNSET,
        message_type: list[MessageType] | Unset = UNSET,
        interaction_id: list[str] | Unset = UNSET,
        limit: int | Unset = 500,
        continuation_token: int | Unset = 0,
        sort_by: list[GetConversationMessagesSortByItem] | Unset = UNSET,
    ) -> RawResponse[ConversationMessageList]:
        """Get conversation messages (GET /v1/{organization}/conversation/{conversation_id}/messages/), as a `RawResponse`."""
        from .api.conversations import get_conversation_messages as _api

        response = self._amigo._send(
            OPERATIONS["get-conversation-messages"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            conversation_id,
            id=id,
            message_type=message_type,
            interaction_id=interaction_id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-conversation-messages"], response)

    def get_simulation_scenarios(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        is_deleted: bool | None | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    ) -> RawResponse[SimulationScenarioList]:
        """List simulation scenarios (GET /v1/{organization}/simulation/scenario/), as a `RawResponse`."""
        from .api.simulation_scenarios import get_simulation_scenarios as _api

        response = self._amigo._send(
            OPERATIONS["get-simulation-scenarios"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-simulation-scenarios"], response)

    def create_simulation_scenario(
        self, *, body: CreateSimulationScenarioRequest | CreateSimulationScenarioRequestDict
    ) -> RawResponse[CreateSimulationScenarioResponse]:
        """Create a simulation scenario (POST /v1/{organization}/simulation/scenario/), as a `RawResponse`."""
        from .api.simulation_scenarios import create_simulation_scenario as _api
        from .models.create_simulation_scenario_request import CreateSimulationScenarioRequest

        response = self._amigo._send(
            OPERATIONS["create-simulation-scenario"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            body=request_body(CreateSimulationScenarioRequest, body, "create-simulation-scenario"),
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["create-simulation-scenario"], response)

    def search_simulation_scenarios(
        self, *, query: str, creator: list[str] | Unset = UNSET, tag: list[str] | Unset = UNSET
    ) -> RawResponse[SimulationScenarioSearchResult]:
        """Search simulation scenarios (GET /v1/{organization}/simulation/scenario/search), as a `RawResponse`."""
        from .api.simulation_scenarios import search_simulation_scenarios as _api

        response = self._amigo._send(
            OPERATIONS["search-simulation-scenarios"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            query=query,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["search-simulation-scenarios"], response)

    def update_simulation_scenario(
        self,
        simulation_scenario_id: str,
        *,
        body: UpdateSimulationScenarioRequest | UpdateSimulationScenarioRequestDict,
    ) -> RawResponse[None]:
        """Update a simulation scenario (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/), as a `RawResponse`."""
        from .api.simulation_scenarios import update_simulation_scenario as _api
        from .models.update_simulation_scenario_request import UpdateSimulationScenarioRequest

        response = self._amigo._send(
            OPERATIONS["update-simulation-scenario"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            simulation_scenario_id,
            body=request_body(UpdateSimulationScenarioRequest, body, "update-simulation-scenario"),
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_empty(response)

    def delete_simulation_scenario(self, simulation_scenario_id: str) -> RawResponse[None]:
        """Delete a simulation scenario (DELETE /v1/{organization}/simulation/scenario/{simulation_scenario_id}/), as a `RawResponse`."""
        from .api.simulation_scenarios import delete_simulation_scenario as _api

        response = self._amigo._send(
            OPERATIONS["delete-simulation-scenario"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            simulation_scenario_id,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_empty(response)

    def get_simulation_scenario_versions(
        self,
        simulation_scenario_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        continuation_token: int | Unset = 0,
        sort_by: list[GetSimulationScenarioVersionsSortByItem] | Unset = UNSET,
    ) -> RawResponse[SimulationScenarioVersionList]:
        """Get simulation scenario versions (GET /v1/{organization}/simulation/scenario/{simulation_scenario_id}/version/), as a `RawResponse`."""
        from .api.simulation_scenarios import get_simulation_scenario_versions as _api

        response = self._amigo._send(
            OPERATIONS["get-simulation-scenario-versions"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            simulation_scenario_id,
            version=version,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-simulation-scenario-versions"], response)

    def create_simulation_scenario_version(
        self,
        simulation_scenario_id: str,
        *,
        body: SimulationScenarioVersionContent | SimulationScenarioVersionContentDict,
        version: int | None | Unset = UNSET,
    ) -> RawResponse[CreateSimulationScenarioVersionResponse]:
        """Create a simulation scenario version (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/version/), as a `RawResponse`."""
        from .api.simulation_scenarios import create_simulation_scenario_version as _api
        from .models.simulation_scenario_version_content import SimulationScenarioVersionContent

        response = self._amigo._send(
            OPERATIONS["create-simulation-scenario-version"],
            _api.sync_detailed,
            self._amigo._config.organization_id,
            simulation_scenario_id,
            body=request_body(SimulationScenarioVersionContent, body, "create-simulation-scenario-version"),
            version=version,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["create-simulation-scenario-version"], response)


class AsyncRawOperations:
    """`AsyncAmigoClient.with_raw_response`: each operation, answered as a `RawResponse`
    (status, headers, request ID, rate-limit remaining) whose `parse()` gives the model. Error
    answers raise as they do on the client."""

    def __init__(self, amigo: AsyncTransport) -> None:
        self._amigo = amigo

    async def get_dynamic_behavior_sets(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        is_active: bool | None | Unset = UNSET,
        applied_to_service: list[str] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetDynamicBehaviorSetsSortByItem] | Unset = UNSET,
    ) -> RawResponse[DynamicBehaviorSetList]:
        """Get dynamic behavior sets (GET /v1/{organization}/dynamic_behavior_set/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_sets as _api

        response = await self._amigo._send(
            OPERATIONS["get-dynamic-behavior-sets"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-dynamic-behavior-sets"], response)

    async def create_dynamic_behavior_set(
        self, *, body: CreateDynamicBehaviorSetRequest | CreateDynamicBehaviorSetRequestDict
    ) -> RawResponse[CreateDynamicBehaviorSetResponse]:
        """Create a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import create_dynamic_behavior_set as _api
        from .models.create_dynamic_behavior_set_request import CreateDynamicBehaviorSetRequest

        response = await self._amigo._send(
            OPERATIONS["create-dynamic-behavior-set"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            body=request_body(CreateDynamicBehaviorSetRequest, body, "create-dynamic-behavior-set"),
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["create-dynamic-behavior-set"], response)

    async def search_dynamic_behavior_sets(
        self,
        *,
        query: str,
        is_active: bool | None | Unset = UNSET,
        applied_to_service: list[str] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> RawResponse[DynamicBehaviorSetSearchResult]:
        """Search dynamic behavior sets (GET /v1/{organization}/dynamic_behavior_set/search), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import search_dynamic_behavior_sets as _api

        response = await self._amigo._send(
            OPERATIONS["search-dynamic-behavior-sets"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            query=query,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["search-dynamic-behavior-sets"], response)

    async def update_dynamic_behavior_set(
        self,
        dynamic_behavior_set_id: str,
        *,
        body: UpdateDynamicBehaviorSetRequest | UpdateDynamicBehaviorSetRequestDict,
    ) -> RawResponse[None]:
        """Update a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import update_dynamic_behavior_set as _api
        from .models.update_dynamic_behavior_set_request import UpdateDynamicBehaviorSetRequest

        response = await self._amigo._send(
            OPERATIONS["update-dynamic-behavior-set"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            dynamic_behavior_set_id,
            body=request_body(UpdateDynamicBehaviorSetRequest, body, "update-dynamic-behavior-set"),
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_empty(response)

    async def delete_dynamic_behavior_set(
        self, dynamic_behavior_set_id: str
    ) -> RawResponse[DeleteDynamicBehaviorSetResponse]:
        """Delete a dynamic behavior set (DELETE /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import delete_dynamic_behavior_set as _api

        response = await self._amigo._send(
            OPERATIONS["delete-dynamic-behavior-set"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            dynamic_behavior_set_id,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["delete-dynamic-behavior-set"], response)

    async def get_dynamic_behavior_set_versions(
        self,
        dynamic_behavior_set_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        continuation_token: int | Unset = 0,
        sort_by: list[GetDynamicBehaviorSetVersionsSortByItem] | Unset = UNSET,
    ) -> RawResponse[DynamicBehaviorSetVersionList]:
        """Get dynamic behavior set versions (GET /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_set_versions as _api

        response = await self._amigo._send(
            OPERATIONS["get-dynamic-behavior-set-versions"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            dynamic_behavior_set_id,
            version=version,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-dynamic-behavior-set-versions"], response)

    async def create_dynamic_behavior_set_version(
        self,
        dynamic_behavior_set_id: str,
        *,
        body: CreateDynamicBehaviorSetVersionRequest | CreateDynamicBehaviorSetVersionRequestDict,
        version: int | None | Unset = UNSET,
    ) -> RawResponse[CreateDynamicBehaviorSetVersionResponse]:
        """Create a new version of a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import create_dynamic_behavior_set_version as _api
        from .models.create_dynamic_behavior_set_version_request import CreateDynamicBehaviorSetVersionRequest

        response = await self._amigo._send(
            OPERATIONS["create-dynamic-behavior-set-version"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            dynamic_behavior_set_id,
            body=request_body(CreateDynamicBehaviorSetVersionRequest, body, "create-dynamic-behavior-set-version"),
            version=version,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["create-dynamic-behavior-set-version"], response)

    async def get_dynamic_behavior_invocations(
        self,
        dynamic_behavior_set_id: str,
        *,
        limit: int | Unset = 30,
        continuation_token: int | Unset = 0,
        sort_by: list[GetDynamicBehaviorInvocationsSortByItem] | Unset = UNSET,
    ) -> RawResponse[DynamicBehaviorInvocationList]:
        """Get dynamic behavior invocations (GET /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/invocation/), as a `RawResponse`."""
        from .api.dynamic_behavior_sets import get_dynamic_behavior_invocations as _api

        response = await self._amigo._send(
            OPERATIONS["get-dynamic-behavior-invocations"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            dynamic_behavior_set_id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-dynamic-behavior-invocations"], response)

    async def get_metrics(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        applied_to_service: list[str] | Unset = UNSET,
        type_: list[MetricValueType] | Unset = UNSET,
        is_deleted: bool | Unset = False,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetMetricsSortByItem] | Unset = UNSET,
    ) -> RawResponse[MetricList]:
        """Get metrics (GET /v1/{organization}/metric/), as a `RawResponse`."""
        from .api.metrics import get_metrics as _api

        response = await self._amigo._send(
            OPERATIONS["get-metrics"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            applied_to_service=applied_to_service,
            type_=type_,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-metrics"], response)

    async def search_metrics(
        self,
        *,
        query: str,
        applied_to_service: list[str] | Unset = UNSET,
        type_: list[MetricValueType] | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> RawResponse[MetricSearchResult]:
        """Search metrics (GET /v1/{organization}/metric/search/), as a `RawResponse`."""
        from .api.metrics import search_metrics as _api

        response = await self._amigo._send(
            OPERATIONS["search-metrics"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            query=query,
            applied_to_service=applied_to_service,
            type_=type_,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["search-metrics"], response)

    async def evaluate_metrics(
        self, *, body: EvaluateMetricsRequest | EvaluateMetricsRequestDict
    ) -> RawResponse[EvaluateMetricsResponse]:
        """Compute metrics (POST /v1/{organization}/metric/evaluate), as a `RawResponse`."""
        from .api.metrics import evaluate_metrics as _api
        from .models.evaluate_metrics_request import EvaluateMetricsRequest

        response = await self._amigo._send(
            OPERATIONS["evaluate-metrics"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            body=request_body(EvaluateMetricsRequest, body, "evaluate-metrics"),
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["evaluate-metrics"], response)

    async def get_metric_evaluation_results(
        self,
        *,
        limit: int | Unset = 500,
        continuation_token: int | Unset = 0,
        timestamp_after: datetime.datetime | None | Unset = UNSET,
        timestamp_before: datetime.datetime | None | Unset = UNSET,
        metric_id: list[str] | Unset = UNSET,
        metric_id_and_version: list[str] | Unset = UNSET,
        source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
        conversation_id: list[str] | Unset = UNSET,
        simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
        sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    ) -> RawResponse[MetricEvaluationResultList]:
        """Get metric evaluation results (GET /v1/{organization}/metric/metric_evaluation_result), as a `RawResponse`."""
        from .api.metrics import get_metric_evaluation_results as _api

        response = await self._amigo._send(
            OPERATIONS["get-metric-evaluation-results"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            limit=limit,
            continuation_token=continuation_token,
            timestamp_after=timestamp_after,
            timestamp_before=timestamp_before,
            metric_id=metric_id,
            metric_id_and_version=metric_id_and_version,
            source_type=source_type,
            conversation_id=conversation_id,
            simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-metric-evaluation-results"], response)

    async def get_conversations(
        self,
        *,
        user_id: list[str] | Unset = UNSET,
        service_id: list[str] | Unset = UNSET,
        is_finished: bool | None | Unset = UNSET,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 150,
        continuation_token: int | Unset = 0,
        sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
    ) -> RawResponse[ConversationList]:
        """Get conversations (GET /v1/{organization}/conversation/), as a `RawResponse`."""
        from .api.conversations import get_conversations as _api

        response = await self._amigo._send(
            OPERATIONS["get-conversations"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            user_id=user_id,
            service_id=service_id,
            is_finished=is_finished,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            tag=tag,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-conversations"], response)

    async def get_conversation_messages(
        self,
        conversation_id: str,
        *,
        id: list[str] | Unset = UNSET,
        message_type: list[MessageType] | Unset = UNSET,
        interaction_id: list[str] | Unset = UNSET,
        limit: int | Unset = 500,
        continuation_token: int | Unset = 0,
        sort_by: list[GetConversationMessagesSortByItem] | Unset = UNSET,
    ) -> RawResponse[ConversationMessageList]:
        """Get conversation messages (GET /v1/{organization}/conversation/{conversation_id}/messages/), as a `RawResponse`."""
        from .api.conversations import get_conversation_messages as _api

        response = await self._amigo._send(
            OPERATIONS["get-conversation-messages"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            conversation_id,
            id=id,
            message_type=message_type,
            interaction_id=interaction_id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-conversation-messages"], response)

    async def get_simulation_scenarios(
        self,
        *,
        id: list[str] | Unset = UNSET,
        limit: int | Unset = 50,
        continuation_token: int | Unset = 0,
        is_deleted: bool | None | Unset = UNSET,
        creator: list[str] | Unset = UNSET,
        tag: list[str] | Unset = UNSET,
        sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    ) -> RawResponse[SimulationScenarioList]:
        """List simulation scenarios (GET /v1/{organization}/simulation/scenario/), as a `RawResponse`."""
        from .api.simulation_scenarios import get_simulation_scenarios as _api

        response = await self._amigo._send(
            OPERATIONS["get-simulation-scenarios"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-simulation-scenarios"], response)

    async def create_simulation_scenario(
        self, *, body: CreateSimulationScenarioRequest | CreateSimulationScenarioRequestDict
    ) -> RawResponse[CreateSimulationScenarioResponse]:
        """Create a simulation scenario (POST /v1/{organization}/simulation/scenario/), as a `RawResponse`."""
        from .api.simulation_scenarios import create_simulation_scenario as _api
        from .models.create_simulation_scenario_request import CreateSimulationScenarioRequest

        response = await self._amigo._send(
            OPERATIONS["create-simulation-scenario"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            body=request_body(CreateSimulationScenarioRequest, body, "create-simulation-scenario"),
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["create-simulation-scenario"], response)

    async def search_simulation_scenarios(
        self, *, query: str, creator: list[str] | Unset = UNSET, tag: list[str] | Unset = UNSET
    ) -> RawResponse[SimulationScenarioSearchResult]:
        """Search simulation scenarios (GET /v1/{organization}/simulation/scenario/search), as a `RawResponse`."""
        from .api.simulation_scenarios import search_simulation_scenarios as _api

        response = await self._amigo._send(
            OPERATIONS["search-simulation-scenarios"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            query=query,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["search-simulation-scenarios"], response)

    async def update_simulation_scenario(
        self,
        simulation_scenario_id: str,
        *,
        body: UpdateSimulationScenarioRequest | UpdateSimulationScenarioRequestDict,
    ) -> RawResponse[None]:
        """Update a simulation scenario (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/), as a `RawResponse`."""
        from .api.simulation_scenarios import update_simulation_scenario as _api
        from .models.update_simulation_scenario_request import UpdateSimulationScenarioRequest

        response = await self._amigo._send(
            OPERATIONS["update-simulation-scenario"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            simulation_scenario_id,
            body=request_body(UpdateSimulationScenarioRequest, body, "update-simulation-scenario"),
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_empty(response)

    async def delete_simulation_scenario(self, simulation_scenario_id: str) -> RawResponse[None]:
        """Delete a simulation scenario (DELETE /v1/{organization}/simulation/scenario/{simulation_scenario_id}/), as a `RawResponse`."""
        from .api.simulation_scenarios import delete_simulation_scenario as _api

        response = await self._amigo._send(
            OPERATIONS["delete-simulation-scenario"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            simulation_scenario_id,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_empty(response)

    async def get_simulation_scenario_versions(
        self,
        simulation_scenario_id: str,
        *,
        version: None | str | Unset = UNSET,
        limit: int | Unset = 10,
        continuation_token: int | Unset = 0,
        sort_by: list[GetSimulationScenarioVersionsSortByItem] | Unset = UNSET,
    ) -> RawResponse[SimulationScenarioVersionList]:
        """Get simulation scenario versions (GET /v1/{organization}/simulation/scenario/{simulation_scenario_id}/version/), as a `RawResponse`."""
        from .api.simulation_scenarios import get_simulation_scenario_versions as _api

        response = await self._amigo._send(
            OPERATIONS["get-simulation-scenario-versions"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            simulation_scenario_id,
            version=version,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["get-simulation-scenario-versions"], response)

    async def create_simulation_scenario_version(
        self,
        simulation_scenario_id: str,
        *,
        body: SimulationScenarioVersionContent | SimulationScenarioVersionContentDict,
        version: int | None | Unset = UNSET,
    ) -> RawResponse[CreateSimulationScenarioVersionResponse]:
        """Create a simulation scenario version (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/version/), as a `RawResponse`."""
        from .api.simulation_scenarios import create_simulation_scenario_version as _api
        from .models.simulation_scenario_version_content import SimulationScenarioVersionContent

        response = await self._amigo._send(
            OPERATIONS["create-simulation-scenario-version"],
            _api.asyncio_detailed,
            self._amigo._config.organization_id,
            simulation_scenario_id,
            body=request_body(SimulationScenarioVersionContent, body, "create-simulation-scenario-version"),
            version=version,
            x_mongo_cluster_name=self._amigo._config.mongo_cluster_name or UNSET,
        )
        return raw_model(OPERATIONS["create-simulation-scenario-version"], response)
