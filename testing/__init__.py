"""Helpers shared by the tests (tests/) and the benchmarks (bench/): connecting the MCP client to
amigo-mcp on a sandbox, the safety checks, schema-driven argument strategies and the careless
agent run. Importable from the repository root (pytest's `pythonpath`, the editable install)."""
