"""`amigo-mcp` processes for tests, forked from one that has already imported amigo-mcp.

A fresh `amigo-mcp` spends most of its start-up CPU importing the MCP SDK before it does anything,
and the suite starts dozens. So `command()` names a launcher instead: a bare interpreter (`-S -E`,
no site-packages, so it starts at once) running this file as `launch`, which hands its stdin,
stdout and stderr, its environment, working directory and arguments to the zygote, one process
per test process that has imported amigo-mcp once (`serve`). The zygote forks; the child becomes
`amigo-mcp <arguments>` with the launcher's file descriptors, environment, working directory and
SIGINT disposition, and runs `amigo_mcp.cli.main` as the console script does, to the
interpreter's normal exit (threads joined, atexit handlers run, buffers flushed). The launcher
passes on the signals tests send (TERM, INT, HUP, QUIT, USR1) and exits as the child did (its
code, or the same signal), so a test sees an ordinary process. If the launcher dies (SIGKILL),
the zygote kills the child.

Only the interpreter's start is skipped: tests of start-up itself (the built wheel, the MCP
bundle) launch the installed entry point.

Only the standard library is imported at the top: `launch` runs without site-packages.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import io
import json
import os
import selectors
import signal
import socket
import struct
import subprocess
import sys
from typing import Any

# What `amigo-mcp` imports on its way to serving or calling a tool: imported once, in the zygote.
PRELOAD = (
    "amigo_mcp.cli",
    "amigo_mcp.server",
    "amigo_mcp.runtime",
    "amigo_mcp.http_app",
    "amigo_mcp.state",
    "amigo_mcp.confirm",
    "amigo_mcp.policy",
    "amigo_client.retries",
    "mcp.server.stdio",
    "uvicorn",
)
FORWARDED = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1)
HEADER = struct.Struct("!I")
INSTALLED = os.path.join(os.path.dirname(sys.executable), "amigo-mcp")
STD_FDS = (0, 1, 2)


# --- the test process's side -------------------------------------------------------------------

_zygote: tuple[subprocess.Popen[bytes], str] | None = None


def command() -> list[str]:
    """The launcher command (`amigo-mcp`'s arguments follow); starts this process's zygote once.

    Elsewhere than on Linux (the zygote listens in Linux's abstract socket namespace), the
    installed entry point itself.
    """
    global _zygote
    if not sys.platform.startswith("linux"):
        return [INSTALLED]
    if _zygote is None or _zygote[0].poll() is not None:
        name = f"amigo-zygote-{os.getpid()}-{os.urandom(6).hex()}"
        zygote = subprocess.Popen(
            [sys.executable, __file__, "serve", name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert zygote.stdout is not None
        if zygote.stdout.readline() != b"ready\n":
            raise RuntimeError(f"the amigo-mcp zygote did not start (exit {zygote.wait()})")
        atexit.register(_stop, zygote)
        _zygote = (zygote, name)
    return [sys.executable, "-S", "-E", __file__, "launch", _zygote[1]]


def pid() -> int:
    """The pid of this process's zygote (started by `command()`)."""
    assert _zygote is not None, "no zygote yet: call command() first"
    return _zygote[0].pid


def _stop(zygote: subprocess.Popen[bytes]) -> None:
    """Closing its stdin (or this process's end) stops the zygote and all it still runs."""
    assert zygote.stdin is not None
    zygote.stdin.close()
    zygote.wait(timeout=30)


def _address(name: str) -> str:
    """A socket in Linux's abstract namespace: nothing on disk to clean up."""
    return "\0" + name


# --- the launcher ------------------------------------------------------------------------------


def launch(name: str, arguments: list[str]) -> None:
    """Be `amigo-mcp <arguments>`: have the zygote fork it, pass on signals, exit as it exits."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.connect(_address(name))
    request = json.dumps(
        {
            "argv": arguments,
            "env": dict(os.environ),
            "cwd": os.getcwd(),
            "sigint_ignored": signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
        }
    ).encode()
    socket.send_fds(connection, [HEADER.pack(len(request))], list(STD_FDS))
    connection.sendall(request)
    # Signals that come before the child exists are passed on as soon as it does.
    pending: list[int] = []
    child = 0

    def forward(signum: int, frame: object) -> None:
        if not child:
            pending.append(signum)
            return
        # It may have just exited: its status is then on the way.
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signum)

    for signum in FORWARDED:
        signal.signal(signum, forward)
    answers = connection.makefile("r")
    child = int(answers.readline() or 0)
    for early in pending:
        forward(early, None)
    status = answers.readline()  # the child's exit status, as Popen's returncode has it
    if not status:
        os.write(2, b"amigo-mcp (test launcher): the zygote went away\n")
        os._exit(1)
    code = int(status)
    if code < 0:  # killed by signal -code: die the same way
        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
    os._exit(code)


# --- the zygote --------------------------------------------------------------------------------


class Request:
    """What one launcher asked for, received with its stdin, stdout and stderr."""

    def __init__(self, connection: socket.socket) -> None:
        connection.settimeout(30)
        header, fds, _, _ = socket.recv_fds(connection, HEADER.size, len(STD_FDS))
        (size,) = HEADER.unpack(header)
        data = b""
        while len(data) < size:
            chunk = connection.recv(size - len(data))
            if not chunk:
                raise ConnectionError("the launcher went away")
            data += chunk
        body: dict[str, Any] = json.loads(data)
        self.connection = connection
        self.fds = fds
        self.argv: list[str] = body["argv"]
        self.env: dict[str, str] = body["env"]
        self.cwd: str = body["cwd"]
        self.sigint_ignored: bool = body["sigint_ignored"]

    def become(self) -> None:
        """In the forked child: take the launcher's place and run `amigo-mcp` to its exit."""
        self.connection.close()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(
            signal.SIGINT, signal.SIG_IGN if self.sigint_ignored else signal.default_int_handler
        )
        for target, fd in zip(STD_FDS, self.fds, strict=True):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(self.cwd)
        os.environ.clear()
        os.environ.update(self.env)
        sys.argv = [INSTALLED, *self.argv]
        sys.path[0] = os.path.dirname(INSTALLED)
        _fresh_stdio(unbuffered=bool(self.env.get("PYTHONUNBUFFERED")))

        from amigo_mcp.cli import main

        sys.exit(main())


def _fresh_stdio(*, unbuffered: bool) -> None:
    """sys.stdin/stdout/stderr as a new interpreter makes them for what fds 0-2 now are."""
    encoding, errors = sys.stdout.encoding, sys.stdout.errors or "strict"

    def writer(fd: int, errors: str, *, line: bool) -> io.TextIOWrapper:
        binary = open(fd, "wb", buffering=0 if unbuffered else -1, closefd=False)  # noqa: SIM115
        return io.TextIOWrapper(
            binary, encoding, errors, "\n", line_buffering=line, write_through=unbuffered
        )

    reader = open(0, "rb", closefd=False)  # noqa: SIM115
    sys.stdin = io.TextIOWrapper(reader, encoding, errors, "\n")
    sys.stdout = writer(1, errors, line=os.isatty(1))
    sys.stderr = writer(2, "backslashreplace", line=True)


def _read_what_every_start_reads() -> None:
    """Fill the caches that every `amigo-mcp` start fills the same way: the shipped spec (read
    by the embedded sandbox; cached per file version) and the TLS settings."""
    from amigo_client.transport import tls_context

    from amigo_sandbox.spec import Spec

    Spec.load()
    tls_context()


def serve(name: str) -> Request:
    """Fork a child per launcher until stdin closes; returns only in a child, its request."""
    for module in PRELOAD:
        __import__(module)
    _read_what_every_start_reads()
    # Out of the collector's sight, what was loaded so far is neither walked by a child's
    # collections nor written to (copied) by them, nor torn down object by object at its exit,
    # where tearing it down would cost a child far more CPU than the rest of its exit.
    gc.freeze()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(_address(name))
    listener.listen(64)
    wake_read, wake_write = socket.socketpair()
    wake_write.setblocking(False)
    signal.set_wakeup_fd(wake_write.fileno())
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    children: dict[int, socket.socket] = {}  # child pid -> its launcher's connection
    selector = selectors.DefaultSelector()
    selector.register(sys.stdin, selectors.EVENT_READ, "stop")
    selector.register(listener, selectors.EVENT_READ, "launch")
    selector.register(wake_read, selectors.EVENT_READ, "exited")
    print("ready", flush=True)
    while True:
        for key, _ in selector.select():
            if key.data == "stop":
                for pid in children:
                    _kill(pid)
                sys.exit(0)
            if key.data == "exited":
                wake_read.recv(4096)
                _report_exits(children, selector)
            elif key.data == "launch":
                connection, _ = listener.accept()
                try:
                    request = Request(connection)
                except (OSError, ValueError):
                    connection.close()
                    continue
                pid = os.fork()
                if pid == 0:
                    signal.set_wakeup_fd(-1)
                    for other in children.values():
                        other.close()
                    for owned in (listener, wake_read, wake_write):
                        owned.close()
                    selector.close()
                    return request
                for fd in request.fds:
                    os.close(fd)
                connection.setblocking(True)
                connection.sendall(f"{pid}\n".encode())
                children[pid] = connection
                selector.register(connection, selectors.EVENT_READ, pid)
            elif key.data in children:  # a launcher's connection closes: the launcher died
                selector.unregister(key.fileobj)
                _kill(key.data)


def _report_exits(children: dict[int, socket.socket], selector: selectors.BaseSelector) -> None:
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        connection = children.pop(pid)
        with contextlib.suppress(KeyError):
            selector.unregister(connection)
        with contextlib.suppress(OSError):
            connection.sendall(f"{os.waitstatus_to_exitcode(status)}\n".encode())
        connection.close()


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)


if __name__ == "__main__":
    if sys.argv[1] == "launch":
        launch(sys.argv[2], sys.argv[3:])
    else:
        serve(sys.argv[2]).become()
