"""Indexes a pull finds its rows by: a household's records after a cursor, a collection's after
it, the conflicts a user wrote (before: every record after the cursor was read and filtered by
scope, a thousand rows for the few of a laptop's own in a busy hour).

Revision ID: 0012
Revises: 0010 (the head in this branch; the lead re-chains at merge)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # (household_id, seq) serves every lookup of (household_id) too: that index goes.
    op.create_index("ix_records_household_seq", "records", ["household_id", "seq"])
    op.drop_index("ix_records_household", table_name="records")
    op.create_index("ix_records_collection_seq", "records", ["collection", "seq"])
    op.create_index("ix_records_author", "records", ["author_id"],
                    postgresql_where=sa.text("author_id IS NOT NULL"),
                    sqlite_where=sa.text("author_id IS NOT NULL"))


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
