from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.post_session_metric_source_type import PostSessionMetricSourceType
from ..reading import field_error, met_unknown
from ..types import UNSET, Unset

T = TypeVar("T", bound="PostSessionMetricSource")


@_attrs_define
class PostSessionMetricSource:
    """Evaluated automatically after a session.

    Attributes:
        conversation_id (str): The evaluated conversation.
        references (list[str]): Excerpts of the conversation the evaluation rests on.
        type_ (PostSessionMetricSourceType | Unset): The kind of source; may be left out, as it is the default. Default:
            PostSessionMetricSourceType.POST_SESSION.
    """

    conversation_id: str
    references: list[str]
    type_: PostSessionMetricSourceType | Unset = PostSessionMetricSourceType.POST_SESSION
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "type_": "type",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        conversation_id = self.conversation_id

        references = self.references

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conversation_id": conversation_id,
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
            references = cast(list[str], d.pop("references"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "references[]", src_dict)  # chained to the first error

        try:
            _type_ = d.pop("type", UNSET)
            type_: PostSessionMetricSourceType | Unset
            if isinstance(_type_, Unset):
                type_ = UNSET
            else:
                type_ = PostSessionMetricSourceType(_type_)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "type", src_dict)  # chained to the first error

        post_session_metric_source = cls(
            conversation_id=conversation_id,
            references=references,
            type_=type_,
        )

        post_session_metric_source.additional_properties = d
        if d:
            met_unknown()
        return post_session_metric_source

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
