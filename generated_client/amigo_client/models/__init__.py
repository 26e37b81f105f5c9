"""Contains all the data models used in inputs/outputs.

Each model's module is imported when the model is first asked for."""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .change_tool_candidates_action import ChangeToolCandidatesAction
    from .change_tool_candidates_action_type import ChangeToolCandidatesActionType
    from .conversation import Conversation
    from .conversation_list import ConversationList
    from .conversation_message import ConversationMessage
    from .conversation_message_format import ConversationMessageFormat
    from .conversation_message_list import ConversationMessageList
    from .conversation_version_set_info import ConversationVersionSetInfo
    from .conversation_version_set_info_llm_model_preferences import ConversationVersionSetInfoLlmModelPreferences
    from .create_dynamic_behavior_set_request import CreateDynamicBehaviorSetRequest
    from .create_dynamic_behavior_set_response import CreateDynamicBehaviorSetResponse
    from .create_dynamic_behavior_set_version_request import CreateDynamicBehaviorSetVersionRequest
    from .create_dynamic_behavior_set_version_response import CreateDynamicBehaviorSetVersionResponse
    from .create_simulation_scenario_request import CreateSimulationScenarioRequest
    from .create_simulation_scenario_response import CreateSimulationScenarioResponse
    from .create_simulation_scenario_version_response import CreateSimulationScenarioVersionResponse
    from .delete_dynamic_behavior_set_response import DeleteDynamicBehaviorSetResponse
    from .dynamic_behavior_invocation import DynamicBehaviorInvocation
    from .dynamic_behavior_invocation_list import DynamicBehaviorInvocationList
    from .dynamic_behavior_set import DynamicBehaviorSet
    from .dynamic_behavior_set_filter_values import DynamicBehaviorSetFilterValues
    from .dynamic_behavior_set_initial_version import DynamicBehaviorSetInitialVersion
    from .dynamic_behavior_set_list import DynamicBehaviorSetList
    from .dynamic_behavior_set_search_result import DynamicBehaviorSetSearchResult
    from .dynamic_behavior_set_version import DynamicBehaviorSetVersion
    from .dynamic_behavior_set_version_list import DynamicBehaviorSetVersionList
    from .error_body import ErrorBody
    from .evaluate_metrics_request import EvaluateMetricsRequest
    from .evaluate_metrics_response import EvaluateMetricsResponse
    from .evaluated_metric import EvaluatedMetric
    from .get_conversation_messages_sort_by_item import GetConversationMessagesSortByItem
    from .get_conversations_sort_by_item import GetConversationsSortByItem
    from .get_dynamic_behavior_invocations_sort_by_item import GetDynamicBehaviorInvocationsSortByItem
    from .get_dynamic_behavior_set_versions_sort_by_item import GetDynamicBehaviorSetVersionsSortByItem
    from .get_dynamic_behavior_sets_sort_by_item import GetDynamicBehaviorSetsSortByItem
    from .get_metric_evaluation_results_sort_by_item import GetMetricEvaluationResultsSortByItem
    from .get_metrics_sort_by_item import GetMetricsSortByItem
    from .get_simulation_scenario_versions_sort_by_item import GetSimulationScenarioVersionsSortByItem
    from .get_simulation_scenarios_sort_by_item import GetSimulationScenariosSortByItem
    from .initial_message_type import InitialMessageType
    from .inject_instruction_action import InjectInstructionAction
    from .inject_instruction_action_type import InjectInstructionActionType
    from .llm_model_preference import LlmModelPreference
    from .llm_model_preference_params import LlmModelPreferenceParams
    from .manual_metric_source import ManualMetricSource
    from .manual_metric_source_type import ManualMetricSourceType
    from .message_type import MessageType
    from .metric import Metric
    from .metric_evaluation_result import MetricEvaluationResult
    from .metric_evaluation_result_filter_values import MetricEvaluationResultFilterValues
    from .metric_evaluation_result_list import MetricEvaluationResultList
    from .metric_evaluation_source_type import MetricEvaluationSourceType
    from .metric_filter_values import MetricFilterValues
    from .metric_list import MetricList
    from .metric_search_item import MetricSearchItem
    from .metric_search_result import MetricSearchResult
    from .metric_tag import MetricTag
    from .metric_value_type import MetricValueType
    from .post_processing_type import PostProcessingType
    from .post_session_metric_source import PostSessionMetricSource
    from .post_session_metric_source_type import PostSessionMetricSourceType
    from .sign_in_with_api_key_response import SignInWithApiKeyResponse
    from .simulation_metric_source import SimulationMetricSource
    from .simulation_metric_source_type import SimulationMetricSourceType
    from .simulation_scenario import SimulationScenario
    from .simulation_scenario_filter_values import SimulationScenarioFilterValues
    from .simulation_scenario_list import SimulationScenarioList
    from .simulation_scenario_search_result import SimulationScenarioSearchResult
    from .simulation_scenario_version import SimulationScenarioVersion
    from .simulation_scenario_version_content import SimulationScenarioVersionContent
    from .simulation_scenario_version_list import SimulationScenarioVersionList
    from .stored_tags import StoredTags
    from .tags import Tags
    from .tool_call_spec import ToolCallSpec
    from .tool_result_persistence import ToolResultPersistence
    from .update_dynamic_behavior_set_request import UpdateDynamicBehaviorSetRequest
    from .update_simulation_scenario_request import UpdateSimulationScenarioRequest
    from .user_reference import UserReference
    from .validation_error_item import ValidationErrorItem

_MODULES = {
    "ChangeToolCandidatesAction": ".change_tool_candidates_action",
    "ChangeToolCandidatesActionType": ".change_tool_candidates_action_type",
    "Conversation": ".conversation",
    "ConversationList": ".conversation_list",
    "ConversationMessage": ".conversation_message",
    "ConversationMessageFormat": ".conversation_message_format",
    "ConversationMessageList": ".conversation_message_list",
    "ConversationVersionSetInfo": ".conversation_version_set_info",
    "ConversationVersionSetInfoLlmModelPreferences": ".conversation_version_set_info_llm_model_preferences",
    "CreateDynamicBehaviorSetRequest": ".create_dynamic_behavior_set_request",
    "CreateDynamicBehaviorSetResponse": ".create_dynamic_behavior_set_response",
    "CreateDynamicBehaviorSetVersionRequest": ".create_dynamic_behavior_set_version_request",
    "CreateDynamicBehaviorSetVersionResponse": ".create_dynamic_behavior_set_version_response",
    "CreateSimulationScenarioRequest": ".create_simulation_scenario_request",
    "CreateSimulationScenarioResponse": ".create_simulation_scenario_response",
    "CreateSimulationScenarioVersionResponse": ".create_simulation_scenario_version_response",
    "DeleteDynamicBehaviorSetResponse": ".delete_dynamic_behavior_set_response",
    "DynamicBehaviorInvocation": ".dynamic_behavior_invocation",
    "DynamicBehaviorInvocationList": ".dynamic_behavior_invocation_list",
    "DynamicBehaviorSet": ".dynamic_behavior_set",
    "DynamicBehaviorSetFilterValues": ".dynamic_behavior_set_filter_values",
    "DynamicBehaviorSetInitialVersion": ".dynamic_behavior_set_initial_version",
    "DynamicBehaviorSetList": ".dynamic_behavior_set_list",
    "DynamicBehaviorSetSearchResult": ".dynamic_behavior_set_search_result",
    "DynamicBehaviorSetVersion": ".dynamic_behavior_set_version",
    "DynamicBehaviorSetVersionList": ".dynamic_behavior_set_version_list",
    "ErrorBody": ".error_body",
    "EvaluateMetricsRequest": ".evaluate_metrics_request",
    "EvaluateMetricsResponse": ".evaluate_metrics_response",
    "EvaluatedMetric": ".evaluated_metric",
    "GetConversationMessagesSortByItem": ".get_conversation_messages_sort_by_item",
    "GetConversationsSortByItem": ".get_conversations_sort_by_item",
    "GetDynamicBehaviorInvocationsSortByItem": ".get_dynamic_behavior_invocations_sort_by_item",
    "GetDynamicBehaviorSetVersionsSortByItem": ".get_dynamic_behavior_set_versions_sort_by_item",
    "GetDynamicBehaviorSetsSortByItem": ".get_dynamic_behavior_sets_sort_by_item",
    "GetMetricEvaluationResultsSortByItem": ".get_metric_evaluation_results_sort_by_item",
    "GetMetricsSortByItem": ".get_metrics_sort_by_item",
    "GetSimulationScenarioVersionsSortByItem": ".get_simulation_scenario_versions_sort_by_item",
    "GetSimulationScenariosSortByItem": ".get_simulation_scenarios_sort_by_item",
    "InitialMessageType": ".initial_message_type",
    "InjectInstructionAction": ".inject_instruction_action",
    "InjectInstructionActionType": ".inject_instruction_action_type",
    "LlmModelPreference": ".llm_model_preference",
    "LlmModelPreferenceParams": ".llm_model_preference_params",
    "ManualMetricSource": ".manual_metric_source",
    "ManualMetricSourceType": ".manual_metric_source_type",
    "MessageType": ".message_type",
    "Metric": ".metric",
    "MetricEvaluationResult": ".metric_evaluation_result",
    "MetricEvaluationResultFilterValues": ".metric_evaluation_result_filter_values",
    "MetricEvaluationResultList": ".metric_evaluation_result_list",
    "MetricEvaluationSourceType": ".metric_evaluation_source_type",
    "MetricFilterValues": ".metric_filter_values",
    "MetricList": ".metric_list",
    "MetricSearchItem": ".metric_search_item",
    "MetricSearchResult": ".metric_search_result",
    "MetricTag": ".metric_tag",
    "MetricValueType": ".metric_value_type",
    "PostProcessingType": ".post_processing_type",
    "PostSessionMetricSource": ".post_session_metric_source",
    "PostSessionMetricSourceType": ".post_session_metric_source_type",
    "SignInWithApiKeyResponse": ".sign_in_with_api_key_response",
    "SimulationMetricSource": ".simulation_metric_source",
    "SimulationMetricSourceType": ".simulation_metric_source_type",
    "SimulationScenario": ".simulation_scenario",
    "SimulationScenarioFilterValues": ".simulation_scenario_filter_values",
    "SimulationScenarioList": ".simulation_scenario_list",
    "SimulationScenarioSearchResult": ".simulation_scenario_search_result",
    "SimulationScenarioVersion": ".simulation_scenario_version",
    "SimulationScenarioVersionContent": ".simulation_scenario_version_content",
    "SimulationScenarioVersionList": ".simulation_scenario_version_list",
    "StoredTags": ".stored_tags",
    "Tags": ".tags",
    "ToolCallSpec": ".tool_call_spec",
    "ToolResultPersistence": ".tool_result_persistence",
    "UpdateDynamicBehaviorSetRequest": ".update_dynamic_behavior_set_request",
    "UpdateSimulationScenarioRequest": ".update_simulation_scenario_request",
    "UserReference": ".user_reference",
    "ValidationErrorItem": ".validation_error_item",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])


__all__ = (
    "ChangeToolCandidatesAction",
    "ChangeToolCandidatesActionType",
    "Conversation",
    "ConversationList",
    "ConversationMessage",
    "ConversationMessageFormat",
    "ConversationMessageList",
    "ConversationVersionSetInfo",
    "ConversationVersionSetInfoLlmModelPreferences",
    "CreateDynamicBehaviorSetRequest",
    "CreateDynamicBehaviorSetResponse",
    "CreateDynamicBehaviorSetVersionRequest",
    "CreateDynamicBehaviorSetVersionResponse",
    "CreateSimulationScenarioRequest",
    "CreateSimulationScenarioResponse",
    "CreateSimulationScenarioVersionResponse",
    "DeleteDynamicBehaviorSetResponse",
    "DynamicBehaviorInvocation",
    "DynamicBehaviorInvocationList",
    "DynamicBehaviorSet",
    "DynamicBehaviorSetFilterValues",
    "DynamicBehaviorSetInitialVersion",
    "DynamicBehaviorSetList",
    "DynamicBehaviorSetSearchResult",
    "DynamicBehaviorSetVersion",
    "DynamicBehaviorSetVersionList",
    "ErrorBody",
    "EvaluatedMetric",
    "EvaluateMetricsRequest",
    "EvaluateMetricsResponse",
    "GetConversationMessagesSortByItem",
    "GetConversationsSortByItem",
    "GetDynamicBehaviorInvocationsSortByItem",
    "GetDynamicBehaviorSetsSortByItem",
    "GetDynamicBehaviorSetVersionsSortByItem",
    "GetMetricEvaluationResultsSortByItem",
    "GetMetricsSortByItem",
    "GetSimulationScenariosSortByItem",
    "GetSimulationScenarioVersionsSortByItem",
    "InitialMessageType",
    "InjectInstructionAction",
    "InjectInstructionActionType",
    "LlmModelPreference",
    "LlmModelPreferenceParams",
    "ManualMetricSource",
    "ManualMetricSourceType",
    "MessageType",
    "Metric",
    "MetricEvaluationResult",
    "MetricEvaluationResultFilterValues",
    "MetricEvaluationResultList",
    "MetricEvaluationSourceType",
    "MetricFilterValues",
    "MetricList",
    "MetricSearchItem",
    "MetricSearchResult",
    "MetricTag",
    "MetricValueType",
    "PostProcessingType",
    "PostSessionMetricSource",
    "PostSessionMetricSourceType",
    "SignInWithApiKeyResponse",
    "SimulationMetricSource",
    "SimulationMetricSourceType",
    "SimulationScenario",
    "SimulationScenarioFilterValues",
    "SimulationScenarioList",
    "SimulationScenarioSearchResult",
    "SimulationScenarioVersion",
    "SimulationScenarioVersionContent",
    "SimulationScenarioVersionList",
    "StoredTags",
    "Tags",
    "ToolCallSpec",
    "ToolResultPersistence",
    "UpdateDynamicBehaviorSetRequest",
    "UpdateSimulationScenarioRequest",
    "UserReference",
    "ValidationErrorItem",
)
