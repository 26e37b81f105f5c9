"""What the process writes on stderr: its log records, every one scrubbed of secrets, and lines
for the operator. Never stdout, which belongs to the protocol on stdio."""

from __future__ import annotations

import logging
import sys

from amigo_mcp.errors import Scrubber


class _ScrubSecrets(logging.Filter):
    def __init__(self, scrub: Scrubber) -> None:
        super().__init__()
        self.scrub = scrub

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.scrub(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self.scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def configure_logging(level: str, scrub: Scrubber) -> None:
    """Log to stderr at `level`, every record scrubbed of secrets (whatever library wrote it)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_ScrubSecrets(scrub))
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


def say(message: str) -> None:
    """A line for the operator on stderr."""
    print(f"amigo-mcp: {message}", file=sys.stderr, flush=True)
