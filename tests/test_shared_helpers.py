"""Benchmarks and shared helpers never import from the test tree: what both need lives in
testing/, so bench/ runs without tests/ and a test module stays free to change."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def imports_from_tests(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [f"line {node.lineno}: {n}" for n in names if n.split(".")[0] == "tests"]
    return found


def test_bench_and_testing_do_not_import_from_tests() -> None:
    modules = sorted([*(REPO / "bench").glob("*.py"), *(REPO / "testing").glob("*.py")])
    assert len(modules) > 10
    problems = {
        str(path.relative_to(REPO)): found
        for path in modules
        if (found := imports_from_tests(path.read_text(encoding="utf-8")))
    }
    assert problems == {}


def test_no_test_module_imports_another() -> None:
    """pytest imports a test module by its file name; imported again as `tests.test_x` it would
    run twice under two names. Shared code lives in testing/ (or a tests/ helper module)."""
    modules = sorted((REPO / "tests").glob("test_*.py"))
    problems = {
        path.name: found
        for path in modules
        if (
            found := [
                line
                for line in imports_from_tests(path.read_text(encoding="utf-8"))
                if line.split(": ")[1].split(".")[-1].startswith("test_")
            ]
        )
    }
    assert problems == {}


def test_the_check_sees_every_form_of_import() -> None:
    source = "import tests.x\nfrom tests import y\nif True:\n    from tests.z import w\n"
    assert imports_from_tests(source) == [
        "line 1: tests.x",
        "line 2: tests",
        "line 4: tests.z",
    ]
    assert imports_from_tests("import testing.x\nfrom .tests import y\n") == []
