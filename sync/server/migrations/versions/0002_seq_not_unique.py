"""Sequence numbers are given at the end of a write transaction: the seq index stops being unique.

Rows carry a placeholder (-1) until their transaction numbers them under the
feed's lock just before committing, so only committed numbers are unique.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_records_seq", table_name="records")
    op.create_index("ix_records_seq_any", "records", ["seq"])


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
