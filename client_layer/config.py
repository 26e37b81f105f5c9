"""Where and how to reach Amigo: regions, base URL, timeout, credentials.

`ClientConfig` is a pydantic model of the environment variables of Amigo's own SDKs:
`AMIGO_API_KEY`, `AMIGO_API_KEY_ID`, `AMIGO_USER_ID` (API-key sign-in) or `AMIGO_BEARER_TOKEN`
(a ready token), `AMIGO_ORGANIZATION_ID`, `AMIGO_BASE_URL` or `AMIGO_REGION`,
`AMIGO_MONGO_CLUSTER_NAME`, `AMIGO_TIMEOUT`. The MCP server's settings extend this model, so
the client and the server read these variables one way. Secrets are `SecretStr`: no repr, str
or message shows them (`get_secret_value()` gives the value). Every mistake becomes one
`ConfigurationError` that names the variable and says how to fix it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, Self, cast, get_args
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .clock import Clock
from .exceptions import ConfigurationError
from .retries import RateGate, RetryPolicy

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT_S",
    "REGIONS",
    "ClientConfig",
    "shown_url",
    "timeout_seconds",
]

REGIONS: dict[str, str] = {
    "us": "https://api.amigo.ai",
    "eu-central-1": "https://api-eu-central-1.amigo.ai",
    "ap-southeast-2": "https://api-ap-southeast-2.amigo.ai",
    "ca-central-1": "https://api-ca-central-1.amigo.ai",
}
DEFAULT_BASE_URL = REGIONS["us"]
DEFAULT_TIMEOUT_S = 30.0
MAX_TIMEOUT_S = 600.0


def shown_url(url: str) -> str:
    """`url` as it may be shown in messages and logs: a password in it replaced by ***, also
    in a malformed URL (`user:password@host` without a scheme)."""
    head, at, host = url.rpartition("@")
    if not at:
        return url
    scheme, slashes, userinfo = head.rpartition("//")
    user, colon, password = userinfo.partition(":")
    return f"{scheme}{slashes}{user}{colon}{'***' if password else ''}@{host}"


def timeout_seconds(value: Any, name: str) -> float:
    """`value` as a timeout in seconds: more than 0 and at most `MAX_TIMEOUT_S`; `name` is how
    the setting is named in the `ConfigurationError` otherwise."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ConfigurationError(f"{name} {value!r} is not a number of seconds") from None
    if not 0 < seconds <= MAX_TIMEOUT_S:
        raise ConfigurationError(
            f"{name} must be greater than 0 and at most {MAX_TIMEOUT_S:g} seconds, got {seconds:g}"
        )
    return seconds


def _given(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values that are set: surrounding spaces never count, and blank means unset."""
    stripped = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    return {k: v for k, v in stripped.items() if v is not None and v != ""}


# How pydantic's own checks read in a message, after the variable's name and value.
_PROBLEMS = {
    "bool_parsing": "is not a boolean: use 1 or 0 (true/false, yes/no, on/off)",
    "int_parsing": "is not a whole number",
    "float_parsing": "is not a number",
    "greater_than": "must be greater than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
    "literal_error": "must be {expected}",
}


class ClientConfig(BaseModel):
    """Everything a client needs. Build it with `ClientConfig.from_env` (the environment, plus
    explicit values that win over it) or `ClientConfig.create` (explicit values only).

    Each setting is read from its environment variable (`variable`, in any case): the field's
    `validation_alias`, else `AMIGO_` and the field's name. Read by this model itself rather than
    by pydantic-settings, whose import alone costs more than a server's start can spare.

    Credentials are an API key with its ID and a user ID, or a bearer token (which wins when
    both are set). `retry`, `clock` and `gate` (the rate gate, see `retries.RateGate`) are not
    settings: they come from the code that builds the configuration.
    """

    model_config = ConfigDict(
        frozen=True,
        populate_by_name=True,
        hide_input_in_errors=True,
        extra="forbid",
    )

    organization_id: str = Field("", description="organization ID")
    api_key: SecretStr | None = Field(None, description="API key")
    api_key_id: str | None = Field(None, description="API key ID")
    user_id: str | None = Field(None, description="user to sign in as")
    bearer_token: SecretStr | None = Field(None, description="a ready bearer token (not renewed)")
    region: str | None = Field(None, description="regional API host: " + ", ".join(REGIONS))
    # Declared after `region`: the URL is resolved from both (see `_base_url`).
    base_url: str = Field(
        None, validate_default=True, description=f"API base URL, default {DEFAULT_BASE_URL}"
    )
    mongo_cluster_name: str | None = Field(None, description="dedicated cluster, rarely needed")
    timeout_s: float = Field(
        DEFAULT_TIMEOUT_S,
        validation_alias="AMIGO_TIMEOUT",
        description=f"seconds per HTTP request, default {DEFAULT_TIMEOUT_S:g}",
    )

    _retry: RetryPolicy = PrivateAttr(default_factory=RetryPolicy)
    _clock: Clock = PrivateAttr(default_factory=Clock)
    _gate: RateGate = PrivateAttr(default_factory=RateGate)

    # The message for a missing organization (the server adds how to use the sandbox instead).
    MISSING_ORGANIZATION: ClassVar[str] = (
        "AMIGO_ORGANIZATION_ID is not set: every Amigo call is made within an organization."
    )

    # Read on every call, so read from pydantic's store of private attributes directly: reading
    # them as attributes goes through `BaseModel.__getattr__`, slow for something this hot.

    @property
    def retry(self) -> RetryPolicy:
        return cast(RetryPolicy, self._private("_retry"))

    @property
    def clock(self) -> Clock:
        return cast(Clock, self._private("_clock"))

    @property
    def gate(self) -> RateGate:
        return cast(RateGate, self._private("_gate"))

    def _private(self, name: str) -> object:
        private = self.__pydantic_private__
        assert private is not None, "pydantic sets the private attributes at construction"
        return private[name]

    @property
    def shown_base_url(self) -> str:
        """The base URL as it may be shown: a password in it replaced by ***."""
        return shown_url(self.base_url)

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        """The fields `repr` and `str` show: secrets as `**********` (their own repr), and a
        password in any URL, such as `base_url`, replaced by ***."""
        for name, value in super().__repr_args__():
            yield name, shown_url(value) if isinstance(value, str) else value

    # --- building ---------------------------------------------------------------------------

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
        **values: Any,
    ) -> Self:
        """The configuration from the environment (`os.environ` by default); `values` (by
        field name, e.g. `organization_id=`) win over it. Raises `ConfigurationError`."""
        return cls._build(env, values, retry, clock)

    @classmethod
    def create(
        cls,
        *,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
        **values: Any,
    ) -> Self:
        """The configuration from explicit values only (secrets as plain `str`), checked like
        the environment. Raises `ConfigurationError`."""
        return cls._build({}, values, retry, clock)

    @classmethod
    def _build(
        cls,
        env: Mapping[str, str] | None,
        values: dict[str, Any],
        retry: RetryPolicy | None,
        clock: Clock | None,
    ) -> Self:
        try:
            config = cls(**(cls._environment(env) | _given(values)))
        except ValidationError as error:
            raise cls.configuration_error(error) from None
        return config.using(retry=retry, clock=clock)

    @classmethod
    def _environment(cls, env: Mapping[str, str] | None) -> dict[str, str]:
        """The settings `env` (`os.environ` when None) holds, by field name; variable names in
        any case."""
        given = {
            name.upper(): value
            for name, value in _given(os.environ if env is None else env).items()
        }
        return {
            name: given[variable]
            for name in cls.model_fields
            if (variable := cls.variable(name)) in given
        }

    def using(
        self,
        *,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
        gate: RateGate | None = None,
    ) -> Self:
        """This configuration with another retry policy, clock or rate gate (None keeps the
        current)."""
        config = self.model_copy()
        config._retry = retry or self._retry
        config._clock = clock or self._clock
        config._gate = gate or self._gate
        return config

    @classmethod
    def variable(cls, field: str) -> str:
        """The environment variable of a setting."""
        alias = cls.model_fields[field].validation_alias
        return alias if isinstance(alias, str) else f"AMIGO_{field.upper()}"

    @classmethod
    def setting_name(cls, field: str) -> str:
        """How a setting is named in messages: its environment variable."""
        return cls.variable(field)

    @classmethod
    def configuration_error(cls, error: ValidationError) -> ConfigurationError:
        """The first problem of `error` on one line, naming the setting; never a secret."""
        aliases = {
            info.validation_alias: name
            for name, info in cls.model_fields.items()
            if isinstance(info.validation_alias, str)
        }
        problem = error.errors(include_url=False, include_input=True)[0]
        cause = (problem.get("ctx") or {}).get("error")
        if isinstance(cause, ConfigurationError):
            return cause
        loc = problem["loc"]
        field = aliases.get(str(loc[0]), str(loc[0])) if loc else ""
        if field not in cls.model_fields:
            return ConfigurationError(f"{field or 'settings'}: {problem['msg']}")
        annotation = cls.model_fields[field].annotation
        secret = annotation is SecretStr or SecretStr in get_args(annotation)
        shown = "" if secret else f" {problem.get('input')!r}"
        known = _PROBLEMS.get(problem["type"])
        text = (
            known.format(**problem.get("ctx", {})) if known else f"is not valid: {problem['msg']}"
        )
        return ConfigurationError(f"{cls.setting_name(field)}{shown} {text}")

    # --- checks -----------------------------------------------------------------------------

    @field_validator("region")
    @classmethod
    def _known_region(cls, region: str | None) -> str | None:
        if region is not None and region not in REGIONS:
            raise ConfigurationError(
                f"AMIGO_REGION {region!r} is not a known region; use one of: " + ", ".join(REGIONS)
            )
        return region

    @field_validator("base_url", mode="before")
    @classmethod
    def _base_url(cls, url: Any, info: ValidationInfo) -> Any:
        """The API host from `AMIGO_BASE_URL` or `AMIGO_REGION` (at most one), default US."""
        region = info.data.get("region")
        if url is not None and region:
            raise ConfigurationError(
                "Both AMIGO_BASE_URL and AMIGO_REGION are set; set only one of them."
            )
        if url is None:
            return REGIONS[region] if region else DEFAULT_BASE_URL
        if not isinstance(url, str):
            return url
        parts = urlsplit(url)
        shown = shown_url(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigurationError(
                f"AMIGO_BASE_URL {shown!r} is not an http(s) URL, e.g. https://api.amigo.ai"
            )
        if parts.path not in ("", "/") or parts.query:
            raise ConfigurationError(
                f"AMIGO_BASE_URL {shown!r} must be the host only (paths start with /v1/...), "
                "e.g. https://api.amigo.ai"
            )
        return f"{parts.scheme}://{parts.netloc}"

    @field_validator("timeout_s", mode="before")
    @classmethod
    def _seconds(cls, value: Any) -> float:
        return timeout_seconds(value, "AMIGO_TIMEOUT")

    @model_validator(mode="after")
    def _credentials(self) -> Self:
        """An organization, and an API key with its ID and user ID or a bearer token."""
        if not self.organization_id:
            raise ConfigurationError(self.MISSING_ORGANIZATION)
        if self.bearer_token is None:
            self.check_api_key()
        return self

    def check_api_key(self) -> None:
        """Raise unless the API key, its ID and the user ID are all set."""
        missing = [
            name
            for name, value in (
                ("AMIGO_API_KEY", self.api_key),
                ("AMIGO_API_KEY_ID", self.api_key_id),
                ("AMIGO_USER_ID", self.user_id),
            )
            if not value
        ]
        if missing:
            raise ConfigurationError(
                f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set: "
                "signing in with an API key needs AMIGO_API_KEY, AMIGO_API_KEY_ID and "
                "AMIGO_USER_ID together (or AMIGO_BEARER_TOKEN alone)."
            )
