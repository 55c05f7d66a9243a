"""The tables as SQLAlchemy Core objects, for queries. The migrations (``migrations/versions``)
create them; this file describes the head revision and must be kept in step with them.

Times are ISO 8601 text in UTC (the same text on SQLite and PostgreSQL, sortable);
flags are integers 0/1 (as in schema 1).
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, MetaData, Table, Text

HEAD = "0002"  # the newest migration's revision id

metadata = MetaData()

attempts = Table(
    "attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token", Text, nullable=False, unique=True),
    Column("bank_id", Text, nullable=False),
    Column("bank_title", Text, nullable=False),
    Column("language", Text, nullable=False),
    Column("student", Text, nullable=False),
    Column("class_code", Text, nullable=False, server_default=""),
    Column("submitted_at", Text, nullable=False),
    Column("correct", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("percent", Float, nullable=False),
    # schema 2
    Column("quiz", Text, nullable=False, server_default=""),
    Column("version", Text, nullable=False, server_default=""),
    Column("assignment_id", Integer, nullable=True),
    Column("started_at", Text, nullable=True),
    Column("student_key", Text, nullable=False, server_default=""),
    Column("late", Integer, nullable=False, server_default="0"),
)

answers = Table(
    "answers",
    metadata,
    Column("attempt_id", Integer, ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("item_id", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("response", Text, nullable=False),
    Column("correct", Integer, nullable=False),
    Column("how", Text, nullable=False),
)

bank_versions = Table(
    "bank_versions",
    metadata,
    Column("version", Text, primary_key=True),
    Column("bank_id", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("language", Text, nullable=False),
    Column("n_items", Integer, nullable=False),
    Column("content", Text, nullable=False),
    Column("created_at", Text, nullable=False),
)

banks = Table(
    "banks",
    metadata,
    Column("name", Text, primary_key=True),
    Column("bank_id", Text, nullable=False),
    Column("version", Text, ForeignKey("bank_versions.version"), nullable=False),
    Column("read_only", Integer, nullable=False, server_default="0"),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

bank_history = Table(
    "bank_history",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("version", Text, ForeignKey("bank_versions.version"), nullable=False),
    Column("saved_at", Text, nullable=False),
)

classes = Table(
    "classes",
    metadata,
    Column("code", Text, primary_key=True),
    Column("open_names", Integer, nullable=False, server_default="0"),
    Column("created_at", Text, nullable=False),
)

students = Table(
    "students",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("class_code", Text, ForeignKey("classes.code", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),
    Column("personal_code", Text, nullable=False),
    Column("created_at", Text, nullable=False),
)

assignments = Table(
    "assignments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Text, ForeignKey("bank_versions.version"), nullable=False),
    Column("quiz", Text, nullable=False),
    Column("class_code", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("opens_at", Text, nullable=True),
    Column("closes_at", Text, nullable=True),
    Column("time_limit_min", Integer, nullable=True),
    Column("attempts_allowed", Integer, nullable=False, server_default="1"),
    Column("shuffle_questions", Integer, nullable=False, server_default="0"),
    Column("shuffle_options", Integer, nullable=False, server_default="0"),
    Column("show_keys", Text, nullable=False, server_default="after_close"),
    Column("created_at", Text, nullable=False),
    Column("active", Integer, nullable=False, server_default="1"),
)

drafts = Table(
    "drafts",
    metadata,
    Column("token", Text, primary_key=True),
    Column("resume_key", Text, nullable=False),
    Column("student", Text, nullable=False),
    Column("student_key", Text, nullable=False),
    Column("class_code", Text, nullable=False),
    Column("quiz", Text, nullable=False),
    Column("version", Text, nullable=False),
    Column("assignment_id", Integer, nullable=True),
    Column("practice", Integer, nullable=False, server_default="0"),
    Column("started_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("answers", Text, nullable=False, server_default="{}"),
    Column("status", Text, nullable=False, server_default="open"),
    Column("attempt_id", Integer, nullable=True),
    Column("deadline", Text, nullable=True),
    Column("seed", Integer, nullable=False, server_default="0"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("detail", Text, nullable=False, server_default="{}"),
)

server_secrets = Table(
    "server_secrets",
    metadata,
    Column("name", Text, primary_key=True),
    Column("value", Text, nullable=False),
    Column("created_at", Text, nullable=False),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("key", Text, primary_key=True),
    Column("count", Integer, nullable=False),
    Column("first_at", Text, nullable=False),
    Column("last_at", Text, nullable=False),
)
