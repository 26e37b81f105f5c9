import logging
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...reading import ResponseParseError, parse_error, report_drift
from ...types import UNSET, Response, Unset

_logger = logging.getLogger("amigo_client")


def _get_kwargs(
    organization: str,
    simulation_scenario_id: str,
    *,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_mongo_cluster_name, Unset):
        headers["x-mongo-cluster-name"] = x_mongo_cluster_name

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/{organization}/simulation/scenario/{simulation_scenario_id}/".format(
            organization=quote(str(organization), safe=""),
            simulation_scenario_id=quote(str(simulation_scenario_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorBody | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorBody]:
    try:
        status_code = HTTPStatus(response.status_code)
    except ValueError:
        # A code HTTPStatus does not name (e.g. 520 from a proxy): keep the number.
        status_code = cast(HTTPStatus, response.status_code)
    parsed: Any | ErrorBody | None
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
            "delete_simulation_scenario",
            problem.field,
            response.status_code,
            type(problem.__cause__).__name__,
        )
        parsed = None
    else:
        if 200 <= response.status_code < 300:  # error bodies go to the errors raised instead
            report_drift("delete_simulation_scenario", parsed)
    return Response(
        status_code=status_code,
        content=response.content,
        headers=response.headers,
        parsed=parsed,
        parse_error=problem,
    )


def sync_detailed(
    organization: str,
    simulation_scenario_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Response[Any | ErrorBody]:
    """Delete a simulation scenario

     Delete a simulation scenario. This endpoint only soft-deletes the simulation scenario so
    any existing references to it would still be valid. However, they cannot be used in any
    new simulations. This endpoint will error if the simulation scenario is used in any
    simulation unit tests.

    Requires `Simulation:DeleteSimulationScenario` on the simulation scenario to delete.

    Args:
        organization (str): The ID of the organization.
        simulation_scenario_id (str): The ID of the simulation scenario to delete. A 24-character
            lowercase hexadecimal object ID.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody]
    """

    kwargs = _get_kwargs(
        organization=organization,
        simulation_scenario_id=simulation_scenario_id,
        x_mongo_cluster_name=x_mongo_cluster_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization: str,
    simulation_scenario_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Any | ErrorBody | None:
    """Delete a simulation scenario

     Delete a simulation scenario. This endpoint only soft-deletes the simulation scenario so
    any existing references to it would still be valid. However, they cannot be used in any
    new simulations. This endpoint will error if the simulation scenario is used in any
    simulation unit tests.

    Requires `Simulation:DeleteSimulationScenario` on the simulation scenario to delete.

    Args:
        organization (str): The ID of the organization.
        simulation_scenario_id (str): The ID of the simulation scenario to delete. A 24-character
            lowercase hexadecimal object ID.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody
    """

    return sync_detailed(
        organization=organization,
        simulation_scenario_id=simulation_scenario_id,
        client=client,
        x_mongo_cluster_name=x_mongo_cluster_name,
    ).parsed


async def asyncio_detailed(
    organization: str,
    simulation_scenario_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Response[Any | ErrorBody]:
    """Delete a simulation scenario

     Delete a simulation scenario. This endpoint only soft-deletes the simulation scenario so
    any existing references to it would still be valid. However, they cannot be used in any
    new simulations. This endpoint will error if the simulation scenario is used in any
    simulation unit tests.

    Requires `Simulation:DeleteSimulationScenario` on the simulation scenario to delete.

    Args:
        organization (str): The ID of the organization.
        simulation_scenario_id (str): The ID of the simulation scenario to delete. A 24-character
            lowercase hexadecimal object ID.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorBody]
    """

    kwargs = _get_kwargs(
        organization=organization,
        simulation_scenario_id=simulation_scenario_id,
        x_mongo_cluster_name=x_mongo_cluster_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization: str,
    simulation_scenario_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Any | ErrorBody | None:
    """Delete a simulation scenario

     Delete a simulation scenario. This endpoint only soft-deletes the simulation scenario so
    any existing references to it would still be valid. However, they cannot be used in any
    new simulations. This endpoint will error if the simulation scenario is used in any
    simulation unit tests.

    Requires `Simulation:DeleteSimulationScenario` on the simulation scenario to delete.

    Args:
        organization (str): The ID of the organization.
        simulation_scenario_id (str): The ID of the simulation scenario to delete. A 24-character
            lowercase hexadecimal object ID.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorBody
    """

    return (
        await asyncio_detailed(
            organization=organization,
            simulation_scenario_id=simulation_scenario_id,
            client=client,
            x_mongo_cluster_name=x_mongo_cluster_name,
        )
    ).parsed
