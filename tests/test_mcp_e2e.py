"""Every tool, end to end: official MCP client -> amigo-mcp -> generated client -> sandbox.

Run in both protocol eras; results are checked field by field.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from amigo_mcp.catalog import load_catalog
from amigo_sandbox.demo import (
    DEMO_BEHAVIOR_SET_IDS,
    DEMO_CONVERSATION_ID,
    DEMO_EMPTY_CONVERSATION_ID,
    DEMO_METRIC_IDS,
    DEMO_SCENARIO_IN_USE_ID,
    DEMO_SERVICE_IDS,
)
from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import connect, fails, ok, sandbox_settings

pytestmark = pytest.mark.anyio

OBJECT_ID = re.compile(r"^[a-f0-9]{24}$")


@pytest.fixture(params=["auto", "legacy"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def inject(text: str) -> dict[str, Any]:
    return {"type": "inject-instruction", "instruction": text, "overrides_instructions": False}


TOOL_ACTION = {
    "type": "change-tool-candidates",
    "overrides_existing_tool_call_specs": False,
    "tool_call_specs": [
        {
            "tool_id": "0123456789abcdef01234567",
            "version_constraint": ">=1.0,<2",
            "additional_instruction": "Offer the loyalty discount when asked.",
            "audio_fillers": ["One moment please."],
            "audio_filler_triggered_after": 2.5,
            "result_persistence": "persisted-preferred",
            "tool_name": "loyalty_discount",
        }
    ],
}


async def test_dynamic_behavior_set_lifecycle(sandbox: RunningSandbox, mode: str) -> None:
    org, user = sandbox.organization, sandbox.user_id
    async with connect(sandbox_settings(sandbox), mode) as (client, _):
        page = await ok(client, "list_dynamic_behavior_sets", {})
        assert page["dynamic_behavior_sets"], "demo data has sets"
        for behavior_set in page["dynamic_behavior_sets"]:
            assert OBJECT_ID.match(behavior_set["id"])
            assert isinstance(behavior_set["is_active"], bool)
            assert behavior_set["creator"]["org_id"] == org
        assert set(page["filter_values"]) == {"applied_to_services_ids", "creators", "tags"}

        name = f"Loyalty offers {mode}"
        created = await ok(
            client,
            "create_dynamic_behavior_set",
            {
                "name": name,
                "tags": {"team": "growth", "draft": None},
                "applied_to_services": [DEMO_SERVICE_IDS["support"]],
                "initial_version": {
                    "is_active": True,
                    "conversation_triggers": ["user mentions cancelling their plan"],
                    "actions": [inject("Mention the loyalty discount.")],
                },
            },
        )
        set_id = created["dynamic_behavior_set_id"]
        assert OBJECT_ID.match(set_id)

        (found,) = (await ok(client, "list_dynamic_behavior_sets", {"id": [set_id]}))[
            "dynamic_behavior_sets"
        ]
        assert found["name"] == name
        assert found["tags"] == {"team": "growth", "draft": None}
        assert found["applied_to_services"] == [DEMO_SERVICE_IDS["support"]]
        assert found["is_active"] is True
        assert found["creator"] == {"org_id": org, "user_id": user}

        duplicate = await fails(
            client,
            "create_dynamic_behavior_set",
            {
                "name": name,
                "tags": {},
                "applied_to_services": [],
                "initial_version": {
                    "is_active": True,
                    "conversation_triggers": ["x"],
                    "actions": [],
                },
            },
        )
        assert "HTTP 409" in duplicate

        hits = await ok(client, "search_dynamic_behavior_sets", {"query": "cancelling"})
        assert set_id in [s["id"] for s in hits["dynamic_behavior_sets"]]

        updated = await ok(
            client,
            "update_dynamic_behavior_set",
            {"dynamic_behavior_set_id": set_id, "is_active": False, "name": f"{name} (paused)"},
        )
        assert updated == {"ok": True, "dynamic_behavior_set_id": set_id}
        (found,) = (await ok(client, "list_dynamic_behavior_sets", {"id": [set_id]}))[
            "dynamic_behavior_sets"
        ]
        assert (found["is_active"], found["name"]) == (False, f"{name} (paused)")
        assert found["tags"] == {"team": "growth", "draft": None}, "omitted fields stay"

        new = await ok(
            client,
            "create_dynamic_behavior_set_version",
            {
                "dynamic_behavior_set_id": set_id,
                "version": 2,
                "conversation_triggers": ["user wants to cancel", "user asks about discounts"],
                "actions": [TOOL_ACTION],
            },
        )
        assert new == {"new_version_number": 2}
        stale = await fails(
            client,
            "create_dynamic_behavior_set_version",
            {
                "dynamic_behavior_set_id": set_id,
                "version": 2,
                "conversation_triggers": ["x"],
                "actions": [],
            },
        )
        assert "HTTP 400" in stale

        (latest,) = (
            await ok(
                client,
                "list_dynamic_behavior_set_versions",
                {"dynamic_behavior_set_id": set_id, "version": "latest"},
            )
        )["dynamic_behavior_set_versions"]
        assert latest["version"] == 2
        assert latest["dynamic_behavior_set_id"] == set_id
        assert latest["conversation_triggers"] == [
            "user wants to cancel",
            "user asks about discounts",
        ]
        assert latest["actions"] == [TOOL_ACTION]
        versions = await ok(
            client,
            "list_dynamic_behavior_set_versions",
            {"dynamic_behavior_set_id": set_id, "sort_by": ["+version"]},
        )
        assert [v["version"] for v in versions["dynamic_behavior_set_versions"]] == [1, 2]
        assert versions["has_more"] is False

        deleted = await ok(
            client, "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": set_id}
        )
        assert deleted == {"ok": True, "dynamic_behavior_set_id": set_id}
        gone = await ok(client, "list_dynamic_behavior_sets", {"id": [set_id]})
        assert gone["dynamic_behavior_sets"] == []
        # A new call knows nothing of the earlier one: the API's 404, naming the ID.
        again = await fails(
            client, "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": set_id}
        )
        assert "HTTP 404" in again and set_id in again and "Check the ID" in again


async def test_invocations(sandbox: RunningSandbox, mode: str) -> None:
    set_id = DEMO_BEHAVIOR_SET_IDS["refunds"]
    async with connect(sandbox_settings(sandbox), mode) as (client, _):
        page = await ok(
            client,
            "list_dynamic_behavior_invocations",
            {"dynamic_behavior_set_id": set_id, "limit": 2, "sort_by": ["-invoked_at"]},
        )
        invocations = page["dynamic_behavior_invocations"]
        assert 1 <= len(invocations) <= 2
        for invocation in invocations:
            set_ref, version = invocation["dynamic_behavior_set_version_info"]
            assert set_ref == set_id and isinstance(version, int)
            assert OBJECT_ID.match(invocation["conversation_id"])
        times = [i["invoked_at"] for i in invocations]
        assert times == sorted(times, reverse=True)
        if page["has_more"]:
            rest = await ok(
                client,
                "list_dynamic_behavior_invocations",
                {
                    "dynamic_behavior_set_id": set_id,
                    "limit": 2,
                    "sort_by": ["-invoked_at"],
                    "continuation_token": page["continuation_token"],
                },
            )
            first_ids = {i["_id"] for i in invocations}
            assert not first_ids & {i["_id"] for i in rest["dynamic_behavior_invocations"]}


async def test_metrics(sandbox: RunningSandbox, mode: str) -> None:
    metric_ids = [DEMO_METRIC_IDS["satisfaction"], DEMO_METRIC_IDS["resolved"]]
    async with connect(sandbox_settings(sandbox), mode) as (client, _):
        evaluated = await ok(
            client,
            "evaluate_metrics",
            {"metric_ids": metric_ids, "conversation_id": DEMO_CONVERSATION_ID},
        )
        assert [m["metric_id"] for m in evaluated["metrics"]] == metric_ids
        for metric in evaluated["metrics"]:
            assert metric["justification"]
            assert isinstance(metric["references"], list)
        stored = await ok(
            client,
            "list_metric_evaluation_results",
            {"conversation_id": [DEMO_CONVERSATION_ID], "source_type": ["manual"]},
        )
        manual = {
            r["metric_id"]: r
            for r in stored["metric_evaluation_results"]
            if r["metric_id"] in metric_ids
        }
        assert set(manual) == set(metric_ids)
        for result in manual.values():
            assert result["source"]["type"] == "manual"
            assert result["source"]["conversation_id"] == DEMO_CONVERSATION_ID
            assert result["source"]["invoked_by"]["user_id"] == sandbox.user_id
        empty = await fails(
            client,
            "evaluate_metrics",
            {"metric_ids": metric_ids, "conversation_id": DEMO_EMPTY_CONVERSATION_ID},
        )
        assert "HTTP 400" in empty


async def test_simulation_scenario_lifecycle(sandbox: RunningSandbox, mode: str) -> None:
    name = f"Password reset {mode}"
    script = {
        "objective": "The user forgot their password and wants to reset it.",
        "instructions": "Be impatient; ask twice whether the link has been sent.",
        "initial_message_type": "user-message",
        "conversation_starts_at": None,
    }
    async with connect(sandbox_settings(sandbox), mode) as (client, _):
        created = await ok(
            client,
            "create_simulation_scenario",
            {"name": name, "tags": {"area": "account"}, "initial_version": script},
        )
        scenario_id = created["simulation_scenario_id"]
        (found,) = (await ok(client, "list_simulation_scenarios", {"id": [scenario_id]}))[
            "simulation_scenarios"
        ]
        assert (found["name"], found["tags"], found["is_deleted"]) == (
            name,
            {"area": "account"},
            False,
        )
        hits = await ok(client, "search_simulation_scenarios", {"query": "password"})
        assert scenario_id in [s["id"] for s in hits["simulation_scenarios"]]

        updated = await ok(
            client,
            "update_simulation_scenario",
            {"simulation_scenario_id": scenario_id, "tags": {"area": "security", "owner": None}},
        )
        assert updated == {"ok": True, "simulation_scenario_id": scenario_id}
        (found,) = (await ok(client, "list_simulation_scenarios", {"id": [scenario_id]}))[
            "simulation_scenarios"
        ]
        assert found["tags"] == {"area": "security", "owner": None}

        second = script | {
            "initial_message_type": "skip",
            "conversation_starts_at": "2026-01-05T09:30:00Z",
        }
        version = await ok(
            client,
            "create_simulation_scenario_version",
            {"simulation_scenario_id": scenario_id, "version": 2, **second},
        )
        assert version == {"version": 2}
        (latest,) = (
            await ok(
                client,
                "list_simulation_scenario_versions",
                {"simulation_scenario_id": scenario_id, "version": "2-latest"},
            )
        )["simulation_scenario_versions"]
        assert latest["version"] == 2
        assert latest["initial_message_type"] == "skip"
        assert latest["objective"] == script["objective"]
        assert latest["conversation_starts_at"].startswith("2026-01-05T09:30:00")

        duplicate = await fails(
            client,
            "create_simulation_scenario",
            {"name": name, "tags": {}, "initial_version": script},
        )
        assert "HTTP 409" in duplicate

        deleted = await ok(
            client, "delete_simulation_scenario", {"simulation_scenario_id": scenario_id}
        )
        assert deleted == {"ok": True, "simulation_scenario_id": scenario_id}
        (found,) = (await ok(client, "list_simulation_scenarios", {"id": [scenario_id]}))[
            "simulation_scenarios"
        ]
        assert found["is_deleted"] is True, "delete is soft"

        in_use = await fails(
            client,
            "delete_simulation_scenario",
            {"simulation_scenario_id": DEMO_SCENARIO_IN_USE_ID},
        )
        assert "HTTP 400" in in_use


async def test_invalid_arguments_name_the_field_and_send_nothing(
    sandbox: RunningSandbox, mode: str
) -> None:
    async with connect(sandbox_settings(sandbox), mode) as (client, _):
        await ok(client, "list_dynamic_behavior_sets", {"limit": 1})  # signs in
        before = sandbox.request_counts()
        text = await fails(
            client,
            "list_dynamic_behavior_sets",
            {"limit": 99, "sort_by": ["updated_at"], "tag": ["no-colon"], "colour": "red"},
        )
        assert "nothing was sent" in text
        assert "- limit: must be <= 50; got 99" in text
        assert "- sort_by[0]: must be one of" in text
        assert "- tag[0]: must match the pattern" in text
        assert "- colour: is not a known field of this tool" in text
        text = await fails(client, "create_simulation_scenario", {"name": "x"})
        assert "- tags: is required" in text and "- initial_version: is required" in text
        text = await fails(
            client, "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": "not-an-id"}
        )
        assert "dynamic_behavior_set_id: must match the pattern ^[a-f0-9]{24}$" in text
        assert sandbox.request_counts() == before


async def test_a_lone_surrogate_is_refused_by_field_and_nothing_is_sent(
    sandbox: RunningSandbox, mode: str
) -> None:
    """JSON can carry a lone surrogate ("\\udc00"), which is no Unicode text: no URL, header
    or UTF-8 body can hold it. Wherever it is, the field is named and nothing is sent."""
    async with connect(sandbox_settings(sandbox), mode) as (client, _):
        await ok(client, "list_dynamic_behavior_sets", {"limit": 1})  # signs in
        before = sandbox.request_counts()
        calls: list[tuple[str, dict[str, Any], str]] = [
            ("search_dynamic_behavior_sets", {"query": "refund", "tag": ["a:\udc00"]}, "tag[0]"),
            ("search_simulation_scenarios", {"query": "\ud800"}, "query"),
        ]
        for tool, arguments, field in calls:
            text = await fails(client, tool, arguments)
            assert "nothing was sent" in text and "failed inside amigo-mcp" not in text, text
            assert f"- {field}: is not valid Unicode text (it holds a lone surrogate)" in text
        assert sandbox.request_counts() == before


async def test_an_over_long_url_names_the_field_and_the_limit(
    sandbox: RunningSandbox, mode: str
) -> None:
    """Whatever an agent sends gets a field-level answer; a URL the API cannot take included."""
    limit = load_catalog().url_limit_bytes
    async with connect(sandbox_settings(sandbox), mode) as (client, _):
        await ok(client, "list_dynamic_behavior_sets", {"limit": 1})  # signs in
        before = sandbox.request_counts()
        for tool in ("search_dynamic_behavior_sets", "search_simulation_scenarios"):
            text = await fails(client, tool, {"query": "refund " * 150_000})  # about 1 MB
            assert "nothing was sent" in text and "failed inside amigo-mcp" not in text
            assert "- query: takes 1,050,007 bytes of the request URL (URL-encoded)" in text
            assert f"the API takes URLs up to {limit:,} bytes" in text
        # Many short values add up the same way; the field that carries them is named.
        text = await fails(
            client, "list_dynamic_behavior_sets", {"tag": [f"k{i}:v" for i in range(2000)]}
        )
        assert "- tag: takes " in text and f"up to {limit:,} bytes" in text
        assert sandbox.request_counts() == before
        # A query just within the limit is sent.
        await ok(client, "search_dynamic_behavior_sets", {"query": "refund " * 100})
