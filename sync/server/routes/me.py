"""GET /me: the signed-in user, the server's time and protocols."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from casework.ids import device_code
from sync import protocol as p
from sync.server.db import reading, users
from sync.server.deps import ActorDep, EngineDep, ServerIdDep
from sync.server.enrolment import user_info
from sync.server.models import MeAnswer
from sync.server.openapi import problems

router = APIRouter(prefix=p.API_PREFIX)


@router.get("/me", summary="The signed-in user, the server's time and protocols",
            response_model=MeAnswer,
            responses=problems("invalid_payload", "unauthorized", "device_revoked", "protocol_too_old"))
def me(actor: ActorDep, engine: EngineDep, server_id: ServerIdDep) -> JSONResponse:
    with reading(engine) as conn:
        user = conn.execute(sa.select(users).where(users.c.id == actor.user_id)).one()
    return JSONResponse({
        "user": user_info(user), "device_id": actor.device_id,
        "device_number": actor.device_number,
        "device_code": device_code(actor.device_number or 1),
        "server_id": server_id,
        "server_time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "protocol_versions": list(p.SUPPORTED_VERSIONS)})
