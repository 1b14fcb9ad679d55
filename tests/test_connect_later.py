"""A standalone profile connects to the server later (issue 13): its families are sent as the
caseworker's own, with case numbers no other laptop can make, or kept on this laptop only.
Real encrypted profiles, the real server on 127.0.0.1, the command run as IT runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from factories import household, person, visit
from kit import FAST_KDF, PASSPHRASE, cli_env, enrolled_laptop, quick_transport

from casework.ids import parse_case_number, trial_device_code
from fieldapp import enrol_choice, headless
from fieldapp.store import crypto, standalone
from fieldapp.store.database import Store
from fieldapp.sync.device import enrol, is_enrolled, sync_once
from sync.errors import SyncFailure

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery"  # server_kit's


def standalone_profile(folder: Path, families: int = 3, **kw) -> Store:
    """A profile that never saw a server, with families, members, visits, an edit and a deletion."""
    store = Store.create(folder, PASSPHRASE, **kw)

    def write(tx):
        made = []
        for i in range(families):
            h = tx.create("households", household(family_name=f"Самостійна{i}"))
            tx.create("persons", person(h["id"]))
            v = tx.create("visits", visit(h["id"]))
            made.append((h, v))
        tx.update("households", made[0][0]["id"], {"address": "вул. Нова, 1"})
        gone = tx.create("visits", visit(made[0][0]["id"]))
        tx.delete("visits", gone["id"])
        return made

    store.write(write)
    return store


def numbers(store: Store) -> dict[str, str]:
    return {h["family_name"]: h["case_number"] for h in store.records("households")}


def test_sent_families_arrive_as_the_caseworkers_own_with_numbers_of_the_servers_code(tmp_path, live_server):
    store = standalone_profile(tmp_path / "anna", kdf=FAST_KDF)
    trial = trial_device_code(store.device_id)
    before = numbers(store)
    assert {parse_case_number(n)[1] for n in before.values()} == {trial}
    assert len(store.outbox()) == 3 * 3 + 1 + 2  # what offline work queued: creates, an edit, a create and a delete

    answer = enrol(store, live_server.base, "anna", PASSWORD, existing=standalone.SEND)
    code = answer["device_code"]
    after = numbers(store)
    for name, old in before.items():  # same year, same sequence; the server's code for this laptop
        y, _c, seq = parse_case_number(old)
        assert parse_case_number(after[name]) == (y, code, seq)
    queued = store.outbox()
    assert len(queued) == 3 * 3 and all(e.base_version is None and not e.is_delete for e in queued)
    assert [e.collection for e in queued[:3]] == ["households"] * 3  # a family before its members
    assert {e.fields["case_number"] for e in queued if e.collection == "households"} == set(after.values())
    later = store.write(lambda tx: tx.create("households", household(family_name="Пізніша")))
    assert parse_case_number(later["case_number"])[1:] == (code, 4)  # the counter goes on

    report = sync_once(store, transport=quick_transport)
    assert report.rejected == 0 and store.pending_count() == 0
    # Anna's second laptop receives them as hers; Boris (same team, another caseworker) does not.
    second = enrolled_laptop(tmp_path, "anna2", live_server.base, "anna")
    sync_once(second, transport=quick_transport)
    assert numbers(second) == numbers(store)
    assert {h["caseworker_id"] for h in second.records("households")} == {live_server.world.users["anna"]}
    assert second.count("persons") == 3 and second.count("visits") == 3
    boris = enrolled_laptop(tmp_path, "boris", live_server.base, "boris")
    sync_once(boris, transport=quick_transport)
    assert boris.count("households") == 0
    for s in (store, second, boris):
        s.close()


def test_kept_families_stay_in_an_encrypted_backup_and_nothing_of_them_is_sent(tmp_path, live_server):
    store = standalone_profile(tmp_path / "anna", kdf=FAST_KDF)
    before = numbers(store)
    enrol(store, live_server.base, "anna", PASSWORD, existing=standalone.KEEP_LOCAL)
    assert is_enrolled(store)
    assert store.count("households") == 0 and store.count("visits", include_deleted=True) == 0
    assert store.outbox() == [] and store.search("Самостійна0") == []
    (kept,) = (tmp_path / "anna" / "backups").glob(f"fieldapp-{standalone.KEPT_REASON}-*.db")
    sync_once(store, transport=quick_transport)
    assert store.count("households") == 0
    second = enrolled_laptop(tmp_path, "anna2", live_server.base, "anna")
    sync_once(second, transport=quick_transport)
    assert second.count("households") == 0  # the server never heard of them
    # The backup opens with the same passphrase as a profile of its own, and holds them all.
    aside = tmp_path / "aside"
    aside.mkdir()
    shutil.copy(kept, aside / "fieldapp.db")
    shutil.copy(kept.with_suffix(".key.json"), aside / crypto.KEY_FILE)
    with Store.open(aside, PASSPHRASE, kdf=FAST_KDF) as old:
        assert numbers(old) == before
    store.close()
    second.close()


def test_a_refused_enrolment_changes_nothing_and_leaves_no_copy(tmp_path, live_server):
    store = standalone_profile(tmp_path / "anna", kdf=FAST_KDF)
    before, queued = numbers(store), len(store.outbox())
    with pytest.raises(SyncFailure) as refused:
        enrol(store, live_server.base, "anna", "wrong password", existing=standalone.KEEP_LOCAL)
    assert refused.value.code == "unauthorized"
    assert not is_enrolled(store) and numbers(store) == before and len(store.outbox()) == queued
    assert not list((tmp_path / "anna").glob("backups/*kept*"))
    store.close()


def test_a_demo_profile_refuses_to_connect(tmp_path, live_server):
    from fieldapp import demo

    store = Store.create(tmp_path / "demo", PASSPHRASE, kdf=FAST_KDF)
    demo.fill(store, 2, seed=1)
    with pytest.raises(SyncFailure) as refused:
        enrol(store, live_server.base, "anna", PASSWORD, existing=standalone.SEND)
    assert refused.value.code == "demo_profile" and not is_enrolled(store)
    store.close()


# -- the command, run literally ---------------------------------------------------------------


def fieldapp(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=180, env={**cli_env(), "QT_QPA_PLATFORM": "offscreen"})


def test_enrol_command_asks_what_becomes_of_the_families_then_sends_or_keeps_them(tmp_path, live_server):
    for name in ("send", "keep"):
        standalone_profile(tmp_path / name).close()  # the default passphrase cost, as `fieldapp init` makes it
    base = ["enrol", "--server", live_server.base, "--user", "anna"]

    asked = fieldapp(*base, "--profile", str(tmp_path / "send"), stdin=f"{PASSPHRASE}\n{PASSWORD}\n")
    assert asked.returncode == headless.USAGE, asked.stderr
    assert "This profile holds families recorded without a server (3)" in asked.stderr
    assert "--send-existing" in asked.stderr and "Nothing was enrolled." in asked.stderr
    assert "Traceback" not in asked.stderr

    sent = fieldapp(*base, "--profile", str(tmp_path / "send"), "--send-existing", stdin=f"{PASSPHRASE}\n{PASSWORD}\n")
    assert sent.returncode == headless.OK, sent.stderr
    assert "Enrolled as anna" in sent.stdout
    assert "The families recorded before (3; records in all: 9) go to the server at the first sync" in sent.stdout
    synced = fieldapp("sync", "--profile", str(tmp_path / "send"), stdin=f"{PASSPHRASE}\n")
    assert synced.returncode == headless.OK, synced.stderr

    kept = fieldapp(*base, "--profile", str(tmp_path / "keep"), "--keep-local", stdin=f"{PASSPHRASE}\n{PASSWORD}\n")
    assert kept.returncode == headless.OK, kept.stderr
    assert "The families recorded before (3) stay on this laptop only, in the encrypted backup" in kept.stdout
    with Store.open(tmp_path / "send", PASSPHRASE) as s, Store.open(tmp_path / "keep", PASSPHRASE) as k:
        assert s.count("households") == 3 and s.pending_count() == 0
        assert k.count("households") == 0 and k.meta("server_url") == live_server.base
    assert enrol_choice.SAY_WHICH  # the sentence the first run printed is the translatable one


def test_an_attachment_made_before_connecting_goes_up_with_its_family(tmp_path, live_server):
    import hashlib
    import random

    from fieldapp.store import attachments as content

    store = Store.create(tmp_path / "anna", PASSPHRASE, kdf=FAST_KDF)
    h = store.write(lambda tx: tx.create("households", household()))
    p = store.write(lambda tx: tx.create("persons", person(h["id"])))
    data = b"\xff\xd8\xff\xe0" + random.Random(7).randbytes(300_000)  # a "scan" of an IDP certificate
    store.write(lambda tx: content.attach(tx, household_id=h["id"], record_collection="persons", record_id=p["id"],
                                          data=data, media_type="image/jpeg", doc_type="idp_certificate",
                                          caption="Довідка"))
    enrol(store, live_server.base, "anna", PASSWORD, existing=standalone.SEND)
    report = sync_once(store, transport=quick_transport)
    assert report.rejected == 0 and store.pending_count() == 0
    second = enrolled_laptop(tmp_path, "anna2", live_server.base, "anna")
    sync_once(second, transport=quick_transport)
    assert second.count("attachments") == 1
    # Within the fetch-ahead budget, the round brought the bytes themselves: the server had them whole.
    assert content.read_content(second.read(), hashlib.sha256(data).hexdigest()) == data
    store.close()
    second.close()


def test_enrol_at_a_terminal_asks_and_takes_the_answer(tmp_path, live_server):
    """The question a person at a terminal gets (a real pseudo-terminal, the command as typed)."""
    import os
    import pty

    standalone_profile(tmp_path / "anna", kdf=FAST_KDF).close()
    pid, fd = pty.fork()
    if pid == 0:  # the child: FieldApp at a terminal
        os.chdir(ROOT)
        os.execvpe(sys.executable, [sys.executable, "-m", "fieldapp", "enrol", "--profile", str(tmp_path / "anna"),
                                    "--server", live_server.base, "--user", "anna"],
                   {**cli_env(), "QT_QPA_PLATFORM": "offscreen"})
    seen = b""

    def until(text: bytes) -> None:
        nonlocal seen
        while text not in seen:
            chunk = os.read(fd, 4096)
            assert chunk, seen.decode(errors="replace")
            seen += chunk

    until(b"Passphrase: ")
    os.write(fd, f"{PASSPHRASE}\n".encode())
    until(b"keep them on this laptop only (k), or stop (q)? ")
    assert b"This profile holds families recorded without a server (3)" in seen
    os.write(fd, b"k\n")
    until(b"Password: ")
    os.write(fd, f"{PASSWORD}\n".encode())
    try:
        until(b"the connected profile starts without them.")
    finally:
        _pid, status = os.waitpid(pid, 0)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == headless.OK, seen.decode(errors="replace")
    with Store.open(tmp_path / "anna", PASSPHRASE, kdf=FAST_KDF) as store:
        assert store.count("households") == 0 and is_enrolled(store)
