"""The case's deadlines (casework.deadlines) on small records worked out by hand."""

from __future__ import annotations

import datetime as dt

from casework import deadlines as d

MON, FRI = dt.date(2026, 11, 16), dt.date(2026, 11, 20)


def test_assessment_counts_from_receipt_then_identification() -> None:
    # Received on a Friday: five working days later is the next Friday.
    received = {"identified_on": "2026-11-18", "received_on": "2026-11-13"}
    assert d.assessment_start(received) == dt.date(2026, 11, 13)
    assert d.assessment_due(received) == dt.date(2026, 11, 20)
    # An older record without received_on falls back to identified_on (a Monday -> next Monday).
    assert d.assessment_due({"identified_on": "2026-11-16"}) == dt.date(2026, 11, 23)
    assert d.assessment_due({"identified_on": None}) is None


def test_working_days_skip_weekends_and_months_clamp() -> None:
    assert d.add_working_days(FRI, 1) == dt.date(2026, 11, 23)
    assert d.add_working_days(MON, 5) == dt.date(2026, 11, 23)
    assert d.add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert d.add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)
    assert d.add_months(dt.date(2026, 11, 15), 2) == dt.date(2027, 1, 15)


def test_current_plan_is_the_newest_not_superseded() -> None:
    v1 = {"id": "p1", "plan_version": 1, "drawn_up_on": "2026-01-10"}
    v2 = {"id": "p2", "plan_version": 2, "supersedes_id": "p1", "drawn_up_on": "2026-03-01"}
    v3_deleted = {"id": "p3", "plan_version": 3, "supersedes_id": "p2", "drawn_up_on": "2026-04-01", "deleted": True}
    assert d.current_plan([v1, v2, v3_deleted])["id"] == "p2"
    assert d.current_plan([v2, v1])["id"] == "p2"
    assert d.current_plan([v1])["id"] == "p1"
    assert d.current_plan([]) is None
    # Plans from before versions existed: the latest drawn up wins.
    assert d.current_plan([{"id": "a", "drawn_up_on": "2026-01-01"}, {"id": "b", "drawn_up_on": "2026-02-01"}])["id"] == "b"


def test_action_status_and_due_follow_the_newest_update() -> None:
    action = {"id": "a1", "text": "Оформити довідку ВПО", "due": "2026-11-20"}
    assert d.action_status([]) == "planned"
    assert d.action_due(action, []) == FRI
    started = {"action_id": "a1", "status": "in_progress", "on": "2026-11-10", "updated_at": "2026-11-10T09:00:00Z"}
    postponed = {"action_id": "a1", "status": "postponed", "on": "2026-11-12", "postponed_to": "2026-12-01",
                 "updated_at": "2026-11-12T09:00:00Z"}
    assert d.action_status([postponed, started]) == "postponed"
    assert d.action_due(action, [started, postponed]) == dt.date(2026, 12, 1)
    # Two updates on the same day: the one written later wins.
    done = {"action_id": "a1", "status": "done", "on": "2026-11-12", "updated_at": "2026-11-12T15:00:00Z"}
    assert d.action_status([done, postponed]) == "done"
    assert d.action_due(action, [postponed, done]) is None
    # A deleted update does not count.
    assert d.action_status([started, {**done, "deleted": True}]) == "in_progress"
    assert d.action_due(action, [started]) == FRI


def test_updates_grouped_by_action_across_versions() -> None:
    ups = [{"plan_id": "p1", "action_id": "a1", "on": "2026-01-01", "status": "in_progress"},
           {"plan_id": "p2", "action_id": "a1", "on": "2026-02-01", "status": "done"},
           {"plan_id": "p2", "action_id": "a2", "on": "2026-02-01", "status": "done", "deleted": True}]
    assert {k: len(v) for k, v in d.updates_by_action(ups).items()} == {"a1": 2}
    assert {k: len(v) for k, v in d.updates_by_action(ups, "p1").items()} == {"a1": 1}


def test_term_end_six_months_or_extended() -> None:
    assert d.term_end({"term_from": "2026-03-31"}) == dt.date(2026, 9, 30)
    assert d.term_end({"term_from": "2026-03-01", "term_until": "2026-08-01"}) == dt.date(2026, 8, 1)
    extended = {"term_from": "2026-03-01", "term_until": "2026-09-01",
                "extensions": [{"on": "2026-08-20", "until": "2026-12-01"}, {"on": "2026-08-01", "until": "2026-10-01"}]}
    assert d.term_end(extended) == dt.date(2026, 12, 1)
    assert d.term_end({}) is None


def test_follow_ups_end_when_done() -> None:
    assert d.referral_follow_up_due({"status": "sent", "follow_up_on": "2026-11-20"}) == FRI
    assert d.referral_follow_up_due({"status": "completed", "follow_up_on": "2026-11-20"}) is None
    assert d.referral_follow_up_due({"status": "refused", "follow_up_on": "2026-11-20"}) is None
    closed = {"status": "closed", "follow_up_on": "2026-11-20"}
    assert d.closure_follow_up_due(closed) == FRI
    assert d.closure_follow_up_due({**closed, "follow_up_done_on": "2026-11-19"}) is None
    assert d.closure_follow_up_due({**closed, "status": "active"}) is None
    assert d.is_overdue(FRI, dt.date(2026, 11, 21)) and not d.is_overdue(FRI, FRI) and not d.is_overdue(None, FRI)
