"""The typed operations of `AmigoClient` and `AsyncAmigoClient`.

Written by scripts/build_client_operations.py from the spec and the generated modules; do not
edit. The organization (and the Mongo cluster header) come from the client's configuration.
"""

import datetime
from collections.abc import AsyncIterator, Iterator

from .api.conversations import get_conversation_messages as _get_conversation_messages
from .api.conversations import get_conversations as _get_conversations
from .api.dynamic_behavior_sets import create_dynamic_behavior_set as _create_dynamic_behavior_set
from .api.dynamic_behavior_sets import create_dynamic_behavior_set_version as _create_dynamic_behavior_set_version
from .api.dynamic_behavior_sets import delete_dynamic_behavior_set as _delete_dynamic_behavior_set
from .api.dynamic_behavior_sets import get_dynamic_behavior_invocations as _get_dynamic_behavior_invocations
from .api.dynamic_behavior_sets import get_dynamic_behavior_set_versions as _get_dynamic_behavior_set_versions
from .api.dynamic_behavior_sets import get_dynamic_behavior_sets as _get_dynamic_behavior_sets
from .api.dynamic_behavior_sets import search_dynamic_behavior_sets as _search_dynamic_behavior_sets
from .api.dynamic_behavior_sets import update_dynamic_behavior_set as _update_dynamic_behavior_set
from .api.metrics import evaluate_metrics as _evaluate_metrics
from .api.metrics import get_metric_evaluation_results as _get_metric_evaluation_results
from .api.metrics import get_metrics as _get_metrics
from .api.metrics import search_metrics as _search_metrics
from .api.simulation_scenarios import create_simulation_scenario as _create_simulation_scenario
from .api.simulation_scenarios import create_simulation_scenario_version as _create_simulation_scenario_version
from .api.simulation_scenarios import delete_simulation_scenario as _delete_simulation_scenario
from .api.simulation_scenarios import get_simulation_scenario_versions as _get_simulation_scenario_versions
from .api.simulation_scenarios import get_simulation_scenarios as _get_simulation_scenarios
from .api.simulation_scenarios import search_simulation_scenarios as _search_simulation_scenarios
from .api.simulation_scenarios import update_simulation_scenario as _update_simulation_scenario
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
from .transport import AsyncTransport, Operation, SyncTransport
from .types import UNSET, Unset

OPERATIONS: dict[str, Operation] = {
    "get-dynamic-behavior-sets": Operation("get-dynamic-behavior-sets", safe_to_repeat=True),
    "create-dynamic-behavior-set": Operation("create-dynamic-behavior-set", safe_to_repeat=False),
    "search-dynamic-behavior-sets": Operation("search-dynamic-behavior-sets", safe_to_repeat=True),
    "update-dynamic-behavior-set": Operation("update-dynamic-behavior-set", safe_to_repeat=False),
    "delete-dynamic-behavior-set": Operation("delete-dynamic-behavior-set", safe_to_repeat=False),
    "get-dynamic-behavior-set-versions": Operation("get-dynamic-behavior-set-versions", safe_to_repeat=True),
    "create-dynamic-behavior-set-version": Operation("create-dynamic-behavior-set-version", safe_to_repeat=False),
    "get-dynamic-behavior-invocations": Operation("get-dynamic-behavior-invocations", safe_to_repeat=True),
    "get-metrics": Operation("get-metrics", safe_to_repeat=True),
    "search-metrics": Operation("search-metrics", safe_to_repeat=True),
    "evaluate-metrics": Operation("evaluate-metrics", safe_to_repeat=False),
    "get-metric-evaluation-results": Operation("get-metric-evaluation-results", safe_to_repeat=True),
    "get-conversations": Operation("get-conversations", safe_to_repeat=True),
    "get-conversation-messages": Operation("get-conversation-messages", safe_to_repeat=True),
    "get-simulation-scenarios": Operation("get-simulation-scenarios", safe_to_repeat=True),
    "create-simulation-scenario": Operation("create-simulation-scenario", safe_to_repeat=False),
    "search-simulation-scenarios": Operation("search-simulation-scenarios", safe_to_repeat=True),
    "update-simulation-scenario": Operation("update-simulation-scenario", safe_to_repeat=False),
    "delete-simulation-scenario": Operation("delete-simulation-scenario", safe_to_repeat=False),
    "get-simulation-scenario-versions": Operation("get-simulation-scenario-versions", safe_to_repeat=True),
    "create-simulation-scenario-version": Operation("create-simulation-scenario-version", safe_to_repeat=False),
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
        return self._call(
            OPERATIONS["get-dynamic-behavior-sets"],
            _get_dynamic_behavior_sets.sync_detailed,
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
        for page in self._pages(
            OPERATIONS["get-dynamic-behavior-sets"],
            _get_dynamic_behavior_sets.sync_detailed,
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

    def create_dynamic_behavior_set(self, *, body: CreateDynamicBehaviorSetRequest) -> CreateDynamicBehaviorSetResponse:
        """Create a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/)."""
        return self._call(
            OPERATIONS["create-dynamic-behavior-set"],
            _create_dynamic_behavior_set.sync_detailed,
            self._config.organization_id,
            body=body,
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
        return self._call(
            OPERATIONS["search-dynamic-behavior-sets"],
            _search_dynamic_behavior_sets.sync_detailed,
            self._config.organization_id,
            query=query,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def update_dynamic_behavior_set(
        self, dynamic_behavior_set_id: str, *, body: UpdateDynamicBehaviorSetRequest
    ) -> None:
        """Update a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/). Raises on an error answer."""
        self._send(
            OPERATIONS["update-dynamic-behavior-set"],
            _update_dynamic_behavior_set.sync_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            body=body,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def delete_dynamic_behavior_set(self, dynamic_behavior_set_id: str) -> DeleteDynamicBehaviorSetResponse:
        """Delete a dynamic behavior set (DELETE /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/)."""
        return self._call(
            OPERATIONS["delete-dynamic-behavior-set"],
            _delete_dynamic_behavior_set.sync_detailed,
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
        return self._call(
            OPERATIONS["get-dynamic-behavior-set-versions"],
            _get_dynamic_behavior_set_versions.sync_detailed,
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
        for page in self._pages(
            OPERATIONS["get-dynamic-behavior-set-versions"],
            _get_dynamic_behavior_set_versions.sync_detailed,
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
        body: CreateDynamicBehaviorSetVersionRequest,
        version: int | None | Unset = UNSET,
    ) -> CreateDynamicBehaviorSetVersionResponse:
        """Create a new version of a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/)."""
        return self._call(
            OPERATIONS["create-dynamic-behavior-set-version"],
            _create_dynamic_behavior_set_version.sync_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            body=body,
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
        return self._call(
            OPERATIONS["get-dynamic-behavior-invocations"],
            _get_dynamic_behavior_invocations.sync_detailed,
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
        for page in self._pages(
            OPERATIONS["get-dynamic-behavior-invocations"],
            _get_dynamic_behavior_invocations.sync_detailed,
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
        return self._call(
            OPERATIONS["get-metrics"],
            _get_metrics.sync_detailed,
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
        for page in self._pages(
            OPERATIONS["get-metrics"],
            _get_metrics.sync_detailed,
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
        return self._call(
            OPERATIONS["search-metrics"],
            _search_metrics.sync_detailed,
            self._config.organization_id,
            query=query,
            applied_to_service=applied_to_service,
            type_=type_,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def evaluate_metrics(self, *, body: EvaluateMetricsRequest) -> EvaluateMetricsResponse:
        """Compute metrics (POST /v1/{organization}/metric/evaluate)."""
        return self._call(
            OPERATIONS["evaluate-metrics"],
            _evaluate_metrics.sync_detailed,
            self._config.organization_id,
            body=body,
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
        return self._call(
            OPERATIONS["get-metric-evaluation-results"],
            _get_metric_evaluation_results.sync_detailed,
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
        for page in self._pages(
            OPERATIONS["get-metric-evaluation-results"],
            _get_metric_evaluation_results.sync_detailed,
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
        return self._call(
            OPERATIONS["get-conversations"],
            _get_conversations.sync_detailed,
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
        for page in self._pages(
            OPERATIONS["get-conversations"],
            _get_conversations.sync_detailed,
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
        return self._call(
            OPERATIONS["get-conversation-messages"],
            _get_conversation_messages.sync_detailed,
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
        for page in self._pages(
            OPERATIONS["get-conversation-messages"],
            _get_conversation_messages.sync_detailed,
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
        return self._call(
            OPERATIONS["get-simulation-scenarios"],
            _get_simulation_scenarios.sync_detailed,
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
        for page in self._pages(
            OPERATIONS["get-simulation-scenarios"],
            _get_simulation_scenarios.sync_detailed,
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

    def create_simulation_scenario(self, *, body: CreateSimulationScenarioRequest) -> CreateSimulationScenarioResponse:
        """Create a simulation scenario (POST /v1/{organization}/simulation/scenario/)."""
        return self._call(
            OPERATIONS["create-simulation-scenario"],
            _create_simulation_scenario.sync_detailed,
            self._config.organization_id,
            body=body,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def search_simulation_scenarios(
        self, *, query: str, creator: list[str] | Unset = UNSET, tag: list[str] | Unset = UNSET
    ) -> SimulationScenarioSearchResult:
        """Search simulation scenarios (GET /v1/{organization}/simulation/scenario/search)."""
        return self._call(
            OPERATIONS["search-simulation-scenarios"],
            _search_simulation_scenarios.sync_detailed,
            self._config.organization_id,
            query=query,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def update_simulation_scenario(self, simulation_scenario_id: str, *, body: UpdateSimulationScenarioRequest) -> None:
        """Update a simulation scenario (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/). Raises on an error answer."""
        self._send(
            OPERATIONS["update-simulation-scenario"],
            _update_simulation_scenario.sync_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            body=body,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    def delete_simulation_scenario(self, simulation_scenario_id: str) -> None:
        """Delete a simulation scenario (DELETE /v1/{organization}/simulation/scenario/{simulation_scenario_id}/). Raises on an error answer."""
        self._send(
            OPERATIONS["delete-simulation-scenario"],
            _delete_simulation_scenario.sync_detailed,
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
        return self._call(
            OPERATIONS["get-simulation-scenario-versions"],
            _get_simulation_scenario_versions.sync_detailed,
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
        for page in self._pages(
            OPERATIONS["get-simulation-scenario-versions"],
            _get_simulation_scenario_versions.sync_detailed,
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
        body: SimulationScenarioVersionContent,
        version: int | None | Unset = UNSET,
    ) -> CreateSimulationScenarioVersionResponse:
        """Create a simulation scenario version (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/version/)."""
        return self._call(
            OPERATIONS["create-simulation-scenario-version"],
            _create_simulation_scenario_version.sync_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            body=body,
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
        return await self._call(
            OPERATIONS["get-dynamic-behavior-sets"],
            _get_dynamic_behavior_sets.asyncio_detailed,
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
        async for page in self._pages(
            OPERATIONS["get-dynamic-behavior-sets"],
            _get_dynamic_behavior_sets.asyncio_detailed,
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
        self, *, body: CreateDynamicBehaviorSetRequest
    ) -> CreateDynamicBehaviorSetResponse:
        """Create a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/)."""
        return await self._call(
            OPERATIONS["create-dynamic-behavior-set"],
            _create_dynamic_behavior_set.asyncio_detailed,
            self._config.organization_id,
            body=body,
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
        return await self._call(
            OPERATIONS["search-dynamic-behavior-sets"],
            _search_dynamic_behavior_sets.asyncio_detailed,
            self._config.organization_id,
            query=query,
            is_active=is_active,
            applied_to_service=applied_to_service,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def update_dynamic_behavior_set(
        self, dynamic_behavior_set_id: str, *, body: UpdateDynamicBehaviorSetRequest
    ) -> None:
        """Update a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/). Raises on an error answer."""
        await self._send(
            OPERATIONS["update-dynamic-behavior-set"],
            _update_dynamic_behavior_set.asyncio_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            body=body,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def delete_dynamic_behavior_set(self, dynamic_behavior_set_id: str) -> DeleteDynamicBehaviorSetResponse:
        """Delete a dynamic behavior set (DELETE /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/)."""
        return await self._call(
            OPERATIONS["delete-dynamic-behavior-set"],
            _delete_dynamic_behavior_set.asyncio_detailed,
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
        return await self._call(
            OPERATIONS["get-dynamic-behavior-set-versions"],
            _get_dynamic_behavior_set_versions.asyncio_detailed,
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
        async for page in self._pages(
            OPERATIONS["get-dynamic-behavior-set-versions"],
            _get_dynamic_behavior_set_versions.asyncio_detailed,
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
        body: CreateDynamicBehaviorSetVersionRequest,
        version: int | None | Unset = UNSET,
    ) -> CreateDynamicBehaviorSetVersionResponse:
        """Create a new version of a dynamic behavior set (POST /v1/{organization}/dynamic_behavior_set/{dynamic_behavior_set_id}/version/)."""
        return await self._call(
            OPERATIONS["create-dynamic-behavior-set-version"],
            _create_dynamic_behavior_set_version.asyncio_detailed,
            self._config.organization_id,
            dynamic_behavior_set_id,
            body=body,
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
        return await self._call(
            OPERATIONS["get-dynamic-behavior-invocations"],
            _get_dynamic_behavior_invocations.asyncio_detailed,
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
        async for page in self._pages(
            OPERATIONS["get-dynamic-behavior-invocations"],
            _get_dynamic_behavior_invocations.asyncio_detailed,
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
        return await self._call(
            OPERATIONS["get-metrics"],
            _get_metrics.asyncio_detailed,
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
        async for page in self._pages(
            OPERATIONS["get-metrics"],
            _get_metrics.asyncio_detailed,
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
        return await self._call(
            OPERATIONS["search-metrics"],
            _search_metrics.asyncio_detailed,
            self._config.organization_id,
            query=query,
            applied_to_service=applied_to_service,
            type_=type_,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def evaluate_metrics(self, *, body: EvaluateMetricsRequest) -> EvaluateMetricsResponse:
        """Compute metrics (POST /v1/{organization}/metric/evaluate)."""
        return await self._call(
            OPERATIONS["evaluate-metrics"],
            _evaluate_metrics.asyncio_detailed,
            self._config.organization_id,
            body=body,
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
        return await self._call(
            OPERATIONS["get-metric-evaluation-results"],
            _get_metric_evaluation_results.asyncio_detailed,
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
        async for page in self._pages(
            OPERATIONS["get-metric-evaluation-results"],
            _get_metric_evaluation_results.asyncio_detailed,
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
        return await self._call(
            OPERATIONS["get-conversations"],
            _get_conversations.asyncio_detailed,
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
        async for page in self._pages(
            OPERATIONS["get-conversations"],
            _get_conversations.asyncio_detailed,
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
        return await self._call(
            OPERATIONS["get-conversation-messages"],
            _get_conversation_messages.asyncio_detailed,
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
        async for page in self._pages(
            OPERATIONS["get-conversation-messages"],
            _get_conversation_messages.asyncio_detailed,
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
        return await self._call(
            OPERATIONS["get-simulation-scenarios"],
            _get_simulation_scenarios.asyncio_detailed,
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
        async for page in self._pages(
            OPERATIONS["get-simulation-scenarios"],
            _get_simulation_scenarios.asyncio_detailed,
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
        self, *, body: CreateSimulationScenarioRequest
    ) -> CreateSimulationScenarioResponse:
        """Create a simulation scenario (POST /v1/{organization}/simulation/scenario/)."""
        return await self._call(
            OPERATIONS["create-simulation-scenario"],
            _create_simulation_scenario.asyncio_detailed,
            self._config.organization_id,
            body=body,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def search_simulation_scenarios(
        self, *, query: str, creator: list[str] | Unset = UNSET, tag: list[str] | Unset = UNSET
    ) -> SimulationScenarioSearchResult:
        """Search simulation scenarios (GET /v1/{organization}/simulation/scenario/search)."""
        return await self._call(
            OPERATIONS["search-simulation-scenarios"],
            _search_simulation_scenarios.asyncio_detailed,
            self._config.organization_id,
            query=query,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def update_simulation_scenario(
        self, simulation_scenario_id: str, *, body: UpdateSimulationScenarioRequest
    ) -> None:
        """Update a simulation scenario (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/). Raises on an error answer."""
        await self._send(
            OPERATIONS["update-simulation-scenario"],
            _update_simulation_scenario.asyncio_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            body=body,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )

    async def delete_simulation_scenario(self, simulation_scenario_id: str) -> None:
        """Delete a simulation scenario (DELETE /v1/{organization}/simulation/scenario/{simulation_scenario_id}/). Raises on an error answer."""
        await self._send(
            OPERATIONS["delete-simulation-scenario"],
            _delete_simulation_scenario.asyncio_detailed,
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
        return await self._call(
            OPERATIONS["get-simulation-scenario-versions"],
            _get_simulation_scenario_versions.asyncio_detailed,
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
        async for page in self._pages(
            OPERATIONS["get-simulation-scenario-versions"],
            _get_simulation_scenario_versions.asyncio_detailed,
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
        body: SimulationScenarioVersionContent,
        version: int | None | Unset = UNSET,
    ) -> CreateSimulationScenarioVersionResponse:
        """Create a simulation scenario version (POST /v1/{organization}/simulation/scenario/{simulation_scenario_id}/version/)."""
        return await self._call(
            OPERATIONS["create-simulation-scenario-version"],
            _create_simulation_scenario_version.asyncio_detailed,
            self._config.organization_id,
            simulation_scenario_id,
            body=body,
            version=version,
            x_mongo_cluster_name=self._config.mongo_cluster_name or UNSET,
        )
