"""The floor for cold start: a one-tool `MCPServer` over stdio, nothing else."""

from mcp.server import MCPServer

mcp = MCPServer("one-tool", log_level="WARNING")


@mcp.tool()
def add(a: int, b: int) -> int:
    """Add two integers."""
    return a + b


if __name__ == "__main__":
    mcp.run()
