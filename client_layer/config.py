"""Where and how to reach Amigo: regions, base URL, timeout, credentials, clock.

The environment variables are those of Amigo's own SDKs, and the MCP server reads the same ones
through this module: `AMIGO_API_KEY`, `AMIGO_API_KEY_ID`, `AMIGO_USER_ID` (API-key sign-in) or
`AMIGO_BEARER_TOKEN` (a ready token), `AMIGO_ORGANIZATION_ID`, `AMIGO_BASE_URL` or `AMIGO_REGION`,
`AMIGO_MONGO_CLUSTER_NAME`, `AMIGO_TIMEOUT`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .exceptions import ConfigurationError
from .retries import RetryPolicy

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT_S",
    "REGIONS",
    "ClientConfig",
    "Clock",
    "Secret",
    "parse_timeout",
    "resolve_base_url",
    "shown_url",
]

REGIONS: dict[str, str] = {
    "us": "https://api.amigo.ai",
    "eu-central-1": "https://api-eu-central-1.amigo.ai",
    "ap-southeast-2": "https://api-ap-southeast-2.amigo.ai",
    "ca-central-1": "https://api-ca-central-1.amigo.ai",
}
DEFAULT_BASE_URL = REGIONS["us"]
DEFAULT_TIMEOUT_S = 30.0


class Secret:
    """A string that never shows itself in `repr`, `str` or f-strings."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


class Clock:
    """The client's time: token renewal, retry budgets and `Retry-After` dates read it, and
    waits go through it. The default is the real clock; tests pass a subclass that moves time
    by hand instead of sleeping."""

    def time(self) -> float:
        """Epoch seconds (token expiry, `Retry-After` dates, `X-RateLimit-Reset`)."""
        return time.time()

    def monotonic(self) -> float:
        """Seconds for measuring budgets."""
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    async def asleep(self, seconds: float) -> None:
        import asyncio

        await asyncio.sleep(seconds)


def resolve_base_url(url: str | None, region: str | None) -> str:
    """The API host from `AMIGO_BASE_URL` or `AMIGO_REGION` (at most one), default US."""
    if url and region:
        raise ConfigurationError(
            "Both AMIGO_BASE_URL and AMIGO_REGION are set; set only one of them."
        )
    if region:
        try:
            return REGIONS[region]
        except KeyError:
            raise ConfigurationError(
                f"AMIGO_REGION {region!r} is not a known region; use one of: " + ", ".join(REGIONS)
            ) from None
    if not url:
        return DEFAULT_BASE_URL
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


def shown_url(url: str) -> str:
    """`url` as it may be shown in messages and logs: a password in it replaced by ***."""
    password = urlsplit(url).password
    return url.replace(password, "***") if password else url


def parse_timeout(value: float | str | None) -> float:
    """Seconds per HTTP request (`AMIGO_TIMEOUT`), default 30, between 0 and 600."""
    if value is None or value == "":
        return DEFAULT_TIMEOUT_S
    try:
        seconds = float(value)
    except ValueError:
        raise ConfigurationError(f"AMIGO_TIMEOUT {value!r} is not a number of seconds") from None
    if not 0 < seconds <= 600:
        raise ConfigurationError(f"the timeout must be between 0 and 600 seconds, got {seconds}")
    return seconds


@dataclass(frozen=True)
class ClientConfig:
    """Everything a client needs. Build it with `ClientConfig.create` or `ClientConfig.from_env`."""

    organization_id: str
    base_url: str = DEFAULT_BASE_URL
    api_key: Secret | None = None
    api_key_id: str | None = None
    user_id: str | None = None
    bearer_token: Secret | None = None
    mongo_cluster_name: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    clock: Clock = field(default_factory=Clock)

    @property
    def shown_base_url(self) -> str:
        """The base URL as it may be shown: a password in it replaced by ***."""
        return shown_url(self.base_url)

    @classmethod
    def create(
        cls,
        *,
        organization_id: str | None,
        api_key: str | None = None,
        api_key_id: str | None = None,
        user_id: str | None = None,
        bearer_token: str | None = None,
        base_url: str | None = None,
        region: str | None = None,
        mongo_cluster_name: str | None = None,
        timeout_s: float | str | None = None,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
    ) -> ClientConfig:
        """Check the values and build the configuration (credentials: an API key with its ID
        and a user ID, or a bearer token)."""
        if not organization_id:
            raise ConfigurationError(
                "AMIGO_ORGANIZATION_ID is not set: every Amigo call is made within an organization."
            )
        if not bearer_token:
            missing = [
                name
                for name, value in (
                    ("AMIGO_API_KEY", api_key),
                    ("AMIGO_API_KEY_ID", api_key_id),
                    ("AMIGO_USER_ID", user_id),
                )
                if not value
            ]
            if missing:
                raise ConfigurationError(
                    f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set: "
                    "signing in with an API key needs AMIGO_API_KEY, AMIGO_API_KEY_ID and "
                    "AMIGO_USER_ID together (or AMIGO_BEARER_TOKEN alone)."
                )
        return cls(
            organization_id=organization_id,
            base_url=resolve_base_url(base_url, region),
            api_key=Secret(api_key) if api_key and not bearer_token else None,
            api_key_id=api_key_id if not bearer_token else None,
            user_id=user_id if not bearer_token else None,
            bearer_token=Secret(bearer_token) if bearer_token else None,
            mongo_cluster_name=mongo_cluster_name or None,
            timeout_s=parse_timeout(timeout_s),
            retry=retry or RetryPolicy(),
            clock=clock or Clock(),
        )

    @classmethod
    def from_env(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        retry: RetryPolicy | None = None,
        clock: Clock | None = None,
    ) -> ClientConfig:
        """The configuration from the `AMIGO_*` variables (`os.environ` by default)."""
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            return (env.get(name) or "").strip() or None

        return cls.create(
            organization_id=get("AMIGO_ORGANIZATION_ID"),
            api_key=get("AMIGO_API_KEY"),
            api_key_id=get("AMIGO_API_KEY_ID"),
            user_id=get("AMIGO_USER_ID"),
            bearer_token=get("AMIGO_BEARER_TOKEN"),
            base_url=get("AMIGO_BASE_URL"),
            region=get("AMIGO_REGION"),
            mongo_cluster_name=get("AMIGO_MONGO_CLUSTER_NAME"),
            timeout_s=get("AMIGO_TIMEOUT"),
            retry=retry,
            clock=clock,
        )
