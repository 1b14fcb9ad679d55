"""The attachments' content: start or resume an upload, send a chunk, read the status, fetch a chunk
(sync.protocol, "Attachments"; the work is in sync.server.attachments)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from sync import protocol as p
from sync.server import attachments
from sync.server.bodies import read_json
from sync.server.deps import ActorDep, EngineDep, SettingsDep
from sync.server.openapi import problems, request_body

router = APIRouter(prefix=f"{p.API_PREFIX}/attachments")


class UploadRequest(BaseModel):
    """The content's size and kind, before any byte of it."""

    model_config = ConfigDict(extra="forbid")
    size: int = Field(ge=1, le=p.MAX_ATTACHMENT_BYTES)
    media_type: Literal["image/jpeg", "image/png", "application/pdf"]


class ContentAnswer(BaseModel):
    """What the server holds of a content: its chunks, which of them it has, whether it is whole."""

    sha256: str
    size: int
    media_type: str
    chunk_size: int
    chunks: int
    have: list[int]
    complete: bool
    chunk_hashes: list[str] | None = Field(None, description="Each chunk's SHA-256 (downloads only).")


class ChunkAnswer(BaseModel):
    stored: bool = Field(description="False when the server had this chunk already.")
    complete: bool

Sha = Annotated[str, Path(min_length=64, max_length=64, description="The content's SHA-256 (lowercase hex).")]
Index = Annotated[int, Path(ge=0, le=p.MAX_ATTACHMENT_BYTES // p.ATTACHMENT_CHUNK_BYTES,
                            description="The chunk's index, from 0.")]
_COMMON = ("invalid_payload", "unauthorized", "device_revoked", "forbidden", "protocol_too_old")


@router.post("/{sha256}", summary="Start or resume an upload: what the server holds of this content",
             response_model=ContentAnswer, openapi_extra=request_body(UploadRequest),
             responses=problems(*_COMMON, "payload_too_large", "hash_mismatch", "storage_full"))
async def start_upload(request: Request, sha256: Sha, actor: ActorDep, engine: EngineDep,
                       settings: SettingsDep) -> JSONResponse:
    start = p.parse_upload_start(await read_json(request, 4096))
    answer = await run_in_threadpool(attachments.start_upload, engine, settings, actor, sha256, start)
    return JSONResponse(answer)


async def _read_chunk(request: Request) -> bytes:
    limit = p.ATTACHMENT_CHUNK_BYTES
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.strip().isdigit() or int(declared) > limit):
        raise p.ProtocolError("payload_too_large", f"A chunk is at most {limit:,} bytes.")
    parts: list[bytes] = []
    size = 0
    try:
        async for part in request.stream():
            size += len(part)
            if size > limit:
                raise p.ProtocolError("payload_too_large", f"A chunk is at most {limit:,} bytes.")
            parts.append(part)
    except ClientDisconnect:
        raise p.ProtocolError("invalid_payload", "The chunk was cut off on the way; send it again.") from None
    return b"".join(parts)


@router.put("/{sha256}/chunks/{n}", summary="One chunk of an upload (raw bytes, its SHA-256 in a header)",
            response_model=ChunkAnswer,
            responses=problems(*_COMMON, "payload_too_large", "hash_mismatch", "attachment_missing",
                               "storage_full"))
async def put_chunk(request: Request, sha256: Sha, n: Index, actor: ActorDep, engine: EngineDep) -> JSONResponse:
    data = await _read_chunk(request)
    answer = await run_in_threadpool(attachments.put_chunk, engine, actor, sha256, n, data,
                                     request.headers.get(p.CHUNK_HASH_HEADER))
    return JSONResponse(answer)


@router.get("/{sha256}", summary="An attachment's content: size, chunks and their hashes",
            response_model=ContentAnswer,
            responses=problems(*_COMMON, "not_found", "attachment_missing"))
def content_status(sha256: Sha, actor: ActorDep, engine: EngineDep) -> JSONResponse:
    return JSONResponse(attachments.status(engine, actor, sha256))


@router.get("/{sha256}/chunks/{n}", summary="One chunk of an attachment's content (raw bytes)",
            response_class=Response,
            responses={200: {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
                             "description": "The chunk's bytes."},
                       **problems(*_COMMON, "not_found", "attachment_missing")})
def content_chunk(sha256: Sha, n: Index, actor: ActorDep, engine: EngineDep) -> Response:
    data = attachments.get_chunk(engine, actor, sha256, n)
    return Response(data, media_type="application/octet-stream")
