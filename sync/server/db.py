"""The server's database: tables (SQLAlchemy Core), engines, and migrations.

All of the server's state lives here, so any number of worker processes (or
machines behind a load balancer) can serve one PostgreSQL. SQLite serves a
single machine: WAL journal, a busy timeout, and explicit ``BEGIN`` so that
savepoints work (the per-change atomicity of a push relies on them).

The change feed's order: a write transaction numbers its rows last, under
the lock of the single row of `sync_state`, which it holds until it commits,
so sequence numbers are handed out in commit order (`sync.server.feed.Feed`).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

metadata = sa.MetaData()

# BIGINT on PostgreSQL; SQLite needs INTEGER for an auto-incrementing rowid key.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

sync_state = sa.Table(
    "sync_state", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),  # the last sequence number handed out
    sa.Column("min_cursor", sa.BigInteger, nullable=False),  # older cursors answer 410
)

teams = sa.Table(
    "teams", metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("created_at", sa.String(40), nullable=False),
)

users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("username", sa.String(100), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("team_id", sa.String(36), sa.ForeignKey("teams.id"), nullable=True),
    sa.Column("protected_access", sa.Boolean, nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

devices = sa.Table(
    "devices", metadata,
    sa.Column("number", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("device_id", sa.String(36), nullable=False, unique=True),
    sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("enrolled_at", sa.String(40), nullable=False),
    sa.Column("last_seen_at", sa.String(40), nullable=True),
    sa.Column("revoked_at", sa.String(40), nullable=True),
    sa.Column("app_version", sa.String(40), nullable=True),  # what the laptop said at its last sync (0005)
)

# Sync parcels (sync/parcel.py): a laptop's public keys from its enrolment, the last parcel
# seq imported from it and the last return parcel seq written for it.
device_keys = sa.Table(
    "device_keys", metadata,
    sa.Column("device_id", sa.String(36), primary_key=True),
    sa.Column("box_key", sa.String(64), nullable=False),
    sa.Column("sign_key", sa.String(64), nullable=False),
    sa.Column("in_seq", sa.BigInteger, nullable=False),
    sa.Column("out_seq", sa.BigInteger, nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
)

# One-time enrolment codes (fieldapp-server device enrol-code): only a hash is kept.
enrolment_codes = sa.Table(
    "enrolment_codes", metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("expires_at", sa.String(40), nullable=False),
    sa.Column("used_at", sa.String(40), nullable=True),
    sa.Column("device_id", sa.String(36), nullable=True),
)

login_failures = sa.Table(
    "login_failures", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
    sa.Index("ix_login_failures_key_at", "key", "at"),
)

records = sa.Table(
    "records", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("collection", sa.String(40), nullable=False),
    sa.Column("household_id", sa.String(64), nullable=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Column("updated_by", sa.String(36), nullable=True),
    sa.Column("device_id", sa.String(36), nullable=True),
    sa.Column("created_by", sa.String(36), nullable=True),
    # conflicts only: who wrote the change, and the caseworker it was assigned to
    sa.Column("author_id", sa.String(36), nullable=True),
    sa.Column("assignee_id", sa.String(36), nullable=True),
    sa.Column("data", sa.Text, nullable=False),  # the record's own fields, JSON
    # Not unique: a transaction writes PENDING (-1) until it numbers its rows just before
    # committing (sync.server.feed.Feed); committed numbers are unique.
    sa.Index("ix_records_seq_any", "seq"),
    sa.Index("ix_records_household", "household_id"),
)

# Who holds each household: the scope of every record under it.
households = sa.Table(
    "households", metadata,
    sa.Column("household_id", sa.String(64), primary_key=True),
    sa.Column("team_id", sa.String(36), nullable=True),
    sa.Column("caseworker_id", sa.String(36), nullable=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("closed_at", sa.String(40), nullable=True),
    # closed and past the retention period: gone from caseworkers' laptops
    sa.Column("retired", sa.Boolean, nullable=False),
    sa.Index("ix_households_caseworker", "caseworker_id"),
    sa.Index("ix_households_team", "team_id"),
)

# Evictions: a household left a user's scope at `seq`.
scope_events = sa.Table(
    "scope_events", metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("user_id", sa.String(36), nullable=False),
    sa.Column("household_id", sa.String(64), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Index("ix_scope_events_user_seq", "user_id", "seq"),
)

# The first answer to every change id (idempotent pushes).
change_results = sa.Table(
    "change_results", metadata,
    sa.Column("change_id", sa.String(36), primary_key=True),
    sa.Column("device_id", sa.String(36), nullable=False),
    sa.Column("result", sa.Text, nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
)

# Append-only (triggers refuse UPDATE and DELETE): who did what to which case record.
audit = sa.Table(
    "audit", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("user_id", sa.String(36), nullable=True),
    sa.Column("device_id", sa.String(36), nullable=True),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("collection", sa.String(40), nullable=True),
    sa.Column("record_id", sa.String(64), nullable=True),
    sa.Column("household_id", sa.String(64), nullable=True),
    sa.Column("detail", sa.String(200), nullable=True),
    sa.Column("actor", sa.String(120), nullable=True),  # who, when no user: "cli:<login>" (0005)
    # A pull's page: the ids it let the device read (records and their families), a JSON list (0010).
    sa.Column("read_ids", sa.Text, nullable=True),
    sa.Index("ix_audit_record", "record_id"),
    sa.Index("ix_audit_user", "user_id"),
)

# Attachments' content (issue 16), in the database so that its backups hold it: what is known of
# each content (by SHA-256), its chunks, and which attachment records point at which content.
attachment_blobs = sa.Table(
    "attachment_blobs", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("media_type", sa.String(40), nullable=False),
    sa.Column("chunks", sa.Integer, nullable=False),
    sa.Column("complete", sa.Boolean, nullable=False),
    sa.Column("device_id", sa.String(36), nullable=False),  # the first uploader: its quota counts it
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Index("ix_attachment_blobs_device", "device_id"),
)

attachment_chunks = sa.Table(
    "attachment_chunks", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("n", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("chunk_sha256", sa.String(64), nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

attachment_refs = sa.Table(
    "attachment_refs", metadata,
    sa.Column("record_id", sa.String(64), primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Index("ix_attachment_refs_sha256", "sha256"),
)


def default_url(data_dir: Path) -> str:
    return f"sqlite+pysqlite:///{(data_dir / 'fieldapp-server.sqlite3').resolve()}"


# A worker runs at most this many requests at once (Starlette's thread pool, AnyIO's default of
# 40), each on one connection: the pool keeps that many open, so a busy worker never opens and
# closes connections per request (each a few milliseconds on PostgreSQL); the overflow covers
# the retention thread and an odd burst. PostgreSQL's max_connections must exceed
# workers x (POOL_SIZE + POOL_OVERFLOW) (docs/server.md, "Workers and PostgreSQL").
POOL_SIZE = 40
POOL_OVERFLOW = 10

# A pooled PostgreSQL connection idle longer than this is pinged before use (one round trip);
# one back within it is used as it is: a busy worker's requests each take two or three
# connections, and a ping of each was a round trip apiece (6 % of a worker's CPU in a storm).
# A connection that died while in use (the database restarted) fails that one request, and
# SQLAlchemy then replaces every connection of the pool that is older than the failure.
PING_AFTER_IDLE_S = 10.0


def make_engine(url: str, *, pool_size: int = POOL_SIZE,
                ping_after_idle_s: float = PING_AFTER_IDLE_S) -> Engine:
    """An engine for `url`, set up for the server's transactions."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 60},
            pool_size=pool_size, max_overflow=40, pool_timeout=120,
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (savepoints need it)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):  # type: ignore[no-untyped-def]
            # A transaction that reads and then writes cannot wait for the write lock in
            # WAL mode (SQLITE_BUSY at once), so writers take it up front; see `reading`.
            reads_only = conn.get_execution_options().get("fieldapp_read", False)
            conn.exec_driver_sql("BEGIN" if reads_only else "BEGIN IMMEDIATE")

        return engine
    engine = sa.create_engine(url, pool_size=pool_size, max_overflow=POOL_OVERFLOW, pool_timeout=120)
    _ping_when_idle(engine, ping_after_idle_s)
    return engine


def _ping_when_idle(engine: Engine, after_s: float) -> None:
    """Ping a connection at checkout when it has been idle `after_s` or longer (SQLAlchemy's
    pessimistic disconnect handling, applied only where a dead connection is likely)."""

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_conn, record):  # type: ignore[no-untyped-def]
        record.info["fieldapp_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn, record, _proxy):  # type: ignore[no-untyped-def]
        since = record.info.pop("fieldapp_idle_since", None)
        if since is not None and time.monotonic() - since < after_s:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)  # in autocommit: no BEGIN, no transaction left open
        except engine.dialect.loaded_dbapi.Error as exc:
            # The pool drops this connection and checks out another (a new one if need be).
            raise sa.exc.DisconnectionError() from exc


def reading(engine: Engine) -> sa.Connection:
    """A connection for reading only: one snapshot per transaction, never blocking writers.

    REPEATABLE READ on PostgreSQL; a deferred transaction on SQLite (WAL).
    """
    if engine.dialect.name == "sqlite":
        return engine.connect().execution_options(fieldapp_read=True)
    return engine.connect().execution_options(isolation_level="REPEATABLE READ")


def read_once(engine: Engine) -> sa.Connection:
    """A connection for a read of one statement (the device check of every request).

    On PostgreSQL no transaction block around it (autocommit): a single statement is its own
    snapshot, and BEGIN and ROLLBACK would be two more round trips per request. SQLite: as
    `reading`.
    """
    if engine.dialect.name == "sqlite":
        return reading(engine)
    return engine.connect().execution_options(isolation_level="AUTOCOMMIT")


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (Alembic, scripts shipped in this package)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def schema_revision(engine: Engine) -> str | None:
    """The Alembic revision of the database, None when it was never set up."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def url_from_env(data_dir: Path | None = None) -> str:
    url = os.environ.get("FIELDAPP_DATABASE_URL")
    if url:
        return url
    return default_url(data_dir or Path(os.environ.get("FIELDAPP_DATA_DIR", ".")))
