"""What list and search operations share: filters, sorting, pagination, search, version ranges."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from amigo_sandbox.errors import invalid_field

T = TypeVar("T")
U = TypeVar("U")


# --- pagination --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    has_more: bool
    continuation_token: int | None

    def map(self, convert: Callable[[T], U]) -> Page[U]:
        """The same page with each item converted (a stored row to its JSON, say)."""
        return Page([convert(item) for item in self.items], self.has_more, self.continuation_token)

    def body(self, key: str, **extra: Any) -> dict[str, Any]:
        """The answer of a list operation: the items under `key`, the paging fields, `extra`."""
        return {
            key: self.items,
            "has_more": self.has_more,
            "continuation_token": self.continuation_token,
            **extra,
        }


def paginate(items: Sequence[T], limit: int, continuation_token: int) -> Page[T]:
    """Offset pagination: the token is the index of the next item; null when nothing is left."""
    start = max(0, continuation_token)
    chunk = list(items[start : start + max(0, limit)])
    following = start + len(chunk)
    has_more = following < len(items)
    return Page(chunk, has_more, following if has_more else None)


# --- filters -----------------------------------------------------------------------------------


def tag_matches(
    tags: Mapping[str, str | None] | Iterable[tuple[str, str | None]], filters: Iterable[str] | None
) -> bool:
    """`key:value` (exact), `key:*` (any value) or `key:` (null value); several filters: any.

    Tags are a map (most objects) or a list of key/value pairs (metrics), where a key may repeat.
    """
    wanted = list(filters or [])
    if not wanted:
        return True
    pairs = list(tags.items() if isinstance(tags, Mapping) else tags)
    for text in wanted:
        key, _, value = text.partition(":")
        for tag_key, tag_value in pairs:
            if tag_key == key and (
                value == "*"
                or (value == "" and tag_value is None)
                or (value != "" and tag_value == value)
            ):
                return True
    return False


def creator_matches(creator: dict[str, str], filters: Iterable[str] | None) -> bool:
    """`org_id,user_id`; several filters: any."""
    wanted = list(filters or [])
    if not wanted:
        return True
    pairs = {tuple(part.strip() for part in text.split(",", 1)) for text in wanted}
    return (creator["org_id"], creator["user_id"]) in pairs


def distinct_creators(items: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """The `creator` of each item, once each, in first-seen order (for `filter_values`)."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    for item in items:
        found.setdefault((item["creator"]["org_id"], item["creator"]["user_id"]), item["creator"])
    return list(found.values())


def any_in(values: Iterable[str], filters: Iterable[str] | None) -> bool:
    wanted = set(filters or [])
    return not wanted or bool(wanted.intersection(values))


# --- sorting -----------------------------------------------------------------------------------


def sort_items(
    items: list[T], sort_by: Sequence[str] | None, key_of: Callable[[T, str], Any]
) -> list[T]:
    """Sort by `+field` / `-field` keys, the first key most significant; ties keep stored order."""
    ordered = list(items)
    for spec in reversed(list(sort_by or [])):
        descending = spec.startswith("-")
        field = spec.lstrip("+-")
        ordered.sort(key=lambda item: key_of(item, field), reverse=descending)
    return ordered


# --- search ------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_SUFFIXES = ("ing", "ed", "es", "s", "e")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    return [_stem(word.lower()) for word in _WORD.findall(text)]


def relevance(query: str, name: str, other_texts: Iterable[str] = ()) -> float:
    """How well a document matches: query terms in the name count double; 0 means no match.

    Like a text index, a document matches when any term of the query occurs (after light
    stemming); the whole query appearing verbatim in the name ranks highest.
    """
    wanted = set(terms(query))
    if not wanted:
        return 0.0
    name_terms = terms(name)
    other_terms = [t for text in other_texts for t in terms(text)]
    score = 0.0
    for term in wanted:
        score += 2.0 * name_terms.count(term) + 1.0 * other_terms.count(term)
    if score and query.strip().lower() in name.lower():
        score += 3.0
    return score


SEARCH_LIMIT = 50


# --- version selectors -------------------------------------------------------------------------

_SELECTOR = re.compile(r"\s*(\d+|latest)\s*(?:-\s*(\d+|latest)\s*)?", re.IGNORECASE)


def version_range(selector: str | None, latest: int) -> tuple[int, int]:
    """`3`, `latest`, `2-5`, `1-latest` (inclusive); None selects every version."""
    if selector is None:
        return 1, latest
    match = _SELECTOR.fullmatch(selector)
    if match is None:
        raise invalid_field(
            ["query", "version"],
            "Value error, version must be a number, `latest`, or a range like `2-5` or `1-latest`",
            selector,
        )

    def bound(text: str) -> int:
        return latest if text.lower() == "latest" else int(text)

    low = bound(match.group(1))
    high = bound(match.group(2)) if match.group(2) is not None else low
    return low, high
