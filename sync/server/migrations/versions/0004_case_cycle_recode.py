"""The case cycle's contract on the central copy: old service codes mapped onto the Classifier of
social services, subgroup A as a qualifier of group I, old plan actions given their stable ids.

The same pure function as the laptop's schema 4 (casework.recode), so the two copies agree
without a sync: records keep their version and seq (nothing new for a laptop to pull).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from casework.recode import recode

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Written out: the collections whose fields this revision recodes.
_RECODED = ("visits", "assessments", "plans", "referrals", "persons")


def upgrade() -> None:
    conn = op.get_bind()
    records = sa.table("records", sa.column("id", sa.String), sa.column("collection", sa.String),
                       sa.column("data", sa.Text))
    rows = conn.execute(sa.select(records.c.id, records.c.collection, records.c.data)
                        .where(records.c.collection.in_(_RECODED))).all()
    for rid, collection, data in rows:
        new = recode(collection, json.loads(data), rid)
        if new is not None:
            conn.execute(records.update().where(records.c.id == rid)
                         .values(data=json.dumps(new, ensure_ascii=False, separators=(",", ":"))))  # as feed.dump


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
