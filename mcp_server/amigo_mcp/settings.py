"""The server's settings: one pydantic model of environment variables and flags.

`Settings` extends the client's `ClientConfig`, so the `AMIGO_*` variables of Amigo's own SDKs
(credentials, organization, base URL or region, cluster, timeout), the region table and the
timeout rule are read one way by the client and the server. The server's own settings are
`AMIGO_MCP_*` variables, each with a command-line flag of the same meaning; a flag wins over its
variable. Secrets (`AMIGO_API_KEY`, `AMIGO_BEARER_TOKEN`, `AMIGO_MCP_HTTP_TOKEN`) are `SecretStr`,
read from the environment only (never from a flag, so they stay out of process listings), and
never shown in a repr, a log line or a message. The shared state store's URL
(`AMIGO_MCP_STATE_URL`, `--state-url`) is a `SecretStr` too, since it may carry a password, and
that password is scrubbed like the other secrets. Booleans accept 1/0, true/false, yes/no, on/off.
Every mistake is one `ConfigurationError` naming the variable (and its flag) and how to fix it;
the CLI prints it on one line. With no credentials at all the server runs on the embedded
sandbox.

Adding a setting is one declaration in `Settings`:

    audit_log: Annotated[str | None, Flag("--audit-log", "connection", metavar="PATH")] = Field(
        None, validation_alias="AMIGO_MCP_AUDIT_LOG", description="audit lines to PATH"
    )

The CLI builds the flag from it (`cli.py` reads `Flag`: which option group and so which
commands, the metavar; the help is the description plus the variable's name), and the value
reaches the code as `settings.audit_log`. Leave `Flag` out for a setting read from the
environment only (a secret). A `field_validator` checks what the type cannot; raise
`ConfigurationError` with a message that names the variable. Then list the variable in the
README's tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal, Self
from urllib.parse import urlsplit

from amigo_client.config import REGIONS, ClientConfig
from amigo_client.exceptions import ConfigurationError
from pydantic import Field, SecretStr, field_validator, model_validator

# per_request: hosted multi-user mode with no credentials of the server's own; every MCP request
# brings its user's token.
AuthMode = Literal["api_key", "bearer", "per_request", "sandbox"]
LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
# Which commands offer a flag: connection (serve, call), policy (serve, call, tools),
# transport (serve).
Group = Literal["connection", "policy", "transport"]


@dataclass(frozen=True)
class Flag:
    """The command-line flag of a setting (see the module docstring)."""

    name: str
    group: Group
    metavar: str | None = None
    choices: tuple[str, ...] = ()  # for a Literal type, its values are the choices
    repeat: bool = False  # the flag may be given more than once (a set of names)


# The flags of the settings the server takes over from the client (which has no flags).
CLIENT_FLAGS: dict[str, Flag] = {
    "base_url": Flag("--base-url", "connection", "URL"),
    "region": Flag("--region", "connection", choices=tuple(sorted(REGIONS))),
    "organization_id": Flag("--organization", "connection", "ID"),
    "api_key_id": Flag("--api-key-id", "connection", "ID"),
    "user_id": Flag("--user-id", "connection", "ID"),
    "mongo_cluster_name": Flag("--mongo-cluster-name", "connection", "NAME"),
    "timeout_s": Flag("--timeout", "connection", "SECONDS"),
}

STATE_URL_SCHEMES = ("redis", "rediss", "unix")

Names = frozenset[str]  # comma-separated in a variable or a flag (see `_names`)


class Settings(ClientConfig):
    """Everything the server needs. Build it with `Settings.from_env` (flags as keyword values)."""

    # --- connection ---------------------------------------------------------------------------
    sandbox: Annotated[bool, Flag("--sandbox", "connection")] = Field(
        False,
        validation_alias="AMIGO_MCP_SANDBOX",
        description="use the embedded sandbox even when credentials are set",
    )
    sandbox_db: Annotated[str, Flag("--sandbox-db", "connection", "PATH")] = Field(
        ":memory:",
        validation_alias="AMIGO_MCP_SANDBOX_DB",
        description="SQLite file for the embedded sandbox's data (default: in memory, fresh "
        "each start)",
    )
    state_url: Annotated[SecretStr | None, Flag("--state-url", "connection", "URL")] = Field(
        None,
        validation_alias="AMIGO_MCP_STATE_URL",
        description="Redis (redis://[:password@]host:port/db) holding what several replicas "
        "share: rate windows, the server's own token, stateful HTTP sessions (default: kept in "
        "the process)",
    )
    retry_budget: Annotated[float, Flag("--retry-budget", "connection", "SECONDS")] = Field(
        60.0,
        gt=0,
        le=3600,
        validation_alias="AMIGO_MCP_RETRY_BUDGET",
        description="total time one tool call may spend on retries and rate-limit waits "
        "(default 60, at most 3600)",
    )
    audit_log: Annotated[str | None, Flag("--audit-log", "connection", "PATH")] = Field(
        None,
        validation_alias="AMIGO_MCP_AUDIT_LOG",
        description="append one JSON line per call of a tool that writes to PATH, or '-' for "
        "stderr (off by default)",
    )
    otel: Annotated[bool, Flag("--otel", "connection")] = Field(
        False,
        validation_alias="AMIGO_MCP_OTEL",
        description="export OpenTelemetry traces over OTLP, configured by the OTEL_* variables; "
        "needs amigo-mcp[otel] (on too when OTEL_EXPORTER_OTLP_ENDPOINT is set)",
    )
    log_level: Annotated[LogLevel, Flag("--log-level", "connection")] = Field(
        "WARNING",
        validation_alias="AMIGO_MCP_LOG_LEVEL",
        description="stderr log level (default WARNING); secrets are never logged",
    )
    multi_user: Annotated[bool, Flag("--multi-user", "transport")] = Field(
        False,
        validation_alias="AMIGO_MCP_MULTI_USER",
        description="HTTP: use the Amigo bearer token a request carries in X-Amigo-Token, for "
        "that request only (hosted mode); requests without one use the configured credentials",
    )

    # --- which tools are offered --------------------------------------------------------------
    read_only: Annotated[bool, Flag("--read-only", "policy")] = Field(
        False, validation_alias="AMIGO_MCP_READ_ONLY", description="offer only tools that read"
    )
    tools: Annotated[Names, Flag("--tools", "policy", "A,B")] = Field(
        frozenset(), validation_alias="AMIGO_MCP_TOOLS", description="offer only these tools"
    )
    exclude_tools: Annotated[Names, Flag("--exclude-tools", "policy", "C,D")] = Field(
        frozenset(),
        validation_alias="AMIGO_MCP_EXCLUDE_TOOLS",
        description="never offer these tools",
    )
    toolsets: Annotated[Names, Flag("--toolsets", "policy", "SETS")] = Field(
        frozenset(), validation_alias="AMIGO_MCP_TOOLSETS", description="offer only these areas"
    )
    skip_confirmation: Annotated[bool, Flag("--skip-confirmation", "policy")] = Field(
        False,
        validation_alias="AMIGO_MCP_SKIP_CONFIRMATION",
        description="run destructive tools without asking the user first; by default they ask "
        "through MCP elicitation",
    )
    skip_live_confirmation: Annotated[bool, Flag("--skip-live-confirmation", "policy")] = Field(
        False,
        validation_alias="AMIGO_MCP_SKIP_LIVE_CONFIRMATION",
        description="create new versions of active dynamic behavior sets without asking the "
        "user first; by default they ask, since live agents change",
    )

    # --- transport ----------------------------------------------------------------------------
    transport: Annotated[Literal["stdio", "http"], Flag("--transport", "transport")] = Field(
        "stdio", validation_alias="AMIGO_MCP_TRANSPORT", description="stdio (default) or http"
    )
    host: Annotated[str, Flag("--host", "transport")] = Field(
        "127.0.0.1",
        validation_alias="AMIGO_MCP_HOST",
        description="HTTP bind address (default 127.0.0.1)",
    )
    port: Annotated[int, Flag("--port", "transport")] = Field(
        8000,
        ge=0,
        le=65535,
        validation_alias="AMIGO_MCP_PORT",
        description="HTTP port (default 8000; 0 picks a free one)",
    )
    stateless: Annotated[bool, Flag("--stateless", "transport")] = Field(
        False,
        validation_alias="AMIGO_MCP_STATELESS",
        description="HTTP: no sessions; each request stands alone",
    )
    allowed_hosts: Annotated[
        Names, Flag("--allowed-host", "transport", "HOST[:PORT]", repeat=True)
    ] = Field(
        frozenset(),
        validation_alias="AMIGO_MCP_ALLOWED_HOSTS",
        description="HTTP: further Host header values to accept, a name without a port with "
        "any port or none (the flag may be repeated; DNS-rebinding protection stays on)",
    )
    replica_url: Annotated[str | None, Flag("--replica-url", "transport", "URL")] = Field(
        None,
        validation_alias="AMIGO_MCP_REPLICA_URL",
        description="HTTP with --state-url: this replica's MCP endpoint as the other replicas "
        "reach it, to pass on requests of the sessions it holds (default http://HOST:PORT/mcp, "
        "with the machine's host name when bound to all addresses)",
    )
    http_token: SecretStr | None = Field(
        None,
        validation_alias="AMIGO_MCP_HTTP_TOKEN",
        description="access token HTTP clients must send as 'Authorization: Bearer <token>'; "
        "required to bind anywhere but loopback",
    )

    MISSING_ORGANIZATION: ClassVar[str] = (
        "AMIGO_ORGANIZATION_ID is not set: every Amigo call is made within an organization. "
        "Set it (or pass --organization), or unset the credentials to use the embedded sandbox."
    )

    @classmethod
    def flag(cls, field: str) -> Flag | None:
        """The flag of a setting, or None when it is read from the environment only."""
        for item in cls.model_fields[field].metadata:
            if isinstance(item, Flag):
                return item
        return CLIENT_FLAGS.get(field)

    @classmethod
    def setting_name(cls, field: str) -> str:
        flag = cls.flag(field)
        return f"{cls.variable(field)} ({flag.name})" if flag else cls.variable(field)

    @field_validator("tools", "exclude_tools", "toolsets", "allowed_hosts", mode="before")
    @classmethod
    def _names(cls, value: Any) -> Any:
        """`a,b` (or a list of such, from a repeated flag) as a set of names."""
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list | tuple):
            return frozenset(n.strip() for item in value for n in item.split(",") if n.strip())
        return value

    @field_validator("state_url")
    @classmethod
    def _redis_url(cls, url: SecretStr | None) -> SecretStr | None:
        """A Redis URL: redis://[:password@]host[:port][/db], rediss:// for TLS, or
        unix:///path.sock."""
        if url is None:
            return None
        try:
            parts = urlsplit(url.get_secret_value())
            parts.port  # noqa: B018 (raises on a port that is not a number)
        except ValueError:
            parts = None
        if (
            parts is None
            or parts.scheme not in STATE_URL_SCHEMES
            or not (parts.hostname if parts.scheme != "unix" else parts.path)
        ):
            raise ConfigurationError(
                f"{cls.setting_name('state_url')} is not a Redis URL (its value is not shown: "
                "it may hold a password); use redis://[:password@]host[:port][/db], "
                "rediss://... for TLS, or unix:///path.sock (or leave it unset to keep state in "
                "the process)."
            )
        return url

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value

    @model_validator(mode="after")
    def _credentials(self) -> Self:
        """Credentials are complete, or absent (the sandbox, or hosted multi-user mode)."""
        if self.auth_mode in ("sandbox", "bearer"):
            return self
        if not self.organization_id:
            raise ConfigurationError(self.MISSING_ORGANIZATION)
        if self.auth_mode == "api_key":
            self.check_api_key()
        return self

    @property
    def auth_mode(self) -> AuthMode:
        """How the server's calls are authenticated; a bearer token wins over an API key."""
        has_credentials = bool(self.api_key or self.api_key_id or self.user_id or self.bearer_token)
        if self.sandbox or not (has_credentials or self.multi_user):
            return "sandbox"
        if not has_credentials:
            return "per_request"
        return "bearer" if self.bearer_token is not None else "api_key"

    @property
    def secrets(self) -> tuple[str, ...]:
        """The secret values, for scrubbing anything that leaves the process."""
        found = [
            secret.get_secret_value()
            for secret in (self.api_key, self.bearer_token, self.http_token)
            if secret is not None
        ]
        # A password written into the base URL (https://user:password@host) or the state store's
        # URL (redis://:password@host) is a secret too.
        urls = [self.base_url, *([self.state_url.get_secret_value()] if self.state_url else [])]
        passwords = [p for p in (urlsplit(url).password for url in urls) if p]
        return (*found, *passwords)

    def with_sandbox(
        self, base_url: str, organization_id: str, api_key_id: str, api_key: str, user_id: str
    ) -> Self:
        """These settings pointed at a running sandbox and its demo credentials."""
        return self.model_copy(
            update={
                "sandbox": False,
                "base_url": base_url,
                "region": None,
                "organization_id": organization_id,
                "api_key": SecretStr(api_key),
                "api_key_id": api_key_id,
                "user_id": user_id,
                "bearer_token": None,
            }
        )
