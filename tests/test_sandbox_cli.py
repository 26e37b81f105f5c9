"""`amigo-sandbox` from a shell: starts, prints its URL and credentials, serves the client."""

from __future__ import annotations

import re
import signal
import subprocess
from pathlib import Path

import pytest
from amigo_client import AuthenticatedClient, Client
from amigo_client.api.auth import sign_in_with_api_key
from amigo_client.api.dynamic_behavior_sets import (
    create_dynamic_behavior_set,
    get_dynamic_behavior_sets,
)
from amigo_client.models import (
    CreateDynamicBehaviorSetRequest,
    DynamicBehaviorSetList,
    SignInWithApiKeyResponse,
)

from tests.sandbox_support import SANDBOX_EXECUTABLE, new_set_body, start_cli, stop_cli


@pytest.mark.slow
def test_seed_demo_on_a_fresh_database_works_with_the_generated_client(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    process, base_url, printed = start_cli(["--db", str(db), "--seed-demo"])
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base_url)
        organization = printed["AMIGO_ORGANIZATION_ID"]
        signed_in = sign_in_with_api_key.sync_detailed(
            organization,
            client=Client(base_url=base_url),
            x_api_key=printed["AMIGO_API_KEY"],
            x_api_key_id=printed["AMIGO_API_KEY_ID"],
            x_user_id=printed["AMIGO_USER_ID"],
        )
        assert signed_in.status_code == 200
        assert isinstance(signed_in.parsed, SignInWithApiKeyResponse)
        token = signed_in.parsed.id_token
        with AuthenticatedClient(base_url=base_url, token=token) as client:
            listed = get_dynamic_behavior_sets.sync_detailed(organization, client=client)
            assert listed.status_code == 200
            assert isinstance(listed.parsed, DynamicBehaviorSetList)
            assert len(listed.parsed.dynamic_behavior_sets) == 5
            created = create_dynamic_behavior_set.sync_detailed(
                organization,
                client=client,
                body=CreateDynamicBehaviorSetRequest.from_dict(new_set_body("CLI set")),
            )
            assert created.status_code == 201
    finally:
        output = stop_cli(process)
    assert process.returncode == 0
    assert token not in output  # tokens are never logged, even at debug level
    assert "POST /v1/amigo-demo/dynamic_behavior_set/" in output  # the access log is on
    # A restart on the same file keeps the data and does not seed twice.
    process, base_url, printed = start_cli(["--db", str(db), "--seed-demo", "--no-rate-limits"])
    try:
        with AuthenticatedClient(base_url=base_url, token=token) as client:
            listed = get_dynamic_behavior_sets.sync_detailed(organization, client=client)
            assert isinstance(listed.parsed, DynamicBehaviorSetList)
            names = [s.name for s in listed.parsed.dynamic_behavior_sets]
            assert names.count("CLI set") == 1 and len(names) == 6
            assert "x-ratelimit-limit" not in listed.headers
    finally:
        stop_cli(process)


@pytest.mark.slow
def test_default_database_path_is_printed(tmp_path: Path) -> None:
    process, _, printed = start_cli([], env={"XDG_DATA_HOME": str(tmp_path)})
    stop_cli(process)
    assert printed["database"] == str(tmp_path / "amigo-sandbox" / "sandbox.db")
    assert (tmp_path / "amigo-sandbox" / "sandbox.db").exists()


@pytest.mark.slow
def test_memory_database_and_bad_arguments(tmp_path: Path) -> None:
    process, _, printed = start_cli(["--db", ":memory:"])
    stop_cli(process)
    assert printed["database"] == ":memory: (not persisted)"
    refused = subprocess.run(
        [str(SANDBOX_EXECUTABLE), "--token-lifetime", "0"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert refused.returncode == 2 and "token-lifetime" in refused.stderr


@pytest.mark.slow
def test_an_interrupt_stops_it_whenever_it_comes() -> None:
    """SIGINT as soon as the address is printed, to a sandbox started as a shell's background
    job starts (SIGINT ignored): it stops, and cleanly, before uvicorn listens for signals too."""
    process = subprocess.Popen(
        [str(SANDBOX_EXECUTABLE), "--port", "0", "--db", ":memory:"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith("Amigo sandbox listening on http://")
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert "Traceback" not in output
