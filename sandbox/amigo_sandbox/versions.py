"""Numbered, immutable versions, as dynamic behavior sets and simulation scenarios keep them.

Both resources number versions 1, 2, 3... per owner, take an optional `version` query as an
optimistic check on create, and list versions with the same selectors (`3`, `latest`, `2-5`,
`1-latest`), sort keys and pagination; only the table and the answer's key differ.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from amigo_sandbox.errors import ApiError
from amigo_sandbox.handlers.base import Call, Reply
from amigo_sandbox.listing import paginate, sort_items, version_range


@dataclass(frozen=True)
class VersionTable:
    table: str  # e.g. behavior_set_versions (a constant of ours, never user input)
    owner_column: str  # e.g. set_id
    owner_noun: str  # for messages: "set", "scenario"
    list_key: str  # the list's key in the answer, e.g. dynamic_behavior_set_versions

    def latest(self, conn: sqlite3.Connection, owner_id: str) -> int:
        row = conn.execute(
            f"SELECT COALESCE(MAX(version), 0) AS latest FROM {self.table} "
            f"WHERE {self.owner_column} = ?",
            (owner_id,),
        ).fetchone()
        return int(row["latest"])

    def next_number(self, conn: sqlite3.Connection, owner_id: str, asked: int | None) -> int:
        """The number the new version gets; 400 when `asked` (the optimistic check) differs."""
        expected = self.latest(conn, owner_id) + 1
        if asked is not None and asked != expected:
            raise ApiError(
                400,
                f"Version {asked} is not the expected next version {expected} of this "
                f"{self.owner_noun}.",
                error_code="version_mismatch",
            )
        return expected

    def list_page(
        self, call: Call, owner_id: str, to_json: Callable[[sqlite3.Row], dict[str, Any]]
    ) -> Reply:
        """One page of the versions the `version` selector picks, sorted as asked."""
        low, high = version_range(call.query("version"), self.latest(call.conn, owner_id))
        rows = call.conn.execute(
            f"SELECT * FROM {self.table} WHERE {self.owner_column} = ? "
            "AND version BETWEEN ? AND ? ORDER BY version",
            (owner_id, low, high),
        )
        versions = sort_items([to_json(r) for r in rows], call.query("sort_by"), lambda v, f: v[f])
        page = paginate(versions, call.query("limit", 10), call.query("continuation_token", 0))
        return Reply(
            200,
            page.body(self.list_key),
        )
