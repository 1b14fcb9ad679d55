"""A sync round on the device, independent of HTTP (sync-protocol.md, "Device side").

A round pushes the outbox in batches until only rejected changes remain,
then pulls pages until the server says there is no more. Every batch's
results and every pulled page are applied with the cursor in one local
transaction, so a process killed at any instant resumes from the last
committed step: a repeated push is answered from the server's memory of
change ids, a repeated page is applied again harmlessly.

The transport is anything with `push(changes) -> results` and
`pull(cursor, limit) -> page` (see `sync.client.HttpTransport`); a future
sync parcel on a USB stick can be another.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, Protocol

from fieldapp.store import outbox
from fieldapp.store.database import OutboxEntry, Store, Transaction
from fieldapp.store.outbox import Sent
from fieldapp.sync import attachments
from fieldapp.sync.pacing import Pacer, fixed, pull_pacer, push_pacer
from sync import protocol
from sync.errors import BadAnswer, CursorExpired, DeviceRevoked, SyncFailure

CURSOR_KEY = "cursor"
RESYNC_KEY = "resync_from_zero"


class Transport(Protocol):
    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]: ...

    def pull(self, cursor: int, limit: int) -> dict[str, Any]: ...


@dataclass
class RoundReport:
    pushed: int = 0
    applied: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    evicted: int = 0
    cursor: int = 0
    conflict_ids: list[str] = field(default_factory=list)
    content: attachments.ContentReport = field(default_factory=attachments.ContentReport)

    def summary(self) -> str:
        return (f"pushed {self.pushed} (applied {self.applied}, merged {self.merged}, "
                f"conflicts {self.conflicts}, rejected {self.rejected}); pulled {self.pulled}, "
                f"evicted {self.evicted}; cursor {self.cursor}")


Progress = Callable[[str, int], None]  # (phase "push"|"pull", records so far)


def change_of(entry: OutboxEntry) -> dict[str, Any]:
    """The wire form of an outbox entry."""
    return protocol.Change(entry.change_id, entry.collection, entry.record_id, entry.base_version,
                           entry.fields, entry.base, entry.is_delete).to_json()


def _check_results(entries: Sequence[Sent], results: Any) -> list[dict[str, Any]]:
    if not isinstance(results, list) or len(results) != len(entries):
        raise BadAnswer("push answer does not have one result per change")
    for entry, result in zip(entries, results, strict=True):
        if not isinstance(result, dict) or result.get("change_id") != entry.change_id:
            raise BadAnswer("push results are not in the order of the changes")
        if result.get("status") not in ("applied", "merged", "conflict", "rejected"):
            raise BadAnswer("push result with an unknown status")
        version = result.get("version")
        if version is not None and (not isinstance(version, int) or isinstance(version, bool)):
            raise BadAnswer("push result with a version that is not a number")
    return results


def apply_push_results(tx: Transaction, entries: Sequence[Sent], results: list[dict[str, Any]],
                       report: RoundReport) -> None:
    """Settle each pushed entry: drop it when the server took it, keep it marked when rejected."""
    taken: list[tuple[Sent, int | None]] = []
    for entry, result in zip(entries, results, strict=True):
        status = result["status"]
        report.pushed += 1
        if status == "rejected":
            report.rejected += 1
            error = result.get("error")
            tx.push_rejected(entry, error if isinstance(error, dict) else {})
            continue
        if status == "applied":
            report.applied += 1
        elif status == "merged":
            report.merged += 1
        else:
            report.conflicts += 1
            if result.get("conflict_id"):
                report.conflict_ids.append(str(result["conflict_id"]))
        taken.append((entry, result.get("version")))
    tx.push_taken_many(taken)  # one statement per table for the batch


def push_all(store: Store, transport: Transport, report: RoundReport, *,
             batch_size: int | None = None, progress: Progress | None = None,
             pacer: Pacer | None = None) -> None:
    """Push pending changes, oldest first, until none is left (rejected ones stay, marked).

    Batches follow the link (`fieldapp.sync.pacing`) unless `batch_size` fixes them. The next
    batch is read and sent while the answers to the previous one are settled on the store's
    writer (a batch goes out once; a kill before its settling commits sends it again, and the
    server answers a change id it knows as it did the first time)."""
    pace = pacer or (fixed(batch_size) if batch_size else push_pacer())
    after = 0  # the last seq sent in this round: what follows is read while that is settled
    encoded = getattr(transport, "push_encoded", None)  # HttpTransport's; a parcel or a test's has push only
    with ThreadPoolExecutor(1, thread_name_prefix="fieldapp-push-settle") as pool:
        settling = _Behind(pool, store, "push", lambda: report.pushed, progress)
        try:
            while True:
                entries: Sequence[Sent]
                if encoded is not None:  # the stored JSON as it is, joined into the body
                    entries = batch = outbox.outgoing(store.read(), pace.size, after)
                else:
                    entries = pending = store.outbox(state="pending", limit=pace.size, after=after)
                if not entries:
                    break
                started = pace.clock()
                try:
                    answer = (encoded([o.wire for o in batch]) if encoded is not None
                              else transport.push([change_of(e) for e in pending]))
                except SyncFailure as exc:
                    if pace.retry_smaller(exc.code, len(entries)):
                        continue  # the same changes again, fewer at a time (a repeat is harmless)
                    raise
                pace.took(pace.clock() - started)
                results = _check_results(entries, answer)
                settling.wait()  # one batch settled at a time, in order

                def settle(tx: Transaction, e: Sequence[Sent] = entries,
                           r: list[dict[str, Any]] = results) -> None:
                    apply_push_results(tx, e, r, report)

                settling.submit(settle)
                after = entries[-1].seq
            settling.wait()
        except BaseException:
            settling.drain()  # what the server took is settled before the failure is told
            raise


class _Behind:
    """One write at a time on the store's writer while the link fetches or sends the next (push and
    pull alike): `wait` takes the write in flight's result (its failure is the round's) and reports
    progress; `drain`, on a failure, lets a write in flight end, without raising, before it is told."""

    def __init__(self, pool: ThreadPoolExecutor, store: Store, phase: str, count: Callable[[], int],
                 progress: Progress | None):
        self.pool, self.store, self.phase, self.count, self.progress = pool, store, phase, count, progress
        self.future: Future[None] | None = None

    def submit(self, work: Callable[[Transaction], None]) -> None:
        self.future = self.pool.submit(self.store.write, work)

    def wait(self) -> None:
        if self.future is not None:
            done, self.future = self.future, None
            done.result()
            if self.progress:
                self.progress(self.phase, self.count())

    def drain(self) -> None:
        if self.future is not None:
            self.future.exception()


def _check_page(page: Any) -> dict[str, Any]:
    if not isinstance(page, dict) or not isinstance(page.get("changes"), list):
        raise BadAnswer("pull answer without a list of changes")
    cursor = page.get("cursor")
    if not isinstance(cursor, int) or isinstance(cursor, bool) or cursor < 0:
        raise BadAnswer("pull answer without a cursor")
    if not isinstance(page.get("more"), bool):
        raise BadAnswer("pull answer without 'more'")
    for change in page["changes"]:
        if not isinstance(change, dict) or change.get("op") not in ("upsert", "evict", "wipe"):
            raise BadAnswer("pull change with an unknown op")
        if change["op"] == "upsert":
            record = change.get("record")
            if (not isinstance(record, dict) or not isinstance(record.get("id"), str)
                    or record.get("collection") not in protocol.COLLECTIONS):
                raise BadAnswer("pull upsert without a record")
        if change["op"] == "evict" and change.get("collection") not in protocol.COLLECTIONS:
            raise BadAnswer("pull evict of an unknown collection")
    return page


def apply_pull_page(tx: Transaction, page: dict[str, Any], report: RoundReport, *,
                    seen: set[tuple[str, str]] | None = None, first: bool = False) -> None:
    """Apply one pulled page and store its cursor, in the caller's one transaction.

    `first`: the first-sync path (fieldapp/store/first_sync.py): the records go in without their
    indexes and summaries, which `Transaction.finish_first_sync` builds once at the end."""
    run: list[dict[str, Any]] = []  # case records in a row, applied together (in bulk)
    write_run = tx.apply_first_sync if first else tx.apply_remote_many
    for change in page["changes"]:
        op = change["op"]
        if op != "upsert" or change["record"]["collection"] in protocol.READ_ONLY_COLLECTIONS:
            write_run(run)  # what came before goes in first, in order
            run = []
        if op == "wipe":
            raise DeviceRevoked()
        if op == "evict":
            if tx.evict(change["collection"], str(change.get("id"))):
                report.evicted += 1
            continue
        record = change["record"]
        report.pulled += 1
        if record["collection"] in protocol.READ_ONLY_COLLECTIONS:
            tx.store_reference(record)
        else:
            run.append(record)
        if seen is not None:
            seen.add((record["collection"], record["id"]))
    write_run(run)
    tx.set_meta(CURSOR_KEY, str(page["cursor"]))
    report.cursor = page["cursor"]


def pull_all(store: Store, transport: Transport, report: RoundReport, *,
             limit: int | None = None, progress: Progress | None = None,
             pacer: Pacer | None = None) -> None:
    """Pull pages until the server has no more; from 0 again when the cursor expired.

    Pages follow the link (`fieldapp.sync.pacing`) unless `limit` fixes them. The next page is
    fetched while the previous one is written (the page's cursor is known before its write
    commits, and only a committed write moves the stored cursor). A new laptop's first sync
    takes the first-sync path (fieldapp/store/first_sync.py), whose deferred build runs once
    after the last page, or before a failure is reported."""
    pace = pacer or (fixed(limit) if limit else pull_pacer())
    resync = store.meta(RESYNC_KEY) == "1"
    cursor = 0 if resync else int(store.meta(CURSOR_KEY) or 0)
    seen: set[tuple[str, str]] | None = set() if resync else None
    first = not resync and store.write(lambda tx: tx.first_sync_wanted(cursor))
    with ThreadPoolExecutor(1, thread_name_prefix="fieldapp-pull-write") as pool:
        writing = _Behind(pool, store, "pull", lambda: report.pulled, progress)  # the previous page's write
        try:
            while True:
                started = pace.clock()
                try:
                    page = _check_page(transport.pull(cursor, pace.size))
                except CursorExpired:
                    writing.wait()
                    if cursor == 0:
                        raise BadAnswer("the server refused a pull from the start") from None
                    store.write(lambda tx: tx.set_meta(RESYNC_KEY, "1"))
                    cursor, seen, first = 0, set(), False
                    continue
                except SyncFailure as exc:
                    if pace.retry_smaller(exc.code):
                        continue  # the same cursor again, a smaller page
                    raise
                pace.took(pace.clock() - started)
                writing.wait()  # one page written at a time, in order

                def apply(tx: Transaction, p: dict[str, Any] = page, s: set[tuple[str, str]] | None = seen,
                          f: bool = first) -> None:
                    apply_pull_page(tx, p, report, seen=s, first=f)

                writing.submit(apply)
                cursor = page["cursor"]
                if not page["more"]:
                    break
            writing.wait()
        except BaseException:
            writing.drain()  # a failure while a page was being written: let it end first
            if first:  # the store stays whole for the work done offline; the next round goes on
                with suppress(Exception):
                    store.write(lambda tx: tx.finish_first_sync())
            raise
    if first:
        store.write(lambda tx: tx.finish_first_sync())
    if seen is not None:
        # A pull from 0 is the whole scope: what did not come back has left it.
        store.write(lambda tx: _drop_unseen(tx, seen, report))


def _drop_unseen(tx: Transaction, seen: set[tuple[str, str]], report: RoundReport) -> None:
    for collection in protocol.CASE_COLLECTIONS:
        for rid in tx.synced_ids(collection):
            if (collection, rid) not in seen and tx.evict(collection, rid):
                report.evicted += 1
    tx.set_meta(RESYNC_KEY, None)


def finish_deferred_evictions(store: Store, report: RoundReport) -> None:
    """Remove the records that left this device's scope while they still had changes to push."""
    for collection, record_id in store.deferred_evictions():

        def evict(tx: Transaction, c: str = collection, r: str = record_id) -> bool:
            return tx.evict(c, r)

        if store.write(evict):
            report.evicted += 1


def sync_round(store: Store, transport: Transport, *, progress: Progress | None = None,
               attachment_budget: int = attachments.DEFAULT_BUDGET_BYTES) -> RoundReport:
    """One round: push everything, pull everything, finish evictions that waited for the push.

    Attachments' content goes up before the records that point at it and comes down after the
    pull, within `attachment_budget` bytes (fieldapp/sync/attachments.py).
    """
    report = RoundReport()
    carries = attachments.supports(transport)
    if carries:
        attachments.upload_all(store, transport, report.content)  # type: ignore[arg-type]
    push_all(store, transport, report, progress=progress)
    pull_all(store, transport, report, progress=progress)
    finish_deferred_evictions(store, report)
    if carries:
        attachments.drop_orphans(store, report.content)
        attachments.fetch_ahead(store, transport, report.content, budget_bytes=attachment_budget)  # type: ignore[arg-type]
    return report
