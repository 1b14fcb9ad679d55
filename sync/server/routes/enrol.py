"""POST /devices: enrol a laptop; POST /devices/wipe-confirmed: a revoked laptop reports its
wipe (sync.server.enrolment does the work)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from sync import protocol as p
from sync.server import security
from sync.server.bodies import read_json
from sync.server.deps import EngineDep, PasswordsDep, ServerIdDep, SettingsDep, TokenDep
from sync.server.enrolment import confirm_wipe, enrol
from sync.server.models import EnrolAnswer, EnrolRequest, WipeConfirmed
from sync.server.openapi import problems, request_body

router = APIRouter(prefix=p.API_PREFIX)


@router.post("/devices", summary="Enrol a laptop: username and password for a device token",
             status_code=201, response_model=EnrolAnswer, openapi_extra=request_body(EnrolRequest),
             responses=problems("invalid_payload", "unauthorized", "device_revoked", "forbidden",
                                "code_used", "code_expired",
                                "payload_too_large", "protocol_too_old", "rate_limited"))
async def enrol_device(request: Request, engine: EngineDep, settings: SettingsDep,
                       passwords: PasswordsDep, server_id: ServerIdDep, token: TokenDep) -> JSONResponse:
    enrolment = p.parse_enrolment(await read_json(request, p.MAX_ENROL_BODY_BYTES))
    address = security.request_address(request)  # behind trusted proxies only: X-Forwarded-For
    # A laptop already enrolled proves it is that laptop with its current token.
    answer = await run_in_threadpool(enrol, engine, settings, passwords, enrolment, address,
                                     server_id, token)
    return JSONResponse(answer, status_code=201)


@router.post("/devices/wipe-confirmed", summary="A revoked laptop confirms it wiped itself "
             "(its token is accepted for this once)", response_model=WipeConfirmed,
             responses=problems("invalid_payload", "unauthorized", "forbidden", "protocol_too_old"))
def wipe_confirmed(engine: EngineDep, token: TokenDep) -> JSONResponse:
    return JSONResponse(confirm_wipe(engine, token))
