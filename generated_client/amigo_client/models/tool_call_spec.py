from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_result_persistence import ToolResultPersistence
from ..reading import field_error, met_unknown

T = TypeVar("T", bound="ToolCallSpec")


@_attrs_define
class ToolCallSpec:
    """A tool the agent may call.

    Attributes:
        tool_id (str): A 24-character lowercase hexadecimal object ID.
        version_constraint (str): PEP 440 specifier of the tool versions to use, e.g. `>=1.0,<2`.
        additional_instruction (str): When and how to use the tool.
        audio_fillers (list[str]): Phrases to say while the tool runs.
        audio_filler_triggered_after (float): Seconds of tool run time before a filler is said.
        result_persistence (ToolResultPersistence): How long the tool's result stays in the conversation.
        tool_name (str): The name of the tool.
    """

    tool_id: str
    version_constraint: str
    additional_instruction: str
    audio_fillers: list[str]
    audio_filler_triggered_after: float
    result_persistence: ToolResultPersistence
    tool_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "result_persistence": "result_persistence",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        tool_id = self.tool_id

        version_constraint = self.version_constraint

        additional_instruction = self.additional_instruction

        audio_fillers = self.audio_fillers

        audio_filler_triggered_after = self.audio_filler_triggered_after

        result_persistence = self.result_persistence.value

        tool_name = self.tool_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tool_id": tool_id,
                "version_constraint": version_constraint,
                "additional_instruction": additional_instruction,
                "audio_fillers": audio_fillers,
                "audio_filler_triggered_after": audio_filler_triggered_after,
                "result_persistence": result_persistence,
                "tool_name": tool_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            tool_id = d.pop("tool_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "tool_id", src_dict)  # chained to the first error

        try:
            version_constraint = d.pop("version_constraint")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "version_constraint", src_dict)  # chained to the first error

        try:
            additional_instruction = d.pop("additional_instruction")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "additional_instruction", src_dict)  # chained to the first error

        try:
            audio_fillers = cast(list[str], d.pop("audio_fillers"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "audio_fillers[]", src_dict)  # chained to the first error

        try:
            audio_filler_triggered_after = d.pop("audio_filler_triggered_after")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "audio_filler_triggered_after", src_dict)  # chained to the first error

        try:
            result_persistence = ToolResultPersistence(d.pop("result_persistence"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "result_persistence", src_dict)  # chained to the first error

        try:
            tool_name = d.pop("tool_name")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "tool_name", src_dict)  # chained to the first error

        tool_call_spec = cls(
            tool_id=tool_id,
            version_constraint=version_constraint,
            additional_instruction=additional_instruction,
            audio_fillers=audio_fillers,
            audio_filler_triggered_after=audio_filler_triggered_after,
            result_persistence=result_persistence,
            tool_name=tool_name,
        )

        tool_call_spec.additional_properties = d
        if d:
            met_unknown()
        return tool_call_spec

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
