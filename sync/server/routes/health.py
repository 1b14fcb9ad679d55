"""GET /health: liveness and a database check, without authentication."""

from __future__ import annotations

import sqlalchemy as sa
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from sync import protocol as p
from sync.server.db import reading
from sync.server.deps import EngineDep
from sync.server.models import Health

router = APIRouter()


@router.get("/health", summary="Liveness and database check (no authentication)",
            response_model=Health,
            responses={503: {"model": Health, "description": "The database is unreachable"}})
def health(engine: EngineDep) -> JSONResponse:
    try:
        with reading(engine) as conn:
            conn.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        return JSONResponse({"status": "error", "database": "unreachable"}, status_code=503)
    return JSONResponse({"status": "ok", "database": "ok",
                         "protocol_versions": list(p.SUPPORTED_VERSIONS)})
