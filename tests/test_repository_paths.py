"""The repository carries its sources: no committed file points at a place outside it.

A path above the checkout (an absolute one under the folder that holds it, as a developer's
machine would leak it, or a relative one climbing out with `../`) names something a reader of
the repository cannot open.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# `../` runs followed by a name; "..." (an ellipsis) is not a parent folder.
CLIMB = re.compile(r"(?<![.\w])((?:\.\./)+)([\w.-]+)")


def repository_texts() -> dict[str, str]:
    """Every text file git tracks, or would add (untracked and not ignored), by its path."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout
    texts = {}
    for name in listed.decode().split("\0"):
        path = REPO / name
        if not name or not path.is_file():
            continue
        raw = path.read_bytes()
        if b"\0" not in raw:  # text files only
            texts[name] = raw.decode("utf-8", errors="replace")
    return texts


def outside_places(name: str, text: str, above: str) -> list[str]:
    """Each place in `text` (the file `name`) that names `above` or climbs out of the repo."""
    absolute = re.compile(r"(?<![\w./-])" + re.escape(above))
    found = [f"{name}: names {above}" for _ in absolute.finditer(text)]
    for match in CLIMB.finditer(text):
        target = ((REPO / name).parent / match.group(1)).resolve()
        if not target.is_relative_to(REPO):
            found.append(f"{name}: {match.group(0)} climbs out of the repository")
    return found


def surroundings() -> str:
    """The folder that holds the checkout, as text, to look for in files; a clone
    made in the system's temporary folder or at the root has no surroundings of its own to
    leak, so there only the climbing check applies."""
    parent = REPO.parent
    if parent in (Path(tempfile.gettempdir()).resolve(), Path(parent.anchor)):
        return "\0"  # matches no text file
    return f"{parent}/"


def test_no_committed_file_names_a_path_outside_the_repository() -> None:
    above = surroundings()
    texts = repository_texts()
    assert "pyproject.toml" in texts and "tests/test_repository_paths.py" in texts
    problems = [p for name, text in texts.items() for p in outside_places(name, text, above)]
    assert problems == []


def test_the_check_finds_both_kinds_of_outside_path() -> None:
    above = f"{REPO.parent}/"
    two_up = "../" * 2  # written so, not to trip the check on this very file
    text = f"see {above}notes.md, {two_up}facts.md and .../search; ../README.md is fine"
    assert outside_places("docs/X.md", text, above) == [
        f"docs/X.md: names {above}",
        f"docs/X.md: {two_up}facts.md climbs out of the repository",
    ]
    assert outside_places("docs/X.md", f"a{above}b", above) == []
