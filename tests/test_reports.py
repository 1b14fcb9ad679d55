"""Report indicators checked against a small dataset computed by hand (see the comments)."""

from __future__ import annotations

import datetime as dt

import pytest

from casework.reports.indicators import Period, add_working_days, age_band, compute, suppress

OCT = Period(dt.date(2026, 10, 1), dt.date(2026, 10, 31))
H1, H2 = "UA59080270000073662", "UA63120010000021682"


def hh(id_, identified, *, hromada=H1, status="active", closed_on=None, reason=None, deleted=False):
    return {"id": id_, "household_id": id_, "hromada": hromada, "identified_on": identified, "status": status,
            "closed_on": closed_on, "closure_reason": reason, "deleted": deleted, "family_name": f"Прізвище{id_}",
            "address": f"вулиця {id_}"}


def person(id_, hid, role, sex, born, **kw):
    return {"id": id_, "household_id": hid, "role": role, "sex": sex, "birth_date": born, **kw}


def visit(id_, hid, at, type_="monitoring", **kw):
    return {"id": id_, "household_id": hid, "started_at": f"{at}T10:00:00+00:00", "type": type_, **kw}


DATA = {
    "households": [
        hh("h1", "2026-10-05"),  # a Monday
        hh("h2", "2026-09-01"),
        hh("h3", "2026-10-01", status="closed", closed_on="2026-10-28", reason="moved_away"),  # a Thursday
        hh("h4", "2026-10-20", hromada=H2),
        hh("h5", "2026-10-02", deleted=True),
        hh("h6", "2026-01-01", status="closed", closed_on="2026-05-01", reason="goals_achieved"),
    ],
    "persons": [
        person("p1", "h1", "mother", "female", "1990-01-01"),
        person("p2", "h1", "child", "female", "2020-03-01"),  # 6 on 31 Oct: 5-11
        person("p3", "h1", "child", "male", "2024-06-01"),  # 2: 0-4
        person("p4", "h2", "father", "male", "1985-02-02", disability=True),
        person("p5", "h2", "child", "male", "2010-01-01", idp=True),  # 16: 12-17
        person("p6", "h3", "mother", "female", "1970-07-07"),  # 56
        person("p7", "h3", "other", "female", "2009-05-01"),  # 17: a child by age
        person("p8", "h4", "child", "male", "2015-01-01"),  # family not visited in October
        person("p9", "h5", "child", "male", "2015-01-01"),  # deleted family
    ],
    "visits": [
        visit("v1", "h1", "2026-10-06", services=[{"code": "002.0", "quantity": 1, "recipient_id": "p1"},
                                                  {"code": "002.0", "quantity": 1, "recipient_id": "p2"}]),
        visit("v2", "h1", "2026-10-20", "crisis", safety_concern=True, safety_details="..."),
        visit("v3", "h2", "2026-10-10"),
        visit("v4", "h3", "2026-10-02", "initial"),
        visit("v5", "h4", "2026-11-02"),  # after the period
        visit("v6", "h5", "2026-10-03"),  # of a deleted family
        visit("v7", "h6", "2026-09-30"),  # before the period
        {**visit("v8", "h2", "2026-10-11"), "deleted": True},
    ],
    "assessments": [
        {"id": "a1", "household_id": "h1", "completed_on": "2026-10-09"},  # due 12 Oct: on time
        {"id": "a3", "household_id": "h3", "completed_on": "2026-10-09"},  # due 8 Oct: late
    ],
    "plans": [{"id": "pl1", "household_id": "h1", "drawn_up_on": "2026-10-15"}],
    "referrals": [{"id": "r1", "household_id": "h1", "referred_on": "2026-10-07", "outcome": "completed"}],
    "reviews": [{"id": "rv1", "household_id": "h1", "record_collection": "visits", "record_id": "v2",
                 "reviewed_at": "2026-10-21T10:00:00+00:00"}],
    "protected": [{"id": "x1", "household_id": "h2", "person_id": "p5", "kind": "trafficking",
                   "exploitation_forms": ["forced_labour", "begging"], "status_applied_on": "2026-10-12",
                   "decision": "granted", "certificate_on": "2026-10-30"}],
}


def test_headline_figures():
    r = compute(DATA, OCT)
    assert r.headline == {
        "families_monitored": 3,  # h1, h2, h3
        "children_involved": 4,  # p2, p3, p5, p7 ...
        "children_families": 3,  # ... from 3 families
        "persons_in_monitored_families": 7,
        "cases_opened": 3,  # h1, h3, h4
        "cases_active": 3,  # h1, h2, h4
        "cases_closed": 1,  # h3
        "assessments_due": 3,
        "assessments_on_time": 1,  # h1 only
        "cases_with_plan": 1,
        "visits_due": 0,  # no visit set a next date
        "visits_on_time": 0,
        "referrals_made": 1,
        "referrals_completed": 1,
        "plan_actions_done": 0,
        "visits": 4,  # v1-v4
        "safety_concerns": 1,
        "safety_review_median_hours": 24.0,
        # child safety (tests/test_safety_report.py): one concerned visit, no notice recorded
        "safety_concerns_identified": 1, "safety_notices_on_time": 0, "safety_response_median_hours": None,
    }


def test_breakdowns():
    r = compute(DATA, OCT)
    assert r.table("persons_by_sex_age").counts == {
        ("female", "18-59"): 2, ("female", "5-11"): 1, ("male", "0-4"): 1, ("male", "18-59"): 1,
        ("male", "12-17"): 1, ("female", "12-17"): 1,
    }
    # Nothing recorded is "not recorded", never "no".
    assert r.table("persons_by_disability").counts == {("unknown",): 6, ("yes",): 1}
    assert r.table("persons_by_idp").counts == {("unknown",): 6, ("yes",): 1}
    assert r.table("persons_by_hromada").counts == {(H1,): 7}
    assert r.table("children_by_sex_age").total() == 4
    assert r.table("closed_by_reason").counts == {("moved_away",): 1}
    assert r.table("visits_by_type").counts == {("monitoring",): 2, ("crisis",): 1, ("initial",): 1}
    assert r.table("service_events").counts == {("002.0",): 2}
    assert r.table("service_recipients").counts == {("002.0",): 2}
    assert r.table("trafficking_by_sex_age").counts == {("male", "12-17"): 1}
    assert r.table("trafficking_by_form").counts == {("forced_labour",): 1, ("begging",): 1}
    assert r.table("trafficking_status").counts == {("applied",): 1, ("granted",): 1}


def test_filters_by_hromada():
    r = compute(DATA, OCT, hromada=H2)
    assert r.headline["cases_opened"] == 1 and r.headline["families_monitored"] == 0
    assert r.headline["children_involved"] == 0


def test_working_days_and_age_bands():
    assert add_working_days(dt.date(2026, 10, 5), 5) == dt.date(2026, 10, 12)  # Mon -> next Mon
    assert add_working_days(dt.date(2026, 10, 2), 1) == dt.date(2026, 10, 5)  # Fri -> Mon
    assert age_band("2021-11-01", dt.date(2026, 10, 31)) == "0-4"
    assert age_band("2021-10-31", dt.date(2026, 10, 31)) == "5-11"
    assert age_band(None, dt.date(2026, 10, 31)) == "unknown"


def test_small_counts_are_suppressed():
    assert suppress(3, 5).text(5) == "<5" and suppress(0, 5).text(5) == "0" and suppress(5, 5).text(5) == "5"
    assert suppress(2.5, 5, is_count=False).text(5) == "2.5"


def test_period_must_make_sense():
    with pytest.raises(ValueError):
        Period(dt.date(2026, 2, 1), dt.date(2026, 1, 1))


def test_the_case_cycle_records_are_counted() -> None:
    """Service events as records, plan actions done, referrals completed by status, and the
    assessment deadline from receipt of the application (Law art. 20), worked out by hand."""
    data = {
        "households": [
            # Received on Thursday 1 Oct, identified on Monday 5 Oct: due Thursday 8 Oct, done on 9 Oct: late.
            {**hh("h1", "2026-10-05"), "received_on": "2026-10-01"},
            # No received_on: due 12 Oct from identification on 5 Oct, done on 9 Oct: on time.
            hh("h2", "2026-10-05"),
        ],
        "persons": [person("p1", "h1", "mother", "female", "1990-01-01"),
                    person("p2", "h1", "child", "male", "2018-01-01")],
        "assessments": [{"id": "a1", "household_id": "h1", "completed_on": "2026-10-09"},
                        {"id": "a2", "household_id": "h2", "completed_on": "2026-10-09"}],
        "service_events": [
            {"id": "s1", "household_id": "h1", "service": "019.0", "delivered_on": "2026-10-10", "quantity": 3,
             "recipients": ["p1", "p2"]},
            {"id": "s2", "household_id": "h1", "service": "019.0", "delivered_on": "2026-10-20", "recipients": ["p1"]},
            {"id": "s3", "household_id": "h2", "service": "002.0", "delivered_on": "2026-09-30", "recipients": ["x"]},
            {"id": "s4", "household_id": "h2", "service": "002.0", "delivered_on": "2026-10-02",
             "recipients": ["y"], "deleted": True},
        ],
        "action_updates": [
            {"id": "u1", "household_id": "h1", "plan_id": "pl", "action_id": "a", "status": "done", "on": "2026-10-03"},
            {"id": "u2", "household_id": "h1", "plan_id": "pl", "action_id": "a", "status": "done", "on": "2026-10-04"},
            {"id": "u3", "household_id": "h1", "plan_id": "pl", "action_id": "b", "status": "in_progress", "on": "2026-10-04"},
            {"id": "u4", "household_id": "h1", "plan_id": "pl", "action_id": "c", "status": "done", "on": "2026-11-01"},
        ],
        "referrals": [
            {"id": "r1", "household_id": "h1", "referred_on": "2026-10-02", "status": "completed"},
            {"id": "r2", "household_id": "h2", "referred_on": "2026-10-02", "outcome": "completed"},
            {"id": "r3", "household_id": "h2", "referred_on": "2026-10-02", "status": "sent"},
        ],
    }
    report = compute(data, OCT)
    assert report.headline["assessments_due"] == 2 and report.headline["assessments_on_time"] == 1
    assert report.headline["referrals_made"] == 3 and report.headline["referrals_completed"] == 2
    assert report.headline["plan_actions_done"] == 1  # action a, done twice; c is in November
    assert report.table("service_events").counts == {("019.0",): 4}  # s3 is September, s4 deleted
    assert report.table("service_recipients").counts == {("019.0",): 2}
