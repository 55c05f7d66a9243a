"""Schema 2: bank versions, classes and rosters, assignments, drafts (resumable attempts with
their tokens), audit log, server secrets, login failures; attempts record quiz, version,
assignment, start time.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

T = sa.Text
I = sa.Integer  # noqa: E741


def upgrade() -> None:
    with op.batch_alter_table("attempts") as b:
        b.add_column(sa.Column("quiz", T, nullable=False, server_default=""))
        b.add_column(sa.Column("version", T, nullable=False, server_default=""))
        b.add_column(sa.Column("assignment_id", I, nullable=True))
        b.add_column(sa.Column("started_at", T, nullable=True))
        b.add_column(sa.Column("student_key", T, nullable=False, server_default=""))
        b.add_column(sa.Column("late", I, nullable=False, server_default="0"))
    op.execute("UPDATE attempts SET quiz = bank_id, student_key = lower(student)")
    op.create_index("attempts_quiz", "attempts", ["quiz"])
    op.create_index("attempts_version", "attempts", ["version"])
    op.create_index("attempts_class", "attempts", ["class_code"])
    op.create_index("attempts_taker", "attempts", ["assignment_id", "class_code", "student_key"])

    op.create_table(
        "bank_versions",
        sa.Column("version", T, primary_key=True),
        sa.Column("bank_id", T, nullable=False),
        sa.Column("title", T, nullable=False),
        sa.Column("language", T, nullable=False),
        sa.Column("n_items", I, nullable=False),
        sa.Column("content", T, nullable=False),
        sa.Column("created_at", T, nullable=False),
    )
    op.create_table(
        "banks",
        sa.Column("name", T, primary_key=True),
        sa.Column("bank_id", T, nullable=False),
        sa.Column("version", T, sa.ForeignKey("bank_versions.version"), nullable=False),
        sa.Column("read_only", I, nullable=False, server_default="0"),
        sa.Column("created_at", T, nullable=False),
        sa.Column("updated_at", T, nullable=False),
    )
    op.create_table(
        "bank_history",
        sa.Column("id", I, primary_key=True),
        sa.Column("name", T, nullable=False),
        sa.Column("version", T, sa.ForeignKey("bank_versions.version"), nullable=False),
        sa.Column("saved_at", T, nullable=False),
    )
    op.create_index("bank_history_name", "bank_history", ["name", "id"])
    op.create_table(
        "classes",
        sa.Column("code", T, primary_key=True),
        sa.Column("open_names", I, nullable=False, server_default="0"),
        sa.Column("created_at", T, nullable=False),
    )
    op.create_table(
        "students",
        sa.Column("id", I, primary_key=True),
        sa.Column("class_code", T, sa.ForeignKey("classes.code", ondelete="CASCADE"), nullable=False),
        sa.Column("name", T, nullable=False),
        sa.Column("name_key", T, nullable=False),
        sa.Column("personal_code", T, nullable=False),
        sa.Column("created_at", T, nullable=False),
        sa.UniqueConstraint("class_code", "name_key", name="students_unique_name"),
    )
    op.create_table(
        "assignments",
        sa.Column("id", I, primary_key=True),
        sa.Column("version", T, sa.ForeignKey("bank_versions.version"), nullable=False),
        sa.Column("quiz", T, nullable=False),
        sa.Column("class_code", T, nullable=False),
        sa.Column("title", T, nullable=False),
        sa.Column("opens_at", T, nullable=True),
        sa.Column("closes_at", T, nullable=True),
        sa.Column("time_limit_min", I, nullable=True),
        sa.Column("attempts_allowed", I, nullable=False, server_default="1"),
        sa.Column("shuffle_questions", I, nullable=False, server_default="0"),
        sa.Column("shuffle_options", I, nullable=False, server_default="0"),
        sa.Column("show_keys", T, nullable=False, server_default="after_close"),
        sa.Column("created_at", T, nullable=False),
        sa.Column("active", I, nullable=False, server_default="1"),
    )
    op.create_index("assignments_class", "assignments", ["class_code"])
    op.create_table(
        "drafts",
        sa.Column("token", T, primary_key=True),
        sa.Column("resume_key", T, nullable=False),
        sa.Column("student", T, nullable=False),
        sa.Column("student_key", T, nullable=False),
        sa.Column("class_code", T, nullable=False),
        sa.Column("quiz", T, nullable=False),
        sa.Column("version", T, nullable=False),
        sa.Column("assignment_id", I, nullable=True),
        sa.Column("practice", I, nullable=False, server_default="0"),
        sa.Column("started_at", T, nullable=False),
        sa.Column("updated_at", T, nullable=False),
        sa.Column("answers", T, nullable=False, server_default="{}"),
        sa.Column("status", T, nullable=False, server_default="open"),
        sa.Column("attempt_id", I, nullable=True),
        sa.Column("deadline", T, nullable=True),
        sa.Column("seed", I, nullable=False, server_default="0"),
    )
    # at most one open attempt per (class, student, assignment or version, practice or not)
    op.create_index(
        "drafts_open",
        "drafts",
        ["resume_key"],
        unique=True,
        sqlite_where=sa.text("status = 'open'"),
        postgresql_where=sa.text("status = 'open'"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", I, primary_key=True),
        sa.Column("at", T, nullable=False),
        sa.Column("actor", T, nullable=False),
        sa.Column("action", T, nullable=False),
        sa.Column("subject", T, nullable=False),
        sa.Column("detail", T, nullable=False, server_default="{}"),
    )
    op.create_table(
        "server_secrets",
        sa.Column("name", T, primary_key=True),
        sa.Column("value", T, nullable=False),
        sa.Column("created_at", T, nullable=False),
    )
    op.create_table(
        "login_failures",
        sa.Column("key", T, primary_key=True),
        sa.Column("count", I, nullable=False),
        sa.Column("first_at", T, nullable=False),
        sa.Column("last_at", T, nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        # quizgen 0.1 reads PRAGMA user_version: 2 makes it refuse this file instead of writing
        # attempts without a version.
        op.execute("PRAGMA user_version = 2")
