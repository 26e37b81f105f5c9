"""From nothing to a stored evaluation: an agent on the default embedded sandbox finds a metric
by name, a conversation and its interactions, evaluates, and reads the stored results.

Nothing is known in advance but the words a user would say ("satisfaction", "refund"): every ID
comes from a tool's answer, as it would for a model. Official MCP client, both protocol eras.
"""

from __future__ import annotations

from typing import Any

import pytest

from amigo_mcp.settings import Settings
from testing.mcp_helpers import connect, ok

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["auto", "legacy"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def test_evaluate_a_conversation_starting_from_nothing(mode: str) -> None:
    async with connect(Settings.create(sandbox=True), mode) as (client, runtime):
        # "How satisfied was the customer who asked for a refund?"
        found = await ok(client, "search_metrics", {"query": "satisfaction"})
        metric = found["metrics"][0]
        assert metric["name"] == "Customer satisfaction"
        metric_id = metric["_id"]
        # The same metric through the list, tags as key/value pairs.
        listed = await ok(client, "list_metrics", {"type": ["numerical"]})
        by_id = {m["id"]: m for m in listed["metrics"]}
        assert {"key": "kind", "value": "csat"} in by_id[metric_id]["tags"]

        conversations = await ok(client, "list_conversations", {"is_finished": True})
        refund = next(
            c for c in conversations["conversations"] if "refund" in c["final_message"].lower()
        )
        assert refund["is_finished"] and refund["num_messages"] > 0

        messages = await ok(
            client,
            "list_conversation_messages",
            {"conversation_id": refund["id"], "message_type": ["user-message"]},
        )
        # Newest first: the interactions in the order they happened are the reverse.
        interactions = [m["interaction_id"] for m in reversed(messages["messages"])]
        assert len(interactions) == len(set(interactions)) >= 2
        first_turn = next(m for m in messages["messages"] if m["interaction_id"] == interactions[0])
        assert "charged twice" in first_turn["message"]

        evaluated = await ok(
            client,
            "evaluate_metrics",
            {
                "metric_ids": [metric_id],
                "conversation_id": refund["id"],
                "evaluate_to_interaction_id": interactions[0],
            },
        )
        (outcome,) = evaluated["metrics"]
        assert outcome["metric_id"] == metric_id
        assert "over 1 interaction" in outcome["justification"]

        stored = await ok(
            client,
            "list_metric_evaluation_results",
            {
                "metric_id": [metric_id],
                "conversation_id": [refund["id"]],
                "source_type": ["manual"],
            },
        )
        (result,) = stored["metric_evaluation_results"]
        assert result["result"] == outcome["value"]
        assert result["source"]["evaluate_to_interaction_id"] == interactions[0]
        assert result["source"]["conversation_id"] == refund["id"]
        # The post-session result of the same metric and conversation is there too.
        post: dict[str, Any] = await ok(
            client,
            "list_metric_evaluation_results",
            {"metric_id": [metric_id], "conversation_id": [refund["id"]]},
        )
        assert {r["source"]["type"] for r in post["metric_evaluation_results"]} == {
            "manual",
            "post-session",
        }
        assert runtime.sandbox is not None, "the default embedded sandbox answered"
