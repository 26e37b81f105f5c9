from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.initial_message_type import InitialMessageType
from ..reading import field_error, met_unknown, strict_enums

T = TypeVar("T", bound="SimulationScenarioVersionContent")


@_attrs_define
class SimulationScenarioVersionContent:
    """The script of a simulation scenario version.

    Attributes:
        objective (str): The objective of the simulated user.
        instructions (str): How the simulated user should behave.
        initial_message_type (InitialMessageType): How the simulated conversation opens: with a user message, with an
            external event, or by skipping straight to the agent.
        conversation_starts_at (datetime.datetime | None): The time at which the conversation starts, in UTC. Null uses
            the current server time.
    """

    objective: str
    instructions: str
    initial_message_type: InitialMessageType
    conversation_starts_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "initial_message_type": "initial_message_type",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        objective = self.objective

        instructions = self.instructions

        initial_message_type = self.initial_message_type.value

        conversation_starts_at: None | str
        if isinstance(self.conversation_starts_at, datetime.datetime):
            conversation_starts_at = self.conversation_starts_at.isoformat()
        else:
            conversation_starts_at = self.conversation_starts_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "objective": objective,
                "instructions": instructions,
                "initial_message_type": initial_message_type,
                "conversation_starts_at": conversation_starts_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            objective = d.pop("objective")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "objective", src_dict)  # chained to the first error

        try:
            instructions = d.pop("instructions")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "instructions", src_dict)  # chained to the first error

        try:
            initial_message_type = InitialMessageType(d.pop("initial_message_type"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "initial_message_type", src_dict)  # chained to the first error

        try:

            def _parse_conversation_starts_at_arms(data: object) -> datetime.datetime | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    conversation_starts_at_type_0 = datetime.datetime.fromisoformat(data)

                    return conversation_starts_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None, data)

            def _parse_conversation_starts_at(data: object) -> datetime.datetime | None:
                with strict_enums():
                    try:
                        return _parse_conversation_starts_at_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_conversation_starts_at_arms(data)

            conversation_starts_at = _parse_conversation_starts_at(d.pop("conversation_starts_at"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "conversation_starts_at", src_dict)  # chained to the first error

        simulation_scenario_version_content = cls(
            objective=objective,
            instructions=instructions,
            initial_message_type=initial_message_type,
            conversation_starts_at=conversation_starts_at,
        )

        simulation_scenario_version_content.additional_properties = d
        if d:
            met_unknown()
        return simulation_scenario_version_content

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
