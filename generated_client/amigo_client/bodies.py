"""The JSON request bodies as TypedDicts: where a method takes a body model, a
plain dict of this shape does too, and mypy checks its keys and values.

    amigo.create_simulation_scenario(body={"name": ..., "tags": {}, "initial_version": {...}})

`<Model>Dict` is the dict form of the body model `<Model>`; enum values are their strings and
dates ISO 8601 strings, as in JSON. The client reads the dict into the model before sending
it, refusing a field, or an enum value, the API description does not list
(`amigo_client.RequestBodyError`).

Written by scripts/build_client_operations.py from the spec; do not edit.
"""

from __future__ import annotations

from typing import Literal, Required, TypedDict

__all__ = [
    "ChangeToolCandidatesActionDict",
    "CreateDynamicBehaviorSetRequestDict",
    "CreateDynamicBehaviorSetVersionRequestDict",
    "CreateSimulationScenarioRequestDict",
    "DynamicBehaviorSetInitialVersionDict",
    "EvaluateMetricsRequestDict",
    "InitialMessageTypeLiteral",
    "InjectInstructionActionDict",
    "SimulationScenarioVersionContentDict",
    "ToolCallSpecDict",
    "ToolResultPersistenceLiteral",
    "UpdateDynamicBehaviorSetRequestDict",
    "UpdateSimulationScenarioRequestDict",
]


class InjectInstructionActionDict(TypedDict, total=False):
    """Add an instruction to the agent."""

    type: Required[Literal["inject-instruction"]]
    instruction: Required[str]
    overrides_instructions: Required[bool]


ToolResultPersistenceLiteral = Literal["ephemeral", "persisted-preferred", "persisted"]


class ToolCallSpecDict(TypedDict, total=False):
    """A tool the agent may call."""

    tool_id: Required[str]
    version_constraint: Required[str]
    additional_instruction: Required[str]
    audio_fillers: Required[list[str]]
    audio_filler_triggered_after: Required[float]
    result_persistence: Required[ToolResultPersistenceLiteral]
    tool_name: Required[str]


class ChangeToolCandidatesActionDict(TypedDict, total=False):
    """Change the tools the agent may call."""

    type: Required[Literal["change-tool-candidates"]]
    overrides_existing_tool_call_specs: Required[bool]
    tool_call_specs: Required[list[ToolCallSpecDict]]


class DynamicBehaviorSetInitialVersionDict(TypedDict, total=False):
    """The content of a dynamic behavior set's first version."""

    is_active: Required[bool]
    conversation_triggers: Required[list[str]]
    actions: Required[list[InjectInstructionActionDict | ChangeToolCandidatesActionDict]]


class CreateDynamicBehaviorSetRequestDict(TypedDict, total=False):
    name: Required[str]
    tags: Required[dict[str, str | None]]
    applied_to_services: Required[list[str]]
    initial_version: Required[DynamicBehaviorSetInitialVersionDict]


class UpdateDynamicBehaviorSetRequestDict(TypedDict, total=False):
    name: str | None
    tags: dict[str, str | None] | None
    applied_to_services: list[str] | None
    is_active: bool | None


class CreateDynamicBehaviorSetVersionRequestDict(TypedDict, total=False):
    conversation_triggers: Required[list[str]]
    actions: Required[list[InjectInstructionActionDict | ChangeToolCandidatesActionDict]]


class EvaluateMetricsRequestDict(TypedDict, total=False):
    metric_ids: Required[list[str]]
    conversation_id: Required[str]
    evaluate_to_interaction_id: str | None


InitialMessageTypeLiteral = Literal["user-message", "external-event", "skip"]


class SimulationScenarioVersionContentDict(TypedDict, total=False):
    """The script of a simulation scenario version."""

    objective: Required[str]
    instructions: Required[str]
    initial_message_type: Required[InitialMessageTypeLiteral]
    conversation_starts_at: Required[str | None]


class CreateSimulationScenarioRequestDict(TypedDict, total=False):
    name: Required[str]
    tags: Required[dict[str, str | None]]
    initial_version: Required[SimulationScenarioVersionContentDict]


class UpdateSimulationScenarioRequestDict(TypedDict, total=False):
    tags: dict[str, str | None] | None
