"""What the user is asked before a change, through a real MCP client, in both protocol eras.

- An update that empties lists behind a long name: every changed field, before -> after,
  emptied lists and maps said plainly, the name shortened in the middle.
- A delete names the object and what goes with it (hard delete with versions, soft delete).
- A new version of an active set asks with the difference; of an inactive set it does not;
  the operator can turn the live check off.
- Rollback creates a new version from an earlier one, asked with the difference.
- Declined or cancelled: nothing changed in the sandbox, no write request reached it.
- Unreadable state is said in the question; a stale version gets merge advice; a repeated
  delete is already gone; stateless HTTP refuses 2025-11-25 clients with the real cause.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mcp import Client

from amigo_mcp.confirm import field_changes, middle, show
from amigo_mcp.policy import ToolPolicy
from amigo_mcp.settings import Settings
from amigo_sandbox.server import RunningSandbox
from testing.mcp_helpers import (
    Answer,
    ElicitAction,
    clean_env,
    connect,
    fails,
    ok,
    sandbox_settings,
    serving_http,
    text_of,
)
from testing.safety_support import CATALOG, SCENARIO_SCRIPT, new_set, unique, valid_arguments

pytestmark = pytest.mark.anyio

LONG_NAME = "Escalate billing disputes for premium customers in the EU " * 8 + "END-OF-NAME"
SERVICE = valid_arguments("create_dynamic_behavior_set")["applied_to_services"][0]


@pytest.fixture(params=["auto", "legacy"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def writes(sandbox: RunningSandbox) -> dict[str, int]:
    """The requests the sandbox saw for operations that change data."""
    reads = {"sign-in-with-api-key"} | {t.operation.id for t in CATALOG.tools if t.read_only}
    return {op: n for op, n in sandbox.request_counts().items() if op not in reads}


async def the_set(client: Client, set_id: str) -> dict[str, Any]:
    page = await ok(client, "list_dynamic_behavior_sets", {"id": [set_id]})
    sets: list[dict[str, Any]] = page["dynamic_behavior_sets"]
    (found,) = sets
    return found


async def versions_of(client: Client, set_id: str) -> list[dict[str, Any]]:
    page = await ok(
        client,
        "list_dynamic_behavior_set_versions",
        {"dynamic_behavior_set_id": set_id, "version": "1-latest"},
    )
    return list(page["dynamic_behavior_set_versions"])


# --- updates ------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["accept", "decline", "cancel"])
async def test_an_update_that_empties_lists_shows_every_change(
    sandbox: RunningSandbox, mode: str, action: ElicitAction
) -> None:
    answer = Answer(action)
    set_id = new_set(sandbox, active=True, name=unique(LONG_NAME))
    arguments = {
        "dynamic_behavior_set_id": set_id,
        "applied_to_services": [],
        "tags": {},
        "is_active": False,
        "name": None,  # null: stays as it is, so not a change
    }
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        before = await the_set(client, set_id)
        sandbox.reset_request_counts()
        result = await client.call_tool("update_dynamic_behavior_set", arguments)
        sent = writes(sandbox)
        after = await the_set(client, set_id)

    (question,) = answer.questions
    lines = question.splitlines()
    # The object is named, its long name cut in the middle (start and end both shown).
    assert set_id in lines[0] and "Escalate billing" in lines[0] and "END-OF-NAME" in lines[0]
    assert " ... " in lines[0] and len(lines[0]) < 300
    # Every changed field, before -> after; emptied lists and maps said plainly.
    assert f'- applied_to_services: ["{SERVICE}"] → [] (emptied)' in lines
    assert '- tags: {team: "care", tier: "premium"} → {} (emptied)' in lines
    assert "- is_active: true → false" in lines
    assert not any(line.startswith("- name") for line in lines)
    assert "live agents change at once" in question
    if action == "accept":
        assert not result.is_error, text_of(result)
        assert sent == {"update-dynamic-behavior-set": 1}
        assert after["applied_to_services"] == [] and after["tags"] == {}
        assert after["is_active"] is False and after["name"] == before["name"]
    else:
        assert result.is_error and "nothing was sent" in text_of(result)
        assert sent == {} and after == before


async def test_changed_fields_come_first_and_nothing_that_changes_is_cut(
    sandbox: RunningSandbox, mode: str
) -> None:
    answer = Answer("decline")
    set_id = new_set(sandbox, active=False)
    arguments = {
        "dynamic_behavior_set_id": set_id,
        "name": unique("Renamed " + "x" * 400),
        "tags": {"team": "care", "tier": "premium"},  # as it is: unchanged, listed last
        "applied_to_services": [],
    }
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        await fails(client, "update_dynamic_behavior_set", arguments)
    (question,) = answer.questions
    lines = question.splitlines()
    changes = [line for line in lines if line.startswith("- ")]
    assert changes[0].startswith("- name: ") and " ... " in changes[0]
    assert changes[1].startswith("- applied_to_services: ")
    assert changes[-1] == "- unchanged (already so): tags"
    assert "live agents" not in question  # an inactive set


async def test_unreadable_state_is_said_not_guessed(sandbox: RunningSandbox, mode: str) -> None:
    answer = Answer("decline")
    set_id = new_set(sandbox, active=True)
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        await ok(client, "list_simulation_scenarios", {"limit": 1})  # signs in first
        sandbox.inject_fault("get-dynamic-behavior-sets", status=403, times=None)
        await fails(
            client,
            "update_dynamic_behavior_set",
            {"dynamic_behavior_set_id": set_id, "applied_to_services": []},
        )
    (question,) = answer.questions
    assert "current state could not be read" in question and "HTTP 403" in question
    assert "(name unknown)" in question
    assert "- applied_to_services: (current value unknown) → []" in question


# --- deletes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["accept", "cancel"])
async def test_a_delete_names_the_object_and_what_goes_with_it(
    sandbox: RunningSandbox, mode: str, action: ElicitAction
) -> None:
    answer = Answer("accept")
    name = unique("Weekend overflow")
    set_id = new_set(sandbox, active=True, name=name)
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        await ok(
            client,
            "create_dynamic_behavior_set_version",
            {
                "dynamic_behavior_set_id": set_id,
                "conversation_triggers": ["caller asks twice"],
                "actions": [],
            },
        )
        answer.questions.clear()
        answer.action = action
        sandbox.reset_request_counts()
        result = await client.call_tool(
            "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": set_id}
        )
        sent = writes(sandbox)
        left = await ok(client, "list_dynamic_behavior_sets", {"id": [set_id]})
    (question,) = answer.questions
    assert f'"{name}"' in question and set_id in question
    assert "Permanent (hard) delete, with all its versions" in question
    assert "It has 2 version(s)" in question
    assert "live agents change at once" in question
    if action == "accept":
        assert not result.is_error and sent == {"delete-dynamic-behavior-set": 1}
        assert left["dynamic_behavior_sets"] == []
    else:
        assert result.is_error and "cancelled" in text_of(result)
        assert sent == {} and len(left["dynamic_behavior_sets"]) == 1


async def test_a_scenario_delete_says_it_is_soft(sandbox: RunningSandbox, mode: str) -> None:
    answer = Answer("decline")
    name = unique("Reschedule script")
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        made = await ok(
            client,
            "create_simulation_scenario",
            {"name": name, "tags": {}, "initial_version": SCENARIO_SCRIPT},
        )
        scenario_id = made["simulation_scenario_id"]
        await fails(client, "delete_simulation_scenario", {"simulation_scenario_id": scenario_id})
    (question,) = answer.questions
    assert f'"{name}"' in question and scenario_id in question
    assert "Soft delete" in question and "keeps its versions" in question


async def test_a_repeated_scenario_delete_is_already_gone_and_asks_nobody(
    sandbox: RunningSandbox, mode: str
) -> None:
    """A soft-deleted scenario is known to have existed: deleting it again is already done."""
    answer = Answer("accept")
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        made = await ok(
            client,
            "create_simulation_scenario",
            {"name": unique("Soon gone"), "tags": {}, "initial_version": SCENARIO_SCRIPT},
        )
        scenario = {"simulation_scenario_id": made["simulation_scenario_id"]}
        first = await ok(client, "delete_simulation_scenario", scenario)
        sandbox.reset_request_counts()
        again = await ok(client, "delete_simulation_scenario", scenario)
    assert first == {"ok": True, **scenario}
    assert again == {"ok": True, **scenario, "already_gone": True}
    assert len(answer.questions) == 1  # nothing left to confirm the second time
    assert writes(sandbox) == {}


@pytest.mark.parametrize("confirmation", ["asked", "skipped"])
async def test_a_delete_of_an_id_never_seen_is_a_404_that_says_to_check_it(
    sandbox: RunningSandbox, mode: str, confirmation: str
) -> None:
    """A well-formed ID that names nothing (a typo, or a set deleted by an earlier call): the
    agent must not tell the user it is deleted while the object it meant stays. Nobody is
    asked; the API's 404 is the answer, with or without the read first."""
    answer = Answer("accept")
    policy = ToolPolicy(skip_confirmation=confirmation == "skipped")
    set_id = new_set(sandbox, active=False)
    deleted_set = {"dynamic_behavior_set_id": set_id}
    never = {"simulation_scenario_id": "665f1c2b9d3e4a5b6c7d8e99"}
    async with connect(
        sandbox_settings(sandbox), mode, policy=policy, elicitation_callback=answer
    ) as (client, _):
        await ok(client, "delete_dynamic_behavior_set", deleted_set)
        asked = len(answer.questions)
        sandbox.reset_request_counts()
        texts = [
            await fails(client, "delete_dynamic_behavior_set", deleted_set),
            await fails(client, "delete_simulation_scenario", never),
        ]
    for text, object_id in zip(texts, [set_id, never["simulation_scenario_id"]], strict=True):
        assert "HTTP 404" in text and object_id in text and "Check the ID" in text, text
        assert "already_gone" not in text
    assert len(answer.questions) == asked
    statuses = sandbox.response_statuses()
    assert statuses["delete-dynamic-behavior-set"] == {"404": 1}
    assert statuses["delete-simulation-scenario"] == {"404": 1}


# --- versions -----------------------------------------------------------------------------------

NEW_VERSION = {
    "conversation_triggers": ["user asks for a refund twice", "caller mentions a chargeback"],
    "actions": [],
}


@pytest.mark.parametrize("action", ["accept", "decline"])
async def test_a_new_version_of_an_active_set_asks_with_the_difference(
    sandbox: RunningSandbox, mode: str, action: ElicitAction
) -> None:
    answer = Answer(action)
    set_id = new_set(sandbox, active=True)
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        sandbox.reset_request_counts()
        result = await client.call_tool(
            "create_dynamic_behavior_set_version",
            {"dynamic_behavior_set_id": set_id, **NEW_VERSION},
        )
        sent = writes(sandbox)
        versions = await versions_of(client, set_id)
    (question,) = answer.questions
    lines = question.splitlines()
    assert "Creates version 2; difference from the latest version (1):" in lines
    assert '    added: "caller mentions a chargeback"' in lines
    assert "user asks for a refund twice" not in question  # in both: not a difference
    assert any(line.startswith('    removed: {type: "inject-instruction"') for line in lines)
    assert "    (emptied)" in lines
    assert "live agents change at once" in question
    if action == "accept":
        assert not result.is_error and [v["version"] for v in versions] == [1, 2]
        assert sent == {"create-dynamic-behavior-set-version": 1}
    else:
        assert result.is_error and sent == {} and [v["version"] for v in versions] == [1]


async def test_a_new_version_of_an_inactive_set_asks_nobody(
    sandbox: RunningSandbox, mode: str
) -> None:
    answer = Answer("decline")
    set_id = new_set(sandbox, active=False)
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        made = await ok(
            client,
            "create_dynamic_behavior_set_version",
            {"dynamic_behavior_set_id": set_id, **NEW_VERSION},
        )
    assert made == {"new_version_number": 2} and answer.questions == []


async def test_the_operator_can_turn_the_live_check_off(sandbox: RunningSandbox, mode: str) -> None:
    answer = Answer("decline")
    set_id = new_set(sandbox, active=True)
    policy = ToolPolicy.load(CATALOG, Settings.from_env({"AMIGO_MCP_SKIP_LIVE_CONFIRMATION": "1"}))
    async with connect(
        sandbox_settings(sandbox), mode, policy=policy, elicitation_callback=answer
    ) as (client, _):
        await ok(
            client,
            "create_dynamic_behavior_set_version",
            {"dynamic_behavior_set_id": set_id, **NEW_VERSION},
        )
        # Destructive tools still ask.
        await fails(client, "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": set_id})
    assert len(answer.questions) == 1 and "delete_dynamic_behavior_set" in answer.questions[0]


async def test_a_stale_version_gets_advice_to_merge_not_to_bump(
    sandbox: RunningSandbox, mode: str
) -> None:
    set_id = new_set(sandbox, active=False)
    async with connect(sandbox_settings(sandbox), mode) as (client, _):
        await ok(
            client,
            "create_dynamic_behavior_set_version",
            {"dynamic_behavior_set_id": set_id, "version": 2, **NEW_VERSION},
        )
        text = await fails(
            client,
            "create_dynamic_behavior_set_version",
            {"dynamic_behavior_set_id": set_id, "version": 2, **NEW_VERSION},
        )
    assert "HTTP 400" in text and "Do not just raise the version number" in text
    assert "merge the change you intended into it" in text and "show the user" in text
    assert "adjust the arguments" not in text


# --- rollback -----------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["accept", "decline"])
async def test_rollback_recreates_an_earlier_version(
    sandbox: RunningSandbox, mode: str, action: ElicitAction
) -> None:
    answer = Answer("accept")
    set_id = new_set(sandbox, active=True)
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        await ok(
            client,
            "create_dynamic_behavior_set_version",
            {"dynamic_behavior_set_id": set_id, **NEW_VERSION},
        )
        answer.questions.clear()
        answer.action = action
        sandbox.reset_request_counts()
        result = await client.call_tool(
            "rollback_dynamic_behavior_set", {"dynamic_behavior_set_id": set_id, "to_version": 1}
        )
        sent = writes(sandbox)
        versions = await versions_of(client, set_id)
    (question,) = answer.questions
    lines = question.splitlines()
    assert "Creates version 3 with the content of version 1; the latest is version 2." in lines
    assert '    removed: "caller mentions a chargeback"' in lines
    assert any(line.startswith('    added: {type: "inject-instruction"') for line in lines)
    assert "live agents change at once" in question
    if action == "accept":
        assert not result.is_error, text_of(result)
        assert result.structured_content == {"new_version_number": 3}
        first, _, third = versions
        for field in ("conversation_triggers", "actions"):
            assert third[field] == first[field]
        assert sent == {"create-dynamic-behavior-set-version": 1}
    else:
        assert result.is_error and sent == {} and len(versions) == 2


async def test_rollback_of_a_scenario(sandbox: RunningSandbox, mode: str) -> None:
    answer = Answer("accept")
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        made = await ok(
            client,
            "create_simulation_scenario",
            {"name": unique("Rollback me"), "tags": {}, "initial_version": SCENARIO_SCRIPT},
        )
        scenario_id = made["simulation_scenario_id"]
        changed = SCENARIO_SCRIPT | {"objective": "The caller wants a refund instead."}
        await ok(
            client,
            "create_simulation_scenario_version",
            {"simulation_scenario_id": scenario_id, **changed},
        )
        assert answer.questions == []  # scenarios are not live: a new version asks nobody
        back = await ok(
            client,
            "rollback_simulation_scenario",
            {"simulation_scenario_id": scenario_id, "to_version": 1},
        )
        page = await ok(
            client,
            "list_simulation_scenario_versions",
            {"simulation_scenario_id": scenario_id, "version": "latest"},
        )
    (question,) = answer.questions
    expected = f'- objective: "{changed["objective"]}" → "{SCENARIO_SCRIPT["objective"]}"'
    assert expected in question.splitlines()
    assert "- unchanged: instructions, initial_message_type, conversation_starts_at" in question
    assert back == {"version": 3}
    (latest,) = page["simulation_scenario_versions"]
    assert latest["objective"] == SCENARIO_SCRIPT["objective"]


async def test_rollback_to_a_version_that_does_not_exist_creates_nothing(
    sandbox: RunningSandbox, mode: str
) -> None:
    answer = Answer("accept")
    set_id = new_set(sandbox, active=False)
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        sandbox.reset_request_counts()
        text = await fails(
            client,
            "rollback_dynamic_behavior_set",
            {"dynamic_behavior_set_id": set_id, "to_version": 7},
        )
    assert "it has no version 7" in answer.questions[0]
    assert "there is no version 7; nothing was created" in text
    assert writes(sandbox) == {}


# --- stateless HTTP -----------------------------------------------------------------------------


@pytest.mark.slow  # starts amigo-mcp (in process: test_safety_http's stateless test)
async def test_stateless_http_asks_2026_clients_and_refuses_older_ones_honestly(
    sandbox: RunningSandbox,
) -> None:
    env = clean_env(
        AMIGO_BASE_URL=sandbox.base_url,
        AMIGO_ORGANIZATION_ID=sandbox.organization,
        AMIGO_API_KEY_ID=sandbox.api_key_id,
        AMIGO_API_KEY=sandbox.api_key,
        AMIGO_USER_ID=sandbox.user_id,
    )
    first, second = new_set(sandbox, active=False), new_set(sandbox, active=False)
    with serving_http(env, "--stateless") as url:
        answer = Answer("accept")
        async with Client(url, mode="auto", elicitation_callback=answer) as client:
            done = await ok(
                client, "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": first}
            )
        assert done["ok"] is True and len(answer.questions) == 1

        legacy = Answer("accept")
        sandbox.reset_request_counts()
        async with Client(url, mode="legacy", elicitation_callback=legacy) as client:
            text = await fails(
                client, "delete_dynamic_behavior_set", {"dynamic_behavior_set_id": second}
            )
        assert legacy.questions == []
        assert "this server runs in stateless HTTP mode (--stateless)" in text
        assert "2025-11-25" in text and "Nothing was sent" in text
        assert "without --stateless" in text and "2026-07-28" in text
        assert "--skip-confirmation" in text and "AMIGO_MCP_SKIP_CONFIRMATION=1" in text
        assert "does not support elicitation" not in text
        assert writes(sandbox) == {}


# --- the wording itself -------------------------------------------------------------------------


@given(st.text(min_size=0, max_size=600), st.integers(min_value=20, max_value=300))
def test_middle_keeps_both_ends_within_the_limit(text: str, limit: int) -> None:
    shown = middle(text, limit)
    if len(text) <= limit:
        assert shown == text
    else:
        assert len(shown) <= limit and " ... " in shown
        head, tail = shown.split(" ... ", 1)
        assert text.startswith(head) and text.endswith(tail) and head and tail


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=300),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@pytest.mark.slow
@given(
    st.dictionaries(st.sampled_from(["name", "tags", "services", "flag"]), values),
    st.dictionaries(st.sampled_from(["name", "tags", "services", "flag"]), values, min_size=1),
)
def test_every_changed_field_is_listed_before_the_unchanged_ones(
    before: dict[str, Any], after: dict[str, Any]
) -> None:
    lines = field_changes(before, after)
    changed = [f for f in after if before.get(f) != after[f]]
    same = [f for f in after if before.get(f) == after[f]]
    assert [line.split(":")[0][2:] for line in lines[: len(changed)]] == changed
    for field, line in zip(changed, lines, strict=False):
        assert line.endswith(show(after[field])) or line.endswith(f"{show(after[field])} (emptied)")
    assert (lines[-1] == f"- unchanged (already so): {', '.join(same)}") is bool(same)


async def test_a_change_to_an_object_that_does_not_exist_asks_nobody(
    sandbox: RunningSandbox, mode: str
) -> None:
    """Nothing can change: the call goes through and the API's 404 is the answer."""
    answer = Answer("accept")
    missing = "0123456789abcdef01234567"
    async with connect(sandbox_settings(sandbox), mode, elicitation_callback=answer) as (
        client,
        _,
    ):
        text = await fails(
            client,
            "update_dynamic_behavior_set",
            {"dynamic_behavior_set_id": missing, "is_active": False},
        )
    assert answer.questions == [] and "HTTP 404" in text
