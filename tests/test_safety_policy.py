"""Which tools the operator offers, and the user's confirmation of destructive calls.

- `--read-only`, `--tools`, `--exclude-tools`, `--toolsets`: a filtered-out tool is neither
  listed nor callable, and calling it by name gives a clear error (no request is sent).
- Confirmation through MCP elicitation in both protocol eras: accept runs the call once;
  decline, cancel, or an accept without the box ticked send nothing. A client that cannot
  elicit is refused with the server setting that allows it; no argument the model can set
  gets around it.
"""

from __future__ import annotations

from typing import Any

import mcp_types as types
import pytest
from amigo_client.exceptions import ConfigurationError
from mcp.client.session import ClientRequestContext
from mcp.shared.exceptions import MCPError

from amigo_mcp.cli import main
from amigo_mcp.policy import ToolPolicy
from amigo_mcp.settings import Settings
from amigo_sandbox.handlers import HANDLERS
from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import (
    ElicitAction,
    connect,
    fails,
    ok,
    sandbox_settings,
    text_of,
)
from testing.safety_support import (
    CATALOG,
    SCENARIO_SCRIPT,
    fresh_records,
    unique,
    valid_arguments,
)
from tests.sandbox_support import SPEC

pytestmark = pytest.mark.anyio

READ_ONLY = {t.name for t in CATALOG.tools if t.read_only}
WRITES = {t.name for t in CATALOG.tools if not t.read_only}
DESTRUCTIVE = {t.name for t in CATALOG.tools if t.destructive}


@pytest.fixture(params=["auto", "legacy"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_catalog_has_what_these_tests_rely_on() -> None:
    assert READ_ONLY and WRITES
    assert {"delete_dynamic_behavior_set", "delete_simulation_scenario"} <= DESTRUCTIVE
    assert DESTRUCTIVE - {"delete_dynamic_behavior_set", "delete_simulation_scenario"}, (
        "some tool besides the deletes is marked destructive (evaluate_metrics, updates)"
    )
    assert set(CATALOG.toolsets) == set(SPEC["x-mcp"]["toolsets"].values())


# --- choosing the tools ---------------------------------------------------------------------------


async def _offered_and_refused(
    sandbox: RunningSandbox, mode: str, policy: ToolPolicy, expected: set[str], why: str
) -> None:
    """`expected` is listed; every other tool is refused by name with `why`, sending nothing."""
    async with connect(sandbox_settings(sandbox), mode, policy=policy) as (client, _):
        listed = {tool.name for tool in (await client.list_tools()).tools}
        assert listed == expected
        sandbox.reset_request_counts()
        for tool in CATALOG.tools:
            if tool.name in expected:
                continue
            text = await fails(client, tool.name, valid_arguments(tool.name))
            assert f"{tool.name} is not available on this server" in text
            assert why in text, text
        assert sandbox.request_counts() == {}, "a filtered-out tool sent a request"


async def test_read_only(sandbox: RunningSandbox, mode: str) -> None:
    await _offered_and_refused(
        sandbox, mode, ToolPolicy(read_only=True), READ_ONLY, "runs read-only (--read-only)"
    )
    async with connect(sandbox_settings(sandbox), mode, policy=ToolPolicy(read_only=True)) as (
        client,
        _,
    ):
        for tool in CATALOG.tools:
            if not tool.read_only:
                continue
            if tool.operation.id in HANDLERS:
                await ok(client, tool.name, valid_arguments(tool.name))
            else:  # just added to the spec: listed and callable, not emulated yet (501)
                text = await fails(client, tool.name, valid_arguments(tool.name))
                assert "Amigo answered HTTP" in text and tool.operation.id in text, text


async def test_tools_list(sandbox: RunningSandbox, mode: str) -> None:
    chosen = {"list_simulation_scenarios", "delete_simulation_scenario"}
    policy = ToolPolicy.load(CATALOG, Settings.from_env({}, tools=",".join(sorted(chosen))))
    await _offered_and_refused(sandbox, mode, policy, chosen, "not in the server's --tools list")


async def test_exclude_tools(sandbox: RunningSandbox, mode: str) -> None:
    policy = ToolPolicy.load(
        CATALOG, Settings.from_env({}, exclude_tools="delete_dynamic_behavior_set")
    )
    await _offered_and_refused(
        sandbox,
        mode,
        policy,
        {t.name for t in CATALOG.tools} - {"delete_dynamic_behavior_set"},
        "excludes it (--exclude-tools)",
    )


async def test_toolsets(sandbox: RunningSandbox, mode: str) -> None:
    policy = ToolPolicy.load(CATALOG, Settings.from_env({}, toolsets="metrics"))
    metrics = {t.name for t in CATALOG.tools if t.toolset == "metrics"}
    assert {"evaluate_metrics", "list_metric_evaluation_results"} <= metrics < READ_ONLY | WRITES
    await _offered_and_refused(sandbox, mode, policy, metrics, "toolset")


async def test_filters_combine(sandbox: RunningSandbox, mode: str) -> None:
    """read-only wins over --tools; --exclude-tools removes from what is left."""
    settings = Settings.from_env(
        {"AMIGO_MCP_READ_ONLY": "1"},
        tools="list_simulation_scenarios,search_simulation_scenarios,delete_simulation_scenario",
        exclude_tools="search_simulation_scenarios",
    )
    policy = ToolPolicy.load(CATALOG, settings)
    await _offered_and_refused(sandbox, mode, policy, {"list_simulation_scenarios"}, "")


async def test_unknown_tool_names_the_available_ones(sandbox: RunningSandbox) -> None:
    async with connect(sandbox_settings(sandbox), "auto", policy=ToolPolicy(read_only=True)) as (
        client,
        _,
    ):
        text = await fails(client, "drop_all_tables", {})
    assert "Unknown tool 'drop_all_tables'" in text
    assert "list_simulation_scenarios" in text
    assert "delete_simulation_scenario" not in text, "a hidden tool is not advertised"


def test_policy_settings_are_checked() -> None:
    with pytest.raises(ConfigurationError, match="unknown tool"):
        ToolPolicy.load(CATALOG, Settings.from_env({}, tools="list_simulation_scenarios,nope"))
    with pytest.raises(ConfigurationError, match="AMIGO_MCP_EXCLUDE_TOOLS"):
        ToolPolicy.load(CATALOG, Settings.from_env({"AMIGO_MCP_EXCLUDE_TOOLS": "nope"}))
    with pytest.raises(ConfigurationError, match="unknown toolset"):
        ToolPolicy.load(CATALOG, Settings.from_env({}, toolsets="billing"))
    env = {
        "AMIGO_MCP_READ_ONLY": "true",
        "AMIGO_MCP_TOOLSETS": "simulation",
        "AMIGO_MCP_SKIP_CONFIRMATION": "0",
    }
    policy = ToolPolicy.load(CATALOG, Settings.from_env(env))
    assert policy.read_only and policy.toolsets == {"simulation"}
    assert not policy.skip_confirmation


def test_cli_lists_and_refuses_by_the_same_policy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tools", "--read-only"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines()}
    assert listed == READ_ONLY
    code = main(["call", "--read-only", "delete_simulation_scenario", "{}"])
    assert code == 2
    assert "runs read-only" in capsys.readouterr().err


# --- confirmation ---------------------------------------------------------------------------------


class Asked:
    """An elicitation callback that gives one fixed answer and records each question."""

    def __init__(self, action: ElicitAction, content: dict[str, Any] | None = None) -> None:
        self.action, self.content = action, content
        self.messages: list[str] = []

    async def __call__(
        self, context: ClientRequestContext, params: types.ElicitRequestParams
    ) -> types.ElicitResult:
        assert isinstance(params, types.ElicitRequestFormParams)
        assert params.requested_schema["required"] == ["confirm"]
        self.messages.append(params.message)
        return types.ElicitResult(action=self.action, content=self.content)


ANSWERS = {
    "accept": (Asked("accept", {"confirm": True}), None),
    "accept unticked": (Asked("accept", {"confirm": False}), "did not allow it"),
    "decline": (Asked("decline"), "declined"),
    "cancel": (Asked("cancel"), "cancelled"),
}


async def _fresh_scenario(client: Any) -> str:
    created = await ok(
        client,
        "create_simulation_scenario",
        {"name": unique("Confirm me"), "tags": {}, "initial_version": SCENARIO_SCRIPT},
    )
    return str(created["simulation_scenario_id"])


@pytest.mark.parametrize("answer", list(ANSWERS))
async def test_confirmation(sandbox: RunningSandbox, mode: str, answer: str) -> None:
    asked, refusal = ANSWERS[answer]
    asked.messages.clear()
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=asked) as (client, _):
        scenario_id = await _fresh_scenario(client)
        sandbox.reset_request_counts()
        result = await client.call_tool(
            "delete_simulation_scenario", {"simulation_scenario_id": scenario_id}
        )
        (after,) = (await ok(client, "list_simulation_scenarios", {"id": [scenario_id]}))[
            "simulation_scenarios"
        ]
    (message,) = asked.messages
    assert "delete_simulation_scenario" in message and scenario_id in message
    sent = sandbox.request_counts().get("delete-simulation-scenario", 0)
    if refusal is None:
        assert not result.is_error, text_of(result)
        assert sent == 1 and after["is_deleted"] is True
    else:
        text = text_of(result)
        assert result.is_error
        assert refusal in text and "nothing was sent" in text
        assert sent == 0 and after["is_deleted"] is False


async def test_without_elicitation_the_call_is_refused_with_the_operator_setting(
    sandbox: RunningSandbox, mode: str
) -> None:
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=None) as (client, _):
        sandbox.reset_request_counts()
        for name in sorted(DESTRUCTIVE):
            text = await fails(client, name, valid_arguments(name))
            assert "cannot ask the user" in text and "Nothing was sent" in text
            assert "--skip-confirmation" in text and "AMIGO_MCP_SKIP_CONFIRMATION=1" in text
        assert sandbox.request_counts() == {}
        # Nothing the model can put in the arguments stands in for the user.
        for extra in ({"confirm": True}, {"_confirmed": True}, {"skip_confirmation": True}):
            arguments = valid_arguments("delete_simulation_scenario") | extra
            text = await fails(client, "delete_simulation_scenario", arguments)
            assert "is not a known field of this tool" in text
        assert sandbox.request_counts() == {}
        await ok(client, "list_simulation_scenarios", {"limit": 1})  # reads need no confirmation


async def test_every_destructive_tool_asks_and_no_other(sandbox: RunningSandbox, mode: str) -> None:
    asked = Asked("decline")
    set_id, scenario_id = fresh_records(sandbox)
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=asked) as (client, _):
        sandbox.reset_request_counts()
        for tool in CATALOG.tools:
            before, sent = len(asked.messages), sandbox.request_counts()
            arguments = valid_arguments(tool.name, set_id=set_id, scenario_id=scenario_id)
            result = await client.call_tool(tool.name, arguments)
            was_asked = len(asked.messages) > before
            # The fresh set is inactive: a new version of it asks nobody.
            assert was_asked is (tool.name in DESTRUCTIVE), tool.name
            if was_asked:
                assert result.is_error and "declined" in text_of(result)
                writes = tool.operation.id
                assert sandbox.request_counts().get(writes) == sent.get(writes), tool.name


async def test_the_operator_can_allow_destructive_calls(sandbox: RunningSandbox, mode: str) -> None:
    asked = Asked("decline")
    policy = ToolPolicy.load(CATALOG, Settings.from_env({"AMIGO_MCP_SKIP_CONFIRMATION": "1"}))
    async with connect(
        sandbox_settings(sandbox), mode, policy=policy, elicitation_callback=asked
    ) as (client, _):
        scenario_id = await _fresh_scenario(client)
        await ok(client, "delete_simulation_scenario", {"simulation_scenario_id": scenario_id})
    assert asked.messages == []


async def test_invalid_arguments_to_a_destructive_tool_are_refused_before_asking(
    sandbox: RunningSandbox, mode: str
) -> None:
    """The user is never asked to confirm a call that cannot run."""
    asked = Asked("accept", {"confirm": True})
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=asked) as (client, _):
        sandbox.reset_request_counts()
        text = await fails(client, "delete_simulation_scenario", {"simulation_scenario_id": "42"})
    assert "simulation_scenario_id: must match the pattern" in text
    assert asked.messages == []
    assert sandbox.request_counts() == {}


async def test_a_client_cannot_answer_a_question_it_was_not_asked(sandbox: RunningSandbox) -> None:
    """2026-07-28: the answer must come back with the sealed state of this very call."""
    accept = types.ElicitResult(action="accept", content={"confirm": True})
    async with connect(sandbox_settings(sandbox), "auto") as (client, _):
        first, second = await _fresh_scenario(client), await _fresh_scenario(client)
        sandbox.reset_request_counts()

        async def call(scenario_id: str, **extra: Any) -> Any:
            return await client.session.call_tool(
                "delete_simulation_scenario",
                {"simulation_scenario_id": scenario_id},
                allow_input_required=True,
                **extra,
            )

        # An answer with no state: asked again, nothing sent.
        again = await call(first, input_responses={"confirm": accept})
        assert isinstance(again, types.InputRequiredResult)
        # A state the server never issued: rejected.
        with pytest.raises(MCPError):
            await call(first, input_responses={"confirm": accept}, request_state="forged")
        # The state sealed for `first` does not confirm `second` (the SDK binds it to the request).
        with pytest.raises(MCPError, match="requestState"):
            await call(
                second, input_responses={"confirm": accept}, request_state=again.request_state
            )
        # Only reads (to word the question) reached Amigo.
        assert "delete-simulation-scenario" not in sandbox.request_counts()
        # With its own state, the confirmation goes through, once.
        done = await call(
            first, input_responses={"confirm": accept}, request_state=again.request_state
        )
        assert isinstance(done, types.CallToolResult) and not done.is_error
    assert sandbox.request_counts()["delete-simulation-scenario"] == 1
