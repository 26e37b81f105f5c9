"""Whether an answer conforms to its tool's output schema is decided by jsonschema-rs
(`invoke.conforms`), while argument errors are explained by `jsonschema`: the two must give the
same verdict on every output schema of the catalog, for answers that conform and for answers
broken at one place, and on the date-time strings the API sends.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from amigo_mcp.catalog import load_catalog
from amigo_mcp.invoke import conforms
from testing.schema_strategies import accepts, mutation, valid

CATALOG = load_catalog()
SCHEMAS = [tool.output_schema for tool in CATALOG.tools if tool.output_schema]
DATE_TIME: dict[str, Any] = {"type": "string", "format": "date-time"}


def test_every_tool_has_an_output_schema_to_check() -> None:
    assert len(SCHEMAS) == len(CATALOG.tools)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), schema=st.sampled_from(SCHEMAS))
def test_conformity_is_the_verdict_of_jsonschema(data: st.DataObject, schema: Any) -> None:
    value = data.draw(valid(schema))
    assert conforms(schema, value) is True
    assert accepts(schema, value)
    broken = data.draw(mutation(schema, value))
    if broken is not None:
        _, bad, _ = broken
        assert conforms(schema, bad) is accepts(schema, bad) is False


_offsets = st.sampled_from(
    [UTC, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=8))]
)
_moments = st.datetimes(min_value=datetime(1, 1, 1), timezones=_offsets)


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        _moments.map(lambda moment: moment.isoformat()),
        _moments.map(lambda moment: moment.isoformat().replace("+00:00", "Z")),
        _moments.map(lambda moment: moment.isoformat(" ")),
        _moments.map(lambda moment: moment.replace(tzinfo=None).isoformat()),
        st.from_regex(r"\A\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d{1,9})?([Zz]|[+-]\d\d:\d\d)?\Z"),
        st.text(max_size=30),
    )
)
def test_date_times_get_the_same_verdict(text: str) -> None:
    assert conforms(DATE_TIME, text) is accepts(DATE_TIME, text)
