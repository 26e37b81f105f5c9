"""`amigo-mcp call` asks a person at a terminal the same question an MCP client shows its user:
the object by name and what the call does to it. Run as a user would: the installed command,
its embedded sandbox, stdin a real terminal (a pseudo-terminal) answered with y or n.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from amigo_sandbox.demo import DEMO_BEHAVIOR_SET_IDS
from testing.mcp_helpers import call_at_a_terminal, run_amigo_mcp

pytestmark = pytest.mark.slow

REFUNDS = DEMO_BEHAVIOR_SET_IDS["refunds"]


def test_a_declined_delete_names_the_set_and_sends_nothing() -> None:
    done = call_at_a_terminal(
        "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": REFUNDS}, "n"
    )
    assert done.returncode == 1, done.stderr
    asked = done.stderr
    assert f'dynamic behavior set "Refund requests" (ID {REFUNDS})' in asked
    assert "What happens: Permanent (hard) delete, with all its versions" in asked
    assert "Allow this call? [y/N]" in asked
    assert "declined the call to delete_dynamic_behavior_set; nothing was sent" in asked
    assert done.stdout == ""


def test_an_update_shows_before_and_after_and_runs_when_accepted() -> None:
    done = call_at_a_terminal(
        "update_dynamic_behavior_set",
        {"dynamic_behavior_set_id": REFUNDS, "name": "Refunds and returns", "tags": {}},
        "y",
    )
    assert done.returncode == 0, done.stderr
    assert '- name: "Refund requests" → "Refunds and returns"' in done.stderr
    assert "→ {} (emptied)" in done.stderr
    assert json.loads(done.stdout) == {"ok": True, "dynamic_behavior_set_id": REFUNDS}


def test_without_a_terminal_a_write_that_asks_is_refused_before_anything_starts() -> None:
    done = run_amigo_mcp(
        "call",
        "delete_dynamic_behavior_set",
        json.dumps({"dynamic_behavior_set_id": REFUNDS}),
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert "add --yes to confirm" in done.stderr
    assert "embedded sandbox" not in done.stderr, "nothing was started"
