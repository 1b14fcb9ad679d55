"""Every error answers problem+json with a stable code (sync.protocol): the exception
handlers, the protocol-header check of /api routes, and one log line per request."""

from __future__ import annotations

import logging
import time

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync import protocol as p
from sync.server.security import RateLimited

log = logging.getLogger("fieldapp.server")

# Whole-number query parameters: their bounds, shared by the routes' declarations and the
# sentences a bad value gets.
WHOLE_NUMBERS: dict[str, tuple[int, int]] = {
    "cursor": (0, p.MAX_CURSOR),
    "limit": (1, p.MAX_PULL_LIMIT),
}
DATES = ("from", "to")


def problem_response(code: str, detail: str, status: int | None = None,
                     headers: dict[str, str] | None = None) -> JSONResponse:
    """A problem+json answer (RFC 9457) with FieldApp's `code`."""
    body = p.problem(code, detail, status)
    return JSONResponse(body, status_code=body["status"], media_type=p.PROBLEM_CONTENT_TYPE,
                        headers=headers)


def _explain(exc: RequestValidationError) -> str:
    """The sentence for a bad query parameter, as the protocol words it."""
    for error in exc.errors():
        loc = tuple(error.get("loc", ()))
        if len(loc) != 2 or loc[0] != "query":
            continue
        name = str(loc[1])
        if name in DATES:
            return "Give 'from' and 'to' as dates like 2026-10-31."
        if name in WHOLE_NUMBERS:
            low, high = WHOLE_NUMBERS[name]
            if error.get("type") in ("greater_than_equal", "less_than_equal"):
                return f"'{name}' must be between {low} and {high}."
            return f"'{name}' must be a whole number."
    return "The request's parameters are not valid."


def install(app: FastAPI) -> None:
    """Add the handlers and the middleware to `app`."""

    # A plain ASGI middleware, not @app.middleware("http"): Starlette's BaseHTTPMiddleware runs
    # every request in a task group and passes its body through a memory stream, a cost per
    # request that 200 laptops at once pay in queueing.
    app.add_middleware(ProtocolAndLog)

    @app.exception_handler(p.ProtocolError)
    async def _protocol_error(_request: Request, exc: p.ProtocolError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        if isinstance(exc, RateLimited):
            headers = {"Retry-After": str(exc.retry_after)}
        return problem_response(exc.code, exc.detail, exc.status, headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return problem_response("not_found", "There is no such endpoint on this server.", 404)
        if exc.status_code == 405:
            return problem_response("invalid_payload", "This endpoint does not answer that method.", 405)
        return problem_response("invalid_payload", str(exc.detail), exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response("invalid_payload", _explain(exc), 400)

    @app.exception_handler(Exception)
    async def _bug(_request: Request, exc: Exception) -> JSONResponse:
        log.error("bug", extra={"fields": {"error": type(exc).__name__}}, exc_info=exc)
        return problem_response("internal_error", "The server failed; this is a bug. "
                                                  "Try again later and tell IT.", 500)


class ProtocolAndLog:
    """The protocol-header check of /api routes, and one log line per request (no content)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500  # unless an answer starts: an exception escaping the app is a 500

        async def note_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            if scope["path"].startswith("/api/"):
                try:
                    p.parse_protocol_header(Headers(scope=scope).get(p.HEADER))
                except p.ProtocolError as exc:
                    await problem_response(exc.code, exc.detail, exc.status)(scope, receive, note_status)
                    return
            await self.app(scope, receive, note_status)
        finally:
            route = scope.get("route")
            log.info("request", extra={"fields": {
                "method": scope["method"],
                "route": getattr(route, "path", "unmatched"),
                "status": status,
                "ms": round((time.perf_counter() - start) * 1000, 1),
                "device": scope.get("fieldapp_device"),
            }})
