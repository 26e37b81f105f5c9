"""`amigo-sandbox`: run a local Amigo-compatible API."""

from __future__ import annotations

import argparse
import shlex
import signal
import sys
from collections.abc import Sequence
from types import FrameType

from amigo_sandbox.store import MEMORY, default_database_path


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="amigo-sandbox",
        description="A local Amigo-compatible API (SQLite) for development, demos and tests.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=8787, help="port (default 8787; 0 picks a free one)"
    )
    parser.add_argument(
        "--db",
        default=None,
        help=f"SQLite file, or {MEMORY} (default: {default_database_path()})",
    )
    parser.add_argument(
        "--seed-demo",
        action="store_true",
        help="seed the demo organization with sample data (once)",
    )
    parser.add_argument(
        "--no-rate-limits", action="store_true", help="do not enforce the per-minute rate limits"
    )
    parser.add_argument(
        "--token-lifetime",
        type=float,
        default=3600.0,
        metavar="SECONDS",
        help="lifetime of bearer tokens issued by sign-in (default 3600)",
    )
    parser.add_argument(
        "--print-env",
        action="store_true",
        help="print the demo credentials for a sandbox at --host and --port as shell 'export' "
        'lines, and exit without serving: eval "$(amigo-sandbox --print-env)"',
    )
    parser.add_argument(
        "--log-level",
        default="info",
        type=str.lower,
        choices=["critical", "error", "warning", "info", "debug"],
        help="server log level, in any case (default info)",
    )
    return parser.parse_args(argv)


def demo_env(base_url: str) -> dict[str, str]:
    """The `AMIGO_*` variables that point a client or the MCP server at the demo organization of
    the sandbox at `base_url`."""
    from amigo_sandbox.demo import DEMO_API_KEY, DEMO_API_KEY_ID, DEMO_ORGANIZATION, DEMO_USER_ID

    return {
        "AMIGO_BASE_URL": base_url,
        "AMIGO_ORGANIZATION_ID": DEMO_ORGANIZATION,
        "AMIGO_API_KEY_ID": DEMO_API_KEY_ID,
        "AMIGO_API_KEY": DEMO_API_KEY,
        "AMIGO_USER_ID": DEMO_USER_ID,
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.token_lifetime <= 0:
        print("amigo-sandbox: --token-lifetime must be positive", file=sys.stderr)
        return 2
    if args.print_env:
        if args.port == 0:
            print(
                "amigo-sandbox: --print-env needs the port the sandbox listens on (not 0)",
                file=sys.stderr,
            )
            return 2
        from amigo_sandbox.server import base_url

        for name, value in demo_env(base_url(args.host, args.port)).items():
            print(f"export {name}={shlex.quote(value)}")
        return 0
    # The server's modules (slow to import) load once the arguments are known good:
    # `--help` and a refused argument answer at once.
    import uvicorn

    from amigo_sandbox.demo import DEMO_VIEWER_USER_ID
    from amigo_sandbox.pipeline import Sandbox
    from amigo_sandbox.server import base_url_of, bind_socket, uvicorn_config
    from amigo_sandbox.settings import SandboxSettings

    db = args.db if args.db is not None else str(default_database_path())
    settings = SandboxSettings(
        db=db,
        seed_demo=args.seed_demo,
        rate_limits=not args.no_rate_limits,
        token_lifetime_s=args.token_lifetime,
    )
    try:
        sock = bind_socket(args.host, args.port)
    except OSError as exc:
        print(f"amigo-sandbox: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    sandbox = Sandbox(settings)
    url = base_url_of(sock)
    port = sock.getsockname()[1]
    lines = [
        f"Amigo sandbox listening on {url}",
        f"  database:        {db}" + (" (not persisted)" if db == MEMORY else ""),
        f"  demo data:       {'seeded' if args.seed_demo else 'not requested (use --seed-demo)'}",
        f"  rate limits:     {'off' if args.no_rate_limits else 'on'}",
        "Demo credentials (sandbox only):",
        *(f"  {name}={value}" for name, value in demo_env(url).items()),
        f"  read-only user:  {DEMO_VIEWER_USER_ID}",
        f'  to export them:  eval "$(amigo-sandbox --print-env --host {shlex.quote(args.host)} '
        f'--port {port})"',
        f"Admin API (loopback only): {url}/_sandbox/health",
    ]
    # Stopping is the expected way out, whenever the signal comes: before uvicorn listens for
    # it, and also in a shell's background job, which starts with SIGINT ignored. uvicorn shuts
    # down gracefully on SIGINT/SIGTERM, then raises the signal again, which lands here: exit 0
    # rather than die by signal.
    server = uvicorn.Server(uvicorn_config(sandbox, args.log_level, access_log=True))
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _stop_quietly)
    try:
        print("\n".join(lines), flush=True)
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.close()
    return 0


def _stop_quietly(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


if __name__ == "__main__":
    raise SystemExit(main())
