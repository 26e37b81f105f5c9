"""`scripts/regenerate` as a function, for tests that run it in their own process: no
interpreter to start, and the generator's packages (openapi-python-client, the spec validator)
imported once per worker rather than once per run. A test of what the shell sees (exit status,
output streams) runs the script as a command instead. `script_module` loads any script so, a
copy's too (which then finds the copy as its repository)."""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "regenerate"


def regenerate_main(script: Path = SCRIPT) -> Callable[[list[str]], int]:
    """The `main(argv)` of the script at `script`: the repository's, or a copy's, which then
    finds the copy as its repository (from its own location), as it does when run there."""
    main: Callable[[list[str]], int] = regenerate_module(script).main
    return main


def regenerate_module(script: Path = SCRIPT) -> ModuleType:
    """The regenerate script at `script`, loaded as a module (once per process)."""
    return script_module(script)


@cache
def script_module(script: Path) -> ModuleType:
    """The script at `script`, loaded as a module (once per process): named after its file, and
    for a script outside the repository's scripts/ (a copy's), after its location too."""
    digest = hashlib.sha256(str(script).encode()).hexdigest()[:12]
    stem = script.name.removesuffix(".py")
    name = stem if script.parent == SCRIPT.parent else f"{stem}_{digest}"
    loader = importlib.machinery.SourceFileLoader(name, str(script))
    spec = importlib.util.spec_from_loader(name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up by name while they are made.
    sys.modules[name] = module
    loader.exec_module(module)
    return module
