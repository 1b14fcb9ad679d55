"""The read queries the screens need: the caseload, a family's file, what is due.

Widgets never hold SQL: they call these functions. Every function reads on
the calling thread's connection (`Store.read`), so in WAL mode it never waits
for the writer. The caseload reads its per-family summary (fieldapp/store/
caseload.py: last visit, next visit due, open plan actions, kept up to date
in every write's transaction); only the changes waiting to sync are counted
from the outbox as rows are read. Other derived values are computed in SQL
from indexed expressions that `prepare` creates once per profile (CREATE
INDEX IF NOT EXISTS: cheap when they exist). Sorting happens in SQL over the
whole filtered caseload, never in a proxy over the rows fetched so far.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldapp.store import search
from fieldapp.store.database import Store
from fieldapp.store.due import KINDS as KINDS  # re-exported: the screens read what is due from here
from fieldapp.store.due import ActionProgress as ActionProgress
from fieldapp.store.due import DueItem as DueItem
from fieldapp.store.due import active_families as active_families
from fieldapp.store.due import due as due
from fieldapp.store.due import overdue as overdue
from fieldapp.store.due import plan_progress as plan_progress
from fieldapp.store.due import week_end as week_end
from fieldapp.store.fragments import ROLE_ORDER

# Indexes on expressions of the JSON data; the names start with q_ so they
# are recognisably this module's.
INDEXES = (
    # Covers the latest visit, its next visit date and safety concerns: no row is read.
    "CREATE INDEX IF NOT EXISTS q_visits_due ON visits (household_id, "
    "json_extract(data, '$.started_at'), json_extract(data, '$.next_visit_on'), "
    "json_extract(data, '$.safety_concern')) WHERE deleted = 0",
    "CREATE INDEX IF NOT EXISTS q_plans_drawn ON plans "
    "(household_id, json_extract(data, '$.drawn_up_on')) WHERE deleted = 0",
    "CREATE INDEX IF NOT EXISTS q_households_list ON households "
    "(json_extract(data, '$.status'), json_extract(data, '$.case_number')) WHERE deleted = 0",
    "CREATE INDEX IF NOT EXISTS q_outbox_household ON outbox (household_id, state)",
    # An action's newest status update (by its date, then its id), read without the row.
    "CREATE INDEX IF NOT EXISTS q_action_updates_latest ON action_updates "
    "(json_extract(data, '$.action_id'), json_extract(data, '$.on'), id, "
    "json_extract(data, '$.status'), json_extract(data, '$.postponed_to')) WHERE deleted = 0",
    # A family's plans, newest first as casework.deadlines.current_plan orders them.
    "CREATE INDEX IF NOT EXISTS q_plans_current ON plans (household_id, "
    "coalesce(json_extract(data, '$.plan_version'), 1), json_extract(data, '$.drawn_up_on'), "
    "coalesce(updated_at, '')) WHERE deleted = 0",
    # Whether a plan was revised (a newer plan supersedes it).
    "CREATE INDEX IF NOT EXISTS q_plans_supersedes ON plans "
    "(json_extract(data, '$.supersedes_id')) WHERE deleted = 0",
    "CREATE INDEX IF NOT EXISTS q_referrals_follow_up ON referrals "
    "(json_extract(data, '$.follow_up_on')) WHERE deleted = 0",
    # The concerned visits of the last weeks and their notices (fieldapp/store/safety.py, Today's notices):
    # without them Today read every visit and every notice of two years.
    "CREATE INDEX IF NOT EXISTS q_visits_concern ON visits (json_extract(data, '$.started_at')) "
    "WHERE deleted = 0 AND json_extract(data, '$.safety_concern') = 1",
)
# Made by `prepare` only: the schema-8 migration also runs INDEXES, before this table exists (schema 9).
LATER_INDEXES = (
    "CREATE INDEX IF NOT EXISTS q_safety_notices_concern ON safety_notices "
    "(json_extract(data, '$.concern_id')) WHERE deleted = 0",
    # Today's headings count the items per day and kind from the index alone (fieldapp/store/due_list.py).
    "CREATE INDEX IF NOT EXISTS q_due_items_day_kind ON due_items (due, kind)",
)

# The caseload reads fieldapp/store/caseload.py's summary (alias `h`); each key is one of its
# indexed columns. Only the changes waiting to be sent come from the outbox, as the rows are read.
PENDING_SQL = "(SELECT count(*) FROM outbox o WHERE o.household_id = h.household_id AND o.state = 'pending')"
SORT_KEYS: dict[str, str] = {
    "case_number": "h.case_number",
    "family": "h.family_name COLLATE NOCASE",
    "settlement": "h.place",
    "categories": "h.n_categories",
    "last_visit": "h.last_visit",
    "next_due": "h.next_due",
    "open_actions": "h.open_actions",
    "pending": PENDING_SQL,
}
# The keys a family always has a value for: no "empty last" part to their order.
_NEVER_NULL = frozenset({"case_number", "family", "open_actions", "pending"})


# Pages kept decrypted in memory by the reading connection: the caseload's
# derived columns read the index pages of 100,000 visits on every sort.
CACHE_KIB = 131072


def prepare(store: Store) -> None:
    """Create the indexes these queries rely on (once per profile; a no-op afterwards).

    Also gives this thread's connection a larger page cache.
    """
    db = store.read()
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    have = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    missing = [sql for sql in (*INDEXES, *LATER_INDEXES) if sql.split()[5] not in have]
    if missing:
        def create(tx: Any) -> None:
            for sql in missing:
                tx.db.execute(sql)

        store.write(create)


# -- the caseload ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseloadFilter:
    """What the caseload shows. Empty values do not filter."""

    text: str = ""  # words typed in the search box (names, addresses, notes)
    hromada: str | None = None
    category: str | None = None
    status: str | None = "active"  # "active", "closed", or None for all
    overdue: bool = False  # only families whose next visit is past due
    today: dt.date | None = None
    caseworker: str | None = None  # a caseworker's user id; "" for families nobody is assigned to


@dataclass
class CaseloadRow:
    id: str
    case_number: str
    family_name: str
    hromada: str | None
    settlement: str | None
    categories: list[str]
    status: str
    last_visit: str | None  # ISO datetime
    next_due: str | None  # ISO date
    open_actions: int
    pending: int
    safety: bool = False
    caseworker_id: str = ""  # the family's responsible caseworker ("" when nobody is assigned)
    # The people, head of the family first (adults by role, then children from the eldest):
    # (role, given name, birth date), so that five "Шаповал" rows can be told apart.
    people: list[tuple[str, str, str | None]] = field(default_factory=list)


def _where(flt: CaseloadFilter) -> tuple[str, list[Any]]:
    where = ["1"]
    args: list[Any] = []
    if flt.status:
        where.append("h.status = ?")
        args.append(flt.status)
    if flt.hromada:
        where.append("h.hromada = ?")
        args.append(flt.hromada)
    if flt.category:
        where.append("EXISTS (SELECT 1 FROM json_each(h.categories) c WHERE c.value = ?)")
        args.append(flt.category)
    if flt.overdue:
        where.append("h.next_due < ?")
        args.append((flt.today or dt.date.today()).isoformat())
    if flt.caseworker is not None:
        where.append("h.caseworker_id = ?")
        args.append(flt.caseworker)
    found = search.match(flt.text) if flt.text else None
    if flt.text and found is None:
        where.append("0")  # only punctuation typed: nothing matches
    elif found is not None:  # every word, in any of the family's records (a name here, a note there)
        for sql, word_args in found.households():
            where.append(sql)
            args.extend(word_args)
    return " AND ".join(where), args


def caseload_ids(
    store: Store, flt: CaseloadFilter = CaseloadFilter(), sort: str = "case_number",  # noqa: B008
    descending: bool = False, limit: int | None = None,
) -> list[str]:
    """Ids of the households the filter keeps, in the order asked for (the whole list, or its first `limit`).

    Read from the caseload summary; the order comes from the index of the sort key (its
    tie-breaks, case number then id, are in the index), families without a value last either way.
    """
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort {sort!r}")
    where, args = _where(flt)
    direction = "DESC" if descending else "ASC"
    key = SORT_KEYS[sort]
    # The index's own order (key, case number, id): a term repeated or out of it makes SQLite sort
    # the whole list in a temporary b-tree (10 ms became 230 ms at 10,000 families).
    ties = "h.household_id" if sort == "case_number" else "h.case_number, h.household_id"
    order = f"ORDER BY {key} {direction}, " + ", ".join(f"{t} {direction}" for t in ties.split(", "))
    db = store.read()
    first = f" LIMIT {int(limit)}" if limit is not None else ""
    if sort in _NEVER_NULL:
        return [r[0] for r in db.execute(f"SELECT h.household_id FROM caseload_summary h WHERE {where} {order}{first}",
                                         args)]
    # Two reads in index order rather than one sort on "is it empty": an empty "next due" is not urgent.
    valued = [r[0] for r in db.execute(
        f"SELECT h.household_id FROM caseload_summary h WHERE {where} AND {key} IS NOT NULL {order}{first}", args)]
    if limit is not None and len(valued) >= limit:
        return valued[:limit]
    rest = f" LIMIT {int(limit) - len(valued)}" if limit is not None else ""
    empty = db.execute(f"SELECT h.household_id FROM caseload_summary h WHERE {where} AND {key} IS NULL "
                       f"ORDER BY h.case_number {direction}, h.household_id {direction}{rest}", args).fetchall()
    return valued + [r[0] for r in empty]


def caseload_count(store: Store, flt: CaseloadFilter = CaseloadFilter()) -> int:  # noqa: B008
    """How many households the filter keeps."""
    where, args = _where(flt)
    return int(store.read().execute(f"SELECT count(*) FROM caseload_summary h WHERE {where}", args).fetchone()[0])


def caseload_rows(store: Store, ids: Sequence[str]) -> list[CaseloadRow]:
    """The caseload's columns for these households, in the order of `ids` (one read of the summary)."""
    if not ids:
        return []
    sql = (
        "SELECT h.household_id, h.case_number, h.family_name, h.hromada, h.settlement, h.categories, h.status, "
        f"h.last_visit, h.next_due, h.open_actions, {PENDING_SQL}, h.safety, h.caseworker_id, h.people "
        "FROM caseload_summary h WHERE h.household_id IN (SELECT value FROM json_each(?))"
    )
    found: dict[str, CaseloadRow] = {}
    for rid, cn, name, hromada, settlement, categories, status, last, next_due, actions, pending, safety, \
            caseworker, people in store.read().execute(sql, [json.dumps(list(ids))]):
        found[rid] = CaseloadRow(
            id=rid, case_number=cn, family_name=name, hromada=hromada, settlement=settlement,
            categories=json.loads(categories), status=status, last_visit=last, next_due=next_due,
            open_actions=int(actions), pending=int(pending or 0), safety=bool(safety), caseworker_id=caseworker,
            people=[(role, given, born) for role, given, born in json.loads(people)],
        )
    return [found[i] for i in ids if i in found]


def caseload_found(store: Store, ids: Sequence[str], text: str) -> dict[str, search.Found]:
    """For each of these households, the record the typed search matched (names first, then newest)."""
    return search.found_in(store.read(), list(ids), text)


def caseload_hromadas(store: Store) -> list[str]:
    """The hromada codes of the families on this laptop."""
    rows = store.read().execute(
        "SELECT DISTINCT json_extract(data, '$.hromada') FROM households WHERE deleted = 0"
    ).fetchall()
    return [r[0] for r in rows if r[0]]


def caseload_caseworkers(store: Store) -> list[str]:
    """The caseworker ids the families on this laptop are assigned to ("" for the unassigned)."""
    rows = store.read().execute(
        "SELECT DISTINCT coalesce(json_extract(data, '$.caseworker_id'), '') FROM households WHERE deleted = 0"
    ).fetchall()
    return sorted(str(r[0]) for r in rows)


# -- a family's file ------------------------------------------------------------------------



@dataclass(frozen=True)
class TimelineEntry:
    collection: str  # visits, assessments, plans, referrals
    record_id: str
    when: str  # ISO date or datetime: what the entry is sorted by
    record: dict[str, Any] = field(compare=False, repr=False)

    @property
    def safety_concern(self) -> bool:
        return self.collection == "visits" and self.record.get("safety_concern") is True

    @property
    def form_id(self) -> str:
        """The form that opens this entry."""
        default = {"visits": "home_visit", "assessments": "needs_assessment", "plans": "case_plan",
                   "referrals": "referral"}[self.collection]
        return self.record.get("form_id") or default


_WHEN = {"visits": "started_at", "assessments": "started_on", "plans": "drawn_up_on",
         "referrals": "referred_on"}


def members(store: Store, household_id: str) -> list[dict[str, Any]]:
    """The family's members: adults first, then children from the eldest."""
    people = list(store.records("persons", household_id=household_id))
    return sorted(people, key=lambda p: (ROLE_ORDER.get(p.get("role", ""), 9), p.get("birth_date") or "",
                                         p.get("surname", ""), p.get("given_name", "")))


def consents(store: Store, household_id: str) -> list[dict[str, Any]]:
    out = list(store.records("consents", household_id=household_id))
    return sorted(out, key=lambda c: c.get("given_on") or "", reverse=True)


def timeline(store: Store, household_id: str) -> list[TimelineEntry]:
    """Visits, assessments, plans and referrals of the family, newest first."""
    entries = [
        TimelineEntry(collection, r["id"], str(r.get(when_field) or ""), r)
        for collection, when_field in _WHEN.items()
        for r in store.records(collection, household_id=household_id)
    ]
    return sorted(entries, key=lambda e: (e.when, e.record_id), reverse=True)


# -- sync state -----------------------------------------------------------------------------


def last_sync_at(store: Store) -> str | None:
    """When this laptop last synced with the server (ISO time, UTC), or None: never."""
    return store.meta("last_sync_at")
