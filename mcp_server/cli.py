"""`amigo-mcp`: serve the tools (stdio or HTTP), list them, or call one from a shell."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from amigo_client.config import REGIONS

from mcp_server.settings import Settings, SettingsError
from mcp_server.state import StateStoreError

if TYPE_CHECKING:
    from mcp.server import Server

    from mcp_server.audit import Decision
    from mcp_server.catalog import Catalog
    from mcp_server.invoke import ToolOutcome
    from mcp_server.policy import ToolPolicy
    from mcp_server.runtime import Runtime

COMMANDS = ("serve", "tools", "call")

EPILOG = """\
Amigo credentials come from the environment, as in Amigo's own SDKs:
  AMIGO_API_KEY, AMIGO_API_KEY_ID, AMIGO_USER_ID   sign in with an API key (tokens renewed)
  AMIGO_BEARER_TOKEN                               or use a ready bearer token
  AMIGO_ORGANIZATION_ID                            the organization (needed with either)
  AMIGO_BASE_URL or AMIGO_REGION                   where the API is (default https://api.amigo.ai)
With none of them set, amigo-mcp runs on the embedded sandbox: a local Amigo-compatible API
with demo data, on a free loopback port.

examples:
  amigo-mcp                                   serve on stdio (what MCP clients launch)
  amigo-mcp serve --transport http --port 8000
  amigo-mcp tools
  amigo-mcp call list_dynamic_behavior_sets '{"limit": 5}'
"""


def _connection_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("Amigo connection (flags override the environment)")
    group.add_argument("--base-url", help="API base URL (AMIGO_BASE_URL)")
    group.add_argument("--region", choices=sorted(REGIONS), help="regional API host (AMIGO_REGION)")
    group.add_argument("--organization", help="organization ID (AMIGO_ORGANIZATION_ID)")
    group.add_argument("--api-key-id", help="API key ID (AMIGO_API_KEY_ID)")
    group.add_argument("--user-id", help="user to sign in as (AMIGO_USER_ID)")
    group.add_argument(
        "--mongo-cluster-name",
        help="dedicated cluster name, rarely needed (AMIGO_MONGO_CLUSTER_NAME)",
    )
    group.add_argument("--timeout", type=float, help="seconds per HTTP request (AMIGO_TIMEOUT, 30)")
    group.add_argument(
        "--sandbox",
        action="store_true",
        help="use the embedded sandbox even when credentials are set",
    )
    group.add_argument(
        "--sandbox-db",
        default=":memory:",
        metavar="PATH",
        help="SQLite file for the embedded sandbox's data (default: in memory, fresh each start)",
    )
    group.add_argument(
        "--state-url",
        metavar="URL",
        help="Redis (redis://[:password@]host:port/db) holding what several replicas share: rate "
        "windows, the server's own token, stateful HTTP sessions (AMIGO_MCP_STATE_URL; default: "
        "kept in the process)",
    )
    group.add_argument(
        "--retry-budget",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="total time one tool call may spend on retries and rate-limit waits (default 60)",
    )
    group.add_argument(
        "--audit-log",
        metavar="PATH",
        help="append one JSON line per call of a tool that writes to PATH, or '-' for stderr "
        "(AMIGO_MCP_AUDIT_LOG; off by default)",
    )
    group.add_argument(
        "--otel",
        action="store_true",
        help="export OpenTelemetry traces over OTLP, configured by the OTEL_* variables; needs "
        "amigo-mcp[otel] (AMIGO_MCP_OTEL=1; on too when OTEL_EXPORTER_OTLP_ENDPOINT is set)",
    )
    group.add_argument(
        "--log-level",
        default=None,
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        help="stderr log level (AMIGO_MCP_LOG_LEVEL, default WARNING); secrets are never logged",
    )


def _policy_options(parser: argparse.ArgumentParser, catalog: Catalog) -> None:
    group = parser.add_argument_group("which tools are offered (set by the operator)")
    group.add_argument(
        "--read-only",
        action="store_true",
        help="offer only tools that read (AMIGO_MCP_READ_ONLY=1)",
    )
    group.add_argument("--tools", metavar="A,B", help="offer only these tools (AMIGO_MCP_TOOLS)")
    group.add_argument(
        "--exclude-tools", metavar="C,D", help="never offer these tools (AMIGO_MCP_EXCLUDE_TOOLS)"
    )
    group.add_argument(
        "--toolsets",
        metavar="SETS",
        help=f"offer only these areas: {', '.join(catalog.toolsets)} (AMIGO_MCP_TOOLSETS)",
    )
    group.add_argument(
        "--skip-confirmation",
        action="store_true",
        help="run destructive tools without asking the user first "
        "(AMIGO_MCP_SKIP_CONFIRMATION=1); by default they ask through MCP elicitation",
    )
    group.add_argument(
        "--skip-live-confirmation",
        action="store_true",
        help="create new versions of active dynamic behavior sets without asking the user first "
        "(AMIGO_MCP_SKIP_LIVE_CONFIRMATION=1); by default they ask, since live agents change",
    )


def build_parser() -> argparse.ArgumentParser:
    from mcp_server.catalog import load_catalog

    catalog = load_catalog()
    areas = ", ".join(area.title.lower() for area in catalog.areas)
    parser = argparse.ArgumentParser(
        prog="amigo-mcp",
        description=f"MCP server for the Amigo API: {areas}.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="{serve,tools,call}")

    serve = commands.add_parser("serve", help="serve the tools over MCP (the default command)")
    _connection_options(serve)
    _policy_options(serve, catalog)
    http = serve.add_argument_group("transport")
    http.add_argument("--transport", choices=("stdio", "http"), default="stdio")
    http.add_argument("--host", default="127.0.0.1", help="HTTP bind address (default 127.0.0.1)")
    http.add_argument(
        "--port", type=int, default=8000, help="HTTP port (default 8000; 0 picks a free one)"
    )
    http.add_argument(
        "--stateless", action="store_true", help="HTTP: no sessions; each request stands alone"
    )
    http.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="HOST[:PORT]",
        help="HTTP: a further Host header value to accept (DNS-rebinding protection stays on)",
    )
    http.add_argument(
        "--multi-user",
        action="store_true",
        help="HTTP: use the Amigo bearer token a request carries in X-Amigo-Token, for that "
        "request only (hosted mode); requests without one use the configured credentials",
    )
    http.add_argument(
        "--replica-url",
        metavar="URL",
        help="HTTP with --state-url: this replica's MCP endpoint as the other replicas reach it, "
        "to pass on requests of the sessions it holds (AMIGO_MCP_REPLICA_URL; default "
        "http://HOST:PORT/mcp, with the machine's host name when bound to all addresses)",
    )

    tools = commands.add_parser("tools", help="list the tools")
    _policy_options(tools, catalog)
    tools.add_argument("--json", action="store_true", help="print the exact tools/list result")

    call = commands.add_parser("call", help="call one tool and print its result")
    _connection_options(call)
    _policy_options(call, catalog)
    call.add_argument(
        "--yes", action="store_true", help="confirm a destructive tool without a prompt"
    )
    call.add_argument("tool", help="tool name, e.g. list_dynamic_behavior_sets")
    call.add_argument("arguments", nargs="?", default="{}", help="JSON object of arguments")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.load(
        base_url=args.base_url,
        region=args.region,
        organization_id=args.organization,
        api_key_id=args.api_key_id,
        user_id=args.user_id,
        mongo_cluster_name=args.mongo_cluster_name,
        timeout_s=args.timeout,
        sandbox=args.sandbox,
        multi_user=getattr(args, "multi_user", False),
        state_url=args.state_url,
    )


def _policy(args: argparse.Namespace, catalog: Catalog) -> ToolPolicy:
    from mcp_server.policy import ToolPolicy

    return ToolPolicy.load(
        catalog,
        read_only=args.read_only,
        tools=args.tools,
        exclude_tools=args.exclude_tools,
        toolsets=args.toolsets,
        skip_confirmation=args.skip_confirmation,
        skip_live_confirmation=args.skip_live_confirmation,
    )


def _runtime(args: argparse.Namespace, catalog: Catalog, settings: Settings) -> Runtime:
    from amigo_client.retries import RetryPolicy

    from mcp_server.runtime import Runtime, configure_logging, say
    from mcp_server.telemetry import start_tracing, tracing_mode

    if not 0 < args.retry_budget <= 3600:
        raise SettingsError("--retry-budget must be between 0 and 3600 seconds")
    mode = tracing_mode(args.otel)
    tracing = mode != "off"
    if tracing:
        try:
            start_tracing()
        except SettingsError:
            if mode == "required":
                raise
            say("an OTLP endpoint is set but amigo-mcp[otel] is not installed: no traces")
            tracing = False
    runtime = Runtime(
        catalog,
        settings,
        sandbox_db=args.sandbox_db,
        retry=RetryPolicy(budget_s=args.retry_budget),
        audit_log=args.audit_log or os.environ.get("AMIGO_MCP_AUDIT_LOG") or None,
        tracing=tracing,
    )
    level = args.log_level or os.environ.get("AMIGO_MCP_LOG_LEVEL", "WARNING")
    if level.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise SettingsError(f"AMIGO_MCP_LOG_LEVEL {level!r} is not DEBUG, INFO, WARNING or ERROR")
    configure_logging(level, runtime.scrub)
    return runtime


def _fail(message: str, code: int = 2) -> int:
    print(f"amigo-mcp: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        argv.insert(0, "serve")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "tools":
            return _tools(args)
        settings = _settings(args)
        if args.command == "call":
            return _call(args, settings)
        return _serve(args, settings)
    except SettingsError as exc:
        return _fail(str(exc))
    except StateStoreError as exc:
        return _fail(str(exc), code=1)
    except KeyboardInterrupt:
        return 130


def _tools(args: argparse.Namespace) -> int:
    from mcp_server.catalog import load_catalog

    catalog = load_catalog()
    offered = _policy(args, catalog).offered(catalog)
    if args.json:
        from mcp_server.server import mcp_tool

        listing = [
            mcp_tool(tool).model_dump(by_alias=True, mode="json", exclude_none=True)
            for tool in offered
        ]
        print(json.dumps({"tools": listing}, indent=2, ensure_ascii=False))
        return 0
    if not offered:
        return _fail("no tool is left after --read-only, --tools, --exclude-tools, --toolsets")
    width = max(len(tool.name) for tool in offered)
    for tool in offered:
        kind = "read-only" if tool.read_only else "destructive" if tool.destructive else "write"
        print(f"{tool.name:<{width}}  {kind:<11}  {tool.title}")
    return 0


def _call(args: argparse.Namespace, settings: Settings) -> int:
    import anyio

    from mcp_server.catalog import load_catalog
    from mcp_server.confirm import question

    catalog = load_catalog()
    policy = _policy(args, catalog)
    tool = catalog.get(args.tool)
    if tool is None:
        return _fail(
            f"no tool named {args.tool!r}; `amigo-mcp tools` lists them: "
            + ", ".join(t.name for t in catalog.tools)
        )
    refusal = policy.refusal(tool)
    if refusal is not None:
        return _fail(f"{tool.name} is not available: {refusal}")
    try:
        arguments: Any = json.loads(args.arguments)
    except ValueError as exc:
        return _fail(f"the arguments are not valid JSON ({exc}); pass one JSON object")
    if not isinstance(arguments, dict):
        return _fail("the arguments must be one JSON object, e.g. '{\"limit\": 5}'")
    rule = "never" if args.yes else policy.confirmation(tool)
    runtime = _runtime(args, catalog, settings)
    started = runtime.clock.monotonic()
    # --yes is the person's answer, given with the command.
    asked = args.yes and policy.needs_confirmation(tool)
    decision: Decision = "accepted" if asked else policy.unasked(tool)
    cannot_ask = (
        f"{tool.name} changes or deletes data: add --yes to confirm, or run it from a terminal "
        "to be asked; nothing was sent"
    )

    def refuse(why: Decision, message: str, outcome: ToolOutcome | None = None) -> int:
        runtime.audit_call(tool, arguments, None, why, outcome, started)
        return _fail(message, code=2 if why == "refused-unavailable" else 1)

    if rule == "always" and not sys.stdin.isatty():
        return refuse("refused-unavailable", cannot_ask)

    async def run() -> int:
        nonlocal decision
        try:
            await runtime.open_state()
            invoker = await runtime.invoker()
            outcome = None
            if rule != "never":
                # The same question an MCP client shows its user: what changes, before -> after.
                refused = invoker.refusal(tool, arguments)
                if refused is not None:
                    return refuse("not-asked", refused.text, refused)
                plan = await question(catalog, tool, arguments, invoker.call)
                outcome = plan.done
                if plan.question is not None:
                    if not sys.stdin.isatty():
                        return refuse("refused-unavailable", cannot_ask)
                    # The question goes to stderr: stdout carries only the result.
                    prompt = runtime.scrub(f"{plan.question}\nAllow this call? [y/N] ")
                    print(prompt, end="", file=sys.stderr, flush=True)
                    answer = await anyio.to_thread.run_sync(sys.stdin.readline)
                    if answer.strip().lower() not in ("y", "yes"):
                        return refuse("declined", "not confirmed; nothing was sent")
                    decision = "accepted"
            if outcome is None:
                outcome = await invoker.call(tool, arguments)
            runtime.audit_call(tool, arguments, None, decision, outcome, started)
        finally:
            await runtime.aclose()
        if outcome.structured is not None:
            print(json.dumps(outcome.structured, indent=2, ensure_ascii=False))
            if outcome.text.startswith("Note:"):
                print(outcome.text.splitlines()[0], file=sys.stderr)
        else:
            print(outcome.text, file=sys.stderr if outcome.is_error else sys.stdout)
        return 1 if outcome.is_error else 0

    return anyio.run(run)


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import anyio

    from mcp_server.catalog import load_catalog
    from mcp_server.runtime import say
    from mcp_server.server import build_server
    from mcp_server.state import request_state_key

    if args.multi_user and args.transport != "http":
        raise SettingsError("--multi-user takes each HTTP request's token; add --transport http")
    catalog = load_catalog()
    policy = _policy(args, catalog)
    runtime = _runtime(args, catalog, settings)

    async def serving_server() -> Server[Any]:
        """The MCP server, once the shared state store (if any) answers."""
        store = await runtime.open_state()
        key = await request_state_key(store) if store.shared else None
        return build_server(
            catalog, runtime, policy, multi_user=args.multi_user, request_state_key=key
        )

    if settings.auth_mode == "sandbox":
        say(
            "no Amigo credentials set (AMIGO_API_KEY / AMIGO_BEARER_TOKEN): using the embedded "
            "sandbox with demo data; it starts on the first tool call."
        )
    elif settings.auth_mode == "per_request":
        say(
            f"hosted multi-user mode for organization {settings.organization_id} at "
            f"{settings.shown_base_url}: every request must carry its user's X-Amigo-Token"
        )
    else:
        say(
            f"serving {len(catalog.tools)} tools for organization {settings.organization_id} "
            f"at {settings.shown_base_url}"
        )

    if args.transport == "http":
        import socket

        import uvicorn

        from mcp_server.http_app import build_http_app

        family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
        try:
            sock = socket.create_server((args.host, args.port), family=family)
        except OSError as exc:
            raise SettingsError(f"cannot listen on {args.host}:{args.port}: {exc}") from None
        port = sock.getsockname()[1]
        shown = f"[{args.host}]" if ":" in args.host else args.host

        async def http() -> None:
            try:
                server = await serving_server()
                store = runtime.store
                app = build_http_app(
                    server,
                    host=args.host,
                    access_token=os.environ.get("AMIGO_MCP_HTTP_TOKEN") or None,
                    allowed_hosts=args.allowed_host,
                    stateless=args.stateless,
                    sessions=(store, _replica_url(args, port)) if store.shared else None,
                )
                # Printed once the socket listens and the app is ready: a client may connect as
                # soon as it reads this line.
                say(f"MCP endpoint at http://{shown}:{port}/mcp")
                config = uvicorn.Config(app, log_level="warning")
                await uvicorn.Server(config).serve(sockets=[sock])
            finally:
                # On the loop that made it: the shared client's connections belong to it.
                await runtime.aclose()

        anyio.run(http)
        return 0

    async def stdio() -> None:
        from mcp.server.stdio import stdio_server

        try:
            server = await serving_server()
            async with stdio_server() as (read, write):
                await server.run(read, write, server.create_initialization_options())
        finally:
            await runtime.aclose()

    anyio.run(stdio)
    return 0


def _replica_url(args: argparse.Namespace, port: int) -> str:
    """This replica's MCP endpoint as the other replicas reach it."""
    given = args.replica_url or os.environ.get("AMIGO_MCP_REPLICA_URL")
    if given:
        return str(given)
    import socket

    host = socket.gethostname() if args.host in ("0.0.0.0", "::", "") else args.host
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/mcp"


if __name__ == "__main__":
    sys.exit(main())
