"""How a sandbox runs: its database, demo data, rate limits, token lifetime and clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.store import MEMORY


@dataclass
class SandboxSettings:
    """How a sandbox runs. `db` is a file path or `:memory:`; `clock` is real time unless
    given one that is stopped or moved (the admin API moves it too)."""

    db: str = MEMORY
    seed_demo: bool = False
    rate_limits: bool = True
    # Each operation's limit is its `x-rate-limit-per-minute` times this (load benchmarks raise
    # it so that the API's window, not the spec's figure, is what a client sees and follows).
    rate_limit_scale: float = 1.0
    token_lifetime_s: float = 3600.0
    clock: SandboxClock = field(default_factory=SandboxClock)

    def to_json(self) -> dict[str, Any]:
        """The settings as `GET /_sandbox/settings` answers them (the clock has its own route)."""
        return {
            "database": self.db,
            "seed_demo": self.seed_demo,
            "rate_limits": self.rate_limits,
            "rate_limit_scale": self.rate_limit_scale,
            "token_lifetime_s": self.token_lifetime_s,
        }
