"""Running the server as IT does: what `serve` says, databases that cannot be used, unlocking an
account, the actor of every audit row, and each laptop's app version in `device list`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from kit import cli_env
from server_kit import PASSWORD, Client, LiveServer, free_port, make_world, start_serve, stop_serve

from sync.server import cli, operations
from sync.server.db import make_engine, migrate

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("FIELDAPP_TEST_PG_URL")


def server_cli(*args: str, stdin: str | None = None, **popen) -> subprocess.CompletedProcess[str]:
    env = {**cli_env(), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "sync.server.cli", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120, **popen)


def serve_first_lines(tmp_path: Path, host: str) -> tuple[str, str]:
    """Start `serve` on `host`, wait until /health answers on loopback, return (stdout line, stderr)."""
    proc = start_serve("--data", str(tmp_path), "--host", host, port=free_port())
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
    finally:
        stop_serve(proc)
    assert proc.stderr is not None
    return line.strip(), proc.stderr.read()


def test_serve_says_where_it_listens_with_which_database_and_tls(tmp_path):
    line, err = serve_first_lines(tmp_path, "127.0.0.1")
    assert line.startswith("FieldApp server on http://127.0.0.1:")
    assert f"database: sqlite+pysqlite:///{tmp_path.resolve()}/fieldapp-server.sqlite3" in line
    assert "TLS: off" in line and "1 worker)" in line
    assert "plain HTTP" not in err


def test_serve_warns_of_plain_http_on_an_address_others_reach(tmp_path):
    line, err = serve_first_lines(tmp_path, "0.0.0.0")
    assert line.startswith("FieldApp server on http://0.0.0.0:")
    assert "Warning: plain HTTP on 0.0.0.0, which other computers can reach" in err
    assert "--ssl-certfile" in err and "--behind-proxy" in err


@pytest.mark.parametrize("host, tls, warned", [
    ("127.0.0.1", False, False), ("::1", False, False), ("localhost", False, False),
    ("0.0.0.0", False, True), ("192.0.2.10", False, True), ("0.0.0.0", True, False),
])
def test_the_plain_http_warning_follows_the_address_and_tls(host, tls, warned):
    line, warning = operations.startup_lines(host, 8400, "postgresql+psycopg://fa:secret@db/fa", tls=tls,
                                             workers=4)
    assert (warning is not None) is warned
    assert "secret" not in line and "***" in line and "4 workers" in line
    assert ("https://" in line) is tls


def test_init_refuses_a_database_it_cannot_reach_and_saves_nothing(tmp_path):
    url = f"postgresql+psycopg://fieldapp:pw@127.0.0.1:{free_port()}/fieldapp"
    done = server_cli("init", "--data", str(tmp_path), "--database-url", url)
    assert done.returncode == 1
    assert "fieldapp-server: The database postgresql+psycopg://fieldapp:***@127.0.0.1" in done.stderr
    assert "Is PostgreSQL running" in done.stderr
    assert "Traceback" not in done.stderr and "pw@" not in done.stderr
    assert not (tmp_path / cli.CONFIG_NAME).exists()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="needs the PostgreSQL that ./test.sh starts")
def test_postgresql_setup_step_by_step_from_a_fresh_cluster(tmp_path):
    """docs/server.md's steps, each missing one refused with the step to take: role, database, owner."""
    base = sa.engine.make_url(PG_URL)
    role = f"fa_ops_{os.getpid()}"
    url = base.set(username=role, password="Пароль-1", database=role).render_as_string(hide_password=False)
    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)

    def init() -> subprocess.CompletedProcess[str]:
        return server_cli("init", "--data", str(tmp_path), "--database-url", url)

    try:
        done = init()  # no role yet
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert "createuser" in done.stderr or "password" in done.stderr.lower(), done.stderr
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD 'Пароль-1'")
        done = init()  # no database yet
        assert done.returncode == 1 and "createdb --owner" in done.stderr, done.stderr
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {role}")  # owned by postgres, not the role
        done = init()
        assert done.returncode == 1 and "may not create tables" in done.stderr, done.stderr
        assert not (tmp_path / cli.CONFIG_NAME).exists()
        with admin.connect() as conn:
            conn.exec_driver_sql(f"ALTER DATABASE {role} OWNER TO {role}")
            # PostgreSQL 15: public belongs to pg_database_owner, so the new owner may create in it
        done = init()
        assert done.returncode == 0, done.stderr
        assert "The server's database is ready (postgresql" in done.stdout
        assert (tmp_path / cli.CONFIG_NAME).exists()
        listed = server_cli("team", "list", "--data", str(tmp_path))  # the saved URL is used
        assert listed.returncode == 0, listed.stderr
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {role} WITH (FORCE)")
            conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        admin.dispose()


@pytest.fixture
def limited(tmp_path):
    url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    server = LiveServer(url, enrol_max_failures_per_user=2).start()
    server.world = make_world(server)
    yield server
    server.stop()


def test_user_unlock_lifts_the_sign_in_lock(limited, capsys):
    laptop = Client(limited.base)
    statuses = [laptop.enrol("anna", "wrong").status_code for _ in range(3)]
    assert statuses[-1] == 429, statuses
    assert laptop.enrol("anna", PASSWORD).status_code == 429  # locked: even the right password waits
    assert cli.main(["user", "unlock", "anna", "--database-url", limited.database_url]) == 0
    assert "User 'anna' may sign in again" in capsys.readouterr().out
    assert laptop.enrol("anna", PASSWORD).status_code == 201
    assert cli.main(["user", "unlock", "nobody", "--database-url", limited.database_url]) == 1
    assert "There is no user 'nobody'" in capsys.readouterr().err


def test_command_line_changes_carry_their_actor_in_the_audit_log(live_server, capsys):
    import getpass

    url = live_server.database_url
    assert cli.main(["user", "disable", "boris", "--database-url", url]) == 0
    assert cli.main(["audit", "--action", "user_disable", "--json", "--database-url", url]) == 0
    import json

    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert rows and rows[-1]["actor"] == f"cli:{getpass.getuser()}"
    # The server's own rows name their user, not the command line that ran before in this process.
    laptop = Client(live_server.base)
    laptop.enrol("anna")
    assert cli.main(["audit", "--action", "enrol", "--json", "--database-url", url]) == 0
    enrolled = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert enrolled[-1]["actor"] is None and enrolled[-1]["username"] == "anna"


def test_approve_and_return_are_named_in_the_audit_log():
    from sync.server.audit import change_action

    assert change_action({"review_status": "submitted"}, {"review_status": "approved"}) == "approve"
    assert change_action({"review_status": "submitted"}, {"review_status": "returned"}) == "return"
    assert change_action({"review_status": "draft"}, {"review_status": "submitted"}) == "submit"
    assert change_action({"review_status": "submitted"}, {"notes": "x"}) == "update"
    assert change_action({"review_status": "approved"}, {"review_status": "approved"}) == "update"


def test_each_laptops_app_version_shows_in_device_list(tmp_path, live_server, capsys):
    from kit import enrolled_laptop

    from fieldapp import __version__
    from fieldapp.sync.device import sync_once

    store = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    try:
        sync_once(store)  # the production transport, which names the version
    finally:
        store.close()
    old = Client(live_server.base)  # a client that sends no FieldApp User-Agent changes nothing
    old.enrol("boris")
    assert cli.main(["device", "list", "--database-url", live_server.database_url]) == 0
    table = capsys.readouterr().out
    assert "app_version" in table.splitlines()[0]
    anna = next(line for line in table.splitlines() if " anna " in f" {line} ")
    assert f" {__version__} " in f" {anna} "


def test_user_add_without_a_terminal_asks_for_password_stdin(tmp_path):
    assert server_cli("init", "--data", str(tmp_path)).returncode == 0
    done = server_cli("user", "add", "olena", "--data", str(tmp_path), stdin="")
    assert done.returncode == 1
    assert "No terminal to ask the password on: pipe it in with --password-stdin." in done.stderr
    assert "Traceback" not in done.stderr and "GetPassWarning" not in done.stderr


def test_a_report_into_a_closed_pipe_ends_quietly(tmp_path):
    assert server_cli("init", "--data", str(tmp_path)).returncode == 0
    env = {**cli_env(), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(f"{sys.executable} -m sync.server.cli report --from 2026-01-01 --to 2026-12-31 "
                          f"--data {tmp_path} | head -c 10 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
                          shell=True, executable="/bin/bash", capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=120)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
    assert done.stdout.strip() == "0"


@pytest.mark.parametrize("given, sentence", [
    ("UA12345678901234567", "is not a code of the codifier (KATOTTH, edition"),
    ("Суми", "is not a code of the codifier"),
    ("UA59080270010036634", "not a hromada: give the code of its hromada"),  # the city, a settlement
])
def test_report_refuses_a_hromada_code_the_codifier_does_not_have(tmp_path, given, sentence):
    assert server_cli("init", "--data", str(tmp_path)).returncode == 0
    done = server_cli("report", "--from", "2026-01-01", "--to", "2026-12-31", "--hromada", given,
                      "--data", str(tmp_path))
    assert done.returncode == 1 and sentence in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    ok = server_cli("report", "--from", "2026-01-01", "--to", "2026-12-31", "--hromada",
                    "ua59080270000073662", "--data", str(tmp_path))
    assert ok.returncode == 0, ok.stderr


def test_serve_on_a_port_another_program_holds_says_so_in_one_sentence(tmp_path):
    import socket

    assert server_cli("init", "--data", str(tmp_path)).returncode == 0
    with socket.socket() as other:  # another program listening on the port
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        done = server_cli("serve", "--data", str(tmp_path), "--port", str(port))
    assert done.returncode == 1
    assert done.stderr.strip() == (f"fieldapp-server: Port {port} on 127.0.0.1 is already in use by another "
                                   "program: stop it, or start the server with another --port.")
    assert "Traceback" not in done.stderr and done.stdout == ""  # nothing claimed to listen


def test_init_refuses_a_database_it_does_not_support_and_saves_nothing(tmp_path):
    done = server_cli("init", "--data", str(tmp_path), "--database-url", "mysql://fieldapp@127.0.0.1/fieldapp")
    assert done.returncode == 1
    assert "works with SQLite (sqlite+pysqlite:///PATH) or PostgreSQL" in done.stderr
    assert "MySQLdb" not in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "config.json").exists() and not list(tmp_path.glob("*.json"))
