from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums

T = TypeVar("T", bound="ValidationErrorItem")


@_attrs_define
class ValidationErrorItem:
    """One failed validation, FastAPI style.

    Attributes:
        loc (list[int | str]): Where the failure is, e.g. `["body", "name"]` or `["query", "limit"]`.
        msg (str): What is wrong.
        type_ (str): A machine-readable kind of failure.
    """

    loc: list[int | str]
    msg: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {}
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        loc = []
        for loc_item_data in self.loc:
            loc_item: int | str
            loc_item = loc_item_data
            loc.append(loc_item)

        msg = self.msg

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loc": loc,
                "msg": msg,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            loc = []
            _loc = d.pop("loc")
            for loc_item_data in _loc:

                def _parse_loc_item_arms(data: object) -> int | str:
                    return cast(int | str, data)

                def _parse_loc_item(data: object) -> int | str:
                    with strict_enums():
                        try:
                            return _parse_loc_item_arms(data)
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                    return _parse_loc_item_arms(data)

                loc_item = _parse_loc_item(loc_item_data)

                loc.append(loc_item)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "loc[]", src_dict)  # chained to the first error

        try:
            msg = d.pop("msg")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "msg", src_dict)  # chained to the first error

        try:
            type_ = d.pop("type")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "type", src_dict)  # chained to the first error

        validation_error_item = cls(
            loc=loc,
            msg=msg,
            type_=type_,
        )

        validation_error_item.additional_properties = d
        if d:
            met_unknown()
        return validation_error_item

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
