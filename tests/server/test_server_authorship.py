"""Another specialist's visit, assessment or plan (casework.records.may_change) on the server: a
crafted push that changes or deletes it is refused `not_author`, changes nothing, and the pull
names every record's author (`created_by`) so the laptop can apply the same rule."""

from __future__ import annotations

from server_kit import create, new_household, update, visit_fields

from sync import protocol as p


def _by_id(client, record_id):
    return client.holds()[record_id]


def test_a_push_changing_another_specialists_visit_is_refused_and_changes_nothing(world):
    anna, sofia, boris = world.client("anna"), world.client("sofia"), world.client("boris")
    hh_id, _ = new_household(anna)
    note = create("visits", visit_fields(hh_id, notes="supervisor's visit with Anna"))
    [res] = sofia.push(note)
    assert res["status"] == "applied", res
    assert _by_id(anna, note["id"])["created_by"] == world.users["sofia"]

    # Anna edits the supervisor's visit (a crafted push), then deletes it: both refused.
    [edit] = anna.push(update("visits", note["id"], 1, {"notes": "rewritten"}, {"notes": note["fields"]["notes"]}))
    [gone] = anna.push(update("visits", note["id"], 1, {}, {}, delete=True))
    [submit] = anna.push(update("visits", note["id"], 1, {"review_status": "submitted"}, {"review_status": "draft"}))
    for refused in (edit, gone, submit):
        assert refused["status"] == "rejected", refused
        assert refused["error"]["code"] == "not_author"
    assert p.ERROR_STATUS["not_author"] == 403
    held = _by_id(sofia, note["id"])
    assert (held["notes"], held["deleted"], held["version"]) == ("supervisor's visit with Anna", False, 1)

    # Her own visit she changes; the supervisor may change hers too (a supervisor edits on her laptop).
    own = create("visits", visit_fields(hh_id, notes="Anna's visit"))
    [made] = anna.push(own)
    [mine] = anna.push(update("visits", own["id"], 1, {"notes": "Anna's visit, corrected"}, {"notes": "Anna's visit"}))
    [theirs] = sofia.push(update("visits", own["id"], 2, {"notes": "seen by Sofia"}, {"notes": "Anna's visit, corrected"}))
    assert (made["status"], mine["status"], theirs["status"]) == ("applied", "applied", "applied")
    # The last to change it is Sofia, the author still Anna: Anna may change it again.
    [again] = anna.push(update("visits", own["id"], 3, {"notes": "Anna again"}, {"notes": "seen by Sofia"}))
    assert again["status"] == "applied", again
    assert _by_id(anna, own["id"])["created_by"] == world.users["anna"]

    # After the family moves to Boris, Anna's draft visit is Anna's: Boris reads it, writes his own.
    [moved] = sofia.push(update("households", hh_id, 1, {"caseworker_id": world.users["boris"]},
                                {"caseworker_id": world.users["anna"]}))
    assert moved["status"] == "applied", moved
    [his] = boris.push(update("visits", own["id"], 4, {"notes": "Boris"}, {"notes": "Anna again"}))
    assert his["status"] == "rejected" and his["error"]["code"] == "not_author", his
    [new] = boris.push(create("visits", visit_fields(hh_id, notes="Boris's own visit")))
    assert new["status"] == "applied", new


def test_the_family_card_and_the_progress_of_a_plan_stay_shared(world):
    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, _ = new_household(sofia, caseworker_id=world.users["anna"])
    [res] = anna.push(update("households", hh_id, 1, {"phone": "+380 50 000 0000"}, {"phone": "+380 67 123 4567"}))
    assert res["status"] == "applied", res
