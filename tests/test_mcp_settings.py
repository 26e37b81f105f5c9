"""Configuration: which mode the environment selects, and a clear message for every mistake."""

from __future__ import annotations

import os
from typing import Any, get_args

import pytest
from amigo_client.config import ClientConfig
from amigo_client.exceptions import ConfigurationError
from hypothesis import assume, given
from hypothesis import strategies as st

from amigo_mcp.cli import build_parser, main
from amigo_mcp.settings import LogLevel, Settings
from amigo_sandbox.cli import parse_args as sandbox_arguments
from testing.mcp_helpers import REPO, clean_env, run_amigo_mcp

KEY = {"AMIGO_API_KEY": "k-secret-123", "AMIGO_API_KEY_ID": "kid", "AMIGO_USER_ID": "u1"}
ORG = {"AMIGO_ORGANIZATION_ID": "acme"}


def test_no_credentials_means_the_sandbox() -> None:
    assert Settings.from_env({}).auth_mode == "sandbox"
    assert Settings.from_env(KEY | ORG, sandbox=True).auth_mode == "sandbox"


def test_api_key_mode() -> None:
    settings = Settings.from_env(KEY | ORG | {"AMIGO_REGION": "eu-central-1"})
    assert settings.auth_mode == "api_key"
    assert settings.base_url == "https://api-eu-central-1.amigo.ai"
    assert settings.organization_id == "acme"
    assert (settings.api_key_id, settings.user_id) == ("kid", "u1")
    assert settings.secrets == ("k-secret-123",)


def test_bearer_mode_and_flags_override_the_environment() -> None:
    settings = Settings.from_env(
        {"AMIGO_BEARER_TOKEN": "tok-secret-456"} | ORG,
        organization_id="other",
        base_url="http://127.0.0.1:8787/",
    )
    assert settings.auth_mode == "bearer"
    assert settings.organization_id == "other"
    assert settings.base_url == "http://127.0.0.1:8787"


def test_hosted_mode_needs_no_credentials_of_its_own() -> None:
    settings = Settings.from_env(ORG, multi_user=True)
    assert settings.auth_mode == "per_request"
    assert settings.secrets == ()
    with pytest.raises(ConfigurationError, match="AMIGO_ORGANIZATION_ID"):
        Settings.from_env({}, multi_user=True)


def test_secrets_never_show_in_repr() -> None:
    text = repr(Settings.from_env(KEY | ORG)) + repr(
        Settings.from_env({"AMIGO_BEARER_TOKEN": "tok-secret-456"} | ORG)
    )
    assert "k-secret-123" not in text and "tok-secret-456" not in text
    assert "**********" in text


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (KEY, "AMIGO_ORGANIZATION_ID is not set"),
        ({"AMIGO_API_KEY": "k"} | ORG, "AMIGO_API_KEY_ID, AMIGO_USER_ID are not set"),
        ({"AMIGO_API_KEY_ID": "kid", "AMIGO_USER_ID": "u"} | ORG, "AMIGO_API_KEY is not set"),
        (KEY | ORG | {"AMIGO_REGION": "mars-1"}, "not a known region"),
        (KEY | ORG | {"AMIGO_BASE_URL": "api.amigo.ai"}, "not an http\\(s\\) URL"),
        (KEY | ORG | {"AMIGO_BASE_URL": "https://api.amigo.ai/v1"}, "must be the host only"),
        (
            KEY | ORG | {"AMIGO_BASE_URL": "https://x", "AMIGO_REGION": "us"},
            "set only one of them",
        ),
        (KEY | ORG | {"AMIGO_TIMEOUT": "soon"}, "not a number of seconds"),
        (KEY | ORG | {"AMIGO_TIMEOUT": "0"}, "greater than 0 and at most 600"),
    ],
)
def test_mistakes_get_a_message_naming_the_setting(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        Settings.from_env(env)


def test_a_bad_setting_is_one_line_on_stderr_not_a_traceback() -> None:
    done = run_amigo_mcp(
        "serve",
        env=clean_env(AMIGO_API_KEY="k-secret-123", AMIGO_ORGANIZATION_ID="acme"),
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("amigo-mcp: AMIGO_API_KEY_ID, AMIGO_USER_ID are not set")
    assert "Traceback" not in done.stderr and "k-secret-123" not in done.stderr


def test_multi_user_needs_http(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In process: the refusal comes before anything serves (the test above runs the console
    script for a refusal of the same kind: exit code 2, one line on stderr)."""
    for name in [name for name in os.environ if name.startswith("AMIGO_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("AMIGO_ORGANIZATION_ID", ORG["AMIGO_ORGANIZATION_ID"])
    assert main(["serve", "--multi-user"]) == 2
    assert "--transport http" in capsys.readouterr().err


# --- one model: every flag has its variable, and both are documented ----------------------------

FLAGGED = {name: flag for name in Settings.model_fields if (flag := Settings.flag(name))}


def test_every_setting_is_documented_with_its_variable_and_flag(
    capsys: pytest.CaptureFixture[str],
) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    for name in Settings.model_fields:
        variable = Settings.variable(name)
        rows = [line for line in readme.splitlines() if line.startswith(f"| `{variable}")]
        assert rows, f"{variable} has no row in the README"
        flag = Settings.flag(name)
        if flag is None:
            assert "(environment only)" in rows[0], variable
            continue
        assert f"`{flag.name}" in rows[0], (variable, flag.name)
        assert f"({variable})" in help_text, f"--help does not name {variable}"


# A value for the variable and another for the flag, by type; text and choices are below.
SAMPLES: dict[object, tuple[str, Any]] = {bool: ("0", True), int: ("8001", 8002), float: ("5", 7.0)}


@pytest.mark.parametrize(
    "name", sorted(n for n in FLAGGED if Settings.model_fields[n].annotation in SAMPLES)
)
def test_a_flag_wins_over_its_variable(name: str) -> None:
    env, flag = SAMPLES[Settings.model_fields[name].annotation]
    flags: dict[str, Any] = {name: flag}
    settings = Settings.from_env(ORG | {Settings.variable(name): env}, **flags)
    assert getattr(settings, name) == flag


def test_text_flags_win_over_their_variables() -> None:
    settings = Settings.from_env(
        {"AMIGO_MCP_TOOLSETS": "metrics", "AMIGO_REGION": "us", "AMIGO_MCP_LOG_LEVEL": "ERROR"},
        toolsets="simulation",
        region="eu-central-1",
        log_level="debug",
    )
    assert settings.toolsets == {"simulation"}
    assert settings.base_url == "https://api-eu-central-1.amigo.ai"
    assert settings.log_level == "DEBUG"


def test_the_state_audit_and_tracing_settings_come_from_a_variable_or_a_flag() -> None:
    env = {
        "AMIGO_MCP_STATE_URL": "redis://:pw-of-env@cache-a:6379/0",
        "AMIGO_MCP_REPLICA_URL": "http://replica-a:8000/mcp",
        "AMIGO_MCP_AUDIT_LOG": "audit.jsonl",
        "AMIGO_MCP_OTEL": "yes",
    }
    from_env = Settings.from_env(env)
    assert from_env.state_url is not None
    assert from_env.state_url.get_secret_value() == env["AMIGO_MCP_STATE_URL"]
    assert (from_env.replica_url, from_env.audit_log, from_env.otel) == (
        "http://replica-a:8000/mcp",
        "audit.jsonl",
        True,
    )
    assert "pw-of-env" in from_env.secrets and "pw-of-env" not in repr(from_env)
    argv = ["serve", "--state-url", "rediss://:pw-of-flag@cache-b:6380/1"]
    argv += ["--replica-url", "http://replica-b:8000/mcp", "--audit-log", "-"]
    args = vars(build_parser().parse_args(argv))
    names = ("state_url", "replica_url", "audit_log")
    flagged = Settings.from_env(env | {"AMIGO_MCP_OTEL": "0"}, **{n: args[n] for n in names})
    assert flagged.state_url is not None
    assert flagged.state_url.get_secret_value() == "rediss://:pw-of-flag@cache-b:6380/1"
    assert (flagged.replica_url, flagged.audit_log, flagged.otel) == (
        "http://replica-b:8000/mcp",
        "-",
        False,
    )
    assert Settings.from_env({}).state_url is None


def test_a_repeated_flag_and_a_comma_list_give_one_set() -> None:
    argv = ["serve", "--allowed-host", "a.example", "--allowed-host", "b.example:8443"]
    flags = build_parser().parse_args(argv).allowed_hosts
    from_flags = Settings.from_env({}, allowed_hosts=flags).allowed_hosts
    variable = {"AMIGO_MCP_ALLOWED_HOSTS": " a.example, b.example:8443 ,"}
    assert (
        from_flags == Settings.from_env(variable).allowed_hosts == {"a.example", "b.example:8443"}
    )


def test_a_malformed_server_setting_names_its_variable_and_flag() -> None:
    cases = {
        "AMIGO_MCP_READ_ONLY": (
            "maybe",
            "AMIGO_MCP_READ_ONLY (--read-only) 'maybe' is not a boolean",
        ),
        "AMIGO_MCP_PORT": ("http", "AMIGO_MCP_PORT (--port) 'http' is not a whole number"),
        "AMIGO_MCP_RETRY_BUDGET": ("0", "(--retry-budget) '0' must be greater than 0"),
        "AMIGO_MCP_TRANSPORT": ("tcp", "AMIGO_MCP_TRANSPORT (--transport) 'tcp' must be"),
        "AMIGO_MCP_LOG_LEVEL": ("loud", "AMIGO_MCP_LOG_LEVEL (--log-level) 'LOUD' must be"),
    }
    for variable, (value, message) in cases.items():
        with pytest.raises(ConfigurationError) as raised:
            Settings.from_env({variable: value})
        assert str(raised.value).startswith(variable) and message in str(raised.value)
        assert "\n" not in str(raised.value)


def test_a_malformed_variable_stops_the_cli_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("AMIGO_MCP_READ_ONLY", "maybe")
    assert main(["tools"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("amigo-mcp: AMIGO_MCP_READ_ONLY (--read-only) 'maybe' is not a boolean")
    assert err.count("\n") == 1


# --- property-based: booleans, timeouts, URLs, secrets -------------------------------------------

TRUE_WORDS = ("1", "true", "yes", "on", "t", "y")
FALSE_WORDS = ("0", "false", "no", "off", "f", "n")
BOOLEANS = sorted(n for n, f in Settings.model_fields.items() if f.annotation is bool)


def spelled(word: str) -> st.SearchStrategy[str]:
    """`word` in any mix of cases, with spaces around it."""
    cases = st.lists(st.booleans(), min_size=len(word), max_size=len(word))
    pad = st.sampled_from(["", " ", "\t", "  "])
    return st.builds(
        lambda upper, left, right: (
            left + "".join(c.upper() if u else c for c, u in zip(word, upper, strict=True)) + right
        ),
        cases,
        pad,
        pad,
    )


def any_case(word: str) -> st.SearchStrategy[str]:
    """`word` in any mix of cases."""
    cases = st.lists(st.booleans(), min_size=len(word), max_size=len(word))
    return cases.map(
        lambda upper: "".join(
            c.upper() if u else c.lower() for c, u in zip(word, upper, strict=True)
        )
    )


@given(level=st.sampled_from(get_args(LogLevel)).flatmap(any_case))
def test_log_levels_are_read_in_any_case_from_the_flag_and_the_variable(level: str) -> None:
    flagged = build_parser().parse_args(["serve", "--log-level", level])
    assert flagged.log_level == level.upper()
    assert Settings.from_env({"AMIGO_MCP_LOG_LEVEL": level}).log_level == level.upper()


@given(level=st.sampled_from(["critical", "error", "warning", "info", "debug"]).flatmap(any_case))
def test_the_sandbox_reads_its_log_level_in_any_case(level: str) -> None:
    assert sandbox_arguments(["--log-level", level]).log_level == level.lower()


@pytest.mark.slow
@given(
    name=st.sampled_from(BOOLEANS),
    truth=st.booleans(),
    data=st.data(),
)
def test_booleans_accept_the_usual_spellings(name: str, truth: bool, data: st.DataObject) -> None:
    word = data.draw(st.sampled_from(TRUE_WORDS if truth else FALSE_WORDS).flatmap(spelled))
    assert getattr(Settings.from_env(ORG | {Settings.variable(name): word}), name) is truth


@given(name=st.sampled_from(BOOLEANS), value=st.text(min_size=1, max_size=12))
def test_anything_else_is_not_a_boolean(name: str, value: str) -> None:
    assume(value.strip() and value.strip().lower() not in TRUE_WORDS + FALSE_WORDS)
    with pytest.raises(ConfigurationError, match="is not a boolean") as raised:
        Settings.from_env(ORG | {Settings.variable(name): value})
    assert str(raised.value).startswith(Settings.setting_name(name))


def expected_timeout(text: str) -> float | None:
    """The reference rule: a number of seconds in (0, 600]; blank means the default."""
    if not text.strip():
        return 30.0
    try:
        seconds = float(text)
    except ValueError:
        return None
    return seconds if 0 < seconds <= 600 else None


@given(
    text=st.one_of(
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.integers(-10, 1000).map(str),
        st.text(max_size=8),
    )
)
def test_timeouts_follow_one_rule_for_client_and_server(text: str) -> None:
    env = {"AMIGO_TIMEOUT": text, "AMIGO_ORGANIZATION_ID": "o", "AMIGO_BEARER_TOKEN": "t" * 12}
    expected = expected_timeout(text)
    if expected is None:
        with pytest.raises(ConfigurationError, match="AMIGO_TIMEOUT"):
            ClientConfig.from_env(env)
        with pytest.raises(ConfigurationError, match="AMIGO_TIMEOUT"):
            Settings.from_env(env)
        return
    assert ClientConfig.from_env(env).timeout_s == expected
    assert Settings.from_env(env).timeout_s == expected


HOSTS = st.from_regex(r"[a-z][a-z0-9-]{0,12}(\.[a-z]{2,5})?", fullmatch=True)


@pytest.mark.slow
@given(
    scheme=st.sampled_from(["http", "https", "ftp", "HTTP", ""]),
    user=st.sampled_from(["", "alice:pw-Zq8xY3vL7k@"]),
    host=HOSTS,
    port=st.one_of(st.just(""), st.integers(1, 65535).map(lambda p: f":{p}")),
    path=st.sampled_from(["", "/", "/v1", "/v1/x", "?a=1", "/?a=1"]),
)
def test_base_urls_are_hosts_only_and_never_show_a_password(
    scheme: str, user: str, host: str, port: str, path: str
) -> None:
    url = f"{scheme}://{user}{host}{port}{path}" if scheme else f"{user}{host}{port}{path}"
    env = {"AMIGO_BASE_URL": url, "AMIGO_ORGANIZATION_ID": "o", "AMIGO_BEARER_TOKEN": "t" * 12}
    fine = scheme.lower() in ("http", "https") and path in ("", "/")  # schemes ignore case
    if not fine:
        with pytest.raises(ConfigurationError, match="AMIGO_BASE_URL") as raised:
            Settings.from_env(env)
        assert "pw-Zq8xY3vL7k" not in str(raised.value)
        return
    settings = Settings.from_env(env)
    assert settings.base_url == f"{scheme.lower()}://{user}{host}{port}"
    assert "pw-Zq8xY3vL7k" not in settings.shown_base_url
    if user:
        assert "pw-Zq8xY3vL7k" in settings.secrets


SECRET = st.from_regex(r"s3cr3t-[A-Za-z0-9_~+/=-]{8,40}", fullmatch=True)
MISTAKES = st.sampled_from(
    [
        {},
        {"AMIGO_TIMEOUT": "soon"},
        {"AMIGO_REGION": "mars-1"},
        {"AMIGO_BASE_URL": "api.amigo.ai"},
        {"AMIGO_MCP_PORT": "x"},
        {"AMIGO_MCP_READ_ONLY": "maybe"},
        {"AMIGO_USER_ID": ""},
        {"AMIGO_ORGANIZATION_ID": ""},
        {"AMIGO_MCP_TOOLS": "a,b", "AMIGO_MCP_MULTI_USER": "1"},
    ]
)


@pytest.mark.slow
@given(
    api_key=SECRET,
    bearer=st.one_of(st.none(), SECRET),
    http_token=st.one_of(st.none(), SECRET),
    mistake=MISTAKES,
    server=st.booleans(),
)
def test_secrets_never_appear_in_reprs_or_messages(
    api_key: str,
    bearer: str | None,
    http_token: str | None,
    mistake: dict[str, str],
    server: bool,
) -> None:
    env = KEY | ORG | {"AMIGO_API_KEY": api_key}
    env |= {"AMIGO_BEARER_TOKEN": bearer} if bearer else {}
    env |= {"AMIGO_MCP_HTTP_TOKEN": http_token} if http_token else {}
    env |= mistake
    secrets = [s for s in (api_key, bearer, http_token) if s]
    model = Settings if server else ClientConfig
    try:
        config = model.from_env(env)
    except ConfigurationError as error:
        shown = [str(error), repr(error), *map(str, error.args)]
    else:
        shown = [repr(config), str(config), config.model_dump_json(), f"{config!r}"]
        if isinstance(config, Settings):
            assert set(secrets) <= set(config.secrets), "still usable where it is needed"
    for text in shown:
        for secret in secrets:
            assert secret not in text
