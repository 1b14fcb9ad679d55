"""GET /reports: the report indicators over all teams, aggregates only (audited)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from casework.reports.files import to_json
from sync import protocol as p
from sync.server import reporting
from sync.server.audit import audit_row, write_audit
from sync.server.deps import ActorDep, EngineDep
from sync.server.models import ReportAnswer
from sync.server.openapi import problems
from sync.server.problems import WHOLE_NUMBERS
from sync.server.scope import Actor

router = APIRouter(prefix=p.API_PREFIX)

Threshold = Annotated[int, Query(ge=WHOLE_NUMBERS["threshold"][0], le=WHOLE_NUMBERS["threshold"][1],
                                 description="Counts below this are shown as '<threshold'.")]


async def report_reader(actor: ActorDep) -> Actor:
    """The caller, if they may see reports (checked before the parameters, as it always was)."""
    if actor.role not in ("supervisor", "admin"):
        raise p.ProtocolError("forbidden", "Reports are for supervisors and administrators.")
    return actor


@router.get("/reports", summary="The report indicators over all teams: aggregates only",
            response_model=ReportAnswer,
            responses=problems("invalid_payload", "unauthorized", "device_revoked", "forbidden",
                               "protocol_too_old"))
def report(actor: Annotated[Actor, Depends(report_reader)], engine: EngineDep,
           start: Annotated[date, Query(alias="from", description="First day, like 2026-10-01")],
           end: Annotated[date, Query(alias="to", description="Last day, like 2026-10-31")],
           threshold: Threshold = 5, hromada: str | None = None,
           organisation: str = "") -> JSONResponse:
    if end < start:
        raise p.ProtocolError("invalid_payload", "'to' comes before 'from'.")
    hromada = hromada or None
    made = reporting.make_report(engine, start, end, hromada=hromada)
    labelled = reporting.labelled(made, organisation=organisation[:200], threshold=threshold,
                                  restricted=actor.protected_access)
    with engine.begin() as conn:
        write_audit(conn, [audit_row(actor, "report", detail=f"{start}..{end} {hromada or 'all'}")])
    return JSONResponse(json.loads(to_json(labelled)))
