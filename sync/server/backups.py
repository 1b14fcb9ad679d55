"""`fieldapp-server backup`: a consistent copy of the database that only its owner can read.

The copy holds every case, so it is written like a key: the folder is made 0700 when it is
made here, the file is created 0600 under a temporary name beside the destination and
renamed over it only when complete (a failed backup leaves no half file, and never
replaces a good one). pg_dump gets the password in its environment (PGPASSWORD), never on
its command line, where any user of the machine can read it (`ps`, /proc/<pid>/cmdline).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import sqlalchemy as sa

# How pg_dump is started: argv and the child's whole environment (a test passes its own
# runner to watch the real process); raises CalledProcessError when pg_dump fails.
Runner = Callable[[list[str], Mapping[str, str]], None]


class BackupError(Exception):
    """A backup that could not be written; the message is a sentence for IT."""


def _run(argv: list[str], env: Mapping[str, str]) -> None:
    subprocess.run(argv, env=dict(env), check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE, timeout=24 * 3600)


@contextlib.contextmanager
def _private_umask() -> Iterator[None]:
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def folder_is_private(folder: Path) -> bool:
    """Whether no one but the owner may enter or list `folder`."""
    return not stat.S_IMODE(folder.stat().st_mode) & 0o077


def _check_destination(dest: Path) -> None:
    # A folder that is not there is most often a typing slip (/backup for /backups): making it
    # would put the copy where no one looks and report success.
    if dest.is_dir():
        raise BackupError(f"{dest} is a folder: give the backup file's name, e.g. "
                          f"{dest / 'fieldapp.backup'}. Nothing was written.")
    folder = dest.parent
    if not folder.exists():
        raise BackupError(f"The folder {folder} does not exist: nothing was written. Check the path, "
                          f"or create the folder first (mkdir -m 700 {folder}).")
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a folder: nothing was written. Check the path.")


def write_backup(engine: sa.Engine, dest: Path, *, run: Runner = _run) -> Path:
    """Write a consistent copy of the database to `dest` (0600, atomically); `dest`.

    SQLite: the online backup API. PostgreSQL: pg_dump's custom format (pg_restore reads
    it). `dest`'s folder must exist: a mistyped path is refused, not made. Raises BackupError
    with a sentence.
    """
    dest = dest.absolute()
    _check_destination(dest)
    with _private_umask():
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".partial", dir=dest.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            if engine.dialect.name == "sqlite":
                _sqlite_copy(engine, tmp)
            else:
                _pg_dump(engine, tmp, run)
            os.chmod(tmp, 0o600)  # in case a tool re-created the file
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(tmp, dest)
            _fsync_dir(dest.parent)
        finally:
            tmp.unlink(missing_ok=True)
            for extra in ("-journal", "-wal", "-shm"):
                Path(f"{tmp}{extra}").unlink(missing_ok=True)
    return dest


def _sqlite_copy(engine: sa.Engine, tmp: Path) -> None:
    source_path = engine.url.database
    if not source_path:
        raise BackupError("This SQLite database has no file to back up.")
    src = sqlite3.connect(source_path)
    try:
        out = sqlite3.connect(tmp)
        try:
            with out:
                src.backup(out)
        finally:
            out.close()
    except sqlite3.Error as exc:
        raise BackupError(f"The SQLite backup failed ({type(exc).__name__}); is the disk full?") from None
    finally:
        src.close()


def pg_dump_command(engine: sa.Engine, tmp: Path) -> tuple[list[str], dict[str, str]]:
    """pg_dump's argv (no password in it) and the environment that carries the password."""
    pg_dump = shutil.which("pg_dump") or _postgres_tool("pg_dump")
    if pg_dump is None:
        raise BackupError("pg_dump is not installed; install the PostgreSQL client tools.")
    url = engine.url.set(drivername="postgresql")
    env = {k: v for k, v in os.environ.items() if k != "PGPASSWORD"}
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    # URL.set(password=None) would keep the password: build the URL again without it.
    bare = sa.engine.URL.create("postgresql", username=url.username, host=url.host, port=url.port,
                                database=url.database, query=url.query)
    libpq_url = bare.render_as_string(hide_password=False)
    return [pg_dump, "--format=custom", f"--file={tmp}", f"--dbname={libpq_url}"], env


def _pg_dump(engine: sa.Engine, tmp: Path, run: Runner) -> None:
    argv, env = pg_dump_command(engine, tmp)
    try:
        run(argv, env)
    except subprocess.CalledProcessError as exc:
        raise BackupError(f"pg_dump failed (exit status {exc.returncode}); the old backup, if any, "
                          "is unchanged. Run it by hand to see why.") from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupError(f"pg_dump could not run ({type(exc).__name__}).") from None


def _postgres_tool(name: str) -> str | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(candidates[-1]) if candidates else None
