"""A demo profile looks like a working team's (issue 12): each family has its caseworker, named as a
sync would name her, and each safety concern carries its statutory notices, so the concerns are not
all overdue."""

from __future__ import annotations

import datetime as dt

import pytest
from kit import FAST_KDF, PASSPHRASE

from casework import safety
from fieldapp import demo
from fieldapp.store import review, team
from fieldapp.store import safety as safety_store
from fieldapp.store.database import Store
from fieldapp.ui.supervisor.review_queue import caseworker_name

TODAY = dt.date(2026, 12, 1)
FAMILIES = 600


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    store = Store.create(tmp_path_factory.mktemp("realism") / "p", PASSPHRASE, kdf=FAST_KDF)
    demo.fill(store, FAMILIES, seed=9, today=TODAY)
    yield store
    store.close()


def test_every_demo_family_has_a_named_caseworker(profile, qapp):
    people = demo.demo_team()
    families = list(profile.records("households"))
    assert len(families) == FAMILIES
    assert {h["caseworker_id"] for h in families} == set(people)  # the work is shared by the whole team
    assert all(h["specialists"][0]["name"] == people[h["caseworker_id"]] for h in families)
    names = team.known_names(profile)
    assert {uid: names[uid] for uid in people} == people
    assert team.caseworkers(profile) == dict(sorted(people.items(), key=lambda kv: kv[1]))
    queue = review.review_queue(profile)
    assert queue  # submitted visits, assessments, plans
    assert {caseworker_name(i.caseworker_id, names) for i in queue} == set(people.values())


def test_demo_concerns_carry_their_notices(profile):
    now = demo._Generator.moment(TODAY)
    concerns = safety_store.clocks(profile, active_only=False)
    assert len(concerns) >= 20
    complete = [c for c in concerns if c.complete]
    # Most concerns had their three notices, nearly all within the day; a few were late.
    assert len(complete) >= 0.8 * len(concerns)
    late = [c for c in complete if not c.on_time()]
    assert 0 < len(late) <= 0.2 * len(complete)
    # What still waits is recent: identified within the last week, and listed on Today.
    waiting = safety.open_clocks(concerns)
    assert waiting and all(now - c.started_at <= dt.timedelta(days=7) for c in waiting)
    assert safety.open_clocks(concerns, now) == waiting
    # No notice is dated after the demo's morning.
    notices = list(profile.records("safety_notices"))
    assert notices and max(dt.datetime.fromisoformat(n["notified_at"]) for n in notices) <= now
