"""update_id is 64-bit everywhere (it was 32-bit on PostgreSQL, 64-bit on SQLite)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("inbound_updates") as table:
        table.alter_column(
            "update_id", type_=sa.BigInteger(), existing_type=sa.Integer(), autoincrement=False
        )


def downgrade() -> None:
    with op.batch_alter_table("inbound_updates") as table:
        table.alter_column(
            "update_id", type_=sa.Integer(), existing_type=sa.BigInteger(), autoincrement=False
        )
