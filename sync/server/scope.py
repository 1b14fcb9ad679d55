"""Who is calling and what they may see: the actor, and the scope rules of push and pull.

A caseworker holds the households assigned to them (not closed past
retention) and every record under them; a supervisor every household of
their team; an administrator none. `protected` records need the permission.
`conflicts` go to their author, to the caseworker they were assigned to, and
to the supervisors of the household's team. `forms` and `reference` go to
everyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from sync.protocol import READ_ONLY_COLLECTIONS
from sync.server.db import households, records


@dataclass(frozen=True)
class Actor:
    """Who is calling: the user behind an enrolled device."""

    user_id: str
    role: str
    team_id: str | None
    protected_access: bool
    device_id: str | None = None
    device_number: int | None = None


def in_scope(actor: Actor, hh: Any) -> bool:
    """Whether the household `hh` (a `households` row) is in the actor's case scope."""
    if hh is None:
        return False
    if actor.role == "caseworker":
        return bool(hh.caseworker_id == actor.user_id and not hh.retired)
    if actor.role == "supervisor":
        return actor.team_id is not None and hh.team_id == actor.team_id
    return False


def conflict_visible(actor: Actor, row: Any, hh: Any) -> bool:
    """Whether the conflict record `row` (of household `hh`) is the actor's to see and resolve."""
    if actor.user_id in (row.author_id, row.assignee_id):
        return True
    return bool(actor.role == "supervisor" and hh is not None and actor.team_id is not None
                and hh.team_id == actor.team_id)


def scope_filter(actor: Actor) -> Any:
    """The WHERE clause of a pull: the records (joined with their household) `actor` may hold."""
    r, h = records.c, households.c
    conds: list[Any] = [r.collection.in_(READ_ONLY_COLLECTIONS)]
    if actor.role == "caseworker":
        case_scope = sa.and_(h.caseworker_id == actor.user_id, h.retired.is_(False))
    elif actor.role == "supervisor" and actor.team_id is not None:
        case_scope = h.team_id == actor.team_id
    else:
        return conds[0]
    conds.append(sa.and_(r.collection.notin_(("conflicts", "protected")), case_scope))
    if actor.protected_access:
        conds.append(sa.and_(r.collection == "protected", case_scope))
    mine: Any = sa.or_(r.author_id == actor.user_id, r.assignee_id == actor.user_id)
    if actor.role == "supervisor":
        mine = sa.or_(mine, h.team_id == actor.team_id)
    conds.append(sa.and_(r.collection == "conflicts", mine))
    return sa.or_(*conds)
