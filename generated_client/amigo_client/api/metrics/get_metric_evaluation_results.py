import datetime
import logging
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.get_metric_evaluation_results_sort_by_item import GetMetricEvaluationResultsSortByItem
from ...models.metric_evaluation_result_list import MetricEvaluationResultList
from ...models.metric_evaluation_source_type import MetricEvaluationSourceType
from ...reading import ResponseParseError, parse_error, report_drift
from ...types import UNSET, Response, Unset

_logger = logging.getLogger("amigo_client")


def _get_kwargs(
    organization: str,
    *,
    limit: int | Unset = 500,
    continuation_token: int | Unset = 0,
    timestamp_after: datetime.datetime | None | Unset = UNSET,
    timestamp_before: datetime.datetime | None | Unset = UNSET,
    metric_id: list[str] | Unset = UNSET,
    metric_id_and_version: list[str] | Unset = UNSET,
    source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
    conversation_id: list[str] | Unset = UNSET,
    simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
    sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_mongo_cluster_name, Unset):
        headers["x-mongo-cluster-name"] = x_mongo_cluster_name

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["continuation_token"] = continuation_token

    json_timestamp_after: None | str | Unset
    if isinstance(timestamp_after, Unset):
        json_timestamp_after = UNSET
    elif isinstance(timestamp_after, datetime.datetime):
        json_timestamp_after = timestamp_after.isoformat()
    else:
        json_timestamp_after = timestamp_after
    params["timestamp_after"] = json_timestamp_after

    json_timestamp_before: None | str | Unset
    if isinstance(timestamp_before, Unset):
        json_timestamp_before = UNSET
    elif isinstance(timestamp_before, datetime.datetime):
        json_timestamp_before = timestamp_before.isoformat()
    else:
        json_timestamp_before = timestamp_before
    params["timestamp_before"] = json_timestamp_before

    json_metric_id: list[str] | Unset = UNSET
    if not isinstance(metric_id, Unset):
        json_metric_id = metric_id

    params["metric_id"] = json_metric_id

    json_metric_id_and_version: list[str] | Unset = UNSET
    if not isinstance(metric_id_and_version, Unset):
        json_metric_id_and_version = metric_id_and_version

    params["metric_id_and_version"] = json_metric_id_and_version

    json_source_type: list[str] | Unset = UNSET
    if not isinstance(source_type, Unset):
        json_source_type = []
        for source_type_item_data in source_type:
            source_type_item = source_type_item_data.value
            json_source_type.append(source_type_item)

    params["source_type"] = json_source_type

    json_conversation_id: list[str] | Unset = UNSET
    if not isinstance(conversation_id, Unset):
        json_conversation_id = conversation_id

    params["conversation_id"] = json_conversation_id

    json_simulation_unit_test_set_run_id: list[str] | Unset = UNSET
    if not isinstance(simulation_unit_test_set_run_id, Unset):
        json_simulation_unit_test_set_run_id = simulation_unit_test_set_run_id

    params["simulation_unit_test_set_run_id"] = json_simulation_unit_test_set_run_id

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
        "url": "/v1/{organization}/metric/metric_evaluation_result".format(
            organization=quote(str(organization), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | MetricEvaluationResultList | None:
    if response.status_code == 200:
        response_200 = MetricEvaluationResultList.from_dict(response.json())

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
) -> Response[ErrorBody | MetricEvaluationResultList]:
    try:
        status_code = HTTPStatus(response.status_code)
    except ValueError:
        # A code HTTPStatus does not name (e.g. 520 from a proxy): keep the number.
        status_code = cast(HTTPStatus, response.status_code)
    parsed: ErrorBody | MetricEvaluationResultList | None
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
            "get_metric_evaluation_results",
            problem.field,
            response.status_code,
            type(problem.__cause__).__name__,
        )
        parsed = None
    else:
        if 200 <= response.status_code < 300:  # error bodies go to the errors raised instead
            report_drift("get_metric_evaluation_results", parsed)
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
    limit: int | Unset = 500,
    continuation_token: int | Unset = 0,
    timestamp_after: datetime.datetime | None | Unset = UNSET,
    timestamp_before: datetime.datetime | None | Unset = UNSET,
    metric_id: list[str] | Unset = UNSET,
    metric_id_and_version: list[str] | Unset = UNSET,
    source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
    conversation_id: list[str] | Unset = UNSET,
    simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
    sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Response[ErrorBody | MetricEvaluationResultList]:
    """Get metric evaluation results

     Retrieve stored metric evaluation results that match the given filters, whether produced
    after a session (`post-session`), on request (`manual`) or by a simulation run
    (`simulation`).

    Args:
        organization (str): The ID of the organization.
        limit (int | Unset): The maximum number of metric evaluation results to return. Default:
            500.
        continuation_token (int | Unset): The continuation token from the previous request used to
            retrieve the next page of metric evaluation results. Default: 0.
        timestamp_after (datetime.datetime | None | Unset): Only return results created after this
            time.
        timestamp_before (datetime.datetime | None | Unset): Only return results created before
            this time.
        metric_id (list[str] | Unset): The IDs of the metrics whose results to return.
        metric_id_and_version (list[str] | Unset): Metric versions whose results to return, each
            written `<metric_id>-<version>`.
        source_type (list[MetricEvaluationSourceType] | Unset): The sources of the results to
            return.
        conversation_id (list[str] | Unset): The IDs of the conversations whose results to return.
        simulation_unit_test_set_run_id (list[str] | Unset): The IDs of the simulation unit test
            set runs whose results to return.
        sort_by (list[GetMetricEvaluationResultsSortByItem] | Unset): The fields to sort the
            results by. Supported fields are `created_at`. Specify a `+` before the field name to
            indicate ascending sorting and `-` for descending sorting. Multiple fields can be
            specified to break ties.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | MetricEvaluationResultList]
    """

    kwargs = _get_kwargs(
        organization=organization,
        limit=limit,
        continuation_token=continuation_token,
        timestamp_after=timestamp_after,
        timestamp_before=timestamp_before,
        metric_id=metric_id,
        metric_id_and_version=metric_id_and_version,
        source_type=source_type,
        conversation_id=conversation_id,
        simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
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
    limit: int | Unset = 500,
    continuation_token: int | Unset = 0,
    timestamp_after: datetime.datetime | None | Unset = UNSET,
    timestamp_before: datetime.datetime | None | Unset = UNSET,
    metric_id: list[str] | Unset = UNSET,
    metric_id_and_version: list[str] | Unset = UNSET,
    source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
    conversation_id: list[str] | Unset = UNSET,
    simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
    sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> ErrorBody | MetricEvaluationResultList | None:
    """Get metric evaluation results

     Retrieve stored metric evaluation results that match the given filters, whether produced
    after a session (`post-session`), on request (`manual`) or by a simulation run
    (`simulation`).

    Args:
        organization (str): The ID of the organization.
        limit (int | Unset): The maximum number of metric evaluation results to return. Default:
            500.
        continuation_token (int | Unset): The continuation token from the previous request used to
            retrieve the next page of metric evaluation results. Default: 0.
        timestamp_after (datetime.datetime | None | Unset): Only return results created after this
            time.
        timestamp_before (datetime.datetime | None | Unset): Only return results created before
            this time.
        metric_id (list[str] | Unset): The IDs of the metrics whose results to return.
        metric_id_and_version (list[str] | Unset): Metric versions whose results to return, each
            written `<metric_id>-<version>`.
        source_type (list[MetricEvaluationSourceType] | Unset): The sources of the results to
            return.
        conversation_id (list[str] | Unset): The IDs of the conversations whose results to return.
        simulation_unit_test_set_run_id (list[str] | Unset): The IDs of the simulation unit test
            set runs whose results to return.
        sort_by (list[GetMetricEvaluationResultsSortByItem] | Unset): The fields to sort the
            results by. Supported fields are `created_at`. Specify a `+` before the field name to
            indicate ascending sorting and `-` for descending sorting. Multiple fields can be
            specified to break ties.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | MetricEvaluationResultList
    """

    return sync_detailed(
        organization=organization,
        client=client,
        limit=limit,
        continuation_token=continuation_token,
        timestamp_after=timestamp_after,
        timestamp_before=timestamp_before,
        metric_id=metric_id,
        metric_id_and_version=metric_id_and_version,
        source_type=source_type,
        conversation_id=conversation_id,
        simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
        sort_by=sort_by,
        x_mongo_cluster_name=x_mongo_cluster_name,
    ).parsed


async def asyncio_detailed(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 500,
    continuation_token: int | Unset = 0,
    timestamp_after: datetime.datetime | None | Unset = UNSET,
    timestamp_before: datetime.datetime | None | Unset = UNSET,
    metric_id: list[str] | Unset = UNSET,
    metric_id_and_version: list[str] | Unset = UNSET,
    source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
    conversation_id: list[str] | Unset = UNSET,
    simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
    sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> Response[ErrorBody | MetricEvaluationResultList]:
    """Get metric evaluation results

     Retrieve stored metric evaluation results that match the given filters, whether produced
    after a session (`post-session`), on request (`manual`) or by a simulation run
    (`simulation`).

    Args:
        organization (str): The ID of the organization.
        limit (int | Unset): The maximum number of metric evaluation results to return. Default:
            500.
        continuation_token (int | Unset): The continuation token from the previous request used to
            retrieve the next page of metric evaluation results. Default: 0.
        timestamp_after (datetime.datetime | None | Unset): Only return results created after this
            time.
        timestamp_before (datetime.datetime | None | Unset): Only return results created before
            this time.
        metric_id (list[str] | Unset): The IDs of the metrics whose results to return.
        metric_id_and_version (list[str] | Unset): Metric versions whose results to return, each
            written `<metric_id>-<version>`.
        source_type (list[MetricEvaluationSourceType] | Unset): The sources of the results to
            return.
        conversation_id (list[str] | Unset): The IDs of the conversations whose results to return.
        simulation_unit_test_set_run_id (list[str] | Unset): The IDs of the simulation unit test
            set runs whose results to return.
        sort_by (list[GetMetricEvaluationResultsSortByItem] | Unset): The fields to sort the
            results by. Supported fields are `created_at`. Specify a `+` before the field name to
            indicate ascending sorting and `-` for descending sorting. Multiple fields can be
            specified to break ties.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | MetricEvaluationResultList]
    """

    kwargs = _get_kwargs(
        organization=organization,
        limit=limit,
        continuation_token=continuation_token,
        timestamp_after=timestamp_after,
        timestamp_before=timestamp_before,
        metric_id=metric_id,
        metric_id_and_version=metric_id_and_version,
        source_type=source_type,
        conversation_id=conversation_id,
        simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
        sort_by=sort_by,
        x_mongo_cluster_name=x_mongo_cluster_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization: str,
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = 500,
    continuation_token: int | Unset = 0,
    timestamp_after: datetime.datetime | None | Unset = UNSET,
    timestamp_before: datetime.datetime | None | Unset = UNSET,
    metric_id: list[str] | Unset = UNSET,
    metric_id_and_version: list[str] | Unset = UNSET,
    source_type: list[MetricEvaluationSourceType] | Unset = UNSET,
    conversation_id: list[str] | Unset = UNSET,
    simulation_unit_test_set_run_id: list[str] | Unset = UNSET,
    sort_by: list[GetMetricEvaluationResultsSortByItem] | Unset = UNSET,
    x_mongo_cluster_name: str | Unset = UNSET,
) -> ErrorBody | MetricEvaluationResultList | None:
    """Get metric evaluation results

     Retrieve stored metric evaluation results that match the given filters, whether produced
    after a session (`post-session`), on request (`manual`) or by a simulation run
    (`simulation`).

    Args:
        organization (str): The ID of the organization.
        limit (int | Unset): The maximum number of metric evaluation results to return. Default:
            500.
        continuation_token (int | Unset): The continuation token from the previous request used to
            retrieve the next page of metric evaluation results. Default: 0.
        timestamp_after (datetime.datetime | None | Unset): Only return results created after this
            time.
        timestamp_before (datetime.datetime | None | Unset): Only return results created before
            this time.
        metric_id (list[str] | Unset): The IDs of the metrics whose results to return.
        metric_id_and_version (list[str] | Unset): Metric versions whose results to return, each
            written `<metric_id>-<version>`.
        source_type (list[MetricEvaluationSourceType] | Unset): The sources of the results to
            return.
        conversation_id (list[str] | Unset): The IDs of the conversations whose results to return.
        simulation_unit_test_set_run_id (list[str] | Unset): The IDs of the simulation unit test
            set runs whose results to return.
        sort_by (list[GetMetricEvaluationResultsSortByItem] | Unset): The fields to sort the
            results by. Supported fields are `created_at`. Specify a `+` before the field name to
            indicate ascending sorting and `-` for descending sorting. Multiple fields can be
            specified to break ties.
        x_mongo_cluster_name (str | Unset): The Mongo cluster name to perform this request in.
            This is usually not needed unless the organization does not exist yet in the Amigo
            organization infra config database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | MetricEvaluationResultList
    """

    return (
        await asyncio_detailed(
            organization=organization,
            client=client,
            limit=limit,
            continuation_token=continuation_token,
            timestamp_after=timestamp_after,
            timestamp_before=timestamp_before,
            metric_id=metric_id,
            metric_id_and_version=metric_id_and_version,
            source_type=source_type,
            conversation_id=conversation_id,
            simulation_unit_test_set_run_id=simulation_unit_test_set_run_id,
            sort_by=sort_by,
            x_mongo_cluster_name=x_mongo_cluster_name,
        )
    ).parsed
