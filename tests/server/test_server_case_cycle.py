"""The case cycle's new collections through a real server (SQLite and PostgreSQL): created on one
device and received by the team, a same-field clash, per-field refusals, and the closure's rules."""

from __future__ import annotations

import sqlalchemy as sa
from server_kit import World, create, new_household, person_fields, update

from casework.ids import new_id
from sync.server import households
from sync.server.db import records
from sync.server.feed import flat_record


def _record(world: World, record_id: str) -> dict:
    with world.server.engine.connect() as conn:
        return flat_record(conn.execute(sa.select(records).where(records.c.id == record_id)).one())


def _applied(results: list[dict]) -> None:
    assert [r["status"] for r in results] == ["applied"] * len(results), results


def _family(world: World) -> tuple[str, str, str, str]:
    """A household with a member and a plan of one action, pushed by Anna."""
    anna = world.client("anna")
    hh_id, _ = new_household(anna)
    person = create("persons", person_fields(hh_id))
    plan_id, action = new_id(), new_id()
    plan = create("plans", {"household_id": hh_id, "drawn_up_on": "2026-02-01", "plan_version": 1,
                            "goal_codes": [], "review_status": "draft", "term_from": "2026-02-01",
                            "actions": [{"id": action, "text": "Оформити довідку ВПО", "due": "2026-03-01",
                                         "service": "004.0"}]}, plan_id)
    _applied(anna.push(person, plan))
    return hh_id, person["id"], plan_id, action


def test_every_new_collection_reaches_the_team(world: World):
    anna, sofia, petro = world.client("anna"), world.client("sofia"), world.client("petro")
    hh_id, person_id, plan_id, action = _family(world)
    made = [
        create("action_updates", {"household_id": hh_id, "plan_id": plan_id, "action_id": action,
                                  "status": "postponed", "on": "2026-02-20", "postponed_to": "2026-03-15",
                                  "note": "Чекаємо на документи"}),
        create("service_events", {"household_id": hh_id, "service": "019.0", "delivered_on": "2026-02-10",
                                  "place": "home", "provider": "ЦНСП", "quantity": 2, "recipients": [person_id],
                                  "plan_id": plan_id, "action_id": action}),
        create("referrals", {"household_id": hh_id, "person_id": person_id, "direction": "outgoing",
                             "agency": "ЦНАП", "service": "004.0", "reason": "Довідка ВПО",
                             "referred_on": "2026-02-05", "status": "sent", "follow_up_on": "2026-02-19"}),
        create("consents", {"household_id": hh_id, "person_id": person_id, "purpose": "data_processing",
                            "given_on": "2026-02-01", "expires_on": "2027-02-01"}),
    ]
    _applied(anna.push(*made))
    held = sofia.holds()
    for change in made:
        got = held[change["id"]]
        assert got["collection"] == change["collection"]
        assert {k: got[k] for k in change["fields"]} == change["fields"]
    assert not {c["id"] for c in made} & set(petro.holds())  # the other team sees none of it
    # An action's status changes under an approved (locked) plan: updates are not reviewed.
    _applied(anna.push(update("plans", plan_id, 1, {"review_status": "submitted"}, {"review_status": "draft"})))
    _applied(sofia.push(update("plans", plan_id, 2, {"review_status": "approved"}, {"review_status": "submitted"})))
    [locked] = anna.push(update("plans", plan_id, 3, {"goals": "інше"}, {"goals": None}))
    assert locked["status"] == "rejected" and locked["error"]["code"] == "record_locked"
    _applied(anna.push(create("action_updates", {"household_id": hh_id, "plan_id": plan_id, "action_id": action,
                                                 "status": "done", "on": "2026-03-10"})))


def test_the_same_field_of_a_service_event_and_an_action_update_gives_a_conflict(world: World):
    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, person_id, plan_id, action = _family(world)
    event = create("service_events", {"household_id": hh_id, "service": "002.0", "delivered_on": "2026-02-10",
                                      "quantity": 1, "recipients": [person_id]})
    progress = create("action_updates", {"household_id": hh_id, "plan_id": plan_id, "action_id": action,
                                         "status": "in_progress", "on": "2026-02-11", "note": "Почали"})
    _applied(anna.push(event, progress))
    _applied(sofia.push(update("service_events", event["id"], 1, {"quantity": 3}, {"quantity": 1}),
                        update("action_updates", progress["id"], 1, {"note": "Подано заяву"}, {"note": "Почали"})))
    results = anna.push(update("service_events", event["id"], 1, {"quantity": 2, "provider": "ЦНСП"},
                               {"quantity": 1, "provider": None}),
                        update("action_updates", progress["id"], 1, {"note": "Записалися"}, {"note": "Почали"}))
    assert [(r["status"], r["fields"]) for r in results] == [("conflict", ["quantity"]), ("conflict", ["note"])]
    kept = _record(world, event["id"])
    assert kept["quantity"] == 3 and kept["provider"] == "ЦНСП"  # the server's value, the rest applied
    assert _record(world, progress["id"])["note"] == "Подано заяву"
    conflicts = {r["record_id"] for r in sofia.holds().values() if r["collection"] == "conflicts"}
    assert conflicts == {event["id"], progress["id"]}


def test_an_invalid_action_update_or_service_event_is_refused_naming_the_field(world: World):
    anna = world.client("anna")
    hh_id, person_id, plan_id, action = _family(world)
    results = anna.push(
        create("action_updates", {"household_id": hh_id, "plan_id": plan_id, "action_id": action,
                                  "status": "postponed", "on": "2026-02-20"}),
        create("action_updates", {"household_id": hh_id, "plan_id": plan_id, "action_id": action,
                                  "status": "finished", "on": "2026-02-20"}),
        create("service_events", {"household_id": hh_id, "service": "009.0", "delivered_on": "2026-02-10",
                                  "recipients": [person_id]}),
        create("service_events", {"household_id": hh_id, "service": "002.0", "delivered_on": "2026-02-10",
                                  "quantity": 0, "recipients": [person_id]}),
    )
    assert [r["status"] for r in results] == ["rejected"] * 4
    assert [r["error"]["code"] for r in results] == ["invalid_payload"] * 4
    for result, name in zip(results, ("postponed_to", "status", "service", "quantity"), strict=True):
        assert f"'{name}'" in result["error"]["detail"], result


def test_a_closure_waits_for_approval_and_a_follow_up_keeps_the_family(world: World):
    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, _ = new_household(anna)
    closure = {"closure_reason": "goals_achieved", "closed_on": "2026-03-01", "closure_outcome": "OVR",
               "follow_up_on": "2026-05-01"}
    [early] = anna.push(update("households", hh_id, 1, {**closure, "status": "closed", "review_status": "submitted"},
                               {k: None for k in (*closure, "review_status")} | {"status": "active"}))
    assert early["status"] == "rejected" and "'status'" in early["error"]["detail"]
    _applied(anna.push(update("households", hh_id, 1, {**closure, "review_status": "submitted"},
                              {k: None for k in (*closure, "review_status")})))
    _applied(sofia.push(update("households", hh_id, 2, {"review_status": "approved", "status": "closed"},
                               {"review_status": "submitted", "status": "active"})))
    anna.pull_all(0)
    # Closed and past retention, but the follow-up is not done: the family stays on Anna's laptop.
    assert households.retire_closed(world.server.engine, 0) == 0
    assert hh_id in anna.holds()
    # The follow-up is recorded on the approved closure (the lock lets it through, nothing else).
    [other] = anna.push(update("households", hh_id, 3, {"notes": "ще"}, {"notes": None}))
    assert other["status"] == "rejected" and other["error"]["code"] == "record_locked"
    _applied(anna.push(update("households", hh_id, 3, {"follow_up_done_on": "2026-05-02"},
                              {"follow_up_done_on": None})))
    assert households.retire_closed(world.server.engine, 0) == 1
    assert {"op": "evict", "collection": "households", "id": hh_id} in anna.pull_all()
