"""A pull's reads in one audit row per page: the ids the page let the device read, as a JSON
list in `audit.read_ids` (before: one row per record read, 10,000 rows for a full pull).

Revision ID: 0010
Revises: 0008 (the head in this branch; the lead re-chains at merge)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The audit table is append-only (triggers refuse UPDATE and DELETE); adding a nullable
    # column rewrites no row, and SQLite's ALTER TABLE ADD COLUMN keeps the triggers.
    op.add_column("audit", sa.Column("read_ids", sa.Text, nullable=True))


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
