"""One tool call, the same for every front end: MCP in both protocol eras, and `amigo-mcp call`.

In order:

1. the tool, by name (an unknown name ends here, without an audit line: there is no tool);
2. the operator's policy: a tool this server does not offer is refused;
3. the arguments, checked once against the tool's input schema and the API's URL limit, every
   broken field named, before anyone is asked and before anything starts;
4. the question (`confirm.py`): whether the person is asked, and what; the front end asks;
5. the send: `Invoker.call`, or for a rollback the composite, which uses the versions the
   question read;
6. the audit line of a tool that writes, however the call ended, a crash included.

A front end supplies only how to ask a person (an `Asker`) and how to show the `Ending`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, replace
from functools import cached_property
from typing import Any, Literal, Protocol

from amigo_mcp.arguments import ArgumentError, check_url_length, validate_arguments
from amigo_mcp.audit import Decision, digest
from amigo_mcp.catalog import Catalog, ToolSpec
from amigo_mcp.composite import Versions, run_composite
from amigo_mcp.confirm import question
from amigo_mcp.context import request_token
from amigo_mcp.errors import Scrubber, validation_message
from amigo_mcp.invoke import Progress, ToolOutcome
from amigo_mcp.policy import ToolPolicy
from amigo_mcp.runtime import Runtime

log = logging.getLogger("amigo_mcp")


@dataclass(frozen=True)
class Reply:
    """A person's answer. `said`: how a refusal is told ("did not allow it") when the decision's
    own word does not say it; `state`: what the question's round carried, for an answer that
    comes with a later call (2026-07-28); None when the answer needs no binding (`--yes`)."""

    decision: Decision
    said: str | None = None
    state: str | None = None


class CannotAsk(Exception):
    """Raised by an `Asker` that finds it cannot ask after all; the message says why."""


class Asker(Protocol):
    """How a front end asks a person to allow one call."""

    def given(self) -> Reply | None:
        """The answer that came with the call (the CLI's `--yes`; on 2026-07-28, the answer to
        the question an earlier round of this call asked), or None."""
        ...

    def cannot_ask(self, tool: ToolSpec) -> str | None:
        """Why nobody can be asked about a call of `tool` (the text the caller gets), or None."""
        ...

    async def ask(self, tool: ToolSpec, question: str, state: str) -> Reply | None:
        """Ask `question` and return the answer; or hand the question over with `state` and
        return None, the answer coming with the call again (2026-07-28)."""
        ...


# Why a call stopped before anything could be read or sent: the front end may show these as
# misuse (the CLI exits 2) rather than as the tool's answer.
Stop = Literal["unknown-tool", "not-offered", "cannot-ask"]


@dataclass(frozen=True)
class Ending:
    """How one call ended: the person's decision, and the answer (None: the question went back
    to the client, and the answer comes with the call again)."""

    decision: Decision
    outcome: ToolOutcome | None
    stopped: Stop | None = None


def crash_text(tool: str, error: BaseException) -> str:
    """The answer to a call that failed inside amigo-mcp: the kind of error only, never its
    text (which could hold anything, unscrubbed)."""
    return (
        f"{tool} failed inside amigo-mcp ({type(error).__name__}). This is a bug in the server, "
        "not in the arguments; check the server log. Reads are safe to retry; for writes, check "
        "with a list tool whether the change was made."
    )


def _refusal_text(tool: ToolSpec, reply: Reply) -> str:
    if reply.decision == "not-understood":
        return f"{tool.name}: the confirmation answer was not understood; nothing was sent."
    said = reply.said or reply.decision
    return (
        f"The user {said} the call to {tool.name}; nothing was sent to Amigo. Do not retry "
        "unless the user asks for it."
    )


class CallPipeline:
    """Runs tool calls on one runtime under one policy."""

    def __init__(self, catalog: Catalog, runtime: Runtime, policy: ToolPolicy) -> None:
        self.catalog = catalog
        self.runtime = runtime
        self.policy = policy

    async def run(
        self,
        name: str,
        arguments: dict[str, Any],
        asker: Asker,
        *,
        own_token: str | None = None,
        on_progress: Progress | None = None,
    ) -> Ending:
        """Run one call of the tool `name`. `own_token`: the Amigo token that came with the
        request (hosted multi-user mode), used for this call's requests only."""
        tool = self.catalog.get(name)
        if tool is None:
            offered = ", ".join(t.name for t in self.policy.offered(self.catalog))
            text = f"Unknown tool {name!r}. Available tools: {offered}"
            return Ending("not-asked", ToolOutcome(True, text), stopped="unknown-tool")
        started = self.runtime.clock.monotonic()
        steps = _Steps(self, tool, arguments, asker, on_progress)
        reset = request_token.set(own_token)
        try:
            ending = await steps.run()
        except Exception as exc:
            log.error("%s failed inside amigo-mcp: %s", tool.name, type(exc).__name__)
            crashed = ToolOutcome(True, crash_text(tool.name, exc), unanswered="internal-error")
            ending = Ending(steps.decision, crashed)
        finally:
            request_token.reset(reset)
        outcome = ending.outcome
        if outcome is None:
            # A call answered with a question is not over: its line comes with the answer.
            return ending
        runtime = self.runtime
        if runtime.audit is not None:
            duration_s = runtime.clock.monotonic() - started
            runtime.audit.record_call(
                tool, runtime.settings, own_token, arguments, ending.decision, outcome, duration_s
            )
        if own_token:
            scrub = Scrubber([own_token])
            structured = outcome.structured
            if structured is not None:
                structured = json.loads(scrub(json.dumps(structured)))
            outcome = replace(outcome, text=scrub(outcome.text), structured=structured)
            ending = Ending(ending.decision, outcome, ending.stopped)
        return ending


class _Steps:
    """The steps of one call of a known tool; `decision` is the person's decision so far."""

    def __init__(
        self,
        pipeline: CallPipeline,
        tool: ToolSpec,
        arguments: dict[str, Any],
        asker: Asker,
        on_progress: Progress | None,
    ) -> None:
        self.catalog, self.runtime = pipeline.catalog, pipeline.runtime
        self.policy = pipeline.policy
        self.tool, self.arguments, self.asker = tool, arguments, asker
        self.on_progress = on_progress
        self.decision: Decision = "not-asked"

    @cached_property
    def digest(self) -> str:
        """Binds an answer to one tool and one set of arguments."""
        return digest([self.tool.name, self.arguments])

    async def run(self) -> Ending:
        tool = self.tool
        why = self.policy.why_not_offered(tool)
        if why is not None:
            text = f"{tool.name} is not available on this server: {why}."
            return Ending("not-asked", ToolOutcome(True, text), stopped="not-offered")
        rule = self.policy.confirmation(tool)
        self.decision = self.policy.unasked(tool)
        reply, versions = self.given() if rule != "never" else (None, None)
        # Arguments that an earlier round of this call asked about were checked then (the
        # sealed state binds them); others are checked now, before the person is asked about a
        # call that they already rule out.
        invalid = None if reply is not None and reply.state is not None else self.invalid()
        if invalid is not None:
            return Ending(self.decision, invalid)
        if rule != "never" and reply is None:
            asked = await self.ask(always=rule == "always")
            if isinstance(asked, Ending):
                return asked
            reply, versions = asked
        if reply is not None:
            self.decision = reply.decision
            if reply.decision != "accepted":
                return Ending(self.decision, ToolOutcome(True, _refusal_text(tool, reply)))
        return Ending(self.decision, await self.send(versions))

    async def ask(self, *, always: bool) -> Ending | tuple[Reply | None, Versions | None]:
        """Read what the call would change and ask the person about it: their reply (None when
        there is nothing to ask) and the versions the question read, or the `Ending` when the
        call ends here."""
        # A call that always asks is refused before anything is read or started; one that
        # asks only when the object is live needs the read to know.
        stop = self.cannot_ask() if always else None
        if stop is not None:
            return stop
        invoker = await self.runtime.invoker()
        plan = await question(self.catalog, self.tool, self.arguments, invoker.call)
        self.decision = "not-asked"
        if plan.done is not None:
            return Ending(self.decision, plan.done)
        if plan.question is None:
            return None, None
        stop = self.cannot_ask()
        if stop is not None:
            return stop
        state = {"call": self.digest, "versions": plan.versions and asdict(plan.versions)}
        try:
            reply = await self.asker.ask(
                self.tool, self.runtime.scrub(plan.question), json.dumps(state)
            )
        except CannotAsk as exc:
            return self.unavailable(str(exc))
        if reply is None:
            return Ending(self.decision, None)
        return reply, plan.versions

    def invalid(self) -> ToolOutcome | None:
        """The answer to arguments that cannot be sent (schema, URL length), naming each field;
        None when they can."""
        tool, arguments = self.tool, self.arguments
        try:
            validate_arguments(tool, arguments)
            base_url = self.runtime.settings.base_url
            check_url_length(tool, arguments, base_url, self.catalog.url_limit_bytes)
        except ArgumentError as exc:
            text = validation_message(tool.name, exc.problems)
            return ToolOutcome(True, self.runtime.scrub(text))
        return None

    def given(self) -> tuple[Reply | None, Versions | None]:
        """The answer that came with the call, if it answers this very call, and the versions
        its question read."""
        reply = self.asker.given()
        if reply is None or reply.state is None:
            return reply, None
        try:
            carried = json.loads(reply.state)
        except ValueError:
            return None, None
        if not isinstance(carried, dict) or carried.get("call") != self.digest:
            return None, None  # an answer to another call: ask again
        versions = carried.get("versions")
        return reply, None if versions is None else Versions(**versions)

    def cannot_ask(self) -> Ending | None:
        why = self.asker.cannot_ask(self.tool)
        return None if why is None else self.unavailable(why)

    def unavailable(self, why: str) -> Ending:
        self.decision = "refused-unavailable"
        return Ending(self.decision, ToolOutcome(True, why), stopped="cannot-ask")

    async def send(self, versions: Versions | None) -> ToolOutcome:
        invoker = await self.runtime.invoker()
        if self.tool.composite is not None:
            return await run_composite(
                invoker.call, self.catalog, self.tool, self.arguments, self.on_progress, versions
            )
        return await invoker.call(self.tool, self.arguments, self.on_progress)
