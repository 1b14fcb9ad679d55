"""Reviewing on the supervisor's laptop, and what reaches the caseworker after sync (real server)."""

from __future__ import annotations

import pytest
from factories import household, visit
from kit import enrolled_laptop, quick_transport

from casework.records import InvalidRecord
from fieldapp.store.errors import RecordLocked, ReviewNotAllowed
from fieldapp.store.review import history, returned, review_queue
from fieldapp.sync.device import enrolled_user, sync_once


def sync(store):
    report = sync_once(store, transport=quick_transport)
    assert report.rejected == 0, store.outbox(state="rejected")
    return report


def test_queue_order_approve_return_and_what_the_caseworker_sees(live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    h = anna.write(lambda tx: tx.create("households", household(family_name="Мельник")))
    old = anna.write(lambda tx: tx.create("visits", visit(h["id"], review_status="submitted",
                                                          started_at="2026-09-01T10:00:00+00:00")))
    new = anna.write(lambda tx: tx.create("visits", visit(h["id"], review_status="submitted",
                                                          started_at="2026-10-01T10:00:00+00:00")))
    unsafe = anna.write(lambda tx: tx.create("visits", visit(h["id"], review_status="submitted",
                                                             started_at="2026-10-15T10:00:00+00:00",
                                                             safety_concern=True, safety_details="синці")))
    anna.write(lambda tx: tx.create("visits", visit(h["id"])))  # a draft: not for review
    sync(anna)
    sync(sofia)

    queue = review_queue(sofia)
    assert [i.record_id for i in queue] == [unsafe["id"], old["id"], new["id"]]
    assert queue[0].safety_concern and queue[0].family_name == "Мельник"

    with pytest.raises(InvalidRecord):  # a return says why
        sofia.write(lambda tx: tx.review("visits", new["id"], "returned", "  "))
    sofia.write(lambda tx: tx.review("visits", old["id"], "approved", reviewer_id="sofia"))
    sofia.write(lambda tx: tx.review("visits", new["id"], "returned", "Додайте, хто з дітей був присутній."))
    with pytest.raises(ReviewNotAllowed):
        sofia.write(lambda tx: tx.review("visits", old["id"], "approved"))
    assert [i.record_id for i in review_queue(sofia)] == [unsafe["id"]]
    sync(sofia)
    sync(anna)

    (back,) = returned(anna)
    assert back.record_id == new["id"] and back.comment == "Додайте, хто з дітей був присутній."
    with pytest.raises(RecordLocked) as info:
        anna.write(lambda tx: tx.update("visits", old["id"], {"notes": "запізніле доповнення"}))
    assert info.value.code == "record_locked" and "supervisor approved" in info.value.message.render()
    # The caseworker corrects and resubmits; the supervisor sees it again.
    anna.write(lambda tx: tx.update("visits", new["id"], {"notes": "Присутні обидві дитини.",
                                                         "review_status": "submitted"}))
    sync(anna)
    sync(sofia)
    assert new["id"] in [i.record_id for i in review_queue(sofia)]
    assert [r["status"] for r in history(sofia, "visits", new["id"])] == ["returned"]
    # Reopening an approved record is a return with a reason.
    sofia.write(lambda tx: tx.review("visits", old["id"], "returned", "Перевірте дату візиту."))
    sync(sofia)
    sync(anna)
    anna.write(lambda tx: tx.update("visits", old["id"], {"notes": "дату виправлено"}))


def _close(store, household_id):
    """The caseworker submits the report on the results of support (the closure): its record
    fields and the review status "submitted"; the case itself stays active until approval."""
    fields = {"closed_on": "2026-10-20", "closure_reason": "goals_achieved", "closure_outcome": "OVR",
              "closure.results": "Діти відвідують школу, борги за комунальні послуги сплачено.",
              "review_status": "submitted"}
    return store.write(lambda tx: tx.update("households", household_id, fields))


def test_a_closure_takes_effect_when_the_supervisor_approves_it(live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    h = anna.write(lambda tx: tx.create("households", household(family_name="Бондар")))
    # Closing at once, before the approval, is refused with the reason.
    with pytest.raises(InvalidRecord) as early:
        anna.write(lambda tx: tx.update("households", h["id"], {
            "status": "closed", "closed_on": "2026-10-20", "closure_reason": "goals_achieved",
            "review_status": "submitted"}))
    assert [p.field for p in early.value.problems] == ["status"]
    assert _close(anna, h["id"])["status"] == "active"
    sync(anna)
    sync(sofia)
    # Returned: the case stays active, and the caseworker sees why.
    sofia.write(lambda tx: tx.review("households", h["id"], "returned", "Додайте результат за кожною метою.",
                                     reviewer_id="sofia"))
    assert sofia.get("households", h["id"])["status"] == "active"
    sync(sofia)
    sync(anna)
    assert anna.get("households", h["id"])["review_status"] == "returned"
    anna.write(lambda tx: tx.update("households", h["id"], {"review_status": "submitted"}))
    sync(anna)
    sync(sofia)
    approved = sofia.write(lambda tx: tx.review("households", h["id"], "approved", reviewer_id="sofia"))
    assert approved["status"] == "approved"
    assert sofia.get("households", h["id"])["status"] == "closed"
    sync(sofia)
    sync(anna)
    family = anna.get("households", h["id"])
    assert (family["status"], family["review_status"]) == ("closed", "approved")
    # Reopening an approved closure makes the case active again, on the server too.
    sofia.write(lambda tx: tx.review("households", h["id"], "returned", "Відкриваємо: нова заява.",
                                     reviewer_id="sofia"))
    sync(sofia)
    sync(anna)
    assert anna.get("households", h["id"])["status"] == "active"
    anna.close()
    sofia.close()


def test_a_supervisor_cannot_approve_what_she_wrote(live_server, tmp_path):
    from fieldapp.store.errors import OwnRecordReview

    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    h = anna.write(lambda tx: tx.create("households", household(family_name="Ткач")))
    sync(anna)
    sync(sofia)
    me = enrolled_user(sofia)["id"]
    own = sofia.write(lambda tx: tx.create("visits", visit(h["id"], review_status="submitted")))
    with pytest.raises(OwnRecordReview) as before_sync:  # written here, not yet sent
        sofia.write(lambda tx: tx.review("visits", own["id"], "approved", reviewer_id=me))
    assert "another supervisor" in before_sync.value.message.render()
    sync(sofia)
    with pytest.raises(OwnRecordReview):  # the server names her as its author
        sofia.write(lambda tx: tx.review("visits", own["id"], "approved", reviewer_id=me))
    with pytest.raises(OwnRecordReview):  # no reviewer given: the laptop's enrolled user
        sofia.write(lambda tx: tx.review("visits", own["id"], "approved"))
    assert sofia.get("visits", own["id"])["review_status"] == "submitted"
    # Anna's record, changed by nobody on this laptop, she approves.
    theirs = anna.write(lambda tx: tx.create("visits", visit(h["id"], review_status="submitted")))
    sync(anna)
    sync(sofia)
    sofia.write(lambda tx: tx.review("visits", theirs["id"], "approved", reviewer_id=me))
    assert sofia.get("visits", theirs["id"])["review_status"] == "approved"
    anna.close()
    sofia.close()


def test_an_approved_closure_is_locked_on_the_laptop_for_the_servers_reason(live_server, tmp_path, qtbot):
    from casework.ids import new_id
    from fieldapp.store.errors import rejection_message
    from fieldapp.ui.sync.issues import RejectedPage
    from sync import protocol

    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia")
    h = anna.write(lambda tx: tx.create("households", household(family_name="Кравець")))
    closed = _close(anna, h["id"])
    assert closed["status"] == "active" and closed["review_status"] == "submitted"
    sync(anna)
    sync(sofia)
    assert [(i.collection, i.record_id) for i in review_queue(sofia)] == [("households", h["id"])]
    sofia.write(lambda tx: tx.review("households", h["id"], "approved", reviewer_id="sofia"))
    sync(sofia)

    # Anna typed a note before her laptop heard of the approval: the server refuses it.
    anna.write(lambda tx: tx.update("households", h["id"], {"notes": "дописано після закриття"}))
    report = sync_once(anna, transport=quick_transport)
    assert report.rejected == 1
    (kept,) = anna.outbox(state="rejected")
    assert anna.get("households", h["id"])["review_status"] == "approved"

    # Now the laptop itself refuses the same edit ...
    with pytest.raises(RecordLocked) as info:
        anna.write(lambda tx: tx.update("households", h["id"], {"notes": "ще раз"}))
    with pytest.raises(RecordLocked):
        anna.write(lambda tx: tx.delete("households", h["id"]))
    # ... and the server, sent the change past the laptop's check, refuses it for the same reason.
    record = anna.get("households", h["id"])
    link = quick_transport(live_server.base, anna.meta("device_token"))
    try:
        (result,) = link.push([protocol.Change(new_id(), "households", h["id"], record["version"],
                                               {"notes": "ще раз"}, {"notes": record.get("notes")},
                                               False).to_json()])
    finally:
        link.close()
    assert result["status"] == "rejected"
    assert result["error"]["code"] == kept.error["code"] == info.value.code == "record_locked"
    assert rejection_message(result["error"]) == info.value.message
    # The sync-issues screen gives the server's rejection in the laptop's sentence.
    page = RejectedPage(anna)
    qtbot.addWidget(page)
    assert info.value.message.render() in page.details.text()
    anna.close()
    sofia.close()
