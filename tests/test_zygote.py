"""The test launcher of `amigo-mcp` (testing.zygote) behaves as the installed entry point does.

Most tests start `amigo-mcp` through `testing.mcp_helpers.amigo_mcp()`, a child forked from a
process that has already imported it. These tests hold it to the real thing, started from the
installed console script: the same output and exit status, the same signal dispositions, the same
death by signal; and a launcher killed outright takes its child with it.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from testing import zygote
from testing.mcp_helpers import REPO, amigo_mcp, clean_env, run_amigo_mcp

pytestmark = [
    pytest.mark.slow,  # it starts processes
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the zygote is Linux's"),
]

INSTALLED = [zygote.INSTALLED]


def run(command: list[str], *arguments: str) -> tuple[int, str, str]:
    done = run_amigo_mcp(*arguments, command=command, timeout=60)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["--help"],  # exit 0, stdout
        ["call", "no_such_tool", "{}"],  # exit 2, stderr
        ["call", "list_dynamic_behavior_sets", "[1]"],  # exit 1, stderr
        ["serve", "--transport", "carrier-pigeon"],  # argparse: exit 2, usage on stderr
    ],
)
def test_same_output_and_exit_status_as_the_installed_entry_point(arguments: list[str]) -> None:
    launched = run(amigo_mcp(), *arguments)
    assert launched == run(INSTALLED, *arguments)
    assert launched[1] or launched[2]


def sigint_ignored(pid: int) -> bool:
    """Whether the process ignores SIGINT, from its kernel status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("SigIgn:"):
            return bool(int(line.split()[1], 16) & (1 << (signal.SIGINT - 1)))
    raise AssertionError(f"no SigIgn line for {pid}")


def forked_child(launcher: subprocess.Popen[bytes]) -> int:
    """The pid of the amigo-mcp process behind a launcher: the zygote's newest child."""
    server = zygote.pid()
    children = Path(f"/proc/{server}/task/{server}/children").read_text().split()
    assert children, "the zygote runs no child"
    return int(children[-1])


@contextmanager
def serving(
    command: list[str], preexec: Callable[[], object] | None
) -> Iterator[subprocess.Popen[bytes]]:
    """`amigo-mcp serve` over stdio (which installs no signal handler), once it has started."""
    proc = subprocess.Popen(
        [*command, "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=clean_env(),
        cwd=REPO,
        preexec_fn=preexec,
    )
    assert proc.stderr is not None
    try:
        assert b"embedded sandbox" in proc.stderr.readline()
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


def test_an_ignored_sigint_stays_ignored_and_sigterm_ends_both_alike() -> None:
    """Started with SIGINT ignored, as a shell starts a background job; then SIGTERM. (Not
    ignoring it is what every other test that starts amigo-mcp does.)"""

    def ignore_sigint() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    outcomes = []
    for command in (INSTALLED, amigo_mcp()):
        with serving(command, ignore_sigint) as proc:
            pid = proc.pid if command is INSTALLED else forked_child(proc)
            disposition = sigint_ignored(pid)
            proc.terminate()
            proc.wait(timeout=30)
            outcomes.append((disposition, proc.returncode))
    assert outcomes[0] == outcomes[1] == (True, -signal.SIGTERM)


def test_a_killed_launcher_takes_its_child_along() -> None:
    with serving(amigo_mcp(), None) as launcher:
        child = os.pidfd_open(forked_child(launcher))
        try:
            launcher.kill()
            # A pidfd becomes readable when its process exits.
            exited, _, _ = select.select([child], [], [], 30)
        finally:
            os.close(child)
    assert exited, "the child outlived its launcher"
