"""fieldapp-server as IT runs it: in subprocesses, against SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.low_level import Type
from argon2.profiles import get_default_parameters
from kit import cli_env
from server_kit import (
    PASSWORD,
    Client,
    create,
    free_port,
    household_fields,
    start_serve,
    stop_serve,
)

from sync.server import cli

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = {**cli_env(), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "sync.server.cli", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_every_command_has_help(capsys):
    commands = [[], ["init"], ["serve"], ["team", "add"], ["team", "list"], ["user", "add"],
                ["user", "list"], ["user", "disable"], ["user", "passwd"], ["assign"],
                ["device", "list"], ["device", "revoke"], ["audit"], ["backup"], ["form", "put"],
                ["reference", "put"], ["resources", "load"], ["retire-closed"], ["purge-tombstones"]]
    for command in commands:
        with pytest.raises(SystemExit) as exit_:
            cli.main([*command, "--help"])
        assert exit_.value.code == 0
        assert "usage: fieldapp-server" in capsys.readouterr().out


def test_passwords_never_come_from_the_command_line(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["user", "add", "anna", "--password", "secret-password"])
    assert exit_.value.code == 2


@pytest.mark.slow
def test_it_sets_up_a_server_and_revokes_a_laptop(database_url: str, tmp_path: Path):
    db = ["--database-url", database_url]
    data = ["--data", str(tmp_path / "data")]
    out = run("init", *data, *db).stdout
    assert "ready" in out and "Published " in out
    run("team", "add", "North", *db)
    run("user", "add", "anna", "--team", "North", "--name", "Anna K.", "--password-stdin", *db,
        stdin=PASSWORD + "\n")
    run("user", "add", "ira", "--role", "admin", "--password-stdin", *db, stdin=PASSWORD + "\n")
    weak = run("user", "add", "bob", "--team", "North", "--password-stdin", *db, stdin="short\n",
               check=False)
    assert weak.returncode == 1 and "at least" in weak.stderr
    users = run("user", "list", *db).stdout
    assert "anna" in users and "Anna K." in users and "admin" in users and "bob" not in users

    port = free_port()
    server = start_serve("--workers", "2", *db, port=port)
    try:
        anna = Client(f"http://127.0.0.1:{port}")
        assert anna.enrol("anna").status_code == 201
        [res] = anna.push(create("households", household_fields()))
        assert res["status"] == "applied"
        hh_id = next(ch["id"] for ch in anna.pull_all(0) if ch["collection"] == "households")

        run("user", "add", "boris", "--team", "North", "--password-stdin", *db, stdin=PASSWORD + "\n")
        sheet = tmp_path / "assign.csv"
        with sheet.open("w", newline="") as fh:
            csv.writer(fh).writerows([["household", "user"], [hh_id, "boris"]])
        assert "1 households assigned" in run("assign", "--csv", str(sheet), *db).stdout
        assert {"op": "evict", "collection": "households", "id": hh_id} in anna.pull_all()
        run("assign", hh_id, "anna", *db)
        assert hh_id in {ch["id"] for ch in anna.pull_all()}

        devices = run("device", "list", *db).stdout
        assert anna.device_id in devices
        run("device", "revoke", anna.device_id, *db)
        r = anna.get("/api/v1/me")
        assert r.status_code == 401 and r.json()["code"] == "device_revoked"
        # The laptop wipes itself and says so; IT sees it in the listing.
        r = anna.session.post(f"{anna.base}/api/v1/devices/wipe-confirmed", headers=anna.headers(),
                              timeout=30)
        assert r.status_code == 200, r.text
        listing = run("device", "list", *db).stdout.splitlines()
        assert "wipe_confirmed_at" in listing[0]
        [line] = [row for row in listing if anna.device_id in row]
        assert r.json()["confirmed_at"] in line

        run("user", "passwd", "boris", "--password-stdin", *db, stdin="another long password\n")
        assert Client(anna.base).enrol("boris", "another long password").status_code == 201
        run("user", "disable", "boris", *db)
        refused = Client(anna.base).enrol("boris", "another long password")
        # The right password of a disabled account is told so; a wrong one learns nothing more.
        assert refused.status_code == 403 and refused.json()["code"] == "account_disabled"
        assert Client(anna.base).enrol("boris", "a wrong long password").status_code == 401
    finally:
        stop_serve(server)
    assert '"status": 201' in server.stderr.read()  # structured request logs
    audit = run("audit", "--record", hh_id, *db).stdout
    assert "create" in audit and "read" in audit and "assign" in audit
    assert "enrol" in run("audit", "--action", "enrol", "--json", *db).stdout
    form = tmp_path / "form.json"
    form.write_text('{"id": "home_visit", "version": 3, "title": "Home visit"}')
    assert "home_visit@3" in run("form", "put", str(form), *db).stdout
    again = run("form", "put", str(form), *db, check=False)
    assert again.returncode == 1 and "--replace" in again.stderr

    dest = tmp_path / "backup.db"
    run("backup", str(dest), *db)
    assert dest.stat().st_size > 0
    if database_url.startswith("sqlite"):
        with sqlite3.connect(dest) as conn:
            assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 3
    else:
        assert dest.read_bytes()[:5] == b"PGDMP"


def test_init_makes_a_private_data_folder_with_a_sqlite_database(tmp_path: Path):
    data = tmp_path / "srv"
    run("init", "--data", str(data))
    db = data / "fieldapp-server.sqlite3"
    assert db.exists()
    assert (data.stat().st_mode & 0o077) == 0
    run("team", "add", "North", "--data", str(data))
    assert "North" in run("team", "list", "--data", str(data)).stdout
    fresh = run("user", "list", "--data", str(tmp_path / "empty"), check=False)
    assert fresh.returncode == 1 and "init" in fresh.stderr


def test_no_environment_variable_makes_the_server_hash_passwords_cheaply(database_url: str):
    # FIELDAPP_TEST_FAST_KDF once did; now only code that builds the app can pass a hasher.
    db = ["--database-url", database_url]
    run("team", "add", "North", *db)
    env = {**cli_env(), "PYTHONPATH": str(ROOT), "FIELDAPP_TEST_FAST_KDF": "1"}
    proc = subprocess.run([sys.executable, "-m", "sync.server.cli", "user", "add", "anna", "--team",
                           "North", "--password-stdin", *db], input=PASSWORD + "\n",
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    engine = sa.create_engine(database_url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT password_hash FROM users WHERE username = 'anna'").scalar_one()
    engine.dispose()
    production = get_default_parameters()
    assert production.type is Type.ID
    assert f"m={production.memory_cost},t={production.time_cost},p={production.parallelism}" in stored
    assert PasswordHasher().verify(stored, PASSWORD)
