from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.initial_message_type import InitialMessageType
from ..reading import field_error, met_unknown, strict_enums
from ..types import UNSET, Unset

T = TypeVar("T", bound="SimulationScenarioVersion")


@_attrs_define
class SimulationScenarioVersion:
    """One immutable version of a simulation scenario.

    Attributes:
        field_id (str): The ID of the version.
        org_id (str): The organization.
        simulation_scenario_id (str): The ID of the simulation scenario.
        version (int): The version number, from 1.
        objective (str): The objective of the simulated user.
        instructions (str): How the simulated user should behave.
        initial_message_type (InitialMessageType): How the simulated conversation opens: with a user message, with an
            external event, or by skipping straight to the agent.
        conversation_starts_at (datetime.datetime | None): The time at which the conversation starts, in UTC; null for
            the server time at the start.
        creator (UserReference): A user, identified within an organization.
        created_at (datetime.datetime | Unset): When the version was created.
        updated_at (datetime.datetime | Unset): When the version was last updated.
    """

    field_id: str
    org_id: str
    simulation_scenario_id: str
    version: int
    objective: str
    instructions: str
    initial_message_type: InitialMessageType
    conversation_starts_at: datetime.datetime | None
    creator: UserReference
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "initial_message_type": "initial_message_type",
        "creator": "creator",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        field_id = self.field_id

        org_id = self.org_id

        simulation_scenario_id = self.simulation_scenario_id

        version = self.version

        objective = self.objective

        instructions = self.instructions

        initial_message_type = self.initial_message_type.value

        conversation_starts_at: None | str
        if isinstance(self.conversation_starts_at, datetime.datetime):
            conversation_starts_at = self.conversation_starts_at.isoformat()
        else:
            conversation_starts_at = self.conversation_starts_at

        creator = self.creator.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "_id": field_id,
                "org_id": org_id,
                "simulation_scenario_id": simulation_scenario_id,
                "version": version,
                "objective": objective,
                "instructions": instructions,
                "initial_message_type": initial_message_type,
                "conversation_starts_at": conversation_starts_at,
                "creator": creator,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            field_id = d.pop("_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "_id", src_dict)  # chained to the first error

        try:
            org_id = d.pop("org_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "org_id", src_dict)  # chained to the first error

        try:
            simulation_scenario_id = d.pop("simulation_scenario_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "simulation_scenario_id", src_dict)  # chained to the first error

        try:
            version = d.pop("version")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "version", src_dict)  # chained to the first error

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

        try:
            creator = UserReference.from_dict(d.pop("creator"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "creator", src_dict)  # chained to the first error

        try:
            _created_at = d.pop("created_at", UNSET)
            created_at: datetime.datetime | Unset
            if isinstance(_created_at, Unset):
                created_at = UNSET
            else:
                created_at = datetime.datetime.fromisoformat(_created_at)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "created_at", src_dict)  # chained to the first error

        try:
            _updated_at = d.pop("updated_at", UNSET)
            updated_at: datetime.datetime | Unset
            if isinstance(_updated_at, Unset):
                updated_at = UNSET
            else:
                updated_at = datetime.datetime.fromisoformat(_updated_at)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "updated_at", src_dict)  # chained to the first error

        simulation_scenario_version = cls(
            field_id=field_id,
            org_id=org_id,
            simulation_scenario_id=simulation_scenario_id,
            version=version,
            objective=objective,
            instructions=instructions,
            initial_message_type=initial_message_type,
            conversation_starts_at=conversation_starts_at,
            creator=creator,
            created_at=created_at,
            updated_at=updated_at,
        )

        simulation_scenario_version.additional_properties = d
        if d:
            met_unknown()
        return simulation_scenario_version

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


# The models this one refers to: imported after its class, so that models that refer to each
# other load in either order, and read as module globals (an import inside `from_dict` would
# be resolved again on every read).
from ..models.user_reference import UserReference  # noqa: E402
