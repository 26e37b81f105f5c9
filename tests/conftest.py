"""Shared test configuration and fixtures."""

from __future__ import annotations

import gc
import os
import sys

import pytest
from hypothesis import HealthCheck, settings

# --- compiled modules -------------------------------------------------------------------------

# The suite imports the same modules in every worker and every subprocess it starts; compiling
# them once (into the ignored __pycache__ folders) rather than on every import halves the time a
# worker spends collecting. An environment that sets PYTHONDONTWRITEBYTECODE (some CI images do)
# would otherwise recompile test modules, with their rewritten asserts, on every run.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# --- garbage collection -----------------------------------------------------------------------

# A youngest generation of 10,000 objects rather than Python's 700: a test process makes objects
# by the million (hypothesis draws, pydantic models, parsed documents), most of them short-lived,
# and with the default the collector runs thousands of times a run and takes about twice the CPU.
# The schemathesis run does the same (tests/test_sandbox_schemathesis.py).
gc.set_threshold(10_000, 10, 10)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection imported lives to the end of the run: frozen, the garbage collector
    stops walking it on every full collection (the quick loop's GC time: 4.5 -> 2.8 s CPU)."""
    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest runs (marked `longest`) first, then the modules that keep to one worker
    (marked `xdist_group`), then the other slow tests, then the rest, dealt out like cards; a
    group's tests are dealt together, as one card.

    pytest-xdist (`--dist worksteal`) first hands each worker one contiguous share of this
    order, and a worker that runs out takes tests from the end of another's share. Dealt out,
    every share starts with its part of the long tests and ends on short ones, so a run ends on
    short tests rather than one worker still on a long one while the other waits. A group sits
    near the start of one share, so that worker runs all of it and makes its module-scoped
    fixtures (a browser, servers) once. (`--dist loadgroup` would ensure it, but its grouping has
    no effect on pytest 9.2: pytest-dev/pytest-xdist#1386.)
    """

    def rank(item: pytest.Item) -> int:
        if item.get_closest_marker("longest") is not None:
            return 0
        if item.get_closest_marker("xdist_group") is not None:
            return 1
        return 2 + (item.get_closest_marker("slow") is None)

    def group(item: pytest.Item) -> object:
        marker = item.get_closest_marker("xdist_group")
        return item if marker is None else marker.args

    items.sort(key=rank)
    cards: dict[object, list[pytest.Item]] = {}
    for item in items:
        cards.setdefault(group(item), []).append(item)
    deck = list(cards.values())
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    items[:] = [item for share in range(workers) for card in deck[share::workers] for item in card]


# --- property-based tests ---------------------------------------------------------------------

# Derandomized: every run draws the same examples, so a failure in CI is a failure on any
# machine. `HYPOTHESIS_PROFILE=explore` draws fresh ones (and keeps failures in .hypothesis/).
# No deadline and no too_slow health check: a wall-clock limit on an example, or on drawing the
# first ones, is an assertion on time, and fails on a busy machine (hypothesis's own "ci"
# profile drops both too).
NO_TIME_LIMITS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "repeatable", NO_TIME_LIMITS, derandomize=True, database=None, print_blob=True
)
settings.register_profile("explore", NO_TIME_LIMITS, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# --- async tests (modules mark themselves `pytestmark = pytest.mark.anyio`) ------------------


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


# --- sandbox fixtures (owned by sandbox/; keep this block together) --------------------------

from collections.abc import Iterator  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

# Imported where used: pytest-xdist's controller loads this file too, and runs no test.
if TYPE_CHECKING:
    from amigo_sandbox.clock import SandboxClock
    from amigo_sandbox.server import RunningSandbox


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[RunningSandbox]:
    """One in-process sandbox for the session: in memory, demo data seeded, rate limits off."""
    from amigo_sandbox.server import start_in_thread

    with start_in_thread(db=":memory:", seed_demo=True, rate_limits=False) as running:
        yield running


@pytest.fixture
def sandbox(sandbox_server: RunningSandbox) -> Iterator[RunningSandbox]:
    """The shared sandbox, with faults, request counts and settings fresh for each test.

    Data persists from test to test (use unique names, or call `sandbox.reset()` for a clean
    demo organization). Attributes: base_url, organization, api_key_id, api_key, user_id;
    helpers: issue_token(), inject_fault(), request_counts(), add_invocations(), add_user().
    """
    sandbox_server.clear_faults()
    sandbox_server.reset_request_counts()
    yield sandbox_server
    sandbox_server.clear_faults()
    sandbox_server.reset_request_counts()
    sandbox_server.set_rate_limits(False)
    sandbox_server.set_token_lifetime(3600.0)
    sandbox_server.reset_clock()


@pytest.fixture
def stopped_clock(sandbox: RunningSandbox) -> SandboxClock:
    """The shared sandbox's clock, stopped at `STOPPED_AT` for the test (real again after).

    Hand it to the MCP server too (`Runtime(..., clock=...)`) so both sides share one time;
    waits on it (retries, rate spacing) then move it forward instead of sleeping.
    """
    from tests.sandbox_support import stop_clock

    return stop_clock(sandbox)


# --- end of sandbox fixtures ------------------------------------------------------------------


# --- Redis (shared state of several replicas) -------------------------------------------------

from tests.redis_support import running_redis  # noqa: E402


@pytest.fixture(scope="session")
def redis_server() -> Iterator[str]:
    """One `redis-server` for the session, on a free loopback port, saving nothing."""
    with running_redis() as url:
        yield url


@pytest.fixture
def redis_url(redis_server: str) -> Iterator[str]:
    """The session's Redis, emptied after the test."""
    import redis

    yield redis_server
    with redis.Redis.from_url(redis_server) as client:
        client.flushall()
