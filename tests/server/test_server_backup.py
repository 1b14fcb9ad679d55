"""`fieldapp-server backup` writes a copy only its owner can read, atomically, and never
shows the database password to other users of the machine (pg_dump's command line)."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
import sqlalchemy as sa
from kit import cli_env
from server_kit import LiveServer, World

from sync.server import admin
from sync.server.admin import AdminError
from sync.server.backups import write_backup
from sync.server.db import make_engine

SECRET = "Backup-Pa55word-do-not-show"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class Watcher:
    """Starts pg_dump for real and reads its /proc entry while it runs."""

    def __init__(self) -> None:
        self.argv: list[str] = []
        self.env: dict[str, str] = {}
        self.seen_cmdline: bytes | None = None
        self.seen_environ: bytes | None = None

    def __call__(self, argv: list[str], env: Mapping[str, str]) -> None:
        self.argv, self.env = list(argv), dict(env)
        proc = subprocess.Popen(argv, env=dict(env), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while proc.poll() is None:
            try:
                cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes()
                if cmdline.split(b"\0", 1)[0].endswith(b"pg_dump"):  # exec'd, not the fork
                    self.seen_cmdline = cmdline
                    self.seen_environ = Path(f"/proc/{proc.pid}/environ").read_bytes()
                    break
            except OSError:
                break
        _, err = proc.communicate(timeout=300)
        if proc.returncode:
            raise subprocess.CalledProcessError(proc.returncode, argv, stderr=err)


@pytest.fixture
def passworded_url(database_url: str) -> Iterator[str]:
    """The test database under a role that has a password (PostgreSQL); SQLite as it is."""
    if database_url.startswith("sqlite"):
        yield database_url
        return
    root = sa.create_engine(database_url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    role = f"fa_backup_{os.getpid()}"
    with root.connect() as conn:
        conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{SECRET}'")
        conn.exec_driver_sql(f"GRANT pg_read_all_data TO {role}")
    yield sa.make_url(database_url).set(username=role, password=SECRET).render_as_string(hide_password=False)
    with root.connect() as conn:
        conn.exec_driver_sql(f"DROP ROLE IF EXISTS {role}")
    root.dispose()


def test_the_backup_is_owner_only_in_a_private_folder_and_complete(world: World, passworded_url: str,
                                                                     tmp_path: Path):
    engine = make_engine(passworded_url, pool_size=1)
    watcher = Watcher()
    dest = tmp_path / "backups" / "nightly" / "fieldapp.backup"
    dest.parent.mkdir(parents=True, mode=0o700)  # IT's folder: backup makes none (a typo is refused)
    old = os.umask(0o022)  # a usual shell: files -rw-r--r-- unless the program says otherwise
    try:
        write_backup(engine, dest, run=watcher)
    finally:
        os.umask(old)
        engine.dispose()
    assert _mode(dest) == 0o600
    assert sorted(p.name for p in dest.parent.iterdir()) == ["fieldapp.backup"]  # no temp left
    if passworded_url.startswith("sqlite"):
        with sqlite3.connect(dest) as conn:
            assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == len(world.users)
        assert watcher.argv == []  # SQLite needs no pg_dump
        return
    assert dest.read_bytes()[:5] == b"PGDMP"
    listing = subprocess.run([watcher.argv[0].replace("pg_dump", "pg_restore"), "--list", str(dest)],
                             capture_output=True, text=True, check=True).stdout
    assert "TABLE DATA public users" in listing
    # The password is in the child's environment, never in its argv.
    assert all(SECRET not in arg for arg in watcher.argv)
    assert watcher.env["PGPASSWORD"] == SECRET
    # ... and so in what another user sees of the real process (ps reads /proc/<pid>/cmdline).
    assert watcher.seen_cmdline is not None, "pg_dump ended before it could be watched"
    assert SECRET.encode() not in watcher.seen_cmdline
    assert b"PGPASSWORD=" + SECRET.encode() in (watcher.seen_environ or b"")


def test_a_failed_backup_leaves_the_old_one_and_no_half_file(world: World, database_url: str,
                                                             tmp_path: Path):
    dest = tmp_path / "fieldapp.backup"
    dest.write_bytes(b"yesterday's good backup")
    if database_url.startswith("sqlite"):
        # A database file that is not one: SQLite's backup fails.
        broken = tmp_path / "broken.sqlite3"
        broken.write_bytes(b"not a database" * 100)
        engine = make_engine(f"sqlite+pysqlite:///{broken}", pool_size=1)
    else:
        engine = make_engine(str(sa.make_url(database_url).set(database="no_such_database")
                                 .render_as_string(hide_password=False)), pool_size=1)
    try:
        with pytest.raises(AdminError, match="unchanged|failed"):
            admin.backup(engine, "", dest)
    finally:
        engine.dispose()
    assert dest.read_bytes() == b"yesterday's good backup"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_backup_from_the_command_line_is_private(server: LiveServer, tmp_path: Path):
    root = Path(__file__).resolve().parents[2]
    env = {**cli_env(), "PYTHONPATH": str(root)}
    dest = tmp_path / "out" / "copy.backup"
    dest.parent.mkdir(mode=0o700)
    proc = subprocess.run([sys.executable, "-m", "sync.server.cli", "backup", str(dest), "--database-url", server.database_url],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert _mode(dest) == 0o600
    assert "owner only" in proc.stdout
    assert "Note:" not in proc.stderr  # a private folder draws no warning


def test_a_backup_into_a_folder_that_does_not_exist_writes_nothing(server: LiveServer, tmp_path: Path):
    """docs/server.md: IT typed /backup for /backups. A sentence naming the missing folder, exit 1,
    no folder made, nothing written -- not "Backup written" into a folder no one looks in."""
    root = Path(__file__).resolve().parents[2]
    env = cli_env(PYTHONPATH=str(root))
    it = tmp_path / "it"  # IT's folders (the server's database is in tmp_path)
    (it / "backups").mkdir(parents=True, mode=0o700)
    dest = it / "backup" / "nightly" / "copy.backup"

    def backup(target: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "sync.server.cli", "backup", str(target),
                               "--database-url", server.database_url],
                              cwd=root, env=env, capture_output=True, text=True, timeout=300)

    proc = backup(dest)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout == ""
    assert f"The folder {dest.parent} does not exist: nothing was written." in proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in it.iterdir()) == ["backups"]  # no folder made

    # A folder given for the file, and a file where a folder should be: refused the same way.
    proc = backup(it / "backups")
    assert proc.returncode == 1 and "is a folder: give the backup file's name" in proc.stderr
    (it / "backups" / "plain").write_text("a file")
    proc = backup(it / "backups" / "plain" / "copy.backup")
    assert proc.returncode == 1 and "is not a folder: nothing was written" in proc.stderr
    assert sorted(p.name for p in (it / "backups").iterdir()) == ["plain"]
