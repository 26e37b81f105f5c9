import logging
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversation_list import ConversationList
from ...models.error_body import ErrorBody
from ...models.get_conversations_sort_by_item import GetConversationsSortByItem
from ...reading import ResponseParseError, parse_error, report_drift
from ...types import UNSET, Response, Unset

_logger = logging.getLogger("amigo_client")


def _get_kwargs(
    organization: str,
    *,
    user_id: list[str] | Unset = UNSET,
    service_id: list[str] | Unset = UNSET,
    is_finished: bool | None | Unset = UNSET,
    id: list[str] | Unset = UNSET,
    limit: int | Unset = 150,
    continuation_token: int | Unset = 0,
    sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_mongo_cluster_name, Unset):
        headers["x-mongo-cluster-name"] = x_mongo_cluster_name

    params: dict[str, Any] = {}

    json_user_id: list[str] | Unset = UNSET
    if not isinstance(user_id, Unset):
        json_user_id = user_id

    params["user_id"] = json_user_id

    json_service_id: list[str] | Unset = UNSET
    if not isinstance(service_id, Unset):
        json_service_id = service_id

    params["service_id"] = json_service_id

    json_is_finished: bool | None | Unset
    if isinstance(is_finished, Unset):
        json_is_finished = UNSET
    else:
        json_is_finished = is_finished
    params["is_finished"] = json_is_finished

    json_id: list[str] | Unset = UNSET
    if not isinstance(id, Unset):
        json_id = id

    params["id"] = json_id

    params["limit"] = limit

    params["continuation_token"] = continuation_token

    json_sort_by: list[str] | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = []
        for sort_by_item_data in sort_by:
            sort_by_item = sort_by_item_data.value
            json_sort_by.append(sort_by_item)

    params["sort_by"] = json_sort_by

    json_tag: list[str] | Unset = UNSET
    if not isinstance(tag, Unset):
        json_tag = tag

    params["tag"] = json_tag

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/{organization}/conversation/".format(
            organization=quote(str(organization), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConversationList | ErrorBody | None:
    if response.status_code == 200:
        response_200 = ConversationList.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ErrorBody.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConversationList | ErrorBody]:
    try:
        status_code = HTTPStatus(response.status_code)
    except ValueError:
        # A code HTTPStatus does not name (e.g. 520 from a proxy): keep the number.
        status_code = cast(HTTPStatus, response.status_code)
    parsed: ConversationList | ErrorBody | None
    problem: ResponseParseError | None = None
    try:
        parsed = _parse_response(client=client, response=response)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        # The body is valid HTTP but cannot be read as the API description says (a missing
        # field, a value of the wrong type, a body that is not JSON...). Keep the raw answer for
        # the caller; never log the body or a value from it, they may hold user data.
        problem = parse_error(error, response.content)
        _logger.warning(
            "%s: could not read %s of the HTTP %d answer (%s); returning it with parsed=None",
            "get_conversations",
            problem.field,
            response.status_code,
            type(problem.__cause__).__name__,
        )
        parsed = None
    else:
        if 200 <= response.status_code < 300:  # error bodies go to the errors raised instead
            report_drift("get_conversations", parsed)
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
        parse_error=problem,
    )


def sync_detailed(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    user_id: list[str] | Unset = UNSET,
    service_id: list[str] | Unset = UNSET,
    is_finished: bool | None | Unset = UNSET,
    id: list[str] | Unset = UNSET,
    limit: int | Unset = 150,
    continuation_token: int | Unset = 0,
    sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Response[ConversationList | ErrorBody]:
    """Get conversations

     Retrieve the conversations of the organization that match the given filters.

    Args:
        organization (str): The ID of the organization.
        user_id (list[str] | Unset): The IDs of the users whose conversations to retrieve.
        service_id (list[str] | Unset): The IDs of the services whose conversations to retrieve.
        is_finished (bool | None | Unset): Whether to retrieve only finished (true) or only
            ongoing (false) conversations; null for both.
        id (list[str] | Unset): The IDs of the conversations to retrieve.
        limit (int | Unset): The maximum number of conversations to return. Default: 150.
        continuation_token (int | Unset): The continuation token from the previous request used to
            retrieve the next page of conversations. Default: 0.
        sort_by (list[GetConversationsSortByItem] | Unset): The fields to sort the conversations
            by. Supported fields are `created_at`. Specify a `+` before the field name to indicate
            ascending sorting and `-` for descending sorting. Multiple fields can be specified to
            break ties.
        tag (list[str] | Unset): The tags to filter by. Must be specified using the syntax
            `key:value`, which means to match all items with the given key and value pair among its
            tags. If value is `*`, it means the value does not matter. If value is empty, it matches
            against when the value is None.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationList | ErrorBody]
    """

    kwargs = _get_kwargs(
        organization=organization,
        user_id=user_id,
        service_id=service_id,
        is_finished=is_finished,
        id=id,
        limit=limit,
        continuation_token=continuation_token,
        sort_by=sort_by,
        tag=tag,
        x_mongo_cluster_name=x_mongo_cluster_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    user_id: list[str] | Unset = UNSET,
    service_id: list[str] | Unset = UNSET,
    is_finished: bool | None | Unset = UNSET,
    id: list[str] | Unset = UNSET,
    limit: int | Unset = 150,
    continuation_token: int | Unset = 0,
    sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> ConversationList | ErrorBody | None:
    """Get conversations

     Retrieve the conversations of the organization that match the given filters.

    Args:
        organization (str): The ID of the organization.
        user_id (list[str] | Unset): The IDs of the users whose conversations to retrieve.
        service_id (list[str] | Unset): The IDs of the services whose conversations to retrieve.
        is_finished (bool | None | Unset): Whether to retrieve only finished (true) or only
            ongoing (false) conversations; null for both.
        id (list[str] | Unset): The IDs of the conversations to retrieve.
        limit (int | Unset): The maximum number of conversations to return. Default: 150.
        continuation_token (int | Unset): The continuation token from the previous request used to
            retrieve the next page of conversations. Default: 0.
        sort_by (list[GetConversationsSortByItem] | Unset): The fields to sort the conversations
            by. Supported fields are `created_at`. Specify a `+` before the field name to indicate
            ascending sorting and `-` for descending sorting. Multiple fields can be specified to
            break ties.
        tag (list[str] | Unset): The tags to filter by. Must be specified using the syntax
            `key:value`, which means to match all items with the given key and value pair among its
            tags. If value is `*`, it means the value does not matter. If value is empty, it matches
            against when the value is None.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationList | ErrorBody
    """

    return sync_detailed(
        organization=organization,
        client=client,
        user_id=user_id,
        service_id=service_id,
        is_finished=is_finished,
        id=id,
        limit=limit,
        continuation_token=continuation_token,
        sort_by=sort_by,
        tag=tag,
        x_mongo_cluster_name=x_mongo_cluster_name,
    ).parsed


async def asyncio_detailed(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    user_id: list[str] | Unset = UNSET,
    service_id: list[str] | Unset = UNSET,
    is_finished: bool | None | Unset = UNSET,
    id: list[str] | Unset = UNSET,
    limit: int | Unset = 150,
    continuation_token: int | Unset = 0,
    sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Response[ConversationList | ErrorBody]:
    """Get conversations

     Retrieve the conversations of the organization that match the given filters.

    Args:
        organization (str): The ID of the organization.
        user_id (list[str] | Unset): The IDs of the users whose conversations to retrieve.
        service_id (list[str] | Unset): The IDs of the services whose conversations to retrieve.
        is_finished (bool | None | Unset): Whether to retrieve only finished (true) or only
            ongoing (false) conversations; null for both.
        id (list[str] | Unset): The IDs of the conversations to retrieve.
        limit (int | Unset): The maximum number of conversations to return. Default: 150.
        continuation_token (int | Unset): The continuation token from the previous request used to
            retrieve the next page of conversations. Default: 0.
        sort_by (list[GetConversationsSortByItem] | Unset): The fields to sort the conversations
            by. Supported fields are `created_at`. Specify a `+` before the field name to indicate
            ascending sorting and `-` for descending sorting. Multiple fields can be specified to
            break ties.
        tag (list[str] | Unset): The tags to filter by. Must be specified using the syntax
            `key:value`, which means to match all items with the given key and value pair among its
            tags. If value is `*`, it means the value does not matter. If value is empty, it matches
            against when the value is None.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConversationList | ErrorBody]
    """

    kwargs = _get_kwargs(
        organization=organization,
        user_id=user_id,
        service_id=service_id,
        is_finished=is_finished,
        id=id,
        limit=limit,
        continuation_token=continuation_token,
        sort_by=sort_by,
        tag=tag,
        x_mongo_cluster_name=x_mongo_cluster_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    user_id: list[str] | Unset = UNSET,
    service_id: list[str] | Unset = UNSET,
    is_finished: bool | None | Unset = UNSET,
    id: list[str] | Unset = UNSET,
    limit: int | Unset = 150,
    continuation_token: int | Unset = 0,
    sort_by: list[GetConversationsSortByItem] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> ConversationList | ErrorBody | None:
    """Get conversations

     Retrieve the conversations of the organization that match the given filters.

    Args:
        organization (str): The ID of the organization.
        user_id (list[str] | Unset): The IDs of the users whose conversations to retrieve.
        service_id (list[str] | Unset): The IDs of the services whose conversations to retrieve.
        is_finished (bool | None | Unset): Whether to retrieve only finished (true) or only
            ongoing (false) conversations; null for both.
        id (list[str] | Unset): The IDs of the conversations to retrieve.
        limit (int | Unset): The maximum number of conversations to return. Default: 150.
        continuation_token (int | Unset): The continuation token from the previous request used to
            retrieve the next page of conversations. Default: 0.
        sort_by (list[GetConversationsSortByItem] | Unset): The fields to sort the conversations
            by. Supported fields are `created_at`. Specify a `+` before the field name to indicate
            ascending sorting and `-` for descending sorting. Multiple fields can be specified to
            break ties.
        tag (list[str] | Unset): The tags to filter by. Must be specified using the syntax
            `key:value`, which means to match all items with the given key and value pair among its
            tags. If value is `*`, it means the value does not matter. If value is empty, it matches
            against when the value is None.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConversationList | ErrorBody
    """

    return (
        await asyncio_detailed(
            organization=organization,
            client=client,
            user_id=user_id,
            service_id=service_id,
            is_finished=is_finished,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            sort_by=sort_by,
            tag=tag,
            x_mongo_cluster_name=x_mongo_cluster_name,
        )
    ).parsed
