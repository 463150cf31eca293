"""what became of a logged question: answered, unanswered, not what I meant, asked a person

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("question_log") as table:
        table.add_column(
            sa.Column("outcome", sa.String(length=20), nullable=False, server_default="answered")
        )
        table.create_index("ix_question_log_created_at", ["created_at"])
    op.execute("UPDATE question_log SET outcome = 'unanswered' WHERE answered = false")


def downgrade() -> None:
    with op.batch_alter_table("question_log") as table:
        table.drop_index("ix_question_log_created_at")
        table.drop_column("outcome")
