"""Request bodies read by hand, not by FastAPI's models: a size limit that holds before the
body is in memory, gzip with a bound on inflation, and strict JSON (no NaN), each failure a
problem+json answer with a stable code. The shapes are then checked by `sync.protocol`."""

from __future__ import annotations

import json
import zlib
from typing import Any

from fastapi import Request
from starlette.requests import ClientDisconnect

from sync import protocol as p


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


def _inflate(body: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        body = inflater.decompress(body, limit + 1)
    except zlib.error:
        raise p.ProtocolError("invalid_payload", "The body says it is gzip but is not.") from None
    if len(body) > limit or inflater.unconsumed_tail:
        raise p.ProtocolError("payload_too_large", "The body is too large once uncompressed "
                                                   f"(at most {limit:,} bytes); send smaller batches.")
    if not inflater.eof:
        raise p.ProtocolError("invalid_payload", "The gzip body is cut short.")
    return body


async def read_json(request: Request, limit: int) -> Any:
    """The request's JSON body: at most `limit` bytes on the wire, gunzipped when sent so
    (then at most the settings' `max_inflated_bytes`); ProtocolError for anything else."""
    return decode_json(request, await read_body(request, limit))


async def read_body(request: Request, limit: int) -> bytes:
    """The request's body as sent, at most `limit` bytes on the wire (`decode_json` makes it
    JSON: a route may do that in its worker thread, after it has signed the device in)."""
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
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise too_large
            chunks.append(chunk)
    except ClientDisconnect:
        # The laptop lost its line (or a client gave up): its failure, not the server's.
        raise p.ProtocolError("invalid_payload", "The request was cut off before its body "
                                                 "was complete; send it again.") from None
    return b"".join(chunks)


def decode_json(request: Request, body: bytes) -> Any:
    """`body` (read by `read_body`) gunzipped when sent so (then at most the settings'
    `max_inflated_bytes`) and parsed as JSON; ProtocolError for anything else."""
    inflated_limit: int = request.app.state.settings.max_inflated_bytes
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding == "gzip":
        body = _inflate(body, inflated_limit)
    elif encoding not in ("identity", ""):
        raise p.ProtocolError("invalid_payload", f"Content-Encoding '{encoding[:20]}' is not "
                                                 "understood; send gzip or nothing.")
    if not body:
        raise p.ProtocolError("invalid_payload", "The request has no body; send a JSON object.")
    return _loads(body)
