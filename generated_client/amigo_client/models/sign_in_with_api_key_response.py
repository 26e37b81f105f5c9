from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown

T = TypeVar("T", bound="SignInWithApiKeyResponse")


@_attrs_define
class SignInWithApiKeyResponse:
    """
    Attributes:
        id_token (str): The Amigo-issued JWT, used as `Authorization: Bearer <id_token>`.
        expires_at (datetime.datetime): When the token expires.
    """

    id_token: str
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {}
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        id_token = self.id_token

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id_token": id_token,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            id_token = d.pop("id_token")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "id_token", src_dict)  # chained to the first error

        try:
            expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "expires_at", src_dict)  # chained to the first error

        sign_in_with_api_key_response = cls(
            id_token=id_token,
            expires_at=expires_at,
        )

        sign_in_with_api_key_response.additional_properties = d
        if d:
            met_unknown()
        return sign_in_with_api_key_response

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
