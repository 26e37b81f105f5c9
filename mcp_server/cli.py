"""`amigo-mcp`: serve the tools (stdio or HTTP), list them, or call one from a shell."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from mcp_server.settings import REGIONS, Settings, SettingsError

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="amigo-mcp",
        description="MCP server for the Amigo API: dynamic behavior sets, metrics, simulation "
        "scenarios.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="{serve,tools,call}")

    serve = commands.add_parser("serve", help="serve the tools over MCP (the default command)")
    _connection_options(serve)
    serve.add_argument("--transport", choices=("stdio", "http"), default="stdio")
    serve.add_argument("--host", default="127.0.0.1", help="HTTP bind address (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="HTTP port (default 8000)")
    serve.add_argument(
        "--stateless", action="store_true", help="HTTP: no sessions; each request stands alone"
    )

    tools = commands.add_parser("tools", help="list the tools")
    tools.add_argument("--json", action="store_true", help="print the exact tools/list result")

    call = commands.add_parser("call", help="call one tool and print its result")
    _connection_options(call)
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
    )


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
    except KeyboardInterrupt:
        return 130


def _tools(args: argparse.Namespace) -> int:
    from mcp_server.catalog import load_catalog

    catalog = load_catalog()
    if args.json:
        from mcp_server.server import mcp_tool

        listing = [
            mcp_tool(tool).model_dump(by_alias=True, mode="json", exclude_none=True)
            for tool in catalog.tools
        ]
        print(json.dumps({"tools": listing}, indent=2, ensure_ascii=False))
        return 0
    width = max(len(tool.name) for tool in catalog.tools)
    for tool in catalog.tools:
        hints = tool.annotations
        kind = (
            "read-only"
            if hints["readOnlyHint"]
            else "destructive"
            if hints["destructiveHint"]
            else "write"
        )
        print(f"{tool.name:<{width}}  {kind:<11}  {tool.title}")
    return 0


def _call(args: argparse.Namespace, settings: Settings) -> int:
    import anyio

    from mcp_server.catalog import load_catalog
    from mcp_server.runtime import Runtime

    catalog = load_catalog()
    tool = catalog.get(args.tool)
    if tool is None:
        return _fail(
            f"no tool named {args.tool!r}; `amigo-mcp tools` lists them: "
            + ", ".join(t.name for t in catalog.tools)
        )
    try:
        arguments: Any = json.loads(args.arguments)
    except ValueError as exc:
        return _fail(f"the arguments are not valid JSON ({exc}); pass one JSON object")
    if not isinstance(arguments, dict):
        return _fail("the arguments must be one JSON object, e.g. '{\"limit\": 5}'")

    async def run() -> int:
        runtime = Runtime(catalog, settings, sandbox_db=args.sandbox_db)
        try:
            outcome = await (await runtime.invoker()).call(tool, arguments)
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
    from mcp_server.runtime import Runtime, say
    from mcp_server.server import build_server

    catalog = load_catalog()
    runtime = Runtime(catalog, settings, sandbox_db=args.sandbox_db)
    server = build_server(catalog, runtime)
    if settings.auth_mode == "sandbox":
        say(
            "no Amigo credentials set (AMIGO_API_KEY / AMIGO_BEARER_TOKEN): using the embedded "
            "sandbox with demo data; it starts on the first tool call."
        )
    else:
        say(
            f"serving {len(catalog.tools)} tools for organization {settings.organization_id} "
            f"at {settings.base_url}"
        )

    if args.transport == "http":
        return _serve_http(args, server, runtime)

    async def stdio() -> None:
        from mcp.server.stdio import stdio_server

        try:
            async with stdio_server() as (read, write):
                await server.run(read, write, server.create_initialization_options())
        finally:
            await runtime.aclose()

    anyio.run(stdio)
    return 0


def _serve_http(args: argparse.Namespace, server: Any, runtime: Any) -> int:
    import uvicorn

    from mcp_server.runtime import say

    app = server.streamable_http_app(stateless_http=args.stateless, host=args.host)
    say(f"MCP endpoint at http://{args.host}:{args.port}/mcp")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
