"""Shared test configuration and fixtures."""

from __future__ import annotations

import pytest

# --- async tests (modules mark themselves `pytestmark = pytest.mark.anyio`) ------------------


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"
