"""GET /reports: the report indicators of the caller's reach (a team, or the organisation for an
administrator), aggregates only, under the organisation's small-count policy (audited)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query
from fastapi.responses import JSONResponse

from casework.reports.files import to_json
from casework.reports.language import LANGUAGES, preferred_language
from sync import protocol as p
from sync.server import reporting
from sync.server.audit import audit_row, write_audit
from sync.server.deps import ActorDep, EngineDep, SettingsDep
from sync.server.models import ReportAnswer
from sync.server.openapi import problems
from sync.server.scope import Actor

router = APIRouter(prefix=p.API_PREFIX)


async def report_reader(actor: ActorDep) -> Actor:
    """The caller, if they may see reports (checked before the parameters, as it always was):
    an administrator, or a supervisor of a team."""
    if not (actor.role == "admin" or (actor.role == "supervisor" and actor.team_id)):
        raise p.ProtocolError("forbidden", "Reports are for supervisors and administrators.")
    return actor


@router.get("/reports", summary="The report indicators: a supervisor's team, or the whole "
            "organisation for an administrator; aggregates only",
            response_model=ReportAnswer,
            responses=problems("invalid_payload", "unauthorized", "device_revoked", "forbidden",
                               "protocol_too_old"))
def report(actor: Annotated[Actor, Depends(report_reader)], engine: EngineDep,
           settings: SettingsDep,
           start: Annotated[date, Query(alias="from", description="First day, like 2026-10-01")],
           end: Annotated[date, Query(alias="to", description="Last day, like 2026-10-31")],
           hromada: str | None = None, organisation: str = "",
           lang: Annotated[str | None, Query(description="en or uk; default: the Accept-Language "
                                                         "header, then the organisation's language")] = None,
           accept_language: Annotated[str | None, Header()] = None) -> JSONResponse:
    if end < start:
        raise p.ProtocolError("invalid_payload", "'to' comes before 'from'.")
    if lang is not None and lang not in LANGUAGES:
        raise p.ProtocolError("invalid_payload", f"'lang' is one of: {', '.join(LANGUAGES)}.")
    # The whole report in one language: headings, labels, facts and the scope line alike.
    default = settings.report_language if settings.report_language in LANGUAGES else "en"
    lang = lang or preferred_language(accept_language, default)
    hromada = hromada or None
    # The role decides the reach: a supervisor's report is her team's, an administrator's the
    # organisation's. The small-count threshold is the organisation's policy, never the caller's.
    team_id = None if actor.role == "admin" else actor.team_id
    # Suppressed together with the organisation's and every team's report of the period, so that
    # a reader holding two of them cannot subtract one from the other.
    made, hidden = reporting.linked_report(engine, start, end, team_id=team_id, hromada=hromada,
                                           threshold=settings.report_threshold,
                                           restricted=actor.protected_access)
    labelled = reporting.labelled(made, organisation=organisation[:200],
                                  threshold=settings.report_threshold,
                                  restricted=actor.protected_access, lang=lang, hidden=hidden,
                                  scope=reporting.scope_of(engine, team_id, lang))
    with engine.begin() as conn:
        write_audit(conn, [audit_row(actor, "report", detail=f"{start}..{end} {hromada or 'all'} "
                                                             f"{'organisation' if team_id is None else 'team'}")])
    return JSONResponse(json.loads(to_json(labelled)))
