from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.simulation_scenario_search_result import SimulationScenarioSearchResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization: str,
    *,
    query: str,
    creator: list[str] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_mongo_cluster_name, Unset):
        headers["x-mongo-cluster-name"] = x_mongo_cluster_name

    params: dict[str, Any] = {}

    params["query"] = query

    json_creator: list[str] | Unset = UNSET
    if not isinstance(creator, Unset):
        json_creator = creator

    params["creator"] = json_creator

    json_tag: list[str] | Unset = UNSET
    if not isinstance(tag, Unset):
        json_tag = tag

    params["tag"] = json_tag

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/{organization}/simulation/scenario/search".format(
            organization=quote(str(organization), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | SimulationScenarioSearchResult | None:
    if response.status_code == 200:
        response_200 = SimulationScenarioSearchResult.from_dict(response.json())

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
) -> Response[ErrorBody | SimulationScenarioSearchResult]:
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
    query: str,
    creator: list[str] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Response[ErrorBody | SimulationScenarioSearchResult]:
    """Search simulation scenarios

     Search for simulation scenarios that match the given filters and contain the given query
    in its name. Only the top 50 results will be returned. The results will be sorted by the
    relevance of the search query.

    Only simulation scenarios that the authenticated user has
    `Simulation:GetSimulationScenario` permission for are retrieved.

    Args:
        organization (str):
        query (str):
        creator (list[str] | Unset):
        tag (list[str] | Unset):
        x_mongo_cluster_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SimulationScenarioSearchResult]
    """

    kwargs = _get_kwargs(
        organization=organization,
        query=query,
        creator=creator,
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
    query: str,
    creator: list[str] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> ErrorBody | SimulationScenarioSearchResult | None:
    """Search simulation scenarios

     Search for simulation scenarios that match the given filters and contain the given query
    in its name. Only the top 50 results will be returned. The results will be sorted by the
    relevance of the search query.

    Only simulation scenarios that the authenticated user has
    `Simulation:GetSimulationScenario` permission for are retrieved.

    Args:
        organization (str):
        query (str):
        creator (list[str] | Unset):
        tag (list[str] | Unset):
        x_mongo_cluster_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SimulationScenarioSearchResult
    """

    return sync_detailed(
        organization=organization,
        client=client,
        query=query,
        creator=creator,
        tag=tag,
        x_mongo_cluster_name=x_mongo_cluster_name,
    ).parsed


async def asyncio_detailed(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    creator: list[str] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Response[ErrorBody | SimulationScenarioSearchResult]:
    """Search simulation scenarios

     Search for simulation scenarios that match the given filters and contain the given query
    in its name. Only the top 50 results will be returned. The results will be sorted by the
    relevance of the search query.

    Only simulation scenarios that the authenticated user has
    `Simulation:GetSimulationScenario` permission for are retrieved.

    Args:
        organization (str):
        query (str):
        creator (list[str] | Unset):
        tag (list[str] | Unset):
        x_mongo_cluster_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | SimulationScenarioSearchResult]
    """

    kwargs = _get_kwargs(
        organization=organization,
        query=query,
        creator=creator,
        tag=tag,
        x_mongo_cluster_name=x_mongo_cluster_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    query: str,
    creator: list[str] | Unset = UNSET,
    tag: list[str] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> ErrorBody | SimulationScenarioSearchResult | None:
    """Search simulation scenarios

     Search for simulation scenarios that match the given filters and contain the given query
    in its name. Only the top 50 results will be returned. The results will be sorted by the
    relevance of the search query.

    Only simulation scenarios that the authenticated user has
    `Simulation:GetSimulationScenario` permission for are retrieved.

    Args:
        organization (str):
        query (str):
        creator (list[str] | Unset):
        tag (list[str] | Unset):
        x_mongo_cluster_name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | SimulationScenarioSearchResult
    """

    return (
        await asyncio_detailed(
            organization=organization,
            client=client,
            query=query,
            creator=creator,
            tag=tag,
            x_mongo_cluster_name=x_mongo_cluster_name,
        )
    ).parsed
