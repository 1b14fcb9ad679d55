"""IT's side of running the server: what `serve` says when it starts, whether a database URL is
usable before it is saved, lifting a sign-in lock, and the sentences for a database that fails.

The command line (sync/server/cli.py) calls these; each returns or raises sentences for IT,
in English, naming what to do next, never a traceback and never a password.
"""

from __future__ import annotations

import errno
import getpass
import ipaddress
import socket

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from sync.server.admin import AdminError
from sync.server.audit import audit_row, write_audit
from sync.server.db import login_failures, make_engine, reading, users


def safe_url(url: str) -> str:
    """The database URL with its password hidden, for messages and the start-up line."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown only by its scheme
        return url.split(":", 1)[0] + ":…"


def database_problem(url: str, exc: BaseException) -> str:
    """What went wrong with the database at `url`, and what IT does about it."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    lower = " ".join(text).lower()
    hint = ""
    if "password authentication failed" in lower or "no password supplied" in lower:
        hint = " Check the role's password in the URL (docs/server.md, \"PostgreSQL\")."
    elif "role" in lower and "does not exist" in lower:
        hint = " Create the role first: sudo -u postgres createuser --pwprompt fieldapp (docs/server.md)."
    elif "database" in lower and "does not exist" in lower:
        hint = " Create the database first: sudo -u postgres createdb --owner fieldapp fieldapp (docs/server.md)."
    elif "permission denied" in lower:
        hint = " The role must own the database (createdb --owner), so that it can create the tables."
    elif "connection refused" in lower or "could not connect" in lower or "timeout" in lower:
        hint = " Is PostgreSQL running, and on that host and port?"
    elif "can't load plugin" in lower or "could not parse" in lower:
        hint = " A URL looks like postgresql+psycopg://fieldapp:PASSWORD@127.0.0.1/fieldapp."
    return f"The database {safe_url(url)} cannot be used: {first}.{hint}"


def check_port(host: str, port: int) -> None:
    """AdminError when `serve` could not listen on host:port (another program has it, or the address
    is not this computer's), said before uvicorn tries; the probe is closed again at once."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise AdminError(f"Port {port} on {host} is already in use by another program: stop it, "
                             "or start the server with another --port.") from None
        raise AdminError(f"The server cannot listen on {host}:{port} ({exc.strerror or exc}): check "
                         "--host (an address of this computer) and --port.") from None


def check_database(url: str) -> None:
    """Connect to `url` and check that this role may create tables there; AdminError if not."""
    if url.split(":", 1)[0].split("+", 1)[0] not in ("sqlite", "postgresql"):
        raise AdminError(f"The database {safe_url(url)} cannot be used: FieldApp's server works with "
                         "SQLite (sqlite+pysqlite:///PATH) or PostgreSQL "
                         "(postgresql+psycopg://fieldapp:PASSWORD@127.0.0.1/fieldapp) only.")
    try:
        engine = make_engine(url, pool_size=1)
    except Exception as exc:  # a malformed URL or a driver that is not installed
        raise AdminError(database_problem(url, exc)) from None
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                may_create = conn.execute(sa.text(
                    "SELECT has_database_privilege(current_database(), 'CREATE') "
                    "AND has_schema_privilege('public', 'CREATE')")).scalar()
                if not may_create:
                    raise AdminError(
                        f"The database {safe_url(url)} answers, but this role may not create tables in "
                        "it. Make the role its owner: sudo -u postgres psql -c 'ALTER DATABASE fieldapp "
                        "OWNER TO fieldapp' (docs/server.md).")
            else:
                conn.execute(sa.text("SELECT 1"))
    except AdminError:
        raise
    except Exception as exc:
        raise AdminError(database_problem(url, exc)) from None
    finally:
        engine.dispose()


def _is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(a[4][0]).is_loopback
                       for a in socket.getaddrinfo(host, None))
        except OSError:
            return False


def startup_lines(host: str, port: int, url: str, *, tls: bool, workers: int) -> tuple[str, str | None]:
    """The line `serve` prints as it starts, and a warning (or None) about plain HTTP elsewhere."""
    scheme = "https" if tls else "http"
    shown = f"[{host}]" if ":" in host else host
    line = (f"FieldApp server on {scheme}://{shown}:{port} (database: {safe_url(url)}; TLS: "
            f"{'on' if tls else 'off'}; {workers} worker{'s' if workers != 1 else ''})")
    warning = None
    if not tls and not _is_loopback(host):
        warning = (f"Warning: plain HTTP on {host}, which other computers can reach: passwords, device "
                   "tokens and records would cross the network unencrypted, and laptops refuse a "
                   "plain http:// address that is not this computer. Serve HTTPS (--ssl-certfile and "
                   "--ssl-keyfile) or listen on 127.0.0.1 behind a TLS reverse proxy (--behind-proxy).")
    return line, warning


def unlock_user(engine: sa.Engine, username: str) -> int:
    """Forget the failed sign-ins counted against `username` (from every address); how many.

    The per-address budget (many accounts from one address) is not touched: it protects all
    accounts, and it runs out by itself after its window.
    """
    name = username.lower()
    with reading(engine) as conn:
        if conn.execute(sa.select(users.c.id).where(users.c.username == name)).first() is None:
            raise AdminError(f"There is no user {username!r} (fieldapp-server user list).")
    with engine.begin() as conn:
        done = conn.execute(login_failures.delete().where(sa.or_(
            login_failures.c.key == f"user:{name}",
            login_failures.c.key.like(f"pair:{name}@%"))))
        write_audit(conn, [audit_row(None, "user_unlock", detail=f"{done.rowcount} failed sign-ins")])
    return int(done.rowcount or 0)


def hromada_code(text: str) -> str:
    """IT's `--hromada` as the codifier's code of a hromada; AdminError naming what it is instead."""
    from casework import codifier

    code = text.strip().upper()
    found = codifier.unit(code)
    if found is None:
        raise AdminError(f"{text!r} is not a code of the codifier (KATOTTH, edition {codifier.edition()}): "
                         "a hromada's code is UA and 17 digits, e.g. UA59080270000073662.")
    if found.level != 3:
        raise AdminError(f"{code} is {codifier.display_name(code)}, not a hromada: give the code of its "
                         "hromada (territorial community).")
    return code


def command_line_actor() -> str:
    """Who runs this command, for the audit log: "cli:" and the login name."""
    try:
        login = getpass.getuser()
    except Exception:  # no login name in a bare container: the uid still tells
        import os

        login = f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"
    return f"cli:{login}"
