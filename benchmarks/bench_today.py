"""Today and this week, and a plan's progress, at 10,000 families (issue 12: each under 100 ms).

Works on a copy of bench_ui's cached 10,000-family demo profile. Each figure is printed beside a
floor measured in the same run on the same file: reading the active families' case numbers
(one indexed pass over the households, the least any list of the caseload costs) and, for the
plan, reading the plan record alone; the ratio of each figure to its floor is printed too, so that a
loaded machine (8 sessions on 2 cores) can be told from a slower program. Today reads the maintained
due_items table (fieldapp/store/due.py): the screen counts each day's items from an index and reads
only the rows it paints (fieldapp/store/due_list.py, fieldapp/ui/today_model.py), so "listed" is
timed from asking for Today to its first screenful painted.
"""

from __future__ import annotations

import datetime as dt
import time

from benchmarks.bench_ui import PASSPHRASE, ROUNDS, _app, _copy
from benchmarks.runner import Bench, scenario

FLOOR_SQL = ("SELECT id, json_extract(data, '$.case_number') FROM households "
             "WHERE deleted = 0 AND json_extract(data, '$.status') = 'active'")


def _ratio(b: Bench, metric: str, floor: str) -> None:
    """The figure's median over its floor's, both measured in this run."""
    b.record(f"{metric} ÷ floor", b.figures[metric].median / b.figures[floor].median, "x")


@scenario("today_10k", "Today and this week at 10,000 families: the list, and the screen listing it")
def today_10k(b: Bench) -> None:
    from fieldapp.store import due_list, queries
    from fieldapp.store.database import Store
    from fieldapp.ui import background

    folder = _copy(b)
    with Store.open(folder, PASSPHRASE) as store:
        with b.measure("first open: create Today's indexes (once)"):
            queries.prepare(store)
        db = store.read()
        queries.due(store)  # warm the page cache as a second look at the screen would find it
        for _ in range(ROUNDS):
            cpu = time.process_time()
            with b.measure("floor: active families' case numbers"):
                db.execute(FLOOR_SQL).fetchall()
            b.add("floor, CPU time", (time.process_time() - cpu) * 1000.0, "ms")
            with b.measure("the whole list at once (queries.due, the team figures' read)"):
                items = queries.due(store)
            with b.measure("the counts per day and the notices (due_list.summary)"):
                found = due_list.summary(store)
        _ratio(b, "the whole list at once (queries.due, the team figures' read)", "floor: active families' case numbers")
        today = dt.date.today()
        b.record("items listed", len(items), "items")
        b.record("of them overdue", sum(1 for i in items if i.overdue(today)), "items")
        b.record("of them notices", found.kind_count("notice"), "items")

        app = _app()
        from fieldapp.ui.today_view import TodayView

        view = TodayView(store)
        view.resize(1366, 700)
        view.show()
        app.processEvents()
        background.set_synchronous(True)  # the view's read on this thread: its whole cost, measured
        try:
            for _ in range(ROUNDS):
                # Listed: from asking for Today to its first screenful painted.
                cpu = time.process_time()
                with b.measure("Today listed: asked → first screenful painted"):
                    view.reload()
                    view.table.viewport().repaint()
                # This process's CPU time as well: on a loaded machine it counts the work, not the waiting.
                b.add("Today listed, CPU time", (time.process_time() - cpu) * 1000.0, "ms")
                app.processEvents()
                with b.measure("floor: repainting the same screenful"):
                    view.table.viewport().repaint()
        finally:
            background.set_synchronous(False)
        assert view.model.counted() == (len(items), sum(1 for i in items if i.overdue(today)))
        b.record("rows read for the first screen", len(view.model.loaded_rows), "rows")
        _ratio(b, "Today listed: asked → first screenful painted", "floor: active families' case numbers")
        view.deleteLater()
        app.processEvents()


@scenario("plan_20_actions", "A plan with 20 actions and their statuses opens (store read behind the plan screen)")
def plan_20_actions(b: Bench) -> None:
    from casework.ids import new_id
    from fieldapp.store import queries
    from fieldapp.store.database import Store

    folder = _copy(b)
    with Store.open(folder, PASSPHRASE) as store:
        queries.prepare(store)
        hid = store.read().execute(
            "SELECT id FROM households WHERE deleted = 0 AND json_extract(data, '$.status') = 'active' "
            "LIMIT 1").fetchone()[0]
        today = dt.date.today()
        actions = [{"id": new_id(), "text": f"Дія {n + 1}", "due": (today + dt.timedelta(days=n)).isoformat()}
                   for n in range(20)]

        def write(tx):
            plan = tx.create("plans", {"household_id": hid, "drawn_up_on": today.isoformat(),
                                       "review_status": "draft", "actions": actions})
            for n, action in enumerate(actions):  # a history of two or three updates each
                for status in ("in_progress", "done", "postponed")[: 2 + n % 2]:
                    fields = {"household_id": hid, "plan_id": plan["id"], "action_id": action["id"],
                              "status": status, "on": today.isoformat()}
                    if status == "postponed":
                        fields["postponed_to"] = (today + dt.timedelta(days=30)).isoformat()
                    tx.create("action_updates", fields)
            return plan["id"]

        plan_id = store.write(write)
        queries.plan_progress(store, plan_id)
        for _ in range(ROUNDS * 4):
            with b.measure("floor: the plan record alone"):
                store.get("plans", plan_id)
            with b.measure("plan + 20 actions' statuses (queries.plan_progress)"):
                _plan, progress = queries.plan_progress(store, plan_id)
        assert len(progress) == 20
        _ratio(b, "plan + 20 actions' statuses (queries.plan_progress)", "floor: the plan record alone")
