"""The read queries behind the screens: caseload filters, sorting and search in SQL, what is due."""

from __future__ import annotations

import datetime as dt

import pytest

from casework import deadlines
from casework.ids import new_id
from fieldapp.store import queries
from fieldapp.store.queries import CaseloadFilter
from tests.factories import HROMADA, household, person, visit

TODAY = dt.date(2026, 11, 18)  # a Wednesday
OTHER_HROMADA = "UA59040110000026694"
ACTIONS = [new_id() for _ in range(3)]


def _at(day: dt.date, hour: int = 10) -> str:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC).isoformat()


@pytest.fixture
def families(store):
    """Three families with visits, a plan and a search word each."""

    def write(tx):
        a = tx.create("households", household(family_name="Андрієнко", case_number="2026/T-0003",
                                              categories=["idp"], notes="дрова закінчуються",
                                              identified_on="2026-11-16"))
        b = tx.create("households", household(family_name="Бондар", case_number="2026/T-0001",
                                              categories=["low_income"], hromada=OTHER_HROMADA,
                                              settlement=None, notes="ремонт даху"))
        c = tx.create("households", household(family_name="Вакуленко", case_number="2026/T-0002",
                                              categories=["idp", "large_family"], notes="школа"))
        tx.create("persons", person(a["id"], surname="Андрієнко", given_name="Мар'яна"))
        tx.create("visits", visit(b["id"], started_at=_at(TODAY - dt.timedelta(days=40)),
                                  next_visit_on=(TODAY - dt.timedelta(days=3)).isoformat(),
                                  review_status="draft"))
        tx.create("visits", visit(c["id"], started_at=_at(TODAY - dt.timedelta(days=20)),
                                  next_visit_on=(TODAY - dt.timedelta(days=10)).isoformat(),
                                  review_status="draft"))
        tx.create("visits", visit(c["id"], started_at=_at(TODAY - dt.timedelta(days=2)),
                                  next_visit_on=(TODAY + dt.timedelta(days=4)).isoformat(),
                                  safety_concern=True, safety_details="дитина без нагляду",
                                  notes="пічка димить", review_status="draft"))
        tx.create("assessments", {"household_id": b["id"], "started_on": "2026-03-03",
                                  "review_status": "draft"})
        tx.create("assessments", {"household_id": c["id"], "started_on": "2026-03-03",
                                  "review_status": "draft"})
        plan = tx.create("plans", {"household_id": c["id"], "drawn_up_on": "2026-10-01", "review_status": "draft",
                                   "actions": [{"id": ACTIONS[0], "text": "Довідка ВПО",
                                                "due": (TODAY + dt.timedelta(days=2)).isoformat()},
                                               {"id": ACTIONS[1], "text": "Садок", "due": "2026-10-20"},
                                               {"id": ACTIONS[2], "text": "Психолог", "due": "2027-02-01"}]})
        tx.create("action_updates", {"household_id": c["id"], "plan_id": plan["id"], "action_id": ACTIONS[1],
                                     "status": "done", "on": "2026-10-19"})
        return a["id"], b["id"], c["id"]

    return store.write(write)


def names(store, ids):
    return [r.family_name for r in queries.caseload_rows(store, ids)]


def test_prepare_creates_indexes_once(store):
    queries.prepare(store)
    have = {r[0] for r in store.read().execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"q_visits_due", "q_plans_drawn", "q_households_list", "q_outbox_household"} <= have
    queries.prepare(store)  # a no-op the second time


def test_caseload_rows_carry_the_derived_columns(store, families):
    a, b, c = families
    queries.prepare(store)
    rows = {r.id: r for r in queries.caseload_rows(store, [a, b, c])}
    assert rows[c].last_visit.startswith((TODAY - dt.timedelta(days=2)).isoformat())
    assert rows[c].next_due == (TODAY + dt.timedelta(days=4)).isoformat()  # the latest visit's
    assert rows[c].open_actions == 2  # one of three is done
    assert rows[c].safety and not rows[a].safety
    assert rows[a].last_visit is None and rows[a].next_due is None
    assert rows[a].pending == 2  # the family and its member, created here


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [
        ("case_number", False, ["Бондар", "Вакуленко", "Андрієнко"]),
        ("family", True, ["Вакуленко", "Бондар", "Андрієнко"]),
        ("last_visit", True, ["Вакуленко", "Бондар", "Андрієнко"]),  # no visit: last either way
        ("next_due", False, ["Бондар", "Вакуленко", "Андрієнко"]),
        ("open_actions", True, ["Вакуленко", "Андрієнко", "Бондар"]),
    ],
)
def test_sorting_is_done_in_sql(store, families, sort, descending, expected):
    queries.prepare(store)
    assert names(store, queries.caseload_ids(store, CaseloadFilter(), sort, descending))[:3] == expected


def test_filters(store, families):
    a, b, c = families
    ids = lambda **kw: set(queries.caseload_ids(store, CaseloadFilter(today=TODAY, **kw)))  # noqa: E731
    assert ids() == {a, b, c}
    assert ids(hromada=OTHER_HROMADA) == {b}
    assert ids(hromada=HROMADA) == {a, c}
    assert ids(category="idp") == {a, c}
    assert ids(overdue=True) == {b}  # c's latest visit moved its next visit to next week
    assert ids(status="closed") == set()
    assert ids(status=None) == {a, b, c}
    assert queries.caseload_count(store, CaseloadFilter(category="idp")) == 2


def test_search_names_notes_and_visit_notes(store, families):
    a, b, c = families
    search = lambda t: set(queries.caseload_ids(store, CaseloadFilter(text=t)))  # noqa: E731
    assert search("дров") == {a}  # a household's notes, as a prefix
    assert search("марʼяна") == {a}  # a member's name, any apostrophe
    assert search("пічка") == {c}  # a visit's notes find the family
    assert search("бондар") == {b}
    assert search("нічогоподібного") == set()
    assert search("!!") == set()


def test_closed_cases_leave_the_default_caseload(store, families):
    a, _b, _c = families
    store.write(lambda tx: tx.update("households", a, {"status": "closed", "closure_reason": "moved_away",
                                                       "closed_on": "2026-11-17"}))
    assert a not in queries.caseload_ids(store, CaseloadFilter())
    assert queries.caseload_ids(store, CaseloadFilter(status="closed")) == [a]


def test_working_days_skip_weekends():
    friday = dt.date(2026, 11, 20)
    assert deadlines.add_working_days(friday, 1) == dt.date(2026, 11, 23)
    assert deadlines.add_working_days(dt.date(2026, 11, 16), 5) == dt.date(2026, 11, 23)  # Mon -> next Mon


def test_due_visits_assessments_and_actions(store, families):
    a, b, c = families
    items = queries.due(store, TODAY)
    kinds = {(i.kind, i.household_id) for i in items}
    assert ("visit", b) in kinds  # overdue
    assert ("visit", c) in kinds  # in four days
    assert ("assessment", a) in kinds  # identified Monday 16th: due Monday 23rd, no assessment yet
    assert ("assessment", b) not in kinds
    actions = [i for i in items if i.kind == "action"]
    assert [i.detail for i in actions] == ["Довідка ВПО"]  # done and far-off actions are not due
    overdue = [i for i in items if i.overdue(TODAY)]
    assert [i.household_id for i in overdue if i.kind != "notice"] == [b]
    # c's concern two days ago has no notice: its clock ran out (casework.safety, tests/test_safety_flow.py)
    assert [(i.kind, i.household_id) for i in overdue if i.kind == "notice"] == [("notice", c)]
    first = [i for i in items if i.kind == "visit" and i.first]
    assert [i.household_id for i in first] == [a]  # never visited: due by the assessment's deadline
    assert first[0].due == dt.date(2026, 11, 23)
    assert items == sorted(items, key=lambda i: (i.due, queries.KINDS.index(i.kind), i.case_number))


def test_assessment_due_date_is_five_working_days(store, families):
    a, _b, _c = families
    item = next(i for i in queries.due(store, TODAY) if i.kind == "assessment")
    assert item.household_id == a and item.due == dt.date(2026, 11, 23)
    # Not yet in sight two weeks earlier
    assert not [i for i in queries.due(store, dt.date(2026, 11, 1), dt.date(2026, 11, 8)) if i.kind == "assessment"]


def test_timeline_is_newest_first(store, families):
    _a, _b, c = families
    entries = queries.timeline(store, c)
    assert [e.collection for e in entries] == ["visits", "visits", "plans", "assessments"]
    assert entries[0].safety_concern and not entries[1].safety_concern
    assert entries[0].form_id == "home_visit" and entries[2].form_id == "case_plan"


def test_members_adults_first(store, families):
    a, _b, _c = families
    store.write(lambda tx: tx.create("persons", person(a, role="mother", surname="Андрієнко",
                                                       given_name="Олена", birth_date="1990-01-01")))
    assert [m["role"] for m in queries.members(store, a)] == ["mother", "child"]


def test_last_sync(store):
    assert queries.last_sync_at(store) is None
    store.write(lambda tx: tx.set_meta("last_sync_at", "2026-11-20T10:00:00.000Z"))
    assert queries.last_sync_at(store) == "2026-11-20T10:00:00.000Z"


def test_team_figures_count_overdue_and_late_as_due_does(store, families):
    from fieldapp.store.team import team_figures

    a, b, _c = families

    def more(tx):
        # Another caseworker's family: an older visit was overdue, the latest one set no next visit.
        d = tx.create("households", household(caseworker_id="olena", identified_on="2026-11-02"))
        tx.create("visits", visit(d["id"], started_at=_at(TODAY - dt.timedelta(days=30)),
                                  next_visit_on=(TODAY - dt.timedelta(days=20)).isoformat()))
        tx.create("visits", visit(d["id"], started_at=_at(TODAY - dt.timedelta(days=5))))
        # A closed case is due nothing, however late its visit and its assessment would be.
        e = tx.create("households", household(caseworker_id="olena", identified_on="2026-10-01"))
        tx.create("visits", visit(e["id"], started_at=_at(TODAY - dt.timedelta(days=60)),
                                  next_visit_on=(TODAY - dt.timedelta(days=50)).isoformat()))
        tx.update("households", e["id"], {"status": "closed", "closure_reason": "moved_away",
                                          "closed_on": "2026-11-01"})
        return d["id"], e["id"]

    d, e = store.write(more)
    for today in (TODAY, TODAY + dt.timedelta(days=5), TODAY + dt.timedelta(days=40)):
        figures = team_figures(store, today)
        team = {col: sorted(h for m in figures.values() for h in m.families[col])
                for col in ("overdue", "assessments_late", "caseload")}
        items = [i for i in queries.due(store, today, until=today) if i.overdue(today)]
        assert team["overdue"] == sorted(i.household_id for i in items if i.kind == "visit")
        assert team["assessments_late"] == sorted(i.household_id for i in items if i.kind == "assessment")
        assert team["caseload"] == sorted(queries.active_families(store))
        assert e not in team["overdue"] + team["assessments_late"] + team["caseload"]
    late = team_figures(store, TODAY + dt.timedelta(days=40))
    assert late["olena"].families["assessments_late"] == [d]
    assert b in late[""].families["overdue"] and a in late[""].families["assessments_late"]


def test_plan_progress_reads_each_action_status_across_revisions(store, families):
    _a, _b, c = families
    plan = next(iter(store.records("plans", household_id=c)))

    def revise(tx):
        kept = [a for a in plan["actions"] if a["id"] != ACTIONS[1]]  # the done action is not carried over
        new = tx.create("plans", {"household_id": c, "drawn_up_on": "2026-11-01", "review_status": "draft",
                                  "plan_version": 2, "supersedes_id": plan["id"], "actions": kept})
        # Marked on this laptop the same day, one after the other: the later one is the status.
        for status in ("in_progress", "done"):
            tx.create("action_updates", {"household_id": c, "plan_id": new["id"], "action_id": ACTIONS[0],
                                         "status": status, "on": "2026-11-10"})
        tx.create("action_updates", {"household_id": c, "plan_id": plan["id"], "action_id": ACTIONS[2],
                                     "status": "postponed", "on": "2026-10-05", "postponed_to": "2027-03-01"})
        return new["id"]

    new_id_ = store.write(revise)
    got, progress = queries.plan_progress(store, new_id_)
    assert got["id"] == new_id_
    assert [(p.action["id"], p.status, p.due) for p in progress] == [
        (ACTIONS[0], "done", None), (ACTIONS[2], "postponed", dt.date(2027, 3, 1))]
    assert [i for i in queries.due(store, TODAY) if i.kind == "action"] == []  # the old plan's actions are gone
    assert queries.plan_progress(store, new_id()) == (None, [])
