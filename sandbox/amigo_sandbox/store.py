"""SQLite persistence (standard library only): one connection, serialized transactions.

Every request runs in one transaction: a write either happens whole or not at all. Writers take
`BEGIN IMMEDIATE`, so two processes sharing a database file also serialize their writes; inside
one process a lock hands the single connection to one thread at a time.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "2"

MEMORY = ":memory:"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS organizations (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS users (
    org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
CREATE TABLE IF NOT EXISTS api_keys (
    org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    key_id TEXT NOT NULL,
    key_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (org_id, key_id)
);
CREATE TABLE IF NOT EXISTS behavior_sets (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    name TEXT NOT NULL,
    is_active INTEGER NOT NULL,
    applied_to_services TEXT NOT NULL,
    tags TEXT NOT NULL,
    created_at TEXT NOT NULL,
    creator_org TEXT NOT NULL,
    creator_user TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by_org TEXT NOT NULL,
    updated_by_user TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS behavior_sets_org ON behavior_sets (org_id, name);
CREATE TABLE IF NOT EXISTS behavior_set_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    set_id TEXT NOT NULL REFERENCES behavior_sets(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    conversation_triggers TEXT NOT NULL,
    actions TEXT NOT NULL,
    creator_org TEXT NOT NULL,
    creator_user TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (set_id, version)
);
CREATE TABLE IF NOT EXISTS invocations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    set_id TEXT NOT NULL REFERENCES behavior_sets(id) ON DELETE CASCADE,
    set_version INTEGER NOT NULL,
    conversation_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    initial_message_id TEXT NOT NULL,
    agent_message_id TEXT,
    agent_inner_thoughts_ids TEXT NOT NULL,
    external_event_message_ids TEXT,
    invoked_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS invocations_set ON invocations (set_id);
CREATE TABLE IF NOT EXISTS metrics (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    value_type TEXT NOT NULL,
    categories TEXT,
    lower_bound REAL,
    upper_bound REAL,
    applies_when TEXT,
    latest_version INTEGER NOT NULL,
    applied_to_services TEXT NOT NULL,
    tags TEXT NOT NULL,
    is_deleted INTEGER NOT NULL,
    creator_org TEXT NOT NULL,
    creator_user TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS conversations (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    is_finished INTEGER NOT NULL,
    tags TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS interactions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    user_message TEXT NOT NULL,
    agent_message TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS metric_results (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    metric_id TEXT NOT NULL,
    metric_version INTEGER NOT NULL,
    result TEXT NOT NULL,
    justification TEXT NOT NULL,
    source_type TEXT NOT NULL,
    conversation_id TEXT,
    evaluate_to_interaction_id TEXT,
    invoked_by_org TEXT,
    invoked_by_user TEXT,
    simulation_unit_test_set_run_id TEXT,
    unit_test_id TEXT,
    run_index INTEGER,
    refs TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS metric_results_org ON metric_results (org_id, created_at);
CREATE TABLE IF NOT EXISTS scenarios (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    name TEXT NOT NULL,
    tags TEXT NOT NULL,
    is_deleted INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    creator_org TEXT NOT NULL,
    creator_user TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by_org TEXT NOT NULL,
    updated_by_user TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS scenarios_org ON scenarios (org_id, name);
CREATE TABLE IF NOT EXISTS scenario_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    scenario_id TEXT NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    objective TEXT NOT NULL,
    instructions TEXT NOT NULL,
    initial_message_type TEXT NOT NULL,
    conversation_starts_at TEXT,
    creator_org TEXT NOT NULL,
    creator_user TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (scenario_id, version)
);
CREATE TABLE IF NOT EXISTS unit_tests (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    org_id TEXT NOT NULL,
    name TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""

#: Tables holding API data (everything but `meta`), in an order safe for deleting.
_DATA_TABLES = (
    "unit_tests",
    "scenario_versions",
    "scenarios",
    "metric_results",
    "interactions",
    "conversations",
    "metrics",
    "invocations",
    "behavior_set_versions",
    "behavior_sets",
    "api_keys",
    "users",
    "organizations",
)


def delete_data(conn: sqlite3.Connection) -> None:
    """Delete every row of API data (the `meta` table stays)."""
    for table in _DATA_TABLES:
        conn.execute(f"DELETE FROM {table}")


def default_database_path() -> Path:
    """`amigo-sandbox/sandbox.db` under the user's data directory for this platform."""
    if sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Application Support"
    else:
        root = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return root / "amigo-sandbox" / "sandbox.db"


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


class Database:
    """One SQLite connection shared by the server's threads, one transaction at a time."""

    def __init__(self, location: str | os.PathLike[str] = MEMORY) -> None:
        self.location = str(location)
        if self.location != MEMORY:
            Path(self.location).expanduser().parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            self.location if self.location == MEMORY else str(Path(self.location).expanduser()),
            isolation_level=None,  # transactions are explicit
            check_same_thread=False,  # guarded by self._lock
            timeout=10.0,
        )
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.execute("PRAGMA busy_timeout = 10000")
        if self.location != MEMORY:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
        with self.transaction(write=True) as conn:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
                (SCHEMA_VERSION,),
            )
            found = self.get_meta(conn, "schema_version")
        if found != SCHEMA_VERSION:
            self._conn.close()
            raise RuntimeError(
                f"the sandbox database {self.location} has layout version {found}, this sandbox "
                f"needs {SCHEMA_VERSION}: start with another --db (or delete that file)"
            )

    @property
    def in_memory(self) -> bool:
        return self.location == MEMORY

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        """Run a block in one transaction; commit when it ends, roll back if it raises."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    def get_meta(self, conn: sqlite3.Connection, key: str) -> str | None:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_meta(self, conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def close(self) -> None:
        with self._lock:
            self._conn.close()
