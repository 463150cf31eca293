"""recruiters with their own sign-in, server-side board sessions, shared rate counts, and the
identity of who owns and acts on a lead

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "recruiters",
        sa.Column("id", _ID(length=36), nullable=False),
        sa.Column("hub_id", _ID(length=64), nullable=False),
        sa.Column("name", _ID(length=60), nullable=False),
        sa.Column("password_hash", _ID(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("hub_id", "name"),
    )
    op.create_index("ix_recruiters_hub_id", "recruiters", ["hub_id"])
    op.create_table(
        "board_sessions",
        sa.Column("token_hash", _ID(length=64), nullable=False),
        sa.Column("recruiter_id", _ID(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["recruiter_id"], ["recruiters.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_board_sessions_recruiter_id", "board_sessions", ["recruiter_id"])
    op.create_table(
        "rate_counts",
        sa.Column("key", _ID(length=200), nullable=False),
        sa.Column("window_start", sa.BigInteger(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "window_start"),
    )
    with op.batch_alter_table("leads") as table:
        table.add_column(sa.Column("owner_id", _ID(length=64), nullable=True))
    with op.batch_alter_table("lead_events") as table:
        table.add_column(sa.Column("actor_id", _ID(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("lead_events") as table:
        table.drop_column("actor_id")
    with op.batch_alter_table("leads") as table:
        table.drop_column("owner_id")
    op.drop_table("rate_counts")
    op.drop_index("ix_board_sessions_recruiter_id", "board_sessions")
    op.drop_table("board_sessions")
    op.drop_index("ix_recruiters_hub_id", "recruiters")
    op.drop_table("recruiters")
