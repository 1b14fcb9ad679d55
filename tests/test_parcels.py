"""Sync parcels end to end: real encrypted profiles, a real server on 127.0.0.1, real parcel files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from factories import household, person, visit
from kit import cli_env, enrolled_laptop

sys.path.insert(0, str(Path(__file__).parent / "server"))

from fieldapp.sync.device import sync_once  # noqa: E402
from fieldapp.sync.parcels import export_parcel, import_parcel  # noqa: E402
from sync import parcel as pc  # noqa: E402
from sync.server import admin  # noqa: E402
from sync.server.parcels import import_parcel as server_import  # noqa: E402


@pytest.fixture
def server(live_server):
    return live_server


def server_id(live) -> str:
    return str(live.app.state.server_id)


def carry(live, store):
    """A parcel from the laptop to the server and its return parcel back: the two imports."""
    out = export_parcel(store)
    back = server_import(live.engine, out.data, server_id=server_id(live))
    return out, back


def test_a_parcel_round_trip_pushes_and_pulls_like_a_network_round(server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
    boris = enrolled_laptop(tmp_path, "boris", server.base, "boris")
    h = anna.write(lambda tx: tx.create("households", household(family_name="Олійник")))
    anna.write(lambda tx: tx.create("persons", person(h["id"], given_name="Марія")))
    anna.write(lambda tx: tx.create("visits", visit(h["id"], notes="Дитина здорова")))
    out, back = carry(server, anna)
    assert out.changes == 3
    assert anna.pending_count() == 3  # nothing settles before the return parcel
    report = import_parcel(anna, back.reply)
    assert (report.round.pushed, report.round.applied, report.round.rejected) == (3, 3, 0)
    assert anna.pending_count() == 0
    assert anna.get("households", h["id"])["version"] == 1
    # a colleague's network round sees what travelled by parcel
    sync_once(sofia := enrolled_laptop(tmp_path, "sofia", server.base, "sofia"))
    assert sofia.get("households", h["id"]) is not None
    for s in (anna, boris, sofia):
        s.close()


NAMES = ("Олійник", "Марія", "Дитина здорова")


def names_family(store):
    h = store.write(lambda tx: tx.create("households", household(family_name=NAMES[0], address="вул. Садова 7")))
    store.write(lambda tx: tx.create("persons", person(h["id"], given_name=NAMES[1], surname=NAMES[0])))
    store.write(lambda tx: tx.create("visits", visit(h["id"], notes=NAMES[2] + ", ходить до школи")))
    return h


def test_no_name_from_the_records_is_in_either_parcel_nor_in_its_file_name(server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
    names_family(anna)
    out, back = carry(server, anna)
    pulled = sum(len(p["changes"]) for p in pc.open_parcel(
        back.reply, anna.meta("server_sign_key"), pc.KeyPair.from_hex(
            anna.meta("parcel_box_secret"), anna.meta("parcel_sign_secret")))[1]["pages"])
    assert pulled >= 3  # the return parcel does carry the family back
    for data, name in ((out.data, out.file_name), (back.reply, back.file_name)):
        for text in NAMES + ("вул. Садова",):
            for encoded in (text.encode(), text.encode("utf-16-le"), text.encode("unicode_escape")):
                assert encoded not in data, text
            assert text not in name
        assert name.startswith("fieldapp-") and name.endswith(".parcel")
    anna.close()


def test_a_parcel_altered_in_any_one_byte_is_refused_and_changes_nothing(server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
    names_family(anna)
    out = export_parcel(anna)
    with server.engine.connect() as conn:
        before = conn.execute(sa.text("SELECT count(*), max(seq) FROM records")).one()
    size = len(out.data)
    # the magic, the sizes, the header, the body's start, middle and end, the signature
    for at in (0, 17, 20, 30, 60, size // 2, size - 65, size - 64, size - 1):
        bad = bytearray(out.data)
        bad[at] ^= 0x01
        with pytest.raises(pc.ParcelError) as caught:
            server_import(server.engine, bytes(bad), server_id=server_id(server))
        assert caught.value.code in ("tampered", "damaged", "truncated", "not_a_parcel", "unknown_format",
                                     "unknown_laptop", "wrong_direction", "not_for_you"), at
    with server.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*), max(seq) FROM records")).one() == before
    back = server_import(server.engine, out.data, server_id=server_id(server))  # the true one goes in
    state = (anna.pending_count(), anna.meta("cursor"))
    for at in (size // 3, len(back.reply) - 1, len(back.reply) // 2):
        bad = bytearray(back.reply)
        bad[at] ^= 0x80
        with pytest.raises(pc.ParcelError) as caught:
            import_parcel(anna, bytes(bad))
        assert caught.value.code in ("tampered", "damaged")
    assert (anna.pending_count(), anna.meta("cursor")) == state
    with pytest.raises(pc.ParcelError) as cut:
        import_parcel(anna, back.reply[:-10])
    assert cut.value.code == "truncated"
    import_parcel(anna, back.reply)
    assert anna.pending_count() == 0
    with pytest.raises(pc.ParcelError) as twice:
        import_parcel(anna, back.reply)
    assert twice.value.code == "already_imported"
    anna.close()


def test_a_return_parcel_for_another_laptop_or_signed_by_another_key_is_refused(server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
    boris = enrolled_laptop(tmp_path, "boris", server.base, "boris")
    names_family(anna)
    _out, back = carry(server, anna)
    with pytest.raises(pc.ParcelError) as other:
        import_parcel(boris, back.reply)
    assert other.value.code == "not_for_this_laptop"
    # a forger who knows anna's public key but not the server's secret key
    forger = pc.KeyPair.generate()
    header = pc.Header(pc.TO_DEVICE, server_id(server), anna.device_id, 99, "x", "2026-12-01T00:00:00+00:00")
    forged = pc.seal(header, {"answers": 1, "results": [], "pages": [{"changes": [{"op": "wipe"}],
                     "cursor": 0, "more": False}], "from_cursor": 0, "full": False},
                     pc.KeyPair.from_hex(anna.meta("parcel_box_secret"), anna.meta("parcel_sign_secret")).public()["box"],
                     forger)
    with pytest.raises(pc.ParcelError) as fake:
        import_parcel(anna, forged)
    assert fake.value.code == "tampered"
    assert anna.pending_count() == 3  # nothing happened, least of all a wipe
    # and anna's own parcel brought back to her is not a return parcel
    with pytest.raises(pc.ParcelError) as own:
        import_parcel(anna, export_parcel(anna).data)
    assert own.value.code == "own_parcel"
    anna.close()
    boris.close()


def test_re_enrolment_rotates_the_keys_and_an_old_keyed_parcel_is_refused(server, tmp_path):
    from kit import PASSPHRASE  # noqa: F401 - the profile's passphrase is in kit
    from server_kit import PASSWORD

    from fieldapp.sync.device import enrol

    anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
    names_family(anna)
    old = export_parcel(anna)
    old_secret = anna.meta("parcel_sign_secret")
    enrol(anna, server.base, "anna", PASSWORD)  # proves itself with its token: allowed, keys new
    assert anna.meta("parcel_sign_secret") != old_secret
    with pytest.raises(pc.ParcelError) as refused:
        server_import(server.engine, old.data, server_id=server_id(server))
    assert refused.value.code == "tampered"
    _out, back = carry(server, anna)
    assert import_parcel(anna, back.reply).round.applied == 3
    anna.close()


def test_a_revoked_laptop_applies_nothing_and_its_return_parcel_wipes_it(server, tmp_path):
    from fieldapp.sync.device import wipe_profile, wiped_reason
    from sync.errors import DeviceRevoked

    anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
    h = names_family(anna)
    admin.revoke_device(server.engine, anna.device_id)
    out, back = carry(server, anna)
    assert back.wipe and back.results == {}
    with server.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM records WHERE id = :h"), {"h": h["id"]}).scalar_one() == 0
    with pytest.raises(DeviceRevoked):
        import_parcel(anna, back.reply)
    folder = wipe_profile(anna, confirmed=False)
    assert wiped_reason(folder)["reason"] == "device_revoked"
    assert not any(p.name.endswith(".db") for p in folder.iterdir())


def test_a_supervisor_carries_her_team_s_parcels_both_ways_without_reading_them(server, tmp_path):
    from kit import quick_transport

    from fieldapp.sync.parcels import classify, hand_in

    anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
    sofia = enrolled_laptop(tmp_path, "sofia", server.base, "sofia")  # North's supervisor
    stepan = enrolled_laptop(tmp_path, "stepan", server.base, "stepan")  # South's
    names_family(anna)
    out = export_parcel(anna)
    assert classify(out.data, sofia) == "for_server"
    sofia_keys = pc.KeyPair.from_hex(sofia.meta("parcel_box_secret"), sofia.meta("parcel_sign_secret"))
    with pytest.raises(pc.ParcelError) as unreadable:
        pc.open_parcel(out.data, anna_sign_public(anna), sofia_keys)
    assert unreadable.value.code == "not_for_you"
    with pytest.raises(Exception) as other_team:
        hand_in(stepan, out.data, transport=quick_transport)
    assert getattr(other_team.value, "code", None) == "forbidden"
    reply, name = hand_in(sofia, out.data, transport=quick_transport)
    assert name.startswith("fieldapp-to-laptop-")
    with pytest.raises(pc.ParcelError) as unreadable_back:
        pc.open_parcel(reply, sofia.meta("server_sign_key"), sofia_keys)
    assert unreadable_back.value.code == "not_for_you"
    with pytest.raises(pc.ParcelError) as not_hers:
        import_parcel(sofia, reply)
    assert not_hers.value.code == "not_for_this_laptop"
    assert import_parcel(anna, reply).round.applied == 3
    for s in (anna, sofia, stepan):
        s.close()


def anna_sign_public(store) -> str:
    return pc.KeyPair.from_hex(store.meta("parcel_box_secret"), store.meta("parcel_sign_secret")).public()["sign"]


def test_network_rounds_and_parcels_interleave(server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
    h = names_family(anna)
    out = export_parcel(anna)  # the stick leaves...
    sync_once(anna)  # ...then the network comes back and takes everything
    anna.write(lambda tx: tx.update("households", h["id"], {"phone": "+380 67 765 4321"}))
    back = server_import(server.engine, out.data, server_id=server_id(server))
    assert back.results == {"applied": 3}  # the same first answers, nothing applied again
    report = import_parcel(anna, back.reply)
    assert report.round.pushed == 0 and anna.pending_count() == 1  # the new edit waits
    assert report.pull_skipped  # the laptop is newer than the parcel already
    sync_once(anna)
    with server.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version FROM records WHERE id = :h"), {"h": h["id"]}).scalar_one() == 2
    anna.close()


def test_the_commands_on_both_sides(server, tmp_path):
    import subprocess

    from kit import PASSPHRASE

    root = Path(__file__).resolve().parent.parent
    anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
    names_family(anna)
    anna.close()
    stick = tmp_path / "stick"
    stick.mkdir()

    def run(*args: str, stdin: str = ""):
        return subprocess.run([sys.executable, "-m", *args], input=stdin, capture_output=True, text=True,
                              cwd=root, env=cli_env(), timeout=120)

    done = run("fieldapp", "parcel", "export", "--profile", str(tmp_path / "anna"), "--out", str(stick),
               stdin=PASSPHRASE + "\n")
    assert done.returncode == 0, done.stderr
    [parcel] = list(stick.iterdir())
    done = run("sync.server", "parcel", "import", str(parcel), "--database-url", server.database_url)
    assert done.returncode == 0, done.stderr
    assert "3 applied" in done.stdout
    again = run("sync.server", "parcel", "import", str(parcel), "--database-url", server.database_url)
    assert again.returncode == 1 and "already_imported" in again.stderr
    [reply] = [p for p in stick.iterdir() if p.name.startswith("fieldapp-to-laptop-")]
    done = run("fieldapp", "parcel", "import", "--profile", str(tmp_path / "anna"), str(reply),
               stdin=PASSPHRASE + "\n")
    assert done.returncode == 0, done.stderr
    assert "applied 3" in done.stdout
    twice = run("fieldapp", "parcel", "import", "--profile", str(tmp_path / "anna"), str(reply),
                stdin=PASSPHRASE + "\n")
    assert twice.returncode == 5 and "imported already" in twice.stderr
