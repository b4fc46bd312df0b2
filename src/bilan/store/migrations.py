"""Ordered, named schema migrations; the applied ones are recorded in `bilan_migrations`.

A migration runs once per database, in list order, in its own transaction with
its record, so a failed migration leaves nothing behind. Never edit or reorder
an applied migration: append a new one. `schema.py` describes the tables after
the last migration; a migration that changes a table writes its own DDL
(`ALTER TABLE ...`) rather than re-reading `schema.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.schema import CreateTable

from bilan.errors import MigrationError
from bilan.store import schema

log = logging.getLogger(__name__)


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


MIGRATIONS: tuple[tuple[str, Callable[[Connection], None]], ...] = (
    ("0001_documents_sentences_claims", _create_tables),
    ("0002_claims_outcome_period_region_indexes", _index_claims),
    ("0003_incidents_table_with_event_links", _create_incidents),
)


def applied(engine: Engine) -> list[str]:
    """Names of the migrations applied to this database, in the order they were applied."""
    if not inspect(engine).has_table(schema.migrations.name):
        return []
    with engine.connect() as conn:
        rows = conn.execute(select(schema.migrations.c.name).order_by(schema.migrations.c.name))
        return [row.name for row in rows]


def migrate(engine: Engine) -> list[str]:
    """Apply every migration not yet applied; returns the names applied now."""
    schema.migrations.create(engine, checkfirst=True)
    done = set(applied(engine))
    unknown = done - {name for name, _ in MIGRATIONS}
    if unknown:
        raise MigrationError(
            f"{engine.url.render_as_string(hide_password=True)}: the database has migrations "
            f"this bilan does not know ({', '.join(sorted(unknown))}); upgrade bilan"
        )
    now_applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        try:
            with engine.begin() as conn:
                step(conn)
                conn.execute(
                    schema.migrations.insert().values(name=name, applied_at=datetime.now(UTC))
                )
        except SQLAlchemyError as error:
            raise MigrationError(
                f"{engine.url.render_as_string(hide_password=True)}: migration {name} failed "
                f"({str(error).splitlines()[0]})"
            ) from error
        log.info("applied migration %s", name)
        now_applied.append(name)
    return now_applied
