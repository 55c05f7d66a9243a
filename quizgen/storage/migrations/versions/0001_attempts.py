"""Schema 1: attempts and answers (the tables of quizgen 0.1's SQLite file, PRAGMA user_version 1).

An existing schema-1 SQLite file has these tables and no alembic_version table: it is stamped
at this revision (not re-created), then upgraded.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token", sa.Text, nullable=False, unique=True),
        sa.Column("bank_id", sa.Text, nullable=False),
        sa.Column("bank_title", sa.Text, nullable=False),
        sa.Column("language", sa.Text, nullable=False),
        sa.Column("student", sa.Text, nullable=False),
        sa.Column("class_code", sa.Text, nullable=False, server_default=""),
        sa.Column("submitted_at", sa.Text, nullable=False),
        sa.Column("correct", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("percent", sa.Float, nullable=False),
    )
    op.create_table(
        "answers",
        sa.Column("attempt_id", sa.Integer, sa.ForeignKey("attempts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("item_id", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("response", sa.Text, nullable=False),
        sa.Column("correct", sa.Integer, nullable=False),
        sa.Column("how", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("attempt_id", "item_id"),
    )
    op.create_index("attempts_bank", "attempts", ["bank_id"])
