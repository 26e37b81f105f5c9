"""sign-in-with-api-key: exchange an API key for a bearer token."""

from __future__ import annotations

from amigo_sandbox.handlers.base import Call, Reply, handles
from amigo_sandbox.identity import expires_at_text, sign_in


@handles("sign-in-with-api-key")
def sign_in_with_api_key(call: Call) -> Reply:
    headers = call.request.headers
    token, claims = sign_in(
        call.conn,
        call.tokens,
        call.organization,
        key_id=headers["x-api-key-id"],
        api_key=headers["x-api-key"],
        user_id=headers["x-user-id"],
        now=call.now,
    )
    return Reply(200, {"id_token": token, "expires_at": expires_at_text(claims)})
