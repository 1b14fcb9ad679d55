"""The notice clock of a safety concern (casework.safety) and the safety records' rules."""

from __future__ import annotations

import datetime as dt

from casework import safety
from casework.ids import new_id
from casework.records import validate

T0 = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


def visit(vid="v1", concern=True, at=T0):
    return {"id": vid, "household_id": "h1", "started_at": at.isoformat(), "safety_concern": concern}


def notice(recipient, at, concern="v1", nid=None):
    return {"id": nid or f"n-{recipient}-{at.isoformat()}", "household_id": "h1", "concern_id": concern,
            "recipient": recipient, "notified_at": at.isoformat()}


def test_the_clock_starts_at_the_visit_and_runs_a_day():
    [clock] = safety.clocks([visit(), visit("v2", concern=False)], [], [])
    assert clock.started_at == T0 and clock.due_at == T0 + dt.timedelta(hours=24)
    assert clock.missing == safety.REQUIRED_NOTICES
    assert clock.left(T0 + dt.timedelta(hours=5)) == dt.timedelta(hours=19)
    assert not clock.overdue(T0 + dt.timedelta(hours=24))
    assert clock.overdue(T0 + dt.timedelta(hours=24, minutes=1))


def test_three_notices_within_the_day_close_the_clock_on_time():
    notices = [notice(r, T0 + dt.timedelta(hours=i + 1)) for i, r in enumerate(safety.RECIPIENTS)]
    [clock] = safety.clocks([visit()], [], notices)
    assert clock.complete and clock.on_time() and not clock.overdue(T0 + dt.timedelta(days=3))
    assert clock.response() == dt.timedelta(hours=3)


def test_a_notice_after_the_day_is_late_and_a_missing_one_keeps_it_overdue():
    late = [notice("police", T0 + dt.timedelta(hours=30)), notice("children_service", T0 + dt.timedelta(hours=2))]
    [clock] = safety.clocks([visit()], [], late)
    assert clock.missing == ("centre",) and clock.overdue(T0 + dt.timedelta(hours=31))
    [done] = safety.clocks([visit()], [], late + [notice("centre", T0 + dt.timedelta(hours=3))])
    assert done.complete and done.late() == ("police",) and not done.on_time()


def test_an_assessment_joins_its_visit_and_one_without_a_visit_is_a_concern_of_its_own():
    from_visit = {"id": "a1", "household_id": "h1", "visit_id": "v1", "safety_level": "D", "assessed_on": "2026-11-20"}
    alone = {"id": "a2", "household_id": "h1", "identified_at": (T0 + dt.timedelta(days=1)).isoformat(),
             "safety_level": "VD", "assessed_on": "2026-11-21"}
    # A notice that names the assessment counts for the visit's concern.
    clocks = safety.clocks([visit()], [from_visit, alone], [notice("police", T0, concern="a1")])
    assert [(c.concern_id, c.level, c.assessment_id, tuple(c.notified)) for c in clocks] == [
        ("v1", "D", "a1", ("police",)), ("a2", "VD", "a2", ())]


def test_deleted_records_and_notices_for_other_concerns_do_not_count():
    gone = dict(visit("v9"), deleted=True)
    clocks = safety.clocks([visit(), gone], [], [notice("police", T0, concern="elsewhere"),
                                                dict(notice("centre", T0), deleted=True)])
    assert [c.concern_id for c in clocks] == ["v1"] and clocks[0].notified == {}


def test_urgency_puts_overdue_first_then_the_nearest_deadline_then_the_newest_done():
    now = T0 + dt.timedelta(hours=30)
    old = safety.clocks([visit("old", at=T0)], [], [])[0]
    running = safety.clocks([visit("run", at=T0 + dt.timedelta(hours=20))], [], [])[0]
    done = safety.clocks([visit("done", at=T0 + dt.timedelta(hours=1))], [],
                         [notice(r, T0 + dt.timedelta(hours=2), concern="done") for r in safety.RECIPIENTS])[0]
    ranked = sorted([done, running, old], key=lambda c: safety.urgency(c, now))
    assert [c.concern_id for c in ranked] == ["old", "run", "done"]


def test_the_records_refuse_what_cannot_be_true():
    base = {"household_id": new_id(), "person_id": new_id(), "violence_forms": ["physical"], "reported_on": "2026-11-01",
            "incident_on": "2026-11-05", "consent_to_share": True, "services_offered": ["legal"],
            "services_accepted": ["legal", "shelter"]}
    fields = {p.field for p in validate("violence_incidents", base, dt.date(2026, 11, 20))}
    assert fields == {"reported_on", "services_accepted"}
    wrong_form = dict(base, violence_forms=["spiritual"])
    assert {p.field for p in validate("violence_incidents", wrong_form, dt.date(2026, 11, 20))} == {"violence_forms"}
    answer_first = {"household_id": new_id(), "concern_id": new_id(), "recipient": "police", "channel": "phone",
                    "notified_by": "Анна", "notified_at": T0.isoformat(),
                    "answer_at": (T0 - dt.timedelta(hours=1)).isoformat()}
    assert [p.field for p in validate("safety_notices", answer_first, dt.date(2026, 11, 20))] == ["answer_at"]
    assert [p.field for p in validate("safety_notices", dict(answer_first, recipient="priest"),
                                      dt.date(2026, 11, 20))] == ["recipient"]
