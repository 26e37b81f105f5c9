"""`amigo-mcp`: serve the tools (stdio or HTTP), list them, or call one from a shell."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, get_args, get_origin

from amigo_client.exceptions import ConfigurationError

from amigo_mcp.settings import Settings
from amigo_mcp.state import StateStoreError

if TYPE_CHECKING:
    from amigo_client.clock import Clock
    from amigo_client.transport import Engine
    from mcp.server import Server

    from amigo_mcp.catalog import Catalog, ToolSpec
    from amigo_mcp.pipeline import Ending, Reply
    from amigo_mcp.policy import ToolPolicy
    from amigo_mcp.runtime import Runtime

COMMANDS = ("serve", "tools", "call")

EPILOG = """\
Amigo credentials come from the environment, as in Amigo's own SDKs:
  AMIGO_API_KEY, AMIGO_API_KEY_ID, AMIGO_USER_ID   sign in with an API key (tokens renewed)
  AMIGO_BEARER_TOKEN                               or use a ready bearer token
  AMIGO_ORGANIZATION_ID                            the organization (needed with either)
  AMIGO_BASE_URL or AMIGO_REGION                   where the API is (default https://api.amigo.ai)
  AMIGO_MCP_HTTP_TOKEN                             HTTP: the access token clients must send
Secrets are read from the environment only. Every flag below has the environment variable named
in its help; the flag wins. Booleans: 1/0, true/false, yes/no, on/off.
With none of them set, amigo-mcp runs on the embedded sandbox: a local Amigo-compatible API
with demo data, on a free loopback port.

examples:
  amigo-mcp                                   serve on stdio (what MCP clients launch)
  amigo-mcp serve --transport http --port 8000
  amigo-mcp tools
  amigo-mcp call list_dynamic_behavior_sets '{"limit": 5}'
"""


GROUPS: dict[str, str] = {
    "connection": "Amigo connection (flags override the environment)",
    "policy": "which tools are offered (set by the operator)",
    "transport": "transport",
}


def _add_flags(parser: argparse.ArgumentParser, group: str, catalog: Catalog) -> None:
    """One flag per setting of `group`, built from the settings model (see settings.py)."""
    options = parser.add_argument_group(GROUPS[group])
    for name, field in Settings.model_fields.items():
        flag = Settings.flag(name)
        if flag is None or flag.group != group:
            continue
        described = field.description or ""
        if name == "toolsets":
            described += f": {', '.join(catalog.toolsets)}"
        help = f"{described} ({Settings.variable(name)})"
        kwargs: dict[str, Any] = {"dest": name, "default": None, "help": help}
        if field.annotation is bool:
            kwargs["action"] = "store_true"
        else:
            kwargs["metavar"] = flag.metavar
            literal = get_origin(field.annotation) is Literal
            choices = get_args(field.annotation) if literal else flag.choices
            if choices:
                kwargs["choices"] = choices
                kwargs["type"] = _any_case(choices)
            if field.annotation in (int, float):
                kwargs["type"] = field.annotation
            if flag.repeat:
                kwargs["action"] = "append"
        options.add_argument(flag.name, **kwargs)


def _any_case(choices: Sequence[str]) -> Callable[[str], str]:
    """A flag's value as the choice it names, in any case (`--log-level info` or `INFO`);
    anything else is left for argparse to refuse."""
    by_folded = {choice.casefold(): choice for choice in choices}
    return lambda value: by_folded.get(value.casefold(), value)


def build_parser() -> argparse.ArgumentParser:
    from amigo_mcp.catalog import load_catalog

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
    for group in ("connection", "policy", "transport"):
        _add_flags(serve, group, catalog)

    tools = commands.add_parser("tools", help="list the tools")
    _add_flags(tools, "policy", catalog)
    tools.add_argument("--json", action="store_true", help="print the exact tools/list result")

    call = commands.add_parser("call", help="call one tool and print its result")
    _add_flags(call, "connection", catalog)
    _add_flags(call, "policy", catalog)
    call.add_argument(
        "--yes", action="store_true", help="confirm a destructive tool without a prompt"
    )
    call.add_argument("tool", help="tool name, e.g. list_dynamic_behavior_sets")
    call.add_argument("arguments", nargs="?", default="{}", help="JSON object of arguments")
    return parser


def _settings(args: argparse.Namespace, **values: Any) -> Settings:
    """The environment, with the flags given on the command line winning."""
    flags = {name: getattr(args, name, None) for name in Settings.model_fields}
    return Settings.from_env(**(flags | values))


def _policy(settings: Settings, catalog: Catalog) -> ToolPolicy:
    from amigo_mcp.policy import ToolPolicy

    return ToolPolicy.load(catalog, settings)


def _runtime(catalog: Catalog, settings: Settings, engine: Engine) -> Runtime:
    """`engine`: what the calls to Amigo are sent on (see `Runtime`)."""
    from amigo_client.retries import RetryPolicy

    from amigo_mcp.runtime import Runtime
    from amigo_mcp.stderr import configure_logging, say
    from amigo_mcp.telemetry import start_tracing, tracing_mode

    mode = tracing_mode(settings.otel)
    tracing = mode != "off"
    if tracing:
        try:
            start_tracing()
        except ConfigurationError:
            if mode == "required":
                raise
            say("an OTLP endpoint is set but amigo-mcp[otel] is not installed: no traces")
            tracing = False
    runtime = Runtime(
        catalog,
        settings,
        sandbox_db=settings.sandbox_db,
        retry=RetryPolicy(budget_s=settings.retry_budget),
        audit_log=settings.audit_log,
        tracing=tracing,
        engine=engine,
    )
    configure_logging(settings.log_level, runtime.scrub)
    return runtime


def _fail(message: str, code: int = 2) -> int:
    print(f"amigo-mcp: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None, clock: Clock | None = None) -> int:
    """`clock`: the time of the calls made (the real clock by default)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        argv.insert(0, "serve")
    args = build_parser().parse_args(argv)
    try:
        if args.command == "tools":
            # Listing connects nowhere: the connection settings are not checked.
            return _tools(args, _settings(args, sandbox=True))
        settings = _settings(args, clock=clock)
        if args.command == "call":
            return _call(args, settings)
        return _serve(settings)
    except ConfigurationError as exc:
        return _fail(str(exc))
    except StateStoreError as exc:
        return _fail(str(exc), code=1)
    except KeyboardInterrupt:
        return 130


def _tools(args: argparse.Namespace, settings: Settings) -> int:
    from amigo_mcp.catalog import load_catalog

    catalog = load_catalog()
    offered = _policy(settings, catalog).offered(catalog)
    if args.json:
        from amigo_mcp.server import mcp_tool

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


class TerminalAsker:
    """How `amigo-mcp call` asks: `--yes` given with the command, or a question at the
    terminal, on stderr (stdout carries only the result)."""

    def __init__(self, yes: bool) -> None:
        self.yes = yes

    def given(self) -> Reply | None:
        from amigo_mcp.pipeline import Reply

        return Reply("accepted") if self.yes else None

    def cannot_ask(self, tool: ToolSpec) -> str | None:
        if sys.stdin.isatty():
            return None
        return (
            f"{tool.name} changes or deletes data: add --yes to confirm, or run it from a "
            "terminal to be asked; nothing was sent"
        )

    async def ask(self, tool: ToolSpec, question: str, state: str) -> Reply | None:
        import anyio

        from amigo_mcp.pipeline import Reply

        print(f"{question}\nAllow this call? [y/N] ", end="", file=sys.stderr, flush=True)
        answer = await anyio.to_thread.run_sync(sys.stdin.readline)
        return Reply("accepted" if answer.strip().lower() in ("y", "yes") else "declined")


def _call(args: argparse.Namespace, settings: Settings) -> int:
    import anyio

    from amigo_mcp.catalog import load_catalog
    from amigo_mcp.pipeline import CallPipeline

    try:
        arguments: Any = json.loads(args.arguments)
    except ValueError as exc:
        return _fail(f"the arguments are not valid JSON ({exc}); pass one JSON object")
    if not isinstance(arguments, dict):
        return _fail("the arguments must be one JSON object, e.g. '{\"limit\": 5}'")
    catalog = load_catalog()
    runtime = _runtime(catalog, settings, "httpx")  # one call: the lighter import
    pipeline = CallPipeline(catalog, runtime, _policy(settings, catalog))

    async def run() -> Ending:
        try:
            await runtime.open_state()
            return await pipeline.run(args.tool, arguments, TerminalAsker(args.yes))
        finally:
            await runtime.aclose()

    ending = anyio.run(run)
    outcome = ending.outcome
    assert outcome is not None, "a terminal answers within the call"
    if ending.stopped is not None:
        return _fail(outcome.text)
    if outcome.structured is not None:
        print(json.dumps(outcome.structured, indent=2, ensure_ascii=False))
        if outcome.text.startswith("Note:"):
            print(outcome.text.splitlines()[0], file=sys.stderr)
    else:
        print(outcome.text, file=sys.stderr if outcome.is_error else sys.stdout)
    return 1 if outcome.is_error else 0


def _serve(settings: Settings) -> int:
    import anyio

    from amigo_mcp.catalog import load_catalog
    from amigo_mcp.server import build_server
    from amigo_mcp.state import shared_confirmation_key
    from amigo_mcp.stderr import say

    if settings.multi_user and settings.transport != "http":
        raise ConfigurationError(
            "--multi-user (AMIGO_MCP_MULTI_USER) takes each HTTP request's token; "
            "add --transport http"
        )
    catalog = load_catalog()
    policy = _policy(settings, catalog)
    runtime = _runtime(catalog, settings, "aiohttp")

    async def serving_server() -> Server[Any]:
        """The MCP server, once the shared state store (if any) answers."""
        store = await runtime.open_state()
        key = await shared_confirmation_key(store) if store.shared else None
        server = build_server(
            catalog, runtime, policy, multi_user=settings.multi_user, request_state_key=key
        )
        _started()
        return server

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

    if settings.transport == "http":
        import signal
        import socket

        import uvicorn

        from amigo_mcp.http_app import build_http_app

        host = settings.host
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:
            sock = socket.create_server((host, settings.port), family=family)
        except OSError as exc:
            raise ConfigurationError(f"cannot listen on {host}:{settings.port}: {exc}") from None
        port = sock.getsockname()[1]
        shown = f"[{host}]" if ":" in host else host

        async def http() -> None:
            try:
                server = await serving_server()
                store = runtime.store
                token = settings.http_token
                app = build_http_app(
                    server,
                    host=host,
                    access_token=token.get_secret_value() if token else None,
                    allowed_hosts=sorted(settings.allowed_hosts),
                    stateless=settings.stateless,
                    sessions=(store, _replica_url(settings, port)) if store.shared else None,
                )
                # Stopping is the expected way out, whenever SIGINT comes: before uvicorn
                # listens for it, and also in a shell's background job, which starts with SIGINT
                # ignored (an interrupt in between would otherwise be lost).
                signal.signal(signal.SIGINT, signal.default_int_handler)
                # Printed once the socket listens and the app is ready: a client may connect as
                # soon as it reads this line.
                say(f"MCP endpoint at http://{shown}:{port}/mcp")
                # No access log: at this log level its lines are never shown anyway.
                config = uvicorn.Config(app, log_level="warning", access_log=False)
                await uvicorn.Server(config).serve(sockets=[sock])
            finally:
                # On the loop that made it: the shared client's connections belong to it.
                await runtime.aclose()

        # uvloop where it exists (not on Windows): under load the pure-Python event loop's
        # socket and scheduling work is a large share of the server's CPU (bench/README.md).
        uvloop = sys.platform != "win32"
        anyio.run(http, backend_options={"use_uvloop": uvloop})
        return 0

    async def stdio() -> None:
        from amigo_mcp.stdio import serve_stdio

        try:
            server = await serving_server()
            await serve_stdio(server, server.create_initialization_options())
        finally:
            await runtime.aclose()

    anyio.run(stdio)
    return 0


def _replica_url(settings: Settings, port: int) -> str:
    """This replica's MCP endpoint as the other replicas reach it."""
    if settings.replica_url:
        return settings.replica_url
    import socket

    host = settings.host
    host = socket.gethostname() if host in ("0.0.0.0", "::", "") else host
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/mcp"


def run() -> None:
    """The `amigo-mcp` command: `main` with the garbage collector paused while the process
    starts (imports, the catalog, the server: objects that live as long as the process, which
    a collection pass would only walk), then exit without its last pass over every object the
    process made (they are frozen: the process ends, so none needs collecting). A server
    resumes collecting once it is built (`_started`)."""
    import gc

    gc.disable()
    code = main()
    gc.freeze()
    sys.exit(code)


def _started() -> None:
    """The server is built: what exists now lives as long as the process, so the collector,
    if `run` paused it, resumes without ever walking those objects again."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


if __name__ == "__main__":
    run()
