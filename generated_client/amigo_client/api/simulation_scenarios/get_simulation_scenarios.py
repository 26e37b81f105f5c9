from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.get_simulation_scenarios_sort_by_item import GetSimulationScenariosSortByItem
from ...models.simulation_scenario_list import SimulationScenarioList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization: str,
    *,
    id: list[str] | Unset = UNSET,
    limit: int | Unset = 50,
    continuation_token: int | Unset = 0,
    is_deleted: bool | None | Unset = UNSET,
    creator: list[str] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_mongo_cluster_name, Unset):
        headers["x-mongo-cluster-name"] = x_mongo_cluster_name

    params: dict[str, Any] = {}

    json_id: list[str] | Unset = UNSET
    if not isinstance(id, Unset):
        json_id = id

    params["id"] = json_id

    params["limit"] = limit

    params["continuation_token"] = continuation_token

    json_is_deleted: bool | None | Unset
    if isinstance(is_deleted, Unset):
        json_is_deleted = UNSET
    else:
        json_is_deleted = is_deleted
    params["is_deleted"] = json_is_deleted

    json_creator: list[str] | Unset = UNSET
    if not isinstance(creator, Unset):
        json_creator = creator

    params["creator"] = json_creator

    json_tag: list[str] | Unset = UNSET
    if not isinstance(tag, Unset):
        json_tag = tag

    params["tag"] = json_tag

    json_sort_by: list[str] | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = []
        for sort_by_item_data in sort_by:
            sort_by_item = sort_by_item_data.value
            json_sort_by.append(sort_by_item)

    params["sort_by"] = json_sort_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/{organization}/simulation/scenario/".format(
            organization=quote(str(organization), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | SimulationScenarioList | None:
    if response.status_code == 200:
        response_200 = SimulationScenarioList.from_dict(response.json())

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
) -> Response[ErrorBody | SimulationScenarioList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    id: list[str] | Unset = UNSET,
    limit: int | Unset = 50,
    continuation_token: int | Unset = 0,
    is_deleted: bool | None | Unset = UNSET,
    creator: list[str] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Response[ErrorBody | SimulationScenarioList]:
    """List simulation scenarios

     Retrieve simulation scenarios that match the given filters.

    Only simulation scenarios that the authenticated user has
    `Simulation:GetSimulationScenario` permission for are retrieved.

    Args:
        organization (str):
        id (list[str] | Unset):
        limit (int | Unset):  Default: 50.
        continuation_token (int | Unset):  Default: 0.
        is_deleted (bool | None | Unset):
        creator (list[str] | Unset):
        tag (list[str] | Unset):
        sort_by (list[GetSimulationScenariosSortByItem] | Unset):
        x_mongo_cluster_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SimulationScenarioList]
    """

    kwargs = _get_kwargs(
        organization=organization,
        id=id,
        limit=limit,
        continuation_token=continuation_token,
        is_deleted=is_deleted,
        creator=creator,
        tag=tag,
        sort_by=sort_by,
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
    id: list[str] | Unset = UNSET,
    limit: int | Unset = 50,
    continuation_token: int | Unset = 0,
    is_deleted: bool | None | Unset = UNSET,
    creator: list[str] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> ErrorBody | SimulationScenarioList | None:
    """List simulation scenarios

     Retrieve simulation scenarios that match the given filters.

    Only simulation scenarios that the authenticated user has
    `Simulation:GetSimulationScenario` permission for are retrieved.

    Args:
        organization (str):
        id (list[str] | Unset):
        limit (int | Unset):  Default: 50.
        continuation_token (int | Unset):  Default: 0.
        is_deleted (bool | None | Unset):
        creator (list[str] | Unset):
        tag (list[str] | Unset):
        sort_by (list[GetSimulationScenariosSortByItem] | Unset):
        x_mongo_cluster_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SimulationScenarioList
    """

    return sync_detailed(
        organization=organization,
        client=client,
        id=id,
        limit=limit,
        continuation_token=continuation_token,
        is_deleted=is_deleted,
        creator=creator,
        tag=tag,
        sort_by=sort_by,
        x_mongo_cluster_name=x_mongo_cluster_name,
    ).parsed


async def asyncio_detailed(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    id: list[str] | Unset = UNSET,
    limit: int | Unset = 50,
    continuation_token: int | Unset = 0,
    is_deleted: bool | None | Unset = UNSET,
    creator: list[str] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Response[ErrorBody | SimulationScenarioList]:
    """List simulation scenarios

     Retrieve simulation scenarios that match the given filters.

    Only simulation scenarios that the authenticated user has
    `Simulation:GetSimulationScenario` permission for are retrieved.

    Args:
        organization (str):
        id (list[str] | Unset):
        limit (int | Unset):  Default: 50.
        continuation_token (int | Unset):  Default: 0.
        is_deleted (bool | None | Unset):
        creator (list[str] | Unset):
        tag (list[str] | Unset):
        sort_by (list[GetSimulationScenariosSortByItem] | Unset):
        x_mongo_cluster_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SimulationScenarioList]
    """

    kwargs = _get_kwargs(
        organization=organization,
        id=id,
        limit=limit,
        continuation_token=continuation_token,
        is_deleted=is_deleted,
        creator=creator,
        tag=tag,
        sort_by=sort_by,
        x_mongo_cluster_name=x_mongo_cluster_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    id: list[str] | Unset = UNSET,
    limit: int | Unset = 50,
    continuation_token: int | Unset = 0,
    is_deleted: bool | None | Unset = UNSET,
    creator: list[str] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    sort_by: list[GetSimulationScenariosSortByItem] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> ErrorBody | SimulationScenarioList | None:
    """List simulation scenarios

     Retrieve simulation scenarios that match the given filters.

    Only simulation scenarios that the authenticated user has
    `Simulation:GetSimulationScenario` permission for are retrieved.

    Args:
        organization (str):
        id (list[str] | Unset):
        limit (int | Unset):  Default: 50.
        continuation_token (int | Unset):  Default: 0.
        is_deleted (bool | None | Unset):
        creator (list[str] | Unset):
        tag (list[str] | Unset):
        sort_by (list[GetSimulationScenariosSortByItem] | Unset):
        x_mongo_cluster_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SimulationScenarioList
    """

    return (
        await asyncio_detailed(
            organization=organization,
            client=client,
            id=id,
            limit=limit,
            continuation_token=continuation_token,
            is_deleted=is_deleted,
            creator=creator,
            tag=tag,
            sort_by=sort_by,
            x_mongo_cluster_name=x_mongo_cluster_name,
        )
    ).parsed
