"""The pull cursor follows commit order: concurrent pushes never make a puller miss a change."""

from __future__ import annotations

import random
import threading
import time

import pytest
from server_kit import World, create, household_fields, update

from sync.server.settings import Hooks


@pytest.fixture
def server_hooks() -> Hooks:
    # Up to 40 ms between taking sequence numbers and committing, at random, so that a
    # later-numbered push would often commit first if numbers were not in commit order.
    return Hooks(push_numbered=lambda: time.sleep(random.uniform(0, 0.04)))


@pytest.mark.slow
def test_concurrent_pushes_while_another_client_pulls_never_miss_a_change(world: World):
    pushers = [world.client(name) for name in ("anna", "boris", "pavlo", "anna", "sofia")]
    puller = world.client("sofia")  # the team's supervisor sees every household
    rounds, batch = 12, 4
    expected: dict[str, int] = {}  # id -> last version the server answered
    lock = threading.Lock()
    errors: list[BaseException] = []
    # Interleave for sure, on a fast machine too: each pusher's next round waits for a pull to happen.
    pulled = threading.Condition()
    pull_count = [0]

    def push_loop(index: int) -> None:
        try:
            client = pushers[index]
            mine: list[tuple[str, int]] = []
            for r in range(rounds):
                changes = [create("households", household_fields(case_number=f"2026/{index}-{r:02d}{i}"))
                           for i in range(batch)]
                if mine:  # also edit an earlier household: updates must arrive too
                    rid, version = mine[-1]
                    changes.append(update("households", rid, version,
                                          {"notes": f"round {r}"}, {}))
                results = client.push(*changes)
                with lock:
                    for ch, res in zip(changes, results, strict=True):
                        assert res["status"] in ("applied", "merged"), res
                        expected[ch["id"]] = res["version"]
                with pulled:
                    before = pull_count[0]
                    pulled.wait_for(lambda before=before: pull_count[0] > before, timeout=5)
                mine += [(ch["id"], 1) for ch in changes[:batch]]
                if len(changes) > batch:
                    mine[-batch - 1] = (changes[-1]["id"], results[-1]["version"])
        except BaseException as exc:  # noqa: B036 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=push_loop, args=(i,)) for i in range(len(pushers))]
    for t in threads:
        t.start()
    seen: dict[str, int] = {}
    pulls = 0
    while any(t.is_alive() for t in threads):
        r = puller.pull(limit=7)
        assert r.status_code == 200, r.text
        body = r.json()
        for change in body["changes"]:
            if change["op"] == "upsert" and change["collection"] == "households":
                seen[change["id"]] = change["version"]
        assert body["cursor"] >= puller.cursor
        puller.cursor = body["cursor"]
        pulls += 1
        with pulled:
            pull_count[0] += 1
            pulled.notify_all()
        if not body["more"]:
            time.sleep(0.005)
    for t in threads:
        t.join()
    assert not errors, errors
    # One last incremental pull, never from 0: a change numbered below the cursor is lost for good.
    for change in puller.pull_all(limit=7):
        if change["op"] == "upsert" and change["collection"] == "households":
            seen[change["id"]] = change["version"]
    assert pulls >= 10  # the puller really pulled while others pushed
    assert len(expected) == len(pushers) * rounds * batch
    missing = set(expected) - set(seen)
    assert not missing, f"{len(missing)} changes never reached the puller"
    stale = {rid for rid, version in expected.items() if seen[rid] != version}
    assert not stale, f"{len(stale)} records arrived only in an older version"


@pytest.mark.slow
def test_concurrent_edits_of_one_household_lose_nothing(world: World):
    from server_kit import new_household

    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, fields = new_household(anna)
    rounds = 15
    errors: list[BaseException] = []

    def edit(client, name: str, first) -> None:
        try:
            last = first
            for i in range(rounds):
                value = f"{name} {i}"
                [res] = client.push(update("households", hh_id, 1, {name: value}, {name: last}))
                assert res["status"] in ("applied", "merged"), res
                last = value
        except BaseException as exc:  # noqa: B036 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(anna, "notes", None)),
               threading.Thread(target=edit, args=(sofia, "address", None))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    held = sofia.holds()
    assert held[hh_id]["notes"] == f"notes {rounds - 1}"
    assert held[hh_id]["address"] == f"address {rounds - 1}"
    assert held[hh_id]["version"] == 1 + 2 * rounds
    assert not [r for r in held.values() if r["collection"] == "conflicts"]
