"""GET /sync/pull and POST /sync/push: the two halves of a sync round."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from sync import protocol as p
from sync.server.bodies import decode_json, read_body
from sync.server.deps import DeviceTokenDep, EngineDep, HooksDep, actor_of
from sync.server.encoding import json_response
from sync.server.models import PullAnswer, PushAnswer, PushRequest
from sync.server.openapi import problems, request_body
from sync.server.problems import WHOLE_NUMBERS
from sync.server.pull import pull
from sync.server.push import push
from sync.server.push_gate import run_push

router = APIRouter(prefix=f"{p.API_PREFIX}/sync")

Cursor = Annotated[int, Query(ge=WHOLE_NUMBERS["cursor"][0], le=WHOLE_NUMBERS["cursor"][1],
                              description="Where the last page ended (0: from the start).")]
Limit = Annotated[int, Query(ge=WHOLE_NUMBERS["limit"][0], le=WHOLE_NUMBERS["limit"][1])]


@router.get("/pull", summary="Changes in the caller's scope after a cursor",
            response_model=PullAnswer,
            responses=problems("invalid_payload", "unauthorized", "device_revoked",
                               "cursor_expired", "protocol_too_old"))
async def pull_changes(request: Request, token: DeviceTokenDep, engine: EngineDep, hooks: HooksDep,
                       cursor: Cursor = 0, limit: Limit = p.DEFAULT_PULL_LIMIT) -> Response:
    def answer() -> Response:
        # Signed in on the thread that reads the page: one hop to the thread pool per pull.
        actor = actor_of(request, engine, token)
        page = pull(engine, actor, cursor, limit, page_read=hooks.pull_page_read)
        # The stored JSON, as stored; zstd when the laptop takes it (sync.server.encoding).
        return json_response(page.body(), request.headers.get("accept-encoding", ""))

    return await run_in_threadpool(answer)


@router.post("/push", summary="A batch of changes from the device's outbox",
             response_model=PushAnswer, openapi_extra=request_body(PushRequest),
             responses=problems("invalid_payload", "unauthorized", "device_revoked",
                                "payload_too_large", "protocol_too_old"))
async def push_changes(request: Request, token: DeviceTokenDep, engine: EngineDep,
                       hooks: HooksDep) -> JSONResponse:
    body = await read_body(request, p.MAX_BODY_BYTES)

    def apply() -> list[dict[str, Any]]:
        # Signed in on the push's own thread (one hop per push, not two), before its body is
        # inflated or parsed: an unknown or revoked device costs no more than the read.
        actor = actor_of(request, engine, token)
        raw_changes = p.parse_push(decode_json(request, body))
        return push(engine, actor, raw_changes, numbered=hooks.push_numbered)

    return JSONResponse({"results": await run_push(request, apply)})
