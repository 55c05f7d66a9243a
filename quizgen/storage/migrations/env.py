"""Alembic environment for quizgen: always run programmatically by
:func:`quizgen.storage.engine.migrate`, on a connection (and transaction) it passes in
``config.attributes["connection"]``. There is no alembic.ini: nothing to configure."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only run through quizgen.storage.engine.migrate
    raise RuntimeError("quizgen migrations run through quizgen.storage (open_store), not alembic's CLI")

context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
