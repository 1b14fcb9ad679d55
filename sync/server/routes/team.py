"""GET /team: a supervisor's team, its people and when their laptops last synced."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from casework.ids import device_code
from sync import protocol as p
from sync.server.db import devices, reading, users
from sync.server.deps import ActorDep, EngineDep
from sync.server.enrolment import user_info
from sync.server.models import TeamAnswer
from sync.server.openapi import problems

router = APIRouter(prefix=p.API_PREFIX)


@router.get("/team", summary="A supervisor's team: its people and when their laptops last synced",
            response_model=TeamAnswer,
            responses=problems("invalid_payload", "unauthorized", "device_revoked", "forbidden",
                               "protocol_too_old"))
def team(actor: ActorDep, engine: EngineDep) -> JSONResponse:
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
    return JSONResponse({"members": [{**user_info(u), "devices": by_user.get(u.id, [])}
                                     for u in people]})
