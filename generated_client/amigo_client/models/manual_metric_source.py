from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.manual_metric_source_type import ManualMetricSourceType
from ..reading import field_error, met_unknown, strict_enums
from ..types import UNSET, Unset

T = TypeVar("T", bound="ManualMetricSource")


@_attrs_define
class ManualMetricSource:
    """Evaluated on request (evaluate-metrics).

    Attributes:
        conversation_id (str): The evaluated conversation.
        evaluate_to_interaction_id (None | str): The last interaction evaluated, when the evaluation stopped early.
        invoked_by (UserReference): A user, identified within an organization.
        references (list[str]): Excerpts of the conversation the evaluation rests on.
        type_ (ManualMetricSourceType | Unset): The kind of source; may be left out, as it is the default. Default:
            ManualMetricSourceType.MANUAL.
    """

    conversation_id: str
    evaluate_to_interaction_id: None | str
    invoked_by: UserReference
    references: list[str]
    type_: ManualMetricSourceType | Unset = ManualMetricSourceType.MANUAL
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "invoked_by": "invoked_by",
        "type_": "type",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        conversation_id = self.conversation_id

        evaluate_to_interaction_id: None | str
        evaluate_to_interaction_id = self.evaluate_to_interaction_id

        invoked_by = self.invoked_by.to_dict()

        references = self.references

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conversation_id": conversation_id,
                "evaluate_to_interaction_id": evaluate_to_interaction_id,
                "invoked_by": invoked_by,
                "references": references,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            conversation_id = d.pop("conversation_id")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "conversation_id", src_dict)  # chained to the first error

        try:

            def _parse_evaluate_to_interaction_id_arms(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            def _parse_evaluate_to_interaction_id(data: object) -> None | str:
                with strict_enums():
                    try:
                        return _parse_evaluate_to_interaction_id_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_evaluate_to_interaction_id_arms(data)

            evaluate_to_interaction_id = _parse_evaluate_to_interaction_id(d.pop("evaluate_to_interaction_id"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "evaluate_to_interaction_id", src_dict)  # chained to the first error

        try:
            invoked_by = UserReference.from_dict(d.pop("invoked_by"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "invoked_by", src_dict)  # chained to the first error

        try:
            references = cast(list[str], d.pop("references"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "references[]", src_dict)  # chained to the first error

        try:
            _type_ = d.pop("type", UNSET)
            type_: ManualMetricSourceType | Unset
            if isinstance(_type_, Unset):
                type_ = UNSET
            else:
                type_ = ManualMetricSourceType(_type_)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "type", src_dict)  # chained to the first error

        manual_metric_source = cls(
            conversation_id=conversation_id,
            evaluate_to_interaction_id=evaluate_to_interaction_id,
            invoked_by=invoked_by,
            references=references,
            type_=type_,
        )

        manual_metric_source.additional_properties = d
        if d:
            met_unknown()
        return manual_metric_source

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
