"""Ordered, named schema migrations; the applied ones are recorded in `bilan_migrations`.

A migration runs once per database, in list order, with its record; the pending ones
run in one transaction under a lock (SQLite's write lock, a PostgreSQL advisory
lock), so a failed migration leaves nothing behind and two processes opening a new
store at once do not race. Never edit or reorder
an applied migration: append a new one. `schema.py` describes the tables after
the last migration; a migration that changes a table writes its own DDL
(`ALTER TABLE ...`) rather than re-reading `schema.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.schema import CreateTable

from bilan.errors import MigrationError
from bilan.store import schema

log = logging.getLogger(__name__)
# The PostgreSQL advisory lock taken while migrating ("bilan" in ASCII).
_LOCK_KEY = 0x62696C616E


def _create_tables(conn: Connection) -> None:
    # CREATE TABLE only: the claim indexes belong to the next migration.
    for table in (schema.documents, schema.sentences, schema.claims):
        conn.execute(CreateTable(table))


def _index_claims(conn: Connection) -> None:
    for index in schema.claim_indexes:
        index.create(conn)


def _create_incidents(conn: Connection) -> None:
    conn.execute(CreateTable(schema.incidents))
    for index in schema.incident_indexes:
        index.create(conn)


def _add_generation(conn: Connection) -> None:
    conn.execute(CreateTable(schema.generation))
    conn.execute(schema.generation.insert().values(id=1, value=0))
    for index in schema.document_indexes:
        index.create(conn)


MIGRATIONS: tuple[tuple[str, Callable[[Connection], None]], ...] = (
    ("0001_documents_sentences_claims", _create_tables),
    ("0002_claims_outcome_period_region_indexes", _index_claims),
    ("0003_incidents_table_with_event_links", _create_incidents),
    ("0004_write_generation_and_documents_date_index", _add_generation),
)


def applied(engine: Engine | Connection) -> list[str]:
    """Names of the migrations applied to this database, in the order they were applied."""
    if not inspect(engine).has_table(schema.migrations.name):
        return []
    with _connection(engine) as conn:
        rows = conn.execute(select(schema.migrations.c.name).order_by(schema.migrations.c.name))
        return [row.name for row in rows]


@contextmanager
def _connection(bind: Engine | Connection) -> Iterator[Connection]:
    if isinstance(bind, Connection):
        yield bind
    else:
        with bind.connect() as conn:
            yield conn


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """One transaction that holds the database's migration lock until it ends: two
    processes opening a new store at once migrate it one after the other."""
    if engine.dialect.name == "sqlite":
        # BEGIN IMMEDIATE takes SQLite's write lock now (waiting out busy_timeout), not at
        # the first write; the driver's own transaction handling is set aside for it.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.exec_driver_sql("ROLLBACK")
                raise
            conn.exec_driver_sql("COMMIT")
        return
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
        yield conn


def migrate(engine: Engine) -> list[str]:
    """Apply every migration not yet applied, all in one transaction under the migration
    lock (a failure leaves nothing behind); returns the names applied now."""
    where = engine.url.render_as_string(hide_password=True)
    if _known(set(applied(engine)), where) >= {name for name, _ in MIGRATIONS}:
        return []  # the common case: no lock taken
    now_applied = []
    try:
        with _locked(engine) as conn:
            schema.migrations.create(conn, checkfirst=True)
            done = _known(set(applied(conn)), where)
            for name, step in MIGRATIONS:
                if name in done:
                    continue
                step(conn)
                conn.execute(
                    schema.migrations.insert().values(name=name, applied_at=datetime.now(UTC))
                )
                now_applied.append(name)
    except SQLAlchemyError as error:
        failed = now_applied[-1:] or ["the migrations"]
        raise MigrationError.of("E309", name=where, migration=failed[0],
                                reason=reason(error)) from error
    for name in now_applied:
        log.info("applied migration %s", name)
    return now_applied


def _known(done: set[str], where: str) -> set[str]:
    unknown = done - {name for name, _ in MIGRATIONS}
    if unknown:
        raise MigrationError.of("E302", name=where, migrations=", ".join(sorted(unknown)))
    return done


def reason(error: SQLAlchemyError) -> str:
    """The driver's one-line reason for a database error, without the SQL statement or its
    parameters (which hold report text)."""
    cause = getattr(error, "orig", None) or error
    first = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
    return first[:200]
