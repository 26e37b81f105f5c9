"""Organizations, users, API keys, bearer tokens and the authentication of each request.

Tokens are HS256-signed JWTs made with the standard library; the signing secret lives in the
database, so tokens stay valid across a restart of a file-backed sandbox until they expire.
Neither tokens nor API keys are ever logged or echoed in error messages.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from amigo_sandbox.errors import ApiError, organization_not_found
from amigo_sandbox.values import timestamp_of

Role = Literal["admin", "viewer"]
ROLES: tuple[Role, ...] = ("admin", "viewer")

_ISSUER = "amigo-sandbox"


@dataclass(frozen=True)
class Principal:
    """The signed-in user a request acts as."""

    org_id: str
    user_id: str
    role: Role

    def reference(self) -> dict[str, str]:
        return {"org_id": self.org_id, "user_id": self.user_id}


@dataclass(frozen=True)
class Claims:
    org_id: str
    user_id: str
    expires_at: float


# --- provisioning ------------------------------------------------------------------------------


def hash_key(api_key: str) -> str:
    return hashlib.sha256(api_key.encode("utf-8")).hexdigest()


def ensure_organization(conn: sqlite3.Connection, org_id: str, created_at: str) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO organizations (id, created_at) VALUES (?, ?)", (org_id, created_at)
    )


def ensure_user(
    conn: sqlite3.Connection, org_id: str, user_id: str, name: str, role: Role, created_at: str
) -> None:
    ensure_organization(conn, org_id, created_at)
    conn.execute(
        "INSERT INTO users (org_id, user_id, name, role, created_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (org_id, user_id) DO UPDATE SET name = excluded.name, role = excluded.role",
        (org_id, user_id, name, role, created_at),
    )


def ensure_api_key(
    conn: sqlite3.Connection, org_id: str, key_id: str, api_key: str, created_at: str
) -> None:
    ensure_organization(conn, org_id, created_at)
    conn.execute(
        "INSERT INTO api_keys (org_id, key_id, key_sha256, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (org_id, key_id) DO UPDATE SET key_sha256 = excluded.key_sha256",
        (org_id, key_id, hash_key(api_key), created_at),
    )


def organization_exists(conn: sqlite3.Connection, org_id: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM organizations WHERE id = ?", (org_id,)).fetchone() is not None
    )


def find_user(conn: sqlite3.Connection, org_id: str, user_id: str) -> Principal | None:
    row = conn.execute(
        "SELECT role FROM users WHERE org_id = ? AND user_id = ?", (org_id, user_id)
    ).fetchone()
    if row is None:
        return None
    role: Role = "viewer" if row["role"] == "viewer" else "admin"
    return Principal(org_id, user_id, role)


def token_secret(conn: sqlite3.Connection) -> bytes:
    """The database's signing secret, created on first use."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'token_secret'").fetchone()
    if row is not None:
        return bytes.fromhex(str(row["value"]))
    secret = secrets.token_bytes(32)
    conn.execute("INSERT INTO meta (key, value) VALUES ('token_secret', ?)", (secret.hex(),))
    return secret


# --- tokens ------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class TokenService:
    def __init__(self, secret: bytes, lifetime_s: float) -> None:
        self._secret = secret
        self.lifetime_s = lifetime_s

    def mint(
        self, org_id: str, user_id: str, now: float, lifetime_s: float | None = None
    ) -> tuple[str, Claims]:
        expires = now + (self.lifetime_s if lifetime_s is None else lifetime_s)
        header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        payload = {
            "iss": _ISSUER,
            "sub": user_id,
            "org_id": org_id,
            "iat": int(now),
            "exp": round(expires, 3),
            "jti": secrets.token_hex(8),
        }
        body = _b64(json.dumps(payload, separators=(",", ":")).encode())
        signature = _b64(
            hmac.new(self._secret, f"{header}.{body}".encode(), hashlib.sha256).digest()
        )
        return f"{header}.{body}.{signature}", Claims(org_id, user_id, expires)

    def verify(self, token: str, now: float) -> Claims:
        parts = token.split(".")
        if len(parts) != 3:
            raise _unauthorized("Invalid authentication credentials.")
        header, body, signature = parts
        expected = _b64(
            hmac.new(self._secret, f"{header}.{body}".encode(), hashlib.sha256).digest()
        )
        if not hmac.compare_digest(expected, signature):
            raise _unauthorized("Invalid authentication credentials.")
        try:
            payload = json.loads(_unb64(body))
            claims = Claims(str(payload["org_id"]), str(payload["sub"]), float(payload["exp"]))
        except (ValueError, KeyError, TypeError, binascii.Error) as exc:
            raise _unauthorized("Invalid authentication credentials.") from exc
        if claims.expires_at <= now:
            raise _unauthorized("The token has expired; sign in again.")
        return claims


def expires_at_text(claims: Claims) -> str:
    return timestamp_of(claims.expires_at)


# --- per-request authentication ----------------------------------------------------------------


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, message, error_code="unauthorized", headers={"WWW-Authenticate": "Bearer"})


def _credentials(headers: Mapping[str, str]) -> tuple[str, tuple[str, str] | None]:
    """The token from `Authorization` (Bearer, or Basic `{org}_{user}`:token)."""
    value = headers.get("authorization")
    if not value or not value.strip():
        raise _unauthorized("Not authenticated.")
    scheme, _, rest = value.strip().partition(" ")
    rest = rest.strip()
    if scheme.lower() == "bearer" and rest:
        return rest, None
    if scheme.lower() == "basic" and rest:
        try:
            username, _, password = (
                base64.b64decode(rest, validate=True).decode("utf-8").partition(":")
            )
        except (binascii.Error, UnicodeDecodeError) as exc:
            raise _unauthorized("Invalid authentication credentials.") from exc
        org_id, sep, user_id = username.rpartition("_")
        if not sep or not org_id or not user_id or not password:
            raise _unauthorized("Invalid authentication credentials.")
        return password, (org_id, user_id)
    raise _unauthorized("Invalid authentication credentials.")


def authenticate(
    conn: sqlite3.Connection,
    tokens: TokenService,
    headers: Mapping[str, str],
    organization: str,
    now: float,
) -> Principal:
    """Who is calling, or 401 (credentials), 404 (organization) or 403 (cross-organization)."""
    token, basic_user = _credentials(headers)
    claims = tokens.verify(token, now)
    if basic_user is not None and basic_user != (claims.org_id, claims.user_id):
        raise _unauthorized("The Basic user name does not match the token.")
    issuer = headers.get("x-org-id")
    if issuer is not None and issuer != claims.org_id:
        raise _unauthorized("X-ORG-ID is not the organization that issued the token.")
    if not organization_exists(conn, organization):
        raise organization_not_found(organization)
    if organization != claims.org_id:
        if issuer is not None:
            raise ApiError(
                403,
                f"Missing required permissions: no role in organization {organization!r}.",
                error_code="forbidden",
            )
        raise _unauthorized("The token was not issued for this organization.")
    principal = find_user(conn, claims.org_id, claims.user_id)
    if principal is None:
        raise _unauthorized("The user of this token no longer exists.")
    return principal


def sign_in(
    conn: sqlite3.Connection,
    tokens: TokenService,
    organization: str,
    key_id: str,
    api_key: str,
    user_id: str,
    now: float,
) -> tuple[str, Claims]:
    if not organization_exists(conn, organization):
        raise organization_not_found(organization)
    row = conn.execute(
        "SELECT key_sha256 FROM api_keys WHERE org_id = ? AND key_id = ?", (organization, key_id)
    ).fetchone()
    valid_key = row is not None and hmac.compare_digest(str(row["key_sha256"]), hash_key(api_key))
    if not valid_key or find_user(conn, organization, user_id) is None:
        raise ApiError(401, "Invalid API key, API key ID or user ID.", error_code="invalid_api_key")
    return tokens.mint(organization, user_id, now)
