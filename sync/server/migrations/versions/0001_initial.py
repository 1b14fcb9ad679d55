"""The first schema: accounts, devices, records, the change feed, the audit log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# A frozen copy of the tables as they were at this revision (later revisions alter them).
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
    sa.Index("ix_records_seq", "seq", unique=True),
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
    sa.Index("ix_audit_record", "record_id"),
    sa.Index("ix_audit_user", "user_id"),
)


def upgrade() -> None:
    bind = op.get_bind()
    metadata.create_all(bind)
    bind.execute(sync_state.insert().values(id=1, seq=0, min_cursor=0))
    bind.execute(meta.insert(), [
        {"key": "server_id", "value": str(uuid.uuid4())},
        {"key": "created_at", "value": datetime.now(UTC).isoformat()},
    ])
    if bind.dialect.name == "postgresql":
        op.execute("""
            CREATE FUNCTION fieldapp_audit_append_only() RETURNS trigger AS $$
            BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$ LANGUAGE plpgsql""")
        op.execute("""
            CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
            FOR EACH ROW EXECUTE FUNCTION fieldapp_audit_append_only()""")
    else:
        op.execute("""CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""")
        op.execute("""CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""")


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
