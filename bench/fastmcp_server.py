"""FastMCP's `from_openapi` on our spec, over streamable HTTP: the usual generic alternative.

Runs in its own environment, never the project's (FastMCP pins its own `mcp`):

    uv run --no-project --with fastmcp==4.2.3 python bench/fastmcp_server.py \
        --spec amigo.json --port 8002

`--spec` is the spec as JSON (bench/load.py converts openapi/amigo.yaml). AMIGO_BASE_URL and
AMIGO_BEARER_TOKEN give the API and a token sent with every call.
"""

from __future__ import annotations

import argparse
import json
import os

import httpx2
from fastmcp import FastMCP


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--spec", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--stateless", action="store_true")
    args = parser.parse_args()
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    http = httpx2.AsyncClient(
        base_url=os.environ["AMIGO_BASE_URL"],
        headers={"Authorization": f"Bearer {os.environ['AMIGO_BEARER_TOKEN']}"},
        timeout=30,
    )
    server = FastMCP.from_openapi(openapi_spec=spec, client=http, name="amigo-fastmcp")
    server.run(
        transport="http",
        host="127.0.0.1",
        port=args.port,
        stateless_http=args.stateless,
        show_banner=False,
        log_level="WARNING",
    )


if __name__ == "__main__":
    main()
