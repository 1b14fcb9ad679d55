"""POST /parcels: a supervisor's laptop, online, hands in the parcels it carried for her team's
laptops and takes their return parcels back (sync/server/parcels.py does the work). She carries
them without reading them: each parcel is encrypted to the server, each answer to its laptop."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from sync import parcel as pc
from sync import protocol as p
from sync.server.deps import ActorDep, EngineDep, ServerIdDep
from sync.server.openapi import problems
from sync.server.parcels import import_parcel

router = APIRouter(prefix=p.API_PREFIX)

MAX_UPLOAD_BYTES = 64 * 1024 * 1024  # a month of a laptop's work is well under 1 MB
NAME_HEADER = "FieldApp-Parcel-Name"
_FORBIDDEN = ("not_your_team",)


async def _read_parcel(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.strip().isdigit() and int(declared) > MAX_UPLOAD_BYTES:
        raise p.ProtocolError("payload_too_large", "The parcel is too large.")
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_UPLOAD_BYTES:
                raise p.ProtocolError("payload_too_large", "The parcel is too large.")
            chunks.append(chunk)
    except ClientDisconnect:
        raise p.ProtocolError("invalid_payload", "The upload was cut off; send the parcel again.") from None
    return b"".join(chunks)


@router.post("/parcels", summary="A supervisor hands in a team laptop's parcel; the answer is its "
             "return parcel", response_class=Response,
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
             responses={200: {"content": {"application/octet-stream": {
                 "schema": {"type": "string", "format": "binary"}}},
                 "description": "The return parcel, for the laptop that wrote the parcel"},
                 **problems("invalid_payload", "unauthorized", "device_revoked", "forbidden",
                            "payload_too_large", "protocol_too_old")})
async def hand_in(request: Request, actor: ActorDep, engine: EngineDep,
                  server_id: ServerIdDep) -> Response:
    if actor.role != "supervisor" or not actor.team_id:
        raise p.ProtocolError("forbidden", "Only a team's supervisor hands in parcels.")
    data = await _read_parcel(request)
    try:
        done = await run_in_threadpool(import_parcel, engine, data, server_id=server_id,
                                       courier=actor)
    except pc.ParcelError as exc:
        raise p.ProtocolError("forbidden" if exc.code in _FORBIDDEN else "invalid_payload",
                              exc.detail) from None
    return Response(done.reply, media_type="application/octet-stream",
                    headers={NAME_HEADER: done.file_name})
