"""Sign-in with an API key, bearer and basic tokens, expiry, organizations and roles."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta

from amigo_sandbox import admin
from amigo_sandbox.clock import SandboxClock
from amigo_sandbox.demo import (
    DEMO_API_KEY,
    DEMO_API_KEY_ID,
    DEMO_ORGANIZATION,
    DEMO_USER_ID,
    DEMO_VIEWER_USER_ID,
)
from amigo_sandbox.server import RunningSandbox
from testing.sandbox_http import http_client
from tests.sandbox_support import STOPPED_AT, new_set_body

SETS = f"/v1/{DEMO_ORGANIZATION}/dynamic_behavior_set/"
SIGN_IN = f"/v1/{DEMO_ORGANIZATION}/user/signin_with_api_key"
DEMO_HEADERS = {
    "x-api-key": DEMO_API_KEY,
    "x-api-key-id": DEMO_API_KEY_ID,
    "x-user-id": DEMO_USER_ID,
}


def test_sign_in_issues_a_token_valid_until_it_expires(
    sandbox: RunningSandbox, stopped_clock: SandboxClock
) -> None:
    sandbox.set_token_lifetime(600.0)
    with http_client(sandbox.base_url) as http:
        answer = http.post(SIGN_IN, headers=DEMO_HEADERS)
        assert answer.status_code == 200
        body = answer.json()
        expires_at = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
        assert expires_at == STOPPED_AT + timedelta(seconds=600)
        bearer = {"Authorization": f"Bearer {body['id_token']}"}
        sandbox.advance_clock(599.9)
        assert http.get(SETS, headers=bearer).status_code == 200
        sandbox.advance_clock(0.1)
        expired = http.get(SETS, headers=bearer)
        assert expired.status_code == 401
        assert "expired" in expired.json()["detail"]
        assert expired.headers["WWW-Authenticate"] == "Bearer"
        # Signing in again is the cure.
        fresh = http.post(SIGN_IN, headers=DEMO_HEADERS).json()["id_token"]
        assert http.get(SETS, headers={"Authorization": f"Bearer {fresh}"}).status_code == 200


def test_wrong_credentials_and_unknown_organization(sandbox: RunningSandbox) -> None:
    with http_client(sandbox.base_url) as http:
        assert http.post(SIGN_IN, headers={**DEMO_HEADERS, "x-api-key": "nope"}).status_code == 401
        assert (
            http.post(SIGN_IN, headers={**DEMO_HEADERS, "x-api-key-id": "nope"}).status_code == 401
        )
        assert (
            http.post(SIGN_IN, headers={**DEMO_HEADERS, "x-user-id": "f" * 24}).status_code == 401
        )
        missing = http.post(SIGN_IN, headers={"x-api-key": DEMO_API_KEY})
        assert missing.status_code == 422
        assert [item["loc"] for item in missing.json()["detail"]] == [
            ["header", "x-api-key-id"],
            ["header", "x-user-id"],
        ]
        unknown = http.post("/v1/nobody/user/signin_with_api_key", headers=DEMO_HEADERS)
        assert unknown.status_code == 404
        # Secrets never come back in an answer.
        assert (
            DEMO_API_KEY
            not in http.post(SIGN_IN, headers={**DEMO_HEADERS, "x-api-key-id": "nope"}).text
        )


def test_missing_malformed_and_forged_tokens_are_refused(sandbox: RunningSandbox) -> None:
    token = sandbox.issue_token()
    header, payload, signature = token.split(".")
    forged_payload = base64.urlsafe_b64encode(
        base64.urlsafe_b64decode(payload + "==").replace(
            DEMO_USER_ID.encode(), DEMO_VIEWER_USER_ID.encode()
        )
    ).rstrip(b"=")
    with http_client(sandbox.base_url) as http:
        for authorization in [
            None,
            "",
            "Bearer",
            "Bearer not.a.token",
            f"Token {token}",
            f"Bearer {header}.{forged_payload.decode()}.{signature}",
            f"Bearer {token[:-2]}",
        ]:
            headers = {} if authorization is None else {"Authorization": authorization}
            answer = http.get(SETS, headers=headers)
            assert answer.status_code == 401, authorization
            assert token not in answer.text


def test_basic_auth_with_org_and_user_as_the_name(sandbox: RunningSandbox) -> None:
    token = sandbox.issue_token()
    with http_client(sandbox.base_url) as http:
        assert (
            http.get(SETS, auth=(f"{DEMO_ORGANIZATION}_{DEMO_USER_ID}", token)).status_code == 200
        )
        assert (
            http.get(SETS, auth=(f"{DEMO_ORGANIZATION}_{DEMO_VIEWER_USER_ID}", token)).status_code
            == 401
        )
        assert http.get(SETS, auth=(f"other_{DEMO_USER_ID}", token)).status_code == 401


def test_tokens_belong_to_one_organization(sandbox: RunningSandbox) -> None:
    other = sandbox.add_user(organization="amigo-auth-other")
    other_token = admin.issue_token(
        sandbox.sandbox, {"organization": other["organization"], "user_id": other["user_id"]}
    )["id_token"]
    with http_client(sandbox.base_url) as http:
        mine = {"Authorization": f"Bearer {sandbox.issue_token()}"}
        theirs = {"Authorization": f"Bearer {other_token}"}
        assert http.get(SETS, headers=theirs).status_code == 401
        other_sets = f"/v1/{other['organization']}/dynamic_behavior_set/"
        assert http.get(other_sets, headers=theirs).json()["dynamic_behavior_sets"] == []
        assert http.get(other_sets, headers=mine).status_code == 401
        cross = http.get(other_sets, headers={**mine, "X-ORG-ID": DEMO_ORGANIZATION})
        assert cross.status_code == 403
        lying = http.get(other_sets, headers={**mine, "X-ORG-ID": other["organization"]})
        assert lying.status_code == 401
        assert http.get("/v1/nowhere/dynamic_behavior_set/", headers=mine).status_code == 404
        # Their own API key signs in to their organization only.
        keys = {
            "x-api-key": other["api_key"],
            "x-api-key-id": other["api_key_id"],
            "x-user-id": other["user_id"],
        }
        assert (
            http.post(
                f"/v1/{other['organization']}/user/signin_with_api_key", headers=keys
            ).status_code
            == 200
        )
        assert http.post(SIGN_IN, headers=keys).status_code == 401


def test_a_viewer_reads_but_cannot_write(sandbox: RunningSandbox) -> None:
    viewer = {"Authorization": f"Bearer {sandbox.issue_token(DEMO_VIEWER_USER_ID)}"}
    with http_client(sandbox.base_url, headers=viewer) as http:
        assert http.get(SETS).status_code == 200
        refused = http.post(SETS, json=new_set_body("Viewer's set"))
        assert refused.status_code == 403
        assert (
            "DynamicBehaviorInstruction:CreateDynamicBehaviorInstruction"
            in refused.json()["detail"]
        )
