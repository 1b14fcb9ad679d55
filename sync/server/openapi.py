"""The OpenAPI schema, told truthfully: the request bodies the routes read by hand, and the
problem+json answers of every error a route can give (FastAPI's own 422 never happens here:
a bad parameter answers 400 with the protocol's code)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from sync import protocol as p
from sync.server.models import REQUEST_MODELS

_REF = "#/components/schemas/{model}"


def request_body(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` of a route whose JSON body is read by `sync.server.bodies`."""
    schema = model.model_json_schema(ref_template=_REF)
    schema.pop("$defs", None)  # the nested models are components (see `install`)
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def problems(*codes: str) -> dict[int | str, dict[str, Any]]:
    """`responses` of a route: the problem+json answers for these error codes, by status."""
    by_status: dict[int, list[str]] = {}
    # A route that signs a device in (deps.current_actor) answers a disabled account too.
    signed_in = ("account_disabled",) if "device_revoked" in codes and "account_disabled" not in codes else ()
    for code in (*codes, *signed_in, "internal_error"):
        by_status.setdefault(p.ERROR_STATUS[code], []).append(code)
    return {status: {
        "description": ", ".join(f"{p.ERROR_TITLES[c]} (`{c}`)" for c in found),
        "content": {p.PROBLEM_CONTENT_TYPE: {"schema": {"$ref": _REF.format(model="Problem")}}},
    } for status, found in sorted(by_status.items())}


def install(app: FastAPI) -> None:
    """Build the schema once, on first request of /openapi.json."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description,
                             routes=app.routes)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        _, defs = models_json_schema([(m, "validation") for m in REQUEST_MODELS], ref_template=_REF)
        components.update(defs.get("$defs", {}))
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                operation.get("responses", {}).pop("422", None)
        for unused in ("HTTPValidationError", "ValidationError"):
            components.pop(unused, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
