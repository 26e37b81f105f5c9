"""The README's examples work as written."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

from sandbox.demo import DEMO_BEHAVIOR_SET_IDS
from tests.mcp_helpers import REPO, clean_env


def readme_block(section: str, language: str) -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    body = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(rf"```{language}\n(.*?)```", body, re.DOTALL)
    assert match, f"no {language} block under '## {section}'"
    return match.group(1)


def test_the_client_example_runs_against_the_sandbox(sandbox: Any) -> None:
    done = subprocess.run(
        [sys.executable, "-c", readme_block("The Python client", "python")],
        env=clean_env(
            AMIGO_BASE_URL=sandbox.base_url,
            AMIGO_ORGANIZATION_ID=sandbox.organization,
            AMIGO_API_KEY=sandbox.api_key,
            AMIGO_API_KEY_ID=sandbox.api_key_id,
            AMIGO_USER_ID=sandbox.user_id,
        ),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"{DEMO_BEHAVIOR_SET_IDS['refunds']} Refund requests True" in done.stdout.splitlines()
