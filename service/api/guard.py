"""The checks every request passes before FastAPI reads it: API key, body size, content type.

Pure ASGI middleware rather than FastAPI dependencies, for three reasons: a request over the size
limit must be refused before its body is read (a 50 MB upload is answered 413 from its
`Content-Length` alone), an unauthenticated request must not get as far as having its JSON
parsed, and FastAPI solves dependencies anew on every request, which cost a one-sentence check
a fifth of its time. Chunked bodies, which have no length up front, are counted as they arrive and
refused once past the limit.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from service.api.problems import MEDIA_TYPE, problem_bytes

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

PROTECTED_PREFIX = "/v1/"
# The routes whose body is JSON: anything else declared is refused with 415 before it is read.
JSON_ROUTES = frozenset({"/v1/check", "/v1/claims", "/v1/figures"})


class GuardMiddleware:
    def __init__(self, app: ASGIApp, max_body_bytes: int, api_keys: tuple[bytes, ...]) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.api_keys = api_keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._needs_key(scope) and not self._authorised(scope):
            await _refuse(send, 401, "unauthorized", _UNAUTHORISED, _BEARER_CHALLENGE)
            return
        length = _content_length(scope)
        if length is not None and length > self.max_body_bytes:
            await _refuse(send, 413, "body-too-large", self._too_large(length), _CLOSE)
            return
        if length is None and _may_have_body(scope):
            body = await _read_at_most(receive, self.max_body_bytes)
            if body is None:
                await _refuse(send, 413, "body-too-large", self._too_large(None), _CLOSE)
                return
            receive = replay(body, receive)
        if scope["method"] == "POST" and scope["path"] in JSON_ROUTES:
            refused = _not_json(scope)
            if refused is not None:
                await _refuse(send, 415, "unsupported-media-type", refused, field="Content-Type")
                return
        await self.app(scope, receive, send)

    def _needs_key(self, scope: Scope) -> bool:
        return bool(self.api_keys) and scope["path"].startswith(PROTECTED_PREFIX)

    def _authorised(self, scope: Scope) -> bool:
        token = _bearer_token(scope)
        if token is None:
            return False
        # Compare with every key, without stopping early: timing says nothing about which matched.
        matches = [hmac.compare_digest(token, key) for key in self.api_keys]
        return any(matches)

    def _too_large(self, length: int | None) -> str:
        size = f"{length} bytes" if length is not None else "the body"
        return f"{size} is over the limit of {self.max_body_bytes} bytes (ECONCHECK_MAX_BODY_BYTES)"


_UNAUTHORISED = "send the header 'Authorization: Bearer <key>' with a key this service accepts"
_BEARER_CHALLENGE = [(b"www-authenticate", b'Bearer realm="econcheck"')]
# The rest of a refused body is never read: the connection closes instead of draining it.
_CLOSE = [(b"connection", b"close")]


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None


def _bearer_token(scope: Scope) -> bytes | None:
    value = _header(scope, b"authorization")
    if value is None:
        return None
    scheme, _, token = value.partition(b" ")
    if scheme.lower() != b"bearer" or not token.strip():
        return None
    return token.strip()


def _not_json(scope: Scope) -> str | None:
    """Why the body is not declared as JSON, or None (no content type at all is read as JSON)."""
    declared = _header(scope, b"content-type")
    if declared is None:
        return None
    media_type = declared.split(b";", 1)[0].strip().lower().decode("latin-1")
    if media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    ):
        return None
    return f"the body was sent as {media_type or 'nothing'}; send it as application/json"


def _content_length(scope: Scope) -> int | None:
    value = _header(scope, b"content-length")
    if value is None or not value.isdigit():
        return None
    return int(value)


def _may_have_body(scope: Scope) -> bool:
    return (
        scope["method"] in ("POST", "PUT", "PATCH")
        and _header(scope, b"transfer-encoding") is not None
    )


async def _read_at_most(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it grows past `limit`."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replay(body: bytes, original: Receive) -> Receive:
    """Hands the buffered body to the app, then the connection's own messages (disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return await original()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _refuse(
    send: Send,
    status: int,
    slug: str,
    detail: str,
    extra: list[tuple[bytes, bytes]] | None = None,
    field: str | None = None,
) -> None:
    body = problem_bytes(status, slug, detail, field)
    headers = [
        (b"content-type", MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
