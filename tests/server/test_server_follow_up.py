"""An approved closure is locked on the server, but its follow-up can still be recorded (open_when_locked)."""

from __future__ import annotations

import datetime as dt

from server_kit import World, new_household, update


def test_follow_up_done_is_taken_under_an_approved_closure(world: World):
    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, fields = new_household(anna)
    closed_on = dt.date.today().isoformat()
    [res] = anna.push(update("households", hh_id, 1, {"review_status": "submitted", "closure_outcome": "OVR",
                                                      "closure_reason": "goals_achieved"}, {}))
    assert res["status"] == "applied", res
    [res] = sofia.push(update("households", hh_id, res["version"],
                              {"review_status": "approved", "status": "closed", "closed_on": closed_on,
                               "follow_up_on": closed_on}, {"review_status": "submitted"}))
    assert res["status"] == "applied", res
    version = res["version"]
    [res] = anna.push(update("households", hh_id, version, {"notes": "changed after approval"},
                             {"notes": fields.get("notes")}))
    assert res["status"] == "rejected" and res["error"]["code"] == "record_locked"
    [res] = anna.push(update("households", hh_id, version, {"follow_up_done_on": closed_on},
                             {"follow_up_done_on": None}))
    assert res["status"] == "applied", res
