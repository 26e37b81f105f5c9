"""Persistence: data survives a restart (and a crash); a write happens whole or not at all."""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from pathlib import Path

import httpx
import pytest

from amigo_sandbox.demo import DEMO_BEHAVIOR_SET_IDS
from amigo_sandbox.server import start_in_thread
from amigo_sandbox.store import Database, default_database_path
from testing.sandbox_http import admin_client, api_client, async_http_client, http_client
from tests.sandbox_support import new_scenario_body, new_set_body, start_cli


def test_data_and_tokens_survive_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.db"
    name = f"Persistent {uuid.uuid4().hex[:8]}"
    with start_in_thread(db=str(db), seed_demo=True) as first, api_client(first) as api:
        set_id = api.post("/dynamic_behavior_set/", json=new_set_body(name)).json()[
            "dynamic_behavior_set_id"
        ]
        api.post(
            f"/dynamic_behavior_set/{set_id}/version/",
            json={"conversation_triggers": ["again"], "actions": []},
        )
        scenario_id = api.post("/simulation/scenario/", json=new_scenario_body(name)).json()[
            "simulation_scenario_id"
        ]
        api.delete(f"/simulation/scenario/{scenario_id}/")
        token = first.issue_token()
    assert db.exists()
    with (
        start_in_thread(db=str(db), seed_demo=True) as second,
        http_client(
            f"{second.base_url}/v1/{second.organization}",
            headers={"Authorization": f"Bearer {token}"},  # signed by the first run
        ) as api,
    ):
        sets = api.get("/dynamic_behavior_set/").json()["dynamic_behavior_sets"]
        assert len(sets) == 6  # five demo sets (seeded once, not twice) and ours
        assert sets[-1]["name"] == name
        versions = api.get(f"/dynamic_behavior_set/{set_id}/version/").json()
        assert [v["version"] for v in versions["dynamic_behavior_set_versions"]] == [1, 2]
        (scenario,) = api.get("/simulation/scenario/", params={"id": scenario_id}).json()[
            "simulation_scenarios"
        ]
        assert scenario["is_deleted"] is True
        refunds = api.get(
            f"/dynamic_behavior_set/{DEMO_BEHAVIOR_SET_IDS['refunds']}/invocation/"
        ).json()
        assert len(refunds["dynamic_behavior_invocations"]) == 15


def test_memory_databases_start_empty_each_time() -> None:
    with start_in_thread(seed_demo=False) as running, api_client(running) as api:
        assert api.get("/dynamic_behavior_set/").json()["dynamic_behavior_sets"] == []
        api.post("/dynamic_behavior_set/", json=new_set_body("Ephemeral"))
    with start_in_thread(seed_demo=False) as running, api_client(running) as api:
        assert api.get("/dynamic_behavior_set/").json()["dynamic_behavior_sets"] == []


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    db = Database(tmp_path / "t.db")
    try:
        with pytest.raises(RuntimeError), db.transaction(write=True) as conn:
            conn.execute("INSERT INTO organizations (id, created_at) VALUES ('half', 'now')")
            raise RuntimeError("fails half way")
        with db.transaction(write=False) as conn:
            assert conn.execute("SELECT COUNT(*) FROM organizations").fetchone()[0] == 0
    finally:
        db.close()


def test_default_database_lives_in_the_user_data_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_database_path() == tmp_path / "amigo-sandbox" / "sandbox.db"


@pytest.mark.slow
def test_a_crash_mid_write_leaves_only_whole_writes(tmp_path: Path) -> None:
    """Kill the server (SIGKILL) while 40 clients create sets; every stored set has its version."""
    db = tmp_path / "crash.db"
    process, base_url, _ = start_cli(["--db", str(db), "--no-rate-limits"])
    try:
        with admin_client(base_url) as admin:
            token = admin.post("/tokens", json={}).json()["id_token"]

        written = 0
        under_way = asyncio.Event()

        async def writer(client: httpx.AsyncClient, n: int) -> None:
            nonlocal written
            try:
                for i in range(50):
                    body = new_set_body(f"crash {n}-{i}")
                    await client.post("/dynamic_behavior_set/", json=body)
                    written += 1
                    if written == 40:  # the storm is under way: kill it mid-write
                        under_way.set()
            except httpx.HTTPError:
                return
            finally:
                under_way.set()  # never left waiting, whatever happened

        async def storm() -> None:
            async with async_http_client(
                f"{base_url}/v1/amigo-demo",
                headers={"Authorization": f"Bearer {token}"},
                timeout=5,
            ) as client:
                tasks = [asyncio.create_task(writer(client, n)) for n in range(40)]
                await under_way.wait()
                process.kill()
                await asyncio.gather(*tasks)

        asyncio.run(storm())
    finally:
        process.kill()
        process.wait(timeout=10)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        sets = conn.execute("SELECT COUNT(*) FROM behavior_sets").fetchone()[0]
        orphans = conn.execute(
            "SELECT COUNT(*) FROM behavior_sets s WHERE NOT EXISTS "
            "(SELECT 1 FROM behavior_set_versions v WHERE v.set_id = s.id AND v.version = 1)"
        ).fetchone()[0]
        stray = conn.execute(
            "SELECT COUNT(*) FROM behavior_set_versions v WHERE NOT EXISTS "
            "(SELECT 1 FROM behavior_sets s WHERE s.id = v.set_id)"
        ).fetchone()[0]
    finally:
        conn.close()
    assert sets > 0
    assert orphans == 0 and stray == 0
    # And a sandbox starts again on what the crash left (in this process: the file is the test).
    with (
        start_in_thread(db=str(db), seed_demo=False) as again,
        admin_client(again.base_url) as admin,
    ):
        assert admin.get("/health").status_code == 200


def test_a_database_of_another_layout_is_refused_by_name(tmp_path: Path) -> None:
    db = tmp_path / "older.db"
    Database(str(db)).close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    conn.close()
    with pytest.raises(RuntimeError, match=r"older\.db has layout version 1"):
        Database(str(db))
