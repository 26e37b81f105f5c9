"""The READMEs work as written: the client example against the sandbox, under `mypy --strict`
and in a fresh virtual environment that holds nothing but the client package; the hosted
command with a real HTTP client; the sandbox's credentials taken over by a real shell; and
every command of their shell blocks is one a checkout can run."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from amigo_sandbox.demo import DEMO_BEHAVIOR_SET_IDS
from amigo_sandbox.server import RunningSandbox
from amigo_sandbox.spec import load_yaml
from testing.mcp_helpers import INITIALIZE, MCP_HEADERS, REPO, clean_env, serving_http
from testing.sandbox_http import admin_client, http_client
from tests.sandbox_support import SANDBOX_EXECUTABLE, start_cli, stop_cli

READMES = ("README.md", "sandbox/README.md", "client_layer/README.md")


def readme_block(section: str, language: str) -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    body = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(rf"```{language}\n(.*?)```", body, re.DOTALL)
    assert match, f"no {language} block under '## {section}'"
    return match.group(1)


EXAMPLE = readme_block("The Python client", "python")


def sandbox_env(sandbox: RunningSandbox, **overrides: str) -> dict[str, str]:
    return clean_env(
        **{
            "AMIGO_BASE_URL": sandbox.base_url,
            "AMIGO_ORGANIZATION_ID": sandbox.organization,
            "AMIGO_API_KEY": sandbox.api_key,
            "AMIGO_API_KEY_ID": sandbox.api_key_id,
            "AMIGO_USER_ID": sandbox.user_id,
        }
        | overrides
    )


def run_example(
    python: str | Path, env: dict[str, str], cwd: Path = REPO
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), "-c", EXAMPLE],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def check_output(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert f"{DEMO_BEHAVIOR_SET_IDS['refunds']} Refund requests True" in lines
    # Every set, not only the first page's worth: the demo has five, seeded in order.
    assert len([line for line in lines if not line.startswith("not found:")]) >= 5
    assert any(line.startswith("not found: Dynamic behavior set") for line in lines), lines


@pytest.mark.slow
def test_the_client_example_runs_against_the_sandbox(sandbox: RunningSandbox) -> None:
    check_output(run_example(sys.executable, sandbox_env(sandbox)))


ASYNC_USE = """
import asyncio

from amigo_client import APIStatusError, AsyncAmigoClient, RateLimitError
from amigo_client.models import DynamicBehaviorSet


async def active_sets() -> list[DynamicBehaviorSet]:
    async with AsyncAmigoClient.from_env() as amigo:
        found = [s async for s in amigo.iter_dynamic_behavior_sets(is_active=True)]
        try:
            result = await amigo.search_simulation_scenarios(query="refund")
        except RateLimitError as error:
            wait: float | None = error.retry_after
            print(wait)
        except APIStatusError as error:
            code: int = error.status_code
            request: str | None = error.request_id
            print(code, request, error.detail)
        else:
            print([scenario.name for scenario in result.simulation_scenarios])
        return found


print(asyncio.run(active_sets()))
"""


SNIPPETS = {"readme_example.py": EXAMPLE, "readme_async_use.py": ASYNC_USE}


@pytest.fixture(scope="module")
def mypy_strict(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """What `mypy --strict` reports about each snippet, by file name ("" when nothing).

    One run checks both. Nearly all of its work is the analysis of what they import (the client,
    httpx, attrs, pydantic), which `uv run mypy` has done already (CI runs it before the tests):
    run from the repository, with the project's configuration (strict too) and cache, mypy loads
    those modules from the cache, which it checks against their sources, and analyses only the
    snippets. Each error line starts with the file it is about.
    """
    folder = tmp_path_factory.mktemp("snippets")
    paths = {name: folder / name for name in SNIPPETS}
    for name, text in SNIPPETS.items():
        paths[name].write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--config-file", "pyproject.toml"]
    command += ["--cache-dir", ".mypy_cache", *map(str, paths.values())]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False, cwd=REPO
    )
    output = done.stdout + done.stderr
    # 1 is "errors found"; anything else (a blocking error, a crash) is about no file alone.
    assert done.returncode in (0, 1), output
    found = {
        name: "".join(line for line in output.splitlines(True) if line.startswith(f"{path}:"))
        for name, path in paths.items()
    }
    assert (done.returncode == 1) == any(found.values()), output
    return found


@pytest.mark.slow
def test_the_client_example_passes_mypy_strict(mypy_strict: dict[str, str]) -> None:
    assert mypy_strict["readme_example.py"] == ""


@pytest.mark.slow
def test_async_use_passes_mypy_strict_without_casts(mypy_strict: dict[str, str]) -> None:
    assert mypy_strict["readme_async_use.py"] == ""


@pytest.mark.slow
def test_the_example_runs_with_only_the_client_installed(
    sandbox: RunningSandbox, tmp_path: Path
) -> None:
    """`pip install ./generated_client` in a fresh environment brings every dependency the
    client needs; a wrong key ends in the library's own authentication error."""
    uv = shutil.which("uv")
    if uv is None:
        pytest.fail("uv is needed to build a fresh virtual environment")
    venv = tmp_path / "venv"
    subprocess.run([uv, "venv", "--quiet", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    # From the package index, as a user's install would be: offline, uv resolves only from index
    # pages already in its cache, which a fresh machine's cache (filled by `uv sync` from the
    # lock file) does not hold.
    subprocess.run(
        [uv, "pip", "install", "--quiet", "--python", str(python),
         str(REPO / "generated_client")],
        check=True,
        timeout=300,
    )  # fmt: skip
    # Only the client and its declared dependencies: neither the server nor the sandbox.
    for absent in ("amigo_mcp.cli", "amigo_sandbox.cli", "mcp"):
        probe = subprocess.run([str(python), "-c", f"import {absent}"], cwd=tmp_path, check=False)
        assert probe.returncode != 0, f"{absent} is importable in the client-only environment"

    env = sandbox_env(sandbox)
    # Run outside the repository, so that nothing of it is importable from the working directory.
    check_output(run_example(python, env, cwd=tmp_path))

    wrong = run_example(python, env | {"AMIGO_API_KEY": "wrong-key-0123456789"}, cwd=tmp_path)
    assert wrong.returncode != 0
    last = wrong.stderr.strip().splitlines()[-1]
    assert last.startswith("amigo_client.exceptions.AuthenticationError: Signing in"), last
    assert "wrong-key-0123456789" not in wrong.stderr


# --- the shell blocks ----------------------------------------------------------------------------


def shell_commands(readme: str) -> list[str]:
    """Every command of the `sh` blocks of `readme` (continuation lines joined, comments cut)."""
    text = (REPO / readme).read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL):
        for line in block.replace("\\\n", " ").splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line and not line.startswith("#"):
                commands.append(line)
    return commands


# Programs a checkout has only in its virtual environment: from a shell, `uv run` reaches them.
PROJECT_PROGRAMS = {"amigo-mcp", "amigo-sandbox", "uvicorn", "pytest", "python", "mypy", "ruff"}


@pytest.mark.parametrize("readme", READMES)
def test_every_shell_command_runs_from_a_checkout(readme: str) -> None:
    """No command starts a program of the project's environment without `uv run` (as written,
    the shell answers `command not found`)."""
    commands = shell_commands(readme)
    assert commands, f"{readme} has no sh block"
    for command in commands:
        # Each simple command: after a pipe, `&&`, `;`, `&`, or inside `$(...)`.
        for part in re.split(r"\|\||&&|[|;&]|\$\(", command):
            words = [w.strip('"()') for w in part.split()]
            words = [w for w in words if w and not re.match(r"[A-Za-z_]\w*=", w)]
            if not words:
                continue
            program = words[0]
            assert program not in PROJECT_PROGRAMS and not program.startswith("scripts/"), (
                f"{readme}: `{command}` runs {program} without uv run"
            )


# Installing by name from PyPI, which works only once the packages are published there.
FROM_PYPI = re.compile(r"(uvx|pip install) '?(amigo-mcp|amigo-client)\b")


@pytest.mark.parametrize("readme", READMES)
def test_an_install_from_pypi_says_once_published(readme: str) -> None:
    """Each line (or the paragraph around it) that installs a package by name from PyPI says it
    works once published, so a reader takes the checkout's form meanwhile."""
    text = (REPO / readme).read_text(encoding="utf-8")
    for paragraph in re.split(r"\n\s*\n", text):
        for line in paragraph.splitlines():
            if FROM_PYPI.search(line):
                assert "once published" in (line if "```" in paragraph else paragraph), line


def test_the_sandbox_readme_shows_the_health_answer_without_a_stale_count(
    sandbox: RunningSandbox,
) -> None:
    """The number of operations is the spec's: the README names it, never a figure that drifts."""
    text = (REPO / "sandbox" / "README.md").read_text(encoding="utf-8")
    (row,) = [line for line in text.splitlines() if line.startswith("| `GET /_sandbox/health`")]
    shown = re.search(r"`(\{.*?\})`", row)
    assert shown and shown.group(1) == '{"status": "ok", "operations": N}', row
    with admin_client(sandbox.base_url) as admin:
        answer = admin.get("/health").json()
    paths = load_yaml(REPO / "openapi" / "amigo.yaml")["paths"]
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    operations = sum(len(methods & set(item)) for item in paths.values())
    assert answer == {"status": "ok", "operations": operations}


@pytest.mark.slow
def test_the_sandbox_credentials_are_taken_over_by_a_shell(tmp_path: Path) -> None:
    """The README's `eval "$(uv run amigo-sandbox --print-env)"`, run by bash against a sandbox
    started from the command line: the variables are the ones it prints, and they sign in."""
    (line,) = [c for c in shell_commands("sandbox/README.md") if "--print-env" in c]
    assert line == 'eval "$(uv run amigo-sandbox --print-env)"', line
    process, base_url, printed = start_cli(["--db", ":memory:", "--seed-demo"])
    try:
        port = base_url.rsplit(":", 1)[1]
        # The program from this environment (its bin folder first on PATH), on the port it got.
        script = line.replace(
            "uv run amigo-sandbox --print-env", f"amigo-sandbox --print-env --port {port}"
        )
        env = clean_env(PATH=f"{SANDBOX_EXECUTABLE.parent}{os.pathsep}{os.environ['PATH']}")
        done = subprocess.run(
            ["bash", "-c", f"{script} && env"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        exported = dict(
            row.split("=", 1) for row in done.stdout.splitlines() if row.startswith("AMIGO_")
        )
        assert exported == {k: v for k, v in printed.items() if k.startswith("AMIGO_")}
        check_output(run_example(sys.executable, clean_env(**exported)))
    finally:
        stop_cli(process)


@pytest.mark.slow
def test_the_hosted_command_accepts_its_host_name_with_and_without_a_port() -> None:
    """The README's hosted command, on a free port: a proxy on 443 sends the bare name, a direct
    client the name and port; a health check on the machine uses a loopback name; anything else
    is refused (DNS-rebinding protection)."""
    (command,) = [c for c in shell_commands("README.md") if "--multi-user" in c]
    words = shlex.split(command)
    program = words.index("amigo-mcp")
    assignments = dict(word.split("=", 1) for word in words[: words.index("uv")])
    assert words[program + 1 : program + 4] == ["serve", "--transport", "http"], command
    flags = words[program + 4 :]
    assert flags[:2] == ["--host", "0.0.0.0"] and "mcp.example.com" in flags, command
    token = assignments["AMIGO_MCP_HTTP_TOKEN"]
    with serving_http(clean_env(**assignments), *flags) as url:
        port = url.rsplit(":", 1)[1].split("/")[0]
        local = f"http://127.0.0.1:{port}/mcp"
        headers = MCP_HEADERS | {"Authorization": f"Bearer {token}"}

        def status(host: str, **extra: str) -> int:
            with http_client(timeout=30) as http:
                answer = http.post(local, json=INITIALIZE, headers=headers | {"Host": host} | extra)
            return answer.status_code

        for accepted in (
            "mcp.example.com",
            f"mcp.example.com:{port}",
            "mcp.example.com:443",
            f"127.0.0.1:{port}",
            f"localhost:{port}",
            "localhost",
            f"[::1]:{port}",
        ):
            assert status(accepted) == 200, accepted
        assert status("mcp.example.com", Origin="https://mcp.example.com") == 200
        for refused in ("evil.example", f"evil.example:{port}", "mcp.example.com.evil.example"):
            assert status(refused) == 421, refused
        assert status("mcp.example.com", Origin="https://evil.example") == 403
