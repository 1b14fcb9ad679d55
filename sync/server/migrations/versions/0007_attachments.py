"""Attachments' content in the database (issue 16): blobs by SHA-256, their chunks, and which
attachment records point at which content.

Revision ID: 0007
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment_blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(40), nullable=False),
        sa.Column("chunks", sa.Integer, nullable=False),
        sa.Column("complete", sa.Boolean, nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_attachment_blobs_device", "attachment_blobs", ["device_id"])
    op.create_table(
        "attachment_chunks",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("n", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("chunk_sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "attachment_refs",
        sa.Column("record_id", sa.String(64), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
    )
    op.create_index("ix_attachment_refs_sha256", "attachment_refs", ["sha256"])


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
