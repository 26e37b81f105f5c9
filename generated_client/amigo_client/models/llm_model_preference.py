from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..reading import field_error, met_unknown
from ..types import UNSET, Unset

T = TypeVar("T", bound="LlmModelPreference")


@_attrs_define
class LlmModelPreference:
    """The model an agent uses for one purpose.

    Attributes:
        llm_name (str): The name of the model.
        params (LlmModelPreferenceParams | Unset): Parameters of the model.
    """

    llm_name: str
    params: LlmModelPreferenceParams | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    _typed_fields: ClassVar[dict[str, str]] = {
        "params": "params",
    }
    _extra_fields_are_new: ClassVar[bool] = True

    def to_dict(self) -> dict[str, Any]:
        llm_name = self.llm_name

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "llm_name": llm_name,
            }
        )
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            llm_name = d.pop("llm_name")
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "llm_name", src_dict)  # chained to the first error

        try:
            _params = d.pop("params", UNSET)
            params: LlmModelPreferenceParams | Unset
            if isinstance(_params, Unset):
                params = UNSET
            else:
                params = LlmModelPreferenceParams.from_dict(_params)

        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise field_error(error, "params", src_dict)  # chained to the first error

        llm_model_preference = cls(
            llm_name=llm_name,
            params=params,
        )

        llm_model_preference.additional_properties = d
        if d:
            met_unknown()
        return llm_model_preference

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
from ..models.llm_model_preference_params import LlmModelPreferenceParams  # noqa: E402
