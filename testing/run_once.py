"""Expensive set-up made once per test run and shared by every pytest-xdist worker.

A module- or session-scoped fixture runs once per worker: two workers that each pick up a test
needing the same built wheels would each build them. `made_once` makes the thing in the run's
own temporary directory (the one all workers of the run share), under a file lock, and hands
every later caller the same folder.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This test run's temporary directory: the workers' common parent under xdist, else the
    base temporary directory itself. A new run has a new one."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Path:
    """The folder `name` of this test run, filled by `make(folder)` the first time any worker
    asks for it (what `make` returns is ignored); later calls, from any worker, wait for it
    and get the same folder.

    Never reused across runs (the folder belongs to this run), so nothing made from an older
    working tree is ever used. A `make` that fails leaves nothing behind: the next caller tries
    again (and fails the same way, visibly).
    """
    root = run_folder(tmp_path_factory)
    folder = root / name
    # Made in place (a virtual environment cannot move); `made` is written once it is complete.
    made = root / f"{name}.made"
    with FileLock(root / f"{name}.lock"):
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            try:
                make(folder)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            made.touch()
    return folder
