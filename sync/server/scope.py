"""Who is calling and what they may see: the actor, and the one scope rule of push, pull and
every other reader.

A caseworker holds the households assigned to them (not closed past
retention) and every record under them; a supervisor every household of
their team; an administrator none. `forms` and `reference` go to everyone.

Protected content needs the permission, wherever it travels: a record of a
protected collection (`PROTECTED_COLLECTIONS`), and any record derived from
one (a record whose schema names its subject by `record_collection`: a
conflict, a review, ...). A conflict goes to the author of the change, to
the caseworker it was assigned to while they hold the family, and to the
supervisors of the family's team, under that same rule. The rule is generic per
collection: a new collection follows it by its schema, not by its name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from casework.records import SCHEMAS
from sync.protocol import PROTECTED_COLLECTIONS, READ_ONLY_COLLECTIONS
from sync.server.db import households, records

# Collections whose records are about another record (`record_collection`, `record_id`):
# they carry that record's content or verdicts, so they inherit its protection.
DERIVED_COLLECTIONS: tuple[str, ...] = tuple(
    name for name, specs in SCHEMAS.items() if any(f.name == "record_collection" for f in specs))


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


def subject_collection(collection: str, data: dict[str, Any]) -> str:
    """The collection whose content a record carries: its subject's for a derived record."""
    if collection in DERIVED_COLLECTIONS:
        subject = data.get("record_collection")
        return subject if isinstance(subject, str) else ""
    return collection


def is_protected(collection: str, data: dict[str, Any]) -> bool:
    """Whether a record (its collection and own fields) carries protected content."""
    return collection in PROTECTED_COLLECTIONS or subject_collection(collection, data) in PROTECTED_COLLECTIONS


def row_protected(row: Any) -> bool:
    """`is_protected` of a `records` row (its data parsed only for a derived collection)."""
    if row.collection in PROTECTED_COLLECTIONS:
        return True
    if row.collection not in DERIVED_COLLECTIONS:
        return False
    try:
        data = json.loads(row.data)
    except ValueError:
        return True  # unreadable: treat as the stricter case
    return is_protected(row.collection, data if isinstance(data, dict) else {})


def may_read(actor: Actor, row: Any, hh: Any) -> bool:
    """Whether the case record `row` (of household `hh`) is the actor's to read (and resolve)."""
    if row_protected(row) and not actor.protected_access:
        return False
    if row.collection == "conflicts":
        if row.author_id == actor.user_id:
            return True
        if actor.role == "caseworker" and row.assignee_id != actor.user_id:
            return False  # a caseworker gets the conflicts assigned to them, not every clash
    return in_scope(actor, hh)


def conflict_visible(actor: Actor, row: Any, hh: Any) -> bool:
    """Whether the conflict record `row` (of household `hh`) is the actor's to see and resolve."""
    return may_read(actor, row, hh)


class _SubjectOf(FunctionElement[str]):
    """SQL: a derived record's `record_collection`, read from its JSON data."""

    type = sa.String()
    inherit_cache = True
    name = "fieldapp_subject_of"


@compiles(_SubjectOf, "sqlite")
def _subject_sqlite(element: _SubjectOf, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_extract({compiler.process(element.clauses, **kw)}, '$.record_collection')"


@compiles(_SubjectOf, "postgresql")
def _subject_pg(element: _SubjectOf, compiler: SQLCompiler, **kw: Any) -> str:
    return f"(CAST({compiler.process(element.clauses, **kw)} AS jsonb) ->> 'record_collection')"


def protected_sql() -> Any:
    """SQL twin of `row_protected` over `records`: true for a row carrying protected content."""
    r = records.c
    subject = sa.func.coalesce(_SubjectOf(r.data), "")
    return sa.or_(r.collection.in_(PROTECTED_COLLECTIONS),
                  sa.and_(r.collection.in_(DERIVED_COLLECTIONS), subject.in_(PROTECTED_COLLECTIONS)))


def case_scope_sql(actor: Actor) -> Any | None:
    """SQL twin of `in_scope` over `households`; None when the actor holds no households."""
    h = households.c
    if actor.role == "caseworker":
        return sa.and_(h.caseworker_id == actor.user_id, h.retired.is_(False))
    if actor.role == "supervisor" and actor.team_id is not None:
        return h.team_id == actor.team_id
    return None


def scope_filter(actor: Actor) -> Any:
    """The WHERE clause of a pull: the records (joined with their household) `actor` may hold.

    The SQL twin of `may_read` for case records, plus the shared collections.
    """
    r = records.c
    shared = r.collection.in_(READ_ONLY_COLLECTIONS)
    case_scope = case_scope_sql(actor)
    if actor.role == "admin" or case_scope is None:
        return shared  # accounts only (an administrator cannot push, so authors no conflict)
    own = sa.or_(r.author_id == actor.user_id, r.assignee_id == actor.user_id)
    conflicts_held = case_scope if actor.role == "supervisor" else sa.and_(own, case_scope)
    held = sa.or_(sa.and_(r.collection != "conflicts", case_scope),
                  sa.and_(r.collection == "conflicts",
                          sa.or_(r.author_id == actor.user_id, conflicts_held)))
    case = sa.and_(r.collection.notin_(READ_ONLY_COLLECTIONS), held)
    if not actor.protected_access:
        case = sa.and_(case, sa.not_(protected_sql()))
    return sa.or_(shared, case)
