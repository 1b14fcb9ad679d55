"""Sync parcels: each laptop's public keys (given at enrolment) and its parcel counters, and the
server's own parcel keys (sync/parcel.py).

The server's two secret keys are 32 random bytes each (a Curve25519 secret key and an Ed25519
seed are exactly that), made here once, so that every worker reads the same pair and no request
races to make it; they live in `meta`, where the database's backups take them too.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "device_keys",
        sa.Column("device_id", sa.String(36), primary_key=True),
        sa.Column("box_key", sa.String(64), nullable=False),
        sa.Column("sign_key", sa.String(64), nullable=False),
        sa.Column("in_seq", sa.BigInteger, nullable=False),
        sa.Column("out_seq", sa.BigInteger, nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "parcel_box_secret", "value": os.urandom(32).hex()},
                          {"key": "parcel_sign_secret", "value": os.urandom(32).hex()}])


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
