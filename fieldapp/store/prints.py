"""The print log: every paper printed or saved as a PDF, what, when and by whom, never its content.

One row per print job: the kind of paper (`what`: a template id, ``family_file`` or
``blank:<template>``), the record or family it came from (ids only), how many papers and pages,
and where it went (``printer`` or ``pdf``; never the file's path, which may name the family).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.store.transaction import Transaction, utcnow

TARGETS = ("printer", "pdf")


@dataclass(frozen=True)
class PrintEntry:
    printed_at: str
    user: str
    what: str
    collection: str | None
    record_id: str | None
    household_id: str | None
    papers: int
    pages: int
    target: str


def log_print(tx: Transaction, *, user: str, what: str, target: str, collection: str | None = None,
              record_id: str | None = None, household_id: str | None = None, papers: int = 1,
              pages: int = 0) -> None:
    """Record one print job in the profile's print log (inside the caller's transaction)."""
    if target not in TARGETS:
        raise ValueError(f"unknown print target {target!r}")
    tx.db.table("print_log").insert({
        "printed_at": utcnow(), "user": user, "what": what, "collection": collection, "record_id": record_id,
        "household_id": household_id, "papers": papers, "pages": pages, "target": target,
    })


def print_log(db: Any, *, household_id: str | None = None, limit: int = 1000) -> list[PrintEntry]:
    """The print log, newest first; one family's jobs when `household_id` is given."""
    where, params = ("WHERE household_id = ?", [household_id]) if household_id else ("", [])
    rows = db.execute(
        f"SELECT printed_at, user, what, collection, record_id, household_id, papers, pages, target "
        f"FROM print_log {where} ORDER BY id DESC LIMIT ?", [*params, limit]).fetchall()
    return [PrintEntry(*row) for row in rows]
