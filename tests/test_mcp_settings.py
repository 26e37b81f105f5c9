"""Configuration: which mode the environment selects, and a clear message for every mistake."""

from __future__ import annotations

import subprocess

import pytest

from mcp_server.settings import Settings, SettingsError
from testing.mcp_helpers import REPO, amigo_mcp, clean_env

KEY = {"AMIGO_API_KEY": "k-secret-123", "AMIGO_API_KEY_ID": "kid", "AMIGO_USER_ID": "u1"}
ORG = {"AMIGO_ORGANIZATION_ID": "acme"}


def test_no_credentials_means_the_sandbox() -> None:
    assert Settings.load({}).auth_mode == "sandbox"
    assert Settings.load(KEY | ORG, sandbox=True).auth_mode == "sandbox"


def test_api_key_mode() -> None:
    settings = Settings.load(KEY | ORG | {"AMIGO_REGION": "eu-central-1"})
    assert settings.auth_mode == "api_key"
    assert settings.base_url == "https://api-eu-central-1.amigo.ai"
    assert settings.organization_id == "acme"
    assert (settings.api_key_id, settings.user_id) == ("kid", "u1")
    assert settings.secrets == ("k-secret-123",)


def test_bearer_mode_and_flags_override_the_environment() -> None:
    settings = Settings.load(
        {"AMIGO_BEARER_TOKEN": "tok-secret-456"} | ORG,
        organization_id="other",
        base_url="http://127.0.0.1:8787/",
    )
    assert settings.auth_mode == "bearer"
    assert settings.organization_id == "other"
    assert settings.base_url == "http://127.0.0.1:8787"


def test_hosted_mode_needs_no_credentials_of_its_own() -> None:
    settings = Settings.load(ORG, multi_user=True)
    assert settings.auth_mode == "per_request"
    assert settings.secrets == ()
    with pytest.raises(SettingsError, match="AMIGO_ORGANIZATION_ID"):
        Settings.load({}, multi_user=True)


def test_secrets_never_show_in_repr() -> None:
    text = repr(Settings.load(KEY | ORG)) + repr(
        Settings.load({"AMIGO_BEARER_TOKEN": "tok-secret-456"} | ORG)
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
        (KEY | ORG | {"AMIGO_TIMEOUT": "0"}, "between 0 and 600"),
    ],
)
def test_mistakes_get_a_message_naming_the_setting(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.load(env)


def test_a_bad_setting_is_one_line_on_stderr_not_a_traceback() -> None:
    done = subprocess.run(
        [*amigo_mcp(), "serve"],
        env=clean_env(AMIGO_API_KEY="k-secret-123", AMIGO_ORGANIZATION_ID="acme"),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("amigo-mcp: AMIGO_API_KEY_ID, AMIGO_USER_ID are not set")
    assert "Traceback" not in done.stderr and "k-secret-123" not in done.stderr


def test_multi_user_needs_http() -> None:
    done = subprocess.run(
        [*amigo_mcp(), "serve", "--multi-user"],
        env=clean_env(**ORG),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "--transport http" in done.stderr
