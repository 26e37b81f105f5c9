"""Configuration: environment variables and command-line flags, checked once at start-up.

The variable names are those of Amigo's own SDKs (`AMIGO_API_KEY`, `AMIGO_API_KEY_ID`,
`AMIGO_USER_ID`, `AMIGO_ORGANIZATION_ID`, `AMIGO_BASE_URL`), plus `AMIGO_REGION` (a shortcut
for the regional base URL) and `AMIGO_BEARER_TOKEN` (a ready token instead of an API key).
The region table, the base-URL and timeout rules and `Secret` are the client's
(`amigo_client.config`), so the client and the server read the variables alike. With no
credentials at all the server runs on the embedded sandbox.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from amigo_client.config import (
    REGIONS,
    ClientConfig,
    Clock,
    Secret,
    parse_timeout,
    resolve_base_url,
    shown_url,
)
from amigo_client.exceptions import ConfigurationError

# per_request: hosted multi-user mode with no credentials of the server's own; every MCP request
# brings its user's token.
AuthMode = Literal["api_key", "bearer", "per_request", "sandbox"]


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names it and says how to fix it."""


@dataclass(frozen=True)
class Settings:
    """Everything the server needs to reach Amigo. Build it with `Settings.load`."""

    auth_mode: AuthMode
    base_url: str = REGIONS["us"]
    organization_id: str = ""
    api_key: Secret | None = None
    api_key_id: str | None = None
    user_id: str | None = None
    bearer_token: Secret | None = None
    mongo_cluster_name: str | None = None
    timeout_s: float = 30.0
    # Redis holding what replicas share (AMIGO_MCP_STATE_URL); None keeps it all in the process.
    # A secret: it may carry a password.
    state_url: Secret | None = None

    def client_config(self, clock: Clock | None = None) -> ClientConfig:
        """These settings as the client layer's configuration (sign-in, retries, clock)."""
        return ClientConfig(
            organization_id=self.organization_id,
            base_url=self.base_url,
            api_key=self.api_key,
            api_key_id=self.api_key_id,
            user_id=self.user_id,
            bearer_token=self.bearer_token,
            mongo_cluster_name=self.mongo_cluster_name,
            timeout_s=self.timeout_s,
            clock=clock or Clock(),
        )

    @property
    def secrets(self) -> tuple[str, ...]:
        """The secret values, for scrubbing anything that leaves the process."""
        found = [s.reveal() for s in (self.api_key, self.bearer_token) if s is not None]
        # A password written into the base URL (https://user:password@host) or the state store's
        # URL (redis://:password@host) is a secret too.
        urls = [self.base_url, *([self.state_url.reveal()] if self.state_url else [])]
        passwords = [p for p in (urlsplit(url).password for url in urls) if p]
        return (*found, *passwords)

    @property
    def shown_base_url(self) -> str:
        """The base URL as it may be shown: a password in it replaced by ***."""
        return shown_url(self.base_url)

    def with_sandbox(
        self, base_url: str, organization_id: str, api_key_id: str, api_key: str, user_id: str
    ) -> Settings:
        """These settings pointed at a running sandbox and its demo credentials."""
        return dataclasses.replace(
            self,
            auth_mode="api_key",
            base_url=base_url,
            organization_id=organization_id,
            api_key=Secret(api_key),
            api_key_id=api_key_id,
            user_id=user_id,
            bearer_token=None,
        )

    @classmethod
    def load(
        cls,
        env: Mapping[str, str] | None = None,
        *,
        base_url: str | None = None,
        region: str | None = None,
        organization_id: str | None = None,
        api_key_id: str | None = None,
        user_id: str | None = None,
        mongo_cluster_name: str | None = None,
        timeout_s: float | None = None,
        sandbox: bool = False,
        multi_user: bool = False,
        state_url: str | None = None,
    ) -> Settings:
        """Read the environment, let explicit arguments (CLI flags) win, and check the result.

        Secrets (API key, bearer token) come from the environment only, so that they never
        appear in a process listing.
        """
        env = os.environ if env is None else env

        def pick(flag: str | None, name: str) -> str | None:
            value = flag if flag is not None else env.get(name)
            value = value.strip() if value is not None else None
            return value or None

        api_key = pick(None, "AMIGO_API_KEY")
        bearer = pick(None, "AMIGO_BEARER_TOKEN")
        key_id = pick(api_key_id, "AMIGO_API_KEY_ID")
        user = pick(user_id, "AMIGO_USER_ID")
        org = pick(organization_id, "AMIGO_ORGANIZATION_ID")
        cluster = pick(mongo_cluster_name, "AMIGO_MONGO_CLUSTER_NAME")
        url = _base_url(pick(base_url, "AMIGO_BASE_URL"), pick(region, "AMIGO_REGION"))
        timeout = _timeout(timeout_s, env.get("AMIGO_TIMEOUT"))
        shared = _state_url(pick(state_url, "AMIGO_MCP_STATE_URL"))

        has_credentials = bool(api_key or key_id or user or bearer)
        if sandbox or not (has_credentials or multi_user):
            return cls(
                auth_mode="sandbox", mongo_cluster_name=cluster, timeout_s=timeout, state_url=shared
            )

        if not org:
            raise SettingsError(
                "AMIGO_ORGANIZATION_ID is not set: every Amigo call is made within an "
                "organization. Set it (or pass --organization), or unset the credentials to "
                "use the embedded sandbox."
            )
        if not has_credentials:
            return cls(
                auth_mode="per_request",
                base_url=url,
                organization_id=org,
                mongo_cluster_name=cluster,
                timeout_s=timeout,
                state_url=shared,
            )
        if bearer:
            return cls(
                auth_mode="bearer",
                base_url=url,
                organization_id=org,
                bearer_token=Secret(bearer),
                mongo_cluster_name=cluster,
                timeout_s=timeout,
                state_url=shared,
            )
        missing = [
            name
            for name, value in (
                ("AMIGO_API_KEY", api_key),
                ("AMIGO_API_KEY_ID", key_id),
                ("AMIGO_USER_ID", user),
            )
            if not value
        ]
        if missing:
            raise SettingsError(
                f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set: signing in "
                "with an API key needs AMIGO_API_KEY, AMIGO_API_KEY_ID and AMIGO_USER_ID "
                "together (or AMIGO_BEARER_TOKEN alone)."
            )
        return cls(
            auth_mode="api_key",
            base_url=url,
            organization_id=org,
            api_key=Secret(api_key or ""),
            api_key_id=key_id,
            user_id=user,
            mongo_cluster_name=cluster,
            timeout_s=timeout,
            state_url=shared,
        )


def _base_url(url: str | None, region: str | None) -> str:
    try:
        return resolve_base_url(url, region)
    except ConfigurationError as error:
        raise SettingsError(str(error)) from None


def _timeout(flag: float | None, raw: str | None) -> float:
    try:
        return parse_timeout(flag if flag is not None else raw)
    except ConfigurationError as error:
        raise SettingsError(str(error)) from None


STATE_URL_SCHEMES = ("redis", "rediss", "unix")


def _state_url(url: str | None) -> Secret | None:
    """`AMIGO_MCP_STATE_URL`: a Redis URL (redis://[:password@]host[:port][/db], rediss:// for
    TLS, unix:///path.sock), kept as a secret."""
    if url is None:
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme not in STATE_URL_SCHEMES
        or not (parts.hostname if parts.scheme != "unix" else parts.path)
    ):
        raise SettingsError(
            "AMIGO_MCP_STATE_URL is not a Redis URL (its value is not shown: it may hold a "
            "password); use "
            "redis://[:password@]host[:port][/db], rediss://... for TLS, or unix:///path.sock "
            "(or leave it unset to keep state in the process)."
        )
    return Secret(url)
