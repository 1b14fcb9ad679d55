"""The laptop's sync against a real server on 127.0.0.1, with real encrypted profiles."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from factories import household, person, visit
from kit import FAST_KDF, PASSPHRASE, cli_env, enrolled_laptop, no_retry_transport

sys.path.insert(0, str(Path(__file__).parent / "server"))
from server_kit import PASSWORD  # noqa: E402

from fieldapp.store.database import DB_FILE, Store  # noqa: E402
from fieldapp.sync.device import sync_once, wipe_profile, wiped_reason  # noqa: E402
from sync.client import failure_message  # noqa: E402
from sync.errors import BadAnswer, DeviceRevoked, SyncFailure  # noqa: E402
from sync.server import admin  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def server(live_server):
    return live_server, live_server.world


def laptop(tmp_path: Path, name: str, base: str, user: str) -> Store:
    return enrolled_laptop(tmp_path, name, base, user)


def test_enrol_keeps_the_token_inside_the_encrypted_store(server, tmp_path):
    live, _ = server
    store = laptop(tmp_path, "anna", live.base, "anna")
    token = store.meta("device_token")
    code = store.meta("device_code")
    assert token and code
    h = store.write(lambda tx: tx.create("households", household()))
    assert h["case_number"].split("/")[1].startswith(code + "-")
    store.close()
    for path in (tmp_path / "anna").iterdir():
        if path.is_file():
            assert token.encode() not in path.read_bytes(), f"the token is readable in {path.name}"


def test_a_round_pushes_everything_and_a_colleague_pulls_it(server, tmp_path):
    live, _ = server
    anna = laptop(tmp_path, "anna", live.base, "anna")
    sofia = laptop(tmp_path, "sofia", live.base, "sofia")  # the team's supervisor
    h = anna.write(lambda tx: tx.create("households", household(family_name="Олійник")))
    anna.write(lambda tx: tx.create("persons", person(h["id"])))
    v = anna.write(lambda tx: tx.create("visits", visit(h["id"], notes="Дитина здорова, ходить до школи")))
    anna.write(lambda tx: tx.update("visits", v["id"], {"duration_min": 75}))

    report = sync_once(anna)
    assert (report.pushed, report.applied + report.merged, report.rejected) == (4, 4, 0)
    assert anna.pending_count() == 0
    assert anna.get("visits", v["id"])["version"] >= 1
    assert anna.meta("last_sync_at")

    got = sync_once(sofia)
    assert got.pulled >= 3
    pulled = sofia.get("visits", v["id"])
    assert pulled["notes"] == "Дитина здорова, ходить до школи" and pulled["duration_min"] == 75
    assert [hit.record_id for hit in sofia.search("здорова")] == [v["id"]]
    assert sync_once(sofia).pulled == 0  # nothing new: the cursor moved on


def test_different_fields_both_win_same_field_is_one_conflict(server, tmp_path):
    live, _ = server
    anna = laptop(tmp_path, "anna", live.base, "anna")
    sofia = laptop(tmp_path, "sofia", live.base, "sofia")
    h = anna.write(lambda tx: tx.create("households", household(address="вул. Лісова 1")))
    sync_once(anna)
    sync_once(sofia)
    anna.write(lambda tx: tx.update("households", h["id"], {"phone": "+380 50 111 2233", "notes": "від Анни"}))
    sofia.write(lambda tx: tx.update("households", h["id"], {"address": "вул. Лісова 3", "notes": "від Софії"}))
    first = sync_once(anna)
    second = sync_once(sofia)
    assert first.conflicts == 0 and second.conflicts == 1
    sync_once(anna)
    for store in (anna, sofia):
        got = store.get("households", h["id"])
        assert got["phone"] == "+380 50 111 2233"  # anna's field
        assert got["address"] == "вул. Лісова 3"  # sofia's field
        assert got["notes"] == "від Анни"  # the first to arrive keeps the field...
    # ...and the clash reaches its author (here also the team's supervisor), not the bystander.
    assert list(anna.records("conflicts")) == []
    (conflict,) = sofia.records("conflicts")
    assert [(f["field"], f["mine"], f["theirs"]) for f in conflict["fields"]] == [("notes", "від Софії", "від Анни")]
    assert conflict["record_id"] == h["id"] and conflict["resolved"] is False


def test_a_rejected_change_is_kept_and_does_not_block_the_rest(server, tmp_path):
    live, _ = server
    anna = laptop(tmp_path, "anna", live.base, "anna")
    sofia = laptop(tmp_path, "sofia", live.base, "sofia")
    h = anna.write(lambda tx: tx.create("households", household()))
    v = anna.write(lambda tx: tx.create("visits", visit(h["id"], review_status="submitted")))
    sync_once(anna)
    sync_once(sofia)
    sofia.write(lambda tx: tx.update("visits", v["id"], {"review_status": "approved"}))
    sync_once(sofia)
    # Anna, offline, still has the submitted visit and corrects it; then records another visit.
    anna.write(lambda tx: tx.update("visits", v["id"], {"notes": "виправлено"}))
    other = anna.write(lambda tx: tx.create("visits", visit(h["id"])))
    report = sync_once(anna)
    assert report.rejected == 1
    (kept,) = anna.outbox(state="rejected")
    assert kept.record_id == v["id"] and kept.error["code"] == "record_locked"
    assert anna.pending_count() == 0
    assert sofia.get("visits", other["id"]) is None and sync_once(sofia).pulled >= 1
    assert sofia.get("visits", other["id"]) is not None


def test_revoked_laptop_is_wiped_and_says_why(server, tmp_path):
    live, _ = server
    anna = laptop(tmp_path, "anna", live.base, "anna")
    anna.write(lambda tx: tx.create("households", household()))
    sync_once(anna)
    admin.revoke_device(live.engine, anna.device_id)
    with pytest.raises(DeviceRevoked) as info:
        sync_once(anna)
    assert "revoked" in failure_message(info.value).render()
    number = _number_of(live, anna.device_id)
    folder = wipe_profile(anna)
    assert not (folder / DB_FILE).exists() and not (folder / "key.json").exists()
    assert wiped_reason(folder)["reason"] == "device_revoked"
    # It told the server first (issue 11, item 14): IT sees which revoked laptops are wiped.
    assert wiped_reason(folder)["confirmed"] is True
    [listed] = [d for d in admin.list_devices(live.engine) if d["number"] == number]
    assert listed["revoked_at"] and listed["wipe_confirmed_at"]


def _number_of(live, device_id: str) -> int:
    return next(d["number"] for d in admin.list_devices(live.engine) if d["device_id"] == device_id)


def test_a_revoked_laptop_that_cannot_reach_the_server_wipes_all_the_same(server, tmp_path):
    live, _ = server
    anna = laptop(tmp_path, "anna", live.base, "anna")
    admin.revoke_device(live.engine, anna.device_id)

    def unreachable(url, token):  # the server went away between the refusal and the wipe
        return no_retry_transport("http://127.0.0.1:9", token)

    folder = wipe_profile(anna, transport=unreachable)
    assert not (folder / DB_FILE).exists() and not (folder / "key.json").exists()
    assert wiped_reason(folder)["confirmed"] is False
    assert all(d["wipe_confirmed_at"] is None for d in admin.list_devices(live.engine))


def test_re_enrolling_with_the_same_server_proves_the_laptop_with_its_token(server, tmp_path):
    from fieldapp.sync.device import enrol

    live, _ = server
    anna = laptop(tmp_path, "anna", live.base, "anna")
    sync_once(anna)  # the server has heard from it: a re-enrolment needs proof
    old = anna.meta("device_token")
    answer = enrol(anna, live.base, "anna", PASSWORD)
    assert answer["device_token"] != old and anna.meta("device_token") == answer["device_token"]
    sync_once(anna)


def test_server_answering_garbage_loses_nothing(tmp_path):
    class Garbage(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self._answer()

        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self._answer()

        def _answer(self):
            body = b"<html>captive portal: please log in</html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Garbage)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        store = Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF)
        store.write(lambda tx: [tx.set_meta("server_url", f"http://127.0.0.1:{httpd.server_port}"),
                                tx.set_meta("device_token", "t")])
        store.write(lambda tx: tx.create("households", household()))
        with pytest.raises(BadAnswer) as info:
            sync_once(store, transport=no_retry_transport)
        assert "does not understand" in failure_message(info.value).render()
        assert store.pending_count() == 1
        store.close()
    finally:
        httpd.shutdown()


def test_offline_is_a_calm_sentence_and_loses_nothing(tmp_path):
    store = Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF)
    store.write(lambda tx: [tx.set_meta("server_url", "http://127.0.0.1:9"), tx.set_meta("device_token", "t")])
    store.write(lambda tx: tx.create("households", household()))
    with pytest.raises(SyncFailure) as info:
        sync_once(store, transport=no_retry_transport)
    assert info.value.code == "offline"
    assert "saved on this laptop" in failure_message(info.value).render()
    assert store.pending_count() == 1
    store.close()


def test_headless_enrol_and_sync(server, tmp_path):
    live, _ = server
    profile = tmp_path / "cli"
    Store.create(profile, PASSPHRASE, kdf=FAST_KDF).close()

    def fieldapp(*args, stdin):
        return subprocess.run([sys.executable, "-m", "fieldapp", *args], input=stdin, capture_output=True,
                              text=True, cwd=ROOT, env=cli_env(), timeout=120)

    done = fieldapp("enrol", "--profile", str(profile), "--server", live.base, "--user", "anna",
                    stdin=f"{PASSPHRASE}\n{PASSWORD}\n")
    assert done.returncode == 0, done.stderr
    assert "Enrolled as anna" in done.stdout
    with Store.open(profile, PASSPHRASE) as store:
        store.write(lambda tx: tx.create("households", household()))
    done = fieldapp("sync", "--profile", str(profile), stdin=f"{PASSPHRASE}\n")
    assert done.returncode == 0, done.stderr
    assert "pushed 1" in done.stdout
    wrong = fieldapp("sync", "--profile", str(profile), stdin="wrong passphrase\n")
    assert wrong.returncode == 1 and "passphrase is not right" in wrong.stderr


def test_conflict_resolved_on_the_laptop_syncs_back(server, tmp_path):
    live, _ = server
    anna = laptop(tmp_path, "anna", live.base, "anna")
    sofia = laptop(tmp_path, "sofia", live.base, "sofia")
    h = anna.write(lambda tx: tx.create("households", household()))
    sync_once(anna)
    sync_once(sofia)
    anna.write(lambda tx: tx.update("households", h["id"], {"notes": "версія Анни"}))
    sofia.write(lambda tx: tx.update("households", h["id"], {"notes": "версія Софії"}))
    sync_once(anna)
    sync_once(sofia)
    (conflict,) = sofia.records("conflicts")
    # Sofia keeps her own text after all.
    sofia.write(lambda tx: tx.resolve_conflict(conflict["id"], {"notes": "версія Софії"}))
    assert sofia.get("households", h["id"])["notes"] == "версія Софії"
    report = sync_once(sofia)
    assert report.rejected == 0 and report.conflicts == 0
    sync_once(anna)
    assert anna.get("households", h["id"])["notes"] == "версія Софії"
    assert sofia.get("conflicts", conflict["id"])["resolved"] is True
    fresh = sync_once(sofia)
    assert fresh.rejected == 0


def test_rejected_change_sent_again_after_the_supervisor_reopens(server, tmp_path):
    live, _ = server
    anna = laptop(tmp_path, "anna", live.base, "anna")
    sofia = laptop(tmp_path, "sofia", live.base, "sofia")
    h = anna.write(lambda tx: tx.create("households", household()))
    v = anna.write(lambda tx: tx.create("visits", visit(h["id"], review_status="submitted")))
    sync_once(anna)
    sync_once(sofia)
    sofia.write(lambda tx: tx.update("visits", v["id"], {"review_status": "approved"}))
    sync_once(sofia)
    anna.write(lambda tx: tx.update("visits", v["id"], {"notes": "уточнення"}))
    sync_once(anna)
    (rejected,) = anna.outbox(state="rejected")
    sofia.write(lambda tx: tx.update("visits", v["id"], {"review_status": "returned"}))  # reopened
    sync_once(sofia)
    sync_once(anna)
    anna.write(lambda tx: tx.retry_rejected(rejected.seq))
    report = sync_once(anna)
    assert report.rejected == 0 and anna.outbox(state=None) == []
    sync_once(sofia)
    assert sofia.get("visits", v["id"])["notes"] == "уточнення"


def test_checkin_rule_and_a_revoked_laptop_caught_by_it(server, tmp_path):
    import datetime as dt

    from fieldapp.sync.device import checkin, checkin_due

    live, _ = server
    anna = laptop(tmp_path, "anna", live.base, "anna")
    assert checkin_due(anna, 7)  # enrolled, never synced
    assert not checkin_due(anna, None) and not checkin_due(anna, 0)
    checkin(anna)
    assert not checkin_due(anna, 7)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=8)
    assert checkin_due(anna, 7, now=later)
    admin.revoke_device(live.engine, anna.device_id)
    with pytest.raises(DeviceRevoked):
        checkin(anna)
    plain = Store.create(tmp_path / "never-enrolled", PASSPHRASE, kdf=FAST_KDF)
    assert not checkin_due(plain, 7)
    plain.close()


def test_the_http_client_loads_nothing_of_the_desktop_app():
    # A fresh interpreter: in this one the tests have loaded the store already.
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys, sync.client; print(sorted(m for m in sys.modules if m.split('.')[0] in "
         "('fieldapp', 'PySide6', 'sqlcipher3', 'sqlite_utils')))"],
        cwd=Path(__file__).resolve().parent.parent, capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
