"""Reviewing on the supervisor's laptop, and what reaches the caseworker after sync (real server)."""

from __future__ import annotations

import pytest
from factories import household, visit
from kit import enrolled_laptop, quick_transport

from casework.records import InvalidRecord
from fieldapp.store.errors import RecordLocked, ReviewNotAllowed
from fieldapp.store.review import history, returned, review_queue
from fieldapp.sync.device import sync_once


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
    assert "approved by the supervisor" in info.value.message.render()
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
