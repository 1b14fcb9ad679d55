"""The HTTP face of the server (FastAPI): enrolment, /me, push, pull, health.

Bodies are read and parsed here, not by FastAPI's models, so that every bad
input gets a problem+json answer with a stable code and a sentence (and a
size limit that holds before the body is in memory). The work itself is in
`sync.server.service`, which knows nothing of HTTP.
"""

from __future__ import annotations

import json
import logging
import os
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from casework.ids import device_code
from sync import protocol as p
from sync.server import security
from sync.server.db import devices, enrolment_codes, make_engine, meta, reading, users
from sync.server.logs import setup_logging
from sync.server.service import Actor, _audit_row, now_iso, pull, push, write_audit

log = logging.getLogger("fieldapp.server")

_NO_HEADER_PATHS = ("/health", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc")


@dataclass
class Settings:
    database_url: str
    enrol_max_failures_per_user: int = 5
    enrol_max_failures_per_address: int = 30
    enrol_window_s: float = 900.0
    validate_records: bool = True
    commit_delay_for_tests: float = 0.0  # widen the numbering-to-commit window (tests only)
    # Closed households leave caseworkers' laptops this many days after closing (checked hourly).
    retention_days: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def problem_response(code: str, detail: str, status: int | None = None,
                     headers: dict[str, str] | None = None) -> JSONResponse:
    body = p.problem(code, detail, status)
    return JSONResponse(body, status_code=body["status"], media_type=p.PROBLEM_CONTENT_TYPE,
                        headers=headers)


def _loads(data: bytes) -> Any:
    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not allowed in JSON")

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise p.ProtocolError("invalid_payload", "The body is not UTF-8 text.") from None
    try:
        return json.loads(text, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise p.ProtocolError("invalid_payload", f"The body is not valid JSON: {exc.msg} "
                                                 f"(line {exc.lineno}, column {exc.colno}).") from None
    except ValueError as exc:
        raise p.ProtocolError("invalid_payload", f"The body is not valid JSON: {exc}.") from None
    except RecursionError:
        raise p.ProtocolError("invalid_payload", "The body's JSON is nested too deeply.") from None


async def read_json(request: Request, limit: int) -> Any:
    """The request's JSON body: at most `limit` bytes on the wire, gunzipped when sent so."""
    too_large = p.ProtocolError("payload_too_large",
                                f"The request is larger than {limit:,} bytes; send smaller batches.")
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise p.ProtocolError("invalid_payload", "Content-Length is not a number.")
        if int(declared) > limit:
            raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    body = b"".join(chunks)
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding == "gzip":
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = inflater.decompress(body, p.MAX_INFLATED_BYTES + 1)
        except zlib.error:
            raise p.ProtocolError("invalid_payload", "The body says it is gzip but is not.") from None
        if len(body) > p.MAX_INFLATED_BYTES or inflater.unconsumed_tail:
            raise p.ProtocolError("payload_too_large", "The body is too large once uncompressed "
                                                       f"(at most {p.MAX_INFLATED_BYTES:,} bytes).")
        if not inflater.eof:
            raise p.ProtocolError("invalid_payload", "The gzip body is cut short.")
    elif encoding not in ("identity", ""):
        raise p.ProtocolError("invalid_payload", f"Content-Encoding '{encoding[:20]}' is not "
                                                 "understood; send gzip or nothing.")
    if not body:
        raise p.ProtocolError("invalid_payload", "The request has no body; send a JSON object.")
    return _loads(body)


def _user_info(user: Any) -> dict[str, Any]:
    return {"id": user.id, "username": user.username, "display_name": user.display_name,
            "role": user.role, "team_id": user.team_id, "protected_access": bool(user.protected_access)}


def create_app(settings: Settings) -> FastAPI:
    setup_logging()
    engine = make_engine(settings.database_url)
    app = FastAPI(title="FieldApp server", version=str(p.PROTOCOL_VERSION),
                  description="Sync protocol version 1: see docs/server.md.")
    app.state.engine = engine
    app.state.settings = settings
    with engine.connect() as conn:
        app.state.server_id = conn.execute(sa.select(meta.c.value)
                                           .where(meta.c.key == "server_id")).scalar_one()
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    if settings.retention_days is not None:
        _start_retention(engine, settings.retention_days)

    @app.middleware("http")
    async def protocol_and_log(request: Request, call_next: Any) -> Any:
        start = time.perf_counter()
        path = request.url.path
        response = None
        try:
            if path.startswith("/api/"):
                try:
                    p.parse_protocol_header(request.headers.get(p.HEADER))
                except p.ProtocolError as exc:
                    response = problem_response(exc.code, exc.detail, exc.status)
            if response is None:
                response = await call_next(request)
            return response
        finally:
            route = request.scope.get("route")
            log.info("request", extra={"fields": {
                "method": request.method,
                "route": getattr(route, "path", "unmatched"),
                "status": response.status_code if response is not None else 500,
                "ms": round((time.perf_counter() - start) * 1000, 1),
                "device": request.scope.get("fieldapp_device"),
            }})

    @app.exception_handler(p.ProtocolError)
    async def _protocol_error(_request: Request, exc: p.ProtocolError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        if exc.code == "rate_limited":
            headers = {"Retry-After": str(int(getattr(exc, "retry_after", 60)))}
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
        return problem_response("invalid_payload", "The request's parameters are not valid.", 400)

    @app.exception_handler(Exception)
    async def _bug(_request: Request, exc: Exception) -> JSONResponse:
        log.error("bug", extra={"fields": {"error": type(exc).__name__}}, exc_info=exc)
        return problem_response("internal_error", "The server failed; this is a bug. "
                                                  "Try again later and tell IT.", 500)

    def authenticate(request: Request) -> Actor:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise p.ProtocolError("unauthorized", "Sign in first: send the device token as "
                                                  "'Authorization: Bearer <token>'.")
        digest = security.token_hash(token.strip())
        with reading(engine) as conn:
            row = conn.execute(
                sa.select(devices.c.device_id, devices.c.number, devices.c.revoked_at,
                          users.c.id, users.c.role, users.c.team_id, users.c.protected_access,
                          users.c.disabled)
                .select_from(devices.join(users, users.c.id == devices.c.user_id))
                .where(devices.c.token_hash == digest)).first()
        if row is None:
            raise p.ProtocolError("unauthorized", "This device token is not known; "
                                                  "enrol the laptop again.")
        if row.revoked_at:
            raise p.ProtocolError("device_revoked", "This laptop was revoked by IT; "
                                                    "its local records are to be wiped.")
        if row.disabled:
            raise p.ProtocolError("unauthorized", "This account is disabled; ask IT.")
        request.scope["fieldapp_device"] = row.number
        return Actor(row.id, row.role, row.team_id, bool(row.protected_access), row.device_id,
                     row.number)

    @app.get("/health", summary="Liveness and database check (no authentication)")
    def health() -> JSONResponse:
        try:
            with reading(engine) as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError:
            return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
        return JSONResponse({"status": "ok", "database": "ok",
                             "protocol_versions": list(p.SUPPORTED_VERSIONS)})

    @app.post(f"{p.API_PREFIX}/devices", summary="Enrol a laptop: username and password for a device token",
              openapi_extra=_ENROL_DOC)
    async def enrol(request: Request) -> JSONResponse:
        body = await read_json(request, p.MAX_ENROL_BODY_BYTES)
        enrolment = p.parse_enrolment(body)
        address = request.client.host if request.client else "unknown"
        from starlette.concurrency import run_in_threadpool

        answer = await run_in_threadpool(_enrol, engine, settings, enrolment, address,
                                         app.state.server_id)
        return JSONResponse(answer, status_code=201)

    @app.get(f"{p.API_PREFIX}/me", summary="The signed-in user, the server's time and protocols")
    def me(request: Request) -> JSONResponse:
        actor = authenticate(request)
        with reading(engine) as conn:
            user = conn.execute(sa.select(users).where(users.c.id == actor.user_id)).one()
        return JSONResponse({
            "user": _user_info(user), "device_id": actor.device_id,
            "device_number": actor.device_number,
            "device_code": device_code(actor.device_number or 1),
            "server_id": app.state.server_id,
            "server_time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "protocol_versions": list(p.SUPPORTED_VERSIONS)})

    @app.get(f"{p.API_PREFIX}/sync/pull", summary="Changes in the caller's scope after a cursor")
    def pull_endpoint(request: Request) -> JSONResponse:
        actor = authenticate(request)
        cursor = _int_param(request, "cursor", 0, 0, p.MAX_CURSOR)
        limit = _int_param(request, "limit", p.DEFAULT_PULL_LIMIT, 1, p.MAX_PULL_LIMIT)
        page = pull(engine, actor, cursor, limit)
        return JSONResponse({"changes": page.changes, "cursor": page.cursor, "more": page.more})

    @app.post(f"{p.API_PREFIX}/sync/push", summary="A batch of changes from the device's outbox",
              openapi_extra=_PUSH_DOC)
    async def push_endpoint(request: Request) -> JSONResponse:
        from starlette.concurrency import run_in_threadpool

        actor = await run_in_threadpool(authenticate, request)
        body = await read_json(request, p.MAX_BODY_BYTES)
        raw_changes = p.parse_push(body)
        results = await run_in_threadpool(
            push, engine, actor, raw_changes, validate=settings.validate_records,
            commit_delay=settings.commit_delay_for_tests)
        return JSONResponse({"results": results})

    @app.get(f"{p.API_PREFIX}/team", summary="A supervisor's team: its people and when their laptops last synced")
    def team_endpoint(request: Request) -> JSONResponse:
        actor = authenticate(request)
        if actor.role != "supervisor" or not actor.team_id:
            raise p.ProtocolError("forbidden", "Only a team's supervisor sees the team.")
        with reading(engine) as conn:
            people = conn.execute(sa.select(users).where(users.c.team_id == actor.team_id,
                                                         users.c.disabled.is_(False))
                                  .order_by(users.c.display_name)).all()
            laptops = conn.execute(sa.select(devices.c.user_id, devices.c.number, devices.c.name,
                                             devices.c.last_seen_at, devices.c.revoked_at)
                                   .where(devices.c.user_id.in_([u.id for u in people]))
                                   .order_by(devices.c.number)).all()
        by_user: dict[str, list[dict[str, Any]]] = {}
        for d in laptops:
            by_user.setdefault(d.user_id, []).append({
                "number": d.number, "code": device_code(d.number), "name": d.name,
                "last_seen_at": d.last_seen_at, "revoked": d.revoked_at is not None})
        return JSONResponse({"members": [{**_user_info(u), "devices": by_user.get(u.id, [])} for u in people]})

    @app.get(f"{p.API_PREFIX}/reports", summary="The report indicators over all teams: aggregates only")
    def report_endpoint(request: Request) -> JSONResponse:
        from datetime import date

        from sync.server import reporting

        actor = authenticate(request)
        if actor.role not in ("supervisor", "admin"):
            raise p.ProtocolError("forbidden", "Reports are for supervisors and administrators.")
        try:
            start = date.fromisoformat(request.query_params.get("from", ""))
            end = date.fromisoformat(request.query_params.get("to", ""))
        except ValueError:
            raise p.ProtocolError("invalid_payload", "Give 'from' and 'to' as dates like 2026-10-31.") from None
        if end < start:
            raise p.ProtocolError("invalid_payload", "'to' comes before 'from'.")
        threshold = _int_param(request, "threshold", 5, 1, 100)
        hromada = request.query_params.get("hromada") or None
        report = reporting.make_report(engine, start, end, hromada=hromada)
        labelled = reporting.labelled(report, organisation=request.query_params.get("organisation", "")[:200],
                                      threshold=threshold, restricted=actor.protected_access)
        with engine.begin() as conn:
            write_audit(conn, [_audit_row(actor, "report", detail=f"{start}..{end} {hromada or 'all'}")])
        from casework.reports.files import to_json

        return JSONResponse(json.loads(to_json(labelled)))

    return app


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise p.ProtocolError("invalid_payload", f"'{name}' must be a whole number.") from None
    if not low <= value <= high:
        raise p.ProtocolError("invalid_payload", f"'{name}' must be between {low} and {high}.")
    return value


def _rate_limit(engine: sa.Engine, settings: Settings, keys: list[tuple[str, int]]) -> None:
    with engine.begin() as conn:
        security.forget_old_failures(conn, settings.enrol_window_s)
        for key, allowed in keys:
            count, oldest = security.failures_since(conn, key, settings.enrol_window_s)
            if count >= allowed:
                exc = p.ProtocolError("rate_limited", "Too many failed sign-ins; wait a quarter "
                                                      "of an hour and try again, or ask IT.")
                exc.retry_after = max(1, int(oldest + settings.enrol_window_s - time.time()))  # type: ignore[attr-defined]
                raise exc


def _enrol(engine: sa.Engine, settings: Settings, enrolment: p.Enrolment, address: str,
           server_id: str) -> dict[str, Any]:
    if enrolment.code is not None:
        return _enrol_with_code(engine, settings, enrolment, address, server_id)
    username = enrolment.username.lower()
    user_key, addr_key = f"user:{username}", f"addr:{address}"
    _rate_limit(engine, settings, [(user_key, settings.enrol_max_failures_per_user),
                                   (addr_key, settings.enrol_max_failures_per_address)])
    with reading(engine) as conn:
        user = conn.execute(sa.select(users).where(users.c.username == username)).first()
    ok = security.verify_password(user.password_hash if user else None, enrolment.password)
    if not ok or user is None or user.disabled:
        with engine.begin() as conn:
            security.record_failure(conn, [user_key, addr_key])
            write_audit(conn, [_audit_row(None, "enrol_failed", detail="wrong credentials")])
        raise p.ProtocolError("unauthorized", "The username or the password is wrong, "
                                              "or the account is disabled.")
    with engine.begin() as conn:
        security.clear_failures(conn, user_key)
        return _register_device(conn, user, enrolment, server_id)


def _enrol_with_code(engine: sa.Engine, settings: Settings, enrolment: p.Enrolment, address: str,
                     server_id: str) -> dict[str, Any]:
    """A one-time code from `fieldapp-server device enrol-code`: used once, before it expires."""
    addr_key = f"addr:{address}"
    _rate_limit(engine, settings, [(addr_key, settings.enrol_max_failures_per_address)])
    digest = security.token_hash(enrolment.code or "")
    now = now_iso()
    with engine.begin() as conn:
        row = conn.execute(sa.select(enrolment_codes).where(enrolment_codes.c.code_hash == digest)).first()
        user = conn.execute(sa.select(users).where(users.c.id == row.user_id)).first() if row else None
        valid = not (row is None or row.used_at or row.expires_at <= now or user is None or user.disabled)
        if valid:
            done = conn.execute(sa.update(enrolment_codes)
                                .where(enrolment_codes.c.code_hash == digest, enrolment_codes.c.used_at.is_(None))
                                .values(used_at=now, device_id=enrolment.device_id))
            if done.rowcount == 1:  # not taken by another laptop at the same moment
                return _register_device(conn, user, enrolment, server_id)
    with engine.begin() as conn:  # the failure is kept even though the enrolment is refused
        security.record_failure(conn, [addr_key])
        write_audit(conn, [_audit_row(None, "enrol_failed", detail="bad enrolment code")])
    raise p.ProtocolError("unauthorized", "This enrolment code is not valid: it is unknown, already "
                                          "used or expired. Ask IT for a new one.")


def _register_device(conn: sa.Connection, user: Any, enrolment: p.Enrolment, server_id: str) -> dict[str, Any]:
    """Give the laptop its token (new, or again after a re-enrolment) in the caller's transaction."""
    token = security.new_token()
    now = now_iso()
    existing = conn.execute(sa.select(devices).where(devices.c.device_id == enrolment.device_id)).first()
    if existing is not None and existing.revoked_at:
        raise p.ProtocolError("device_revoked", "This laptop was revoked; after its wipe the "
                                                "app enrols it under a new device id.")
    if existing is not None:
        conn.execute(sa.update(devices).where(devices.c.device_id == enrolment.device_id)
                     .values(user_id=user.id, name=enrolment.device_name,
                             token_hash=security.token_hash(token), enrolled_at=now))
        number = existing.number
    else:
        number = conn.execute(devices.insert().values(
            device_id=enrolment.device_id, user_id=user.id, name=enrolment.device_name,
            token_hash=security.token_hash(token), enrolled_at=now)).inserted_primary_key[0]
    actor = Actor(user.id, user.role, user.team_id, bool(user.protected_access), enrolment.device_id, number)
    write_audit(conn, [_audit_row(actor, "enrol", at=now)])
    return {"device_token": token, "user": _user_info(user), "server_id": server_id,
            "device_number": number, "device_code": device_code(number)}


_ENROL_DOC: dict[str, Any] = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": {"type": "object", "required": ["username", "password", "device_id", "device_name"],
               "properties": {"username": {"type": "string"}, "password": {"type": "string"},
                              "device_id": {"type": "string", "format": "uuid"},
                              "device_name": {"type": "string"}}}}}}}
_PUSH_DOC: dict[str, Any] = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": {"type": "object", "required": ["changes"], "properties": {"changes": {
        "type": "array", "maxItems": p.MAX_PUSH_CHANGES, "items": {
            "type": "object", "required": ["change_id", "collection", "id"],
            "properties": {"change_id": {"type": "string", "format": "uuid"},
                           "collection": {"type": "string", "enum": list(p.COLLECTIONS)},
                           "id": {"type": "string"},
                           "base_version": {"type": ["integer", "null"], "minimum": 0},
                           "fields": {"type": "object"}, "base": {"type": "object"},
                           "delete": {"type": "boolean"}}}}}}}}}}


def _start_retention(engine: sa.Engine, days: int, every_s: float = 3600.0) -> None:
    """Retire closed households in the background (idempotent: several workers may all do it)."""
    import threading

    from sync.server.service import retire_closed

    def loop() -> None:
        while True:
            try:
                retire_closed(engine, days)
            except Exception as exc:  # noqa: BLE001 - logged, tried again next hour
                log.error("retention failed", extra={"fields": {"error": type(exc).__name__}})
            time.sleep(every_s)

    threading.Thread(target=loop, name="fieldapp-retention", daemon=True).start()


def create_app_from_env() -> FastAPI:
    """The app for `uvicorn --factory` and for worker processes: settings from the environment."""
    from sync.server.db import url_from_env

    days = os.environ.get("FIELDAPP_RETENTION_DAYS")
    return create_app(Settings(database_url=url_from_env(),
                               retention_days=int(days) if days else None))
