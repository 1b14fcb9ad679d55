"""Each laptop's app version (reported at every sync, shown in `device list`), and the actor of
audit rows written by the command line (IT's login on the server), so that no row is anonymous.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("devices", sa.Column("app_version", sa.String(40), nullable=True))
    # The audit table is append-only (triggers refuse UPDATE and DELETE); adding a nullable
    # column rewrites no row, and SQLite's ALTER TABLE ADD COLUMN keeps the triggers.
    op.add_column("audit", sa.Column("actor", sa.String(120), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
