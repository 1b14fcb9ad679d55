"""Today's list read a screen at a time: the counts for the headings, the notices, then pages of items.

`due.due` reads the whole list at once (the team figures, the rules' tests). A screen needs less:
how many items each day holds (one GROUP BY over the covering index on `due_items (due, kind)`),
the open notice clocks (few, and never in `due_items`: they run by the hour), and the rows it
paints, read in `due`'s order with LIMIT/OFFSET as the view scrolls. What is due, and its order,
is the same as `due.due`'s: the same table, the same ORDER BY.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casework import safety
from fieldapp.store.due import COLUMNS, KINDS, DueItem, _families, week_end

if TYPE_CHECKING:
    from fieldapp.store.database import Store

# The order of the list (and of due.due): by day, kind (KINDS' order), case number, detail; the
# household last so that two families with one case number never swap between two pages.
# BINARY compares UTF-8 bytes, which orders as Python compares str.
_KIND_ORDER = "CASE kind " + " ".join(f"WHEN '{k}' THEN {n}" for n, k in enumerate(KINDS)) + " END"
ORDER = f"due, {_KIND_ORDER}, case_number, detail, record_id, action_id, household_id"


def _table_kinds(kinds: Iterable[str]) -> list[str]:
    """The kinds asked for that due_items holds (all but the notices), in KINDS' order."""
    asked = set(kinds)
    return [k for k in KINDS if k in asked and k != "notice"]


@dataclass(frozen=True)
class DueSummary:
    """What a screen of Today needs before its first row: how many items of each kind fall on each
    day (None: overdue), and the open notices (a few; they lead their day)."""

    today: dt.date
    until: dt.date
    counts: dict[tuple[dt.date | None, str], int]  # (day or None for overdue, kind) -> items in due_items
    notices: tuple[DueItem, ...]

    def kind_count(self, kind: str) -> int:
        """How many items of this kind are listed (overdue included)."""
        if kind == "notice":
            return len(self.notices)
        return sum(n for (_day, k), n in self.counts.items() if k == kind)


def summary(store: Store, today: dt.date | None = None, until: dt.date | None = None,
            now: dt.datetime | None = None) -> DueSummary:
    """The counts per day and kind of everything due by `until` (default a week on), and the notices.

    One GROUP BY over an index that holds both columns: no row of due_items is read.
    """
    today = today or dt.date.today()
    until = until or week_end(today)
    counts: dict[tuple[dt.date | None, str], int] = {}
    # Grouped in the index's own order (due, kind): a GROUP BY on "overdue or the day" sorted 3x slower.
    for day, kind, n in store.read().execute(
            "SELECT due, kind, count(*) FROM due_items WHERE due <= ? GROUP BY due, kind", [until.isoformat()]):
        if kind in KINDS:
            parsed = dt.date.fromisoformat(day)
            key = (None if parsed < today else parsed, kind)
            counts[key] = counts.get(key, 0) + int(n)
    return DueSummary(today, until, counts, tuple(notices(store, today, now)))


def _item(row: tuple[Any, ...], days: dict[str, dt.date]) -> DueItem:
    hid, kind, day, record_id, action_id, detail, status, first, cn, name, settlement, head, children = row
    return DueItem(kind, hid, cn, name, days.get(day) or days.setdefault(day, dt.date.fromisoformat(day)),
                   detail=detail, record_id=record_id, action_id=action_id, status=status, first=bool(first),
                   settlement=settlement, head=head,
                   children=tuple(tuple(c) for c in json.loads(children)) if children != "[]" else ())


def page(store: Store, until: dt.date, kinds: Iterable[str] = KINDS, offset: int = 0,
         limit: int | None = None) -> list[DueItem]:
    """The items of due_items due by `until` (overdue included), of these kinds, in the list's order:
    `limit` of them from `offset` (all with None). Notices are not among them (see `notices`)."""
    wanted = _table_kinds(kinds)
    if not wanted:
        return []
    marks = ", ".join("?" * len(wanted))
    sql = f"SELECT {', '.join(COLUMNS)} FROM due_items WHERE due <= ? AND kind IN ({marks}) ORDER BY {ORDER}"
    args: list[Any] = [until.isoformat(), *wanted]
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    elif offset:
        sql += " LIMIT -1 OFFSET ?"
        args.append(offset)
    days: dict[str, dt.date] = {}  # many items share a day: parse each once
    return [_item(row, days) for row in store.read().execute(sql, args)]


Family = tuple[dict[str, Any], str, tuple[tuple[str, str], ...]]  # fields shown, head, children


def _active_families(db: Any, ids: set[str]) -> dict[str, Family]:
    """Those of these families whose case is open, with the fields shown for them.

    From their rows of due_items where they have one: the table holds the fields already made, and
    anything but a follow-up after closure is there only for an open case (`due.compute`), kept in
    the transaction of every write. Else from their records (`due._families`): one indexed look-up
    each instead of a pass over every household's status.
    """
    if not ids:
        return {}
    out: dict[str, Family] = {}
    for hid, cn, name, settlement, head, children in db.execute(
            "SELECT household_id, case_number, family_name, settlement, head, min(children) FROM due_items "
            "WHERE household_id IN (SELECT value FROM json_each(?)) AND kind != 'follow_up' GROUP BY household_id",
            [json.dumps(sorted(ids))]):
        out[hid] = ({"case_number": cn, "family_name": name, "settlement": settlement}, head or "",
                    tuple(tuple(c) for c in json.loads(children or "[]")))
    rest = ids - set(out)
    if rest:
        active = {hid for (hid,) in db.execute(
            "SELECT id FROM households WHERE id IN (SELECT value FROM json_each(?)) AND deleted = 0 "
            "AND json_extract(data, '$.status') = 'active'", [json.dumps(sorted(rest))])}
        out.update(_families(db, active))
    return out


def notices(store: Store, today: dt.date, now: dt.datetime | None = None) -> list[DueItem]:
    """The safety concerns' open notice clocks as items of the list (every open clock, whatever the
    list's last day: a concern never waits), sorted by case number and recipients.

    The clock runs by the hour: `now`, or for another day asked about, that day's last moment.
    """
    from fieldapp.store import safety as safety_store  # late: the store's modules import this one

    moment = now or (dt.datetime.now(dt.UTC) if today == dt.date.today() else
                     dt.datetime.combine(today, dt.time.max).astimezone())
    # safety_store.open_clocks, with the open cases told apart here: only the clocks' own families
    # are looked at (the whole laptop's list of open cases cost more than the clocks).
    listed = safety_store.clocks(store, active_only=False, since=moment - dt.timedelta(days=safety.LISTED_DAYS))
    clocks = sorted(safety.open_clocks(listed, moment), key=lambda c: safety.urgency(c, moment))
    families = _active_families(store.read(), {c.household_id for c in clocks})
    out = []
    for c in clocks:
        if c.household_id not in families:  # the family left the laptop meanwhile
            continue
        fields, head, children = families[c.household_id]
        out.append(DueItem("notice", c.household_id, str(fields.get("case_number") or ""),
                           str(fields.get("family_name") or ""), c.due_at.astimezone().date(),
                           record_id=c.concern_id, detail=",".join(c.missing), due_at=c.due_at,
                           late=c.overdue(moment), settlement=fields.get("settlement") or fields.get("hromada"),
                           head=head, children=children))
    out.sort(key=lambda i: (i.case_number, i.detail))
    return out
