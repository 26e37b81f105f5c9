from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown, strict_enums
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorBody")


@_attrs_define
class ErrorBody:
    """The body of an error answer.

    Attributes:
        detail (list[ValidationErrorItem] | str): A message, or for validation failures (422) one item per failing
            field.
        error_code (str | Unset): A machine-readable error code, when the API gives one.
        request_id (str | Unset): The ID of the request, for support.
    """

    detail: list[ValidationErrorItem] | str
    error_code: str | Unset = UNSET
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "detail": "detail",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        detail: list[dict[str, Any]] | str
        if isinstance(self.detail, list):
            detail = []
            for detail_type_1_item_data in self.detail:
                detail_type_1_item = detail_type_1_item_data.to_dict()
                detail.append(detail_type_1_item)

        else:
            detail = self.detail

        error_code = self.error_code

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "detail": detail,
            }
        )
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:

            def _parse_detail_arms(data: object) -> list[ValidationErrorItem] | str:
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    detail_type_1 = []
                    _detail_type_1 = data
                    for detail_type_1_item_data in _detail_type_1:
                        detail_type_1_item = ValidationErrorItem.from_dict(detail_type_1_item_data)

                        detail_type_1.append(detail_type_1_item)

                    return detail_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[ValidationErrorItem] | str, data)

            def _parse_detail(data: object) -> list[ValidationErrorItem] | str:
                with strict_enums():
                    try:
                        return _parse_detail_arms(data)
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                return _parse_detail_arms(data)

            detail = _parse_detail(d.pop("detail"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "detail", src_dict)  # chained to the first error

        error_code = d.pop("error_code", UNSET)

        request_id = d.pop("request_id", UNSET)

        error_body = cls(
            detail=detail,
            error_code=error_code,
            request_id=request_id,
        )

        error_body.additional_properties = d
        if d:
            met_unknown()
        return error_body

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
from ..models.validation_error_item import ValidationErrorItem  # noqa: E402
