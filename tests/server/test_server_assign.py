"""`fieldapp-server assign` by case number and "all families of X", on a real server (SQLite)
with protocol clients that see the families come and go."""

from __future__ import annotations

import pytest
from server_kit import create, household_fields

from sync.server.cli import main


def cli(server, capsys, *args):
    code = main([*args, "--database-url", server.database_url])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_case_numbers_and_all_families_of_a_caseworker(live_server, capsys):
    world = live_server.world
    anna, boris = world.client("anna"), world.client("boris")
    numbers = ["2026/1-0101", "2026/1-0102", "2026/1-0103"]
    ids = []
    for n in numbers:
        change = create("households", household_fields(case_number=n))
        [res] = anna.push(change)
        assert res["status"] == "applied"
        ids.append(change["id"])
    anna.pull_all(0)
    code, out = cli(live_server, capsys, "assign", numbers[0], "--to", "boris")
    assert code == 0 and "1 families assigned to boris" in out
    assert set(boris.holds()) >= {ids[0]} and ids[1] not in boris.holds()
    # Anna leaves: everything still hers goes to Boris.
    code, out = cli(live_server, capsys, "assign", "--from", "anna", "--to", "boris")
    assert code == 0 and "2 families assigned to boris" in out
    assert set(ids) <= set(boris.holds())
    evicted = {ch["id"] for ch in anna.pull_all() if ch["op"] == "evict"}
    assert set(ids) <= evicted
    # The older form still works: HOUSEHOLD USER.
    boris.holds()  # boris's cursor at the end
    code, _out = cli(live_server, capsys, "assign", ids[2], "anna")
    assert code == 0 and ids[2] in anna.holds()
    assert ids[2] in {ch["id"] for ch in boris.pull_all() if ch["op"] == "evict"}
    # The history of responsible specialists follows the moves: Boris until today, then Anna.
    [family] = [ch["record"] for ch in anna.pull_all(0) if ch["op"] == "upsert" and ch["id"] == ids[2]]
    *before, now = family["specialists"]
    assert now["user_id"] == family["caseworker_id"] and now["until"] is None and now["from"]
    assert [(s["role"], s["until"]) for s in before] == [("caseworker", now["from"])]
    assert before[0]["user_id"] != now["user_id"]


@pytest.mark.parametrize("args, says", [
    (["assign", "2026/9-9999", "--to", "boris"], "No family with the id or case number '2026/9-9999'"),
    (["assign", "--to", "boris"], "No family to assign"),
    (["assign", "2026/1-0201"], "--to USER"),
])
def test_bad_references_say_so_and_move_nothing(live_server, capsys, args, says):
    anna = live_server.world.client("anna")
    change = create("households", household_fields(case_number="2026/1-0201"))
    anna.push(change)
    code, out = cli(live_server, capsys, *args)
    assert code != 0 and says in out and "Traceback" not in out
    assert change["id"] in anna.holds()
