"""Request limits the routes cannot state in their parameters: the size of a request body.

``BodyLimit`` is a plain ASGI middleware. A request that declares a ``Content-Length`` over
the limit is answered 413 before its body is read; one that streams its body without a
length is cut off with a 413 as soon as it has sent more than the limit.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 10_000_000


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> str:
        return f"request body too large: at most {self.max_bytes:,} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                error = JSONResponse({"detail": "Content-Length is not a number"}, 400)
                await error(scope, receive, send)
                return
            if int(declared) > self.max_bytes:
                await JSONResponse({"detail": self._too_large()}, 413)(scope, receive, send)
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:  # FastAPI re-raises an HTTPException from here
                    raise HTTPException(413, self._too_large())
            return message

        await self.app(scope, limited, send)
