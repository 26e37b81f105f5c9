"""Set-up made once per test run (`testing.run_once`): made once, shared, never half-made."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest

from testing.run_once import made_once, run_folder


def test_made_once_per_run_and_shared(tmp_path_factory: pytest.TempPathFactory) -> None:
    name = f"thing-{uuid.uuid4().hex}"
    made: list[Path] = []

    def make(folder: Path) -> None:
        assert list(folder.iterdir()) == []  # a fresh folder, in its final place
        made.append(folder)
        (folder / "built").write_text(str(len(made)), encoding="utf-8")

    first = made_once(tmp_path_factory, name, make)
    again = made_once(tmp_path_factory, name, make)
    assert first == again == made[0]
    assert first.parent == run_folder(tmp_path_factory)
    assert (first / "built").read_text(encoding="utf-8") == "1"


def test_callers_at_the_same_time_wait_for_one_make(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The first caller makes it while the others wait on the lock; all get the finished one."""
    name = f"thing-{uuid.uuid4().hex}"
    entered, release = threading.Event(), threading.Event()
    calls: list[str] = []
    results: list[Path] = []

    def make(folder: Path) -> None:
        calls.append(threading.current_thread().name)
        entered.set()
        assert release.wait(timeout=60)
        (folder / "built").touch()

    def call() -> None:
        folder = made_once(tmp_path_factory, name, make)
        assert (folder / "built").exists()
        results.append(folder)

    maker = threading.Thread(target=call, name="maker")
    maker.start()
    assert entered.wait(timeout=60)
    others = [threading.Thread(target=call, name=f"waiter-{n}") for n in range(3)]
    for thread in others:
        thread.start()
    release.set()
    for thread in [maker, *others]:
        thread.join(timeout=60)
    assert calls == ["maker"]
    assert len(results) == 4 and len(set(results)) == 1


def test_a_failed_make_leaves_nothing_and_is_tried_again(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    name = f"thing-{uuid.uuid4().hex}"

    def fails(folder: Path) -> None:
        (folder / "half").touch()
        raise RuntimeError("the build broke")

    with pytest.raises(RuntimeError, match="the build broke"):
        made_once(tmp_path_factory, name, fails)
    assert not (run_folder(tmp_path_factory) / name).exists()
    folder = made_once(tmp_path_factory, name, lambda folder: (folder / "whole").touch())
    assert [path.name for path in folder.iterdir()] == ["whole"]
