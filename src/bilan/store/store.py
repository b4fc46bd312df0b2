"""The claim store: documents, their sentences and their claims, in SQLite or PostgreSQL.

One transaction per document: a document is stored whole, with every sentence
and claim, or not at all. Documents are keyed by the hash of their normalised
text, so storing a document twice stores nothing new.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, or_, select
from sqlalchemy.engine import Row, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError

from bilan.documents import repair_text
from bilan.errors import StoreError, StoreUrlError
from bilan.records import Claim, Count, Period, Place, Source, StoredClaim
from bilan.store import schema
from bilan.store.migrations import applied, migrate, reason

log = logging.getLogger(__name__)

DEFAULT_DB = "bilan.db"
ENV_DB = "BILAN_DB"
# Region path components are joined with this in the `claims.region` column.
REGION_SEPARATOR = "/"
# How long an SQLite opener waits out another's lock.
_BUSY_MS = 30000
# The password of a URL that cannot be parsed, hidden from the message.
_PASSWORD = re.compile(r"(://[^/:@]*):[^@/]*@")


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A document ready to store: its text, metadata, sentence spans and claims.

    `status` is "extracted", or "skipped_language" when no extraction exists for
    `lang`; `regions` gives each claim's region path, in the order of `claims`.
    """

    id: str
    text: str
    lang: str
    origin: str
    status: str
    published: date | None = None
    external_id: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    sentences: tuple[tuple[int, int], ...] = ()
    claims: tuple[Claim, ...] = ()
    regions: tuple[tuple[str, ...] | None, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Which stored claims to read; None means any. Days are inclusive.

    A claim matches a day window when its period overlaps it; `regions` keeps
    claims whose region lies inside any of the given region paths.
    """

    outcome: str | None = None
    victims: Sequence[str] | None = None
    cause: str | None = None
    document: str | None = None
    first: date | None = None
    last: date | None = None
    regions: Sequence[tuple[str, ...]] | None = None


def database_url(target: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL of a --db value: a URL as is, else a SQLite file path.

    Without a value, $BILAN_DB, else ./bilan.db. `postgresql://` URLs get the psycopg 3 driver.
    """
    value = os.fspath(target) if target is not None else os.environ.get(ENV_DB) or DEFAULT_DB
    if "://" not in value:
        return f"sqlite:///{Path(value)}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets a reader (a tally, a test polling progress) read while an ingest writes;
    # foreign keys are off by default in SQLite.
    # The busy time-out first: switching a new file to WAL takes a lock another opener may hold.
    cursor.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor: Any) -> None:
    """Switch the file to WAL, trying again while another opener holds the lock: two
    connections switching a new file at once each hold a shared lock, and SQLite answers
    "database is locked" at once, without its busy time-out, to avoid their deadlock."""
    deadline = time.monotonic() + _BUSY_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class Store:
    """Documents, sentences and claims behind one SQLAlchemy engine; migrated on open.

    With `create=False` (queries), a store that does not exist yet is an error, not created.
    """

    def __init__(self, target: str | os.PathLike[str] | None = None, create: bool = True) -> None:
        url = database_url(target)
        try:
            parsed = make_url(url)
            self.engine: Engine = create_engine(parsed)
        except (ArgumentError, ImportError, ValueError) as error:
            shown = _PASSWORD.sub(r"\1:***@", url)
            raise StoreUrlError.of("E301", name=shown) from error
        self.name = parsed.render_as_string(hide_password=True)
        sqlite = parsed.get_backend_name() == "sqlite"
        missing = StoreError.of("E303", name=self.name)
        if not create and sqlite and not Path(parsed.database or "").is_file():
            raise missing
        if sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            if not create and not applied(self.engine):
                raise missing
            self.migrations_applied = migrate(self.engine)
        except SQLAlchemyError as error:
            raise StoreError.of("E304", name=self.name, reason=reason(error)) from error

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction; it adds one to the store's generation, in the same commit."""
        with self.engine.begin() as conn:
            yield conn
            g = schema.generation.c
            conn.execute(schema.generation.update().values(value=g.value + 1))

    def generation(self) -> int:
        """How many write transactions the store has committed: answers computed at one
        generation hold until it changes, whichever process writes."""
        with self._connect() as conn:
            return int(conn.execute(select(schema.generation.c.value)).scalar_one())

    def refresh_statistics(self) -> None:
        """Let SQLite's planner measure the tables (ANALYZE): without statistics it reads
        each claim's document row, text and all, rather than the narrow date index. A
        store that cannot be written keeps its plans; PostgreSQL measures by itself."""
        if self.engine.dialect.name != "sqlite":
            return
        try:
            with self.engine.begin() as conn:
                # Sampled: a few hundred rows per index are enough to choose a plan, and the
                # server starts as fast on a large store.
                conn.exec_driver_sql("PRAGMA analysis_limit=400")
                conn.exec_driver_sql("ANALYZE")
        except SQLAlchemyError as error:
            log.warning("%s: statistics not refreshed (%s)", self.name, reason(error))

    def has_document(self, document_id: str) -> bool:
        query = select(schema.documents.c.id).where(schema.documents.c.id == document_id)
        with self._connect() as conn:
            return conn.execute(query).first() is not None

    def add_document(self, record: DocumentRecord) -> bool:
        """Store a document with its sentences and claims in one transaction.

        Returns False, storing nothing, when a document with that id is already stored.
        """
        if len(record.regions) != len(record.claims):
            raise StoreError.of("E305", name=record.origin, claims=len(record.claims),
                                 regions=len(record.regions))
        try:
            if self.has_document(record.id):
                return False
            with self.transaction() as conn:
                conn.execute(schema.documents.insert().values(_document_row(record)))
                if record.sentences:
                    conn.execute(schema.sentences.insert(), [
                        {"document_id": record.id, "number": number, "start": start, "end": end}
                        for number, (start, end) in enumerate(record.sentences)
                    ])
                if record.claims:
                    conn.execute(schema.claims.insert(), [
                        _claim_row(record.id, claim, region)
                        for claim, region in zip(record.claims, record.regions, strict=True)
                    ])
        except IntegrityError as error:
            # Another writer may have stored the same document between our check and insert.
            if self.has_document(record.id):
                return False
            raise StoreError.of("E306", name=self.name, origin=record.origin,
                                 reason=reason(error)) from error
        except SQLAlchemyError as error:
            raise StoreError.of("E306", name=self.name, origin=record.origin,
                                 reason=reason(error)) from error
        return True

    def document_metadata(self, document_id: str) -> dict[str, Any] | None:
        """A stored document's publication date, own id, URL, title and outlet; None when
        no document has that id."""
        d = schema.documents.c
        query = select(d.published, d.external_id, d.url, d.title, d.outlet).where(
            d.id == document_id)
        with self._connect() as conn:
            row = conn.execute(query).first()
        return dict(row._mapping) if row is not None else None

    def enrich_document(self, record: DocumentRecord, *, replace_claims: bool = True) -> None:
        """Fill the stored document's missing metadata from `record` and, unless
        `replace_claims` is False, replace its claims with `record`'s (extracted again with
        that metadata), in one transaction."""
        row = _document_row(record)
        fields = ("published", "external_id", "url", "title", "outlet")
        d = schema.documents.c
        try:
            with self.transaction() as conn:
                conn.execute(schema.documents.update().where(d.id == record.id).values(
                    {name: func.coalesce(d[name], row[name]) for name in fields}))
                if replace_claims:
                    conn.execute(schema.claims.delete().where(
                        schema.claims.c.document_id == record.id))
                if replace_claims and record.claims:
                    conn.execute(schema.claims.insert(), [
                        _claim_row(record.id, claim, region)
                        for claim, region in zip(record.claims, record.regions, strict=True)
                    ])
        except SQLAlchemyError as error:
            raise StoreError.of("E307", name=self.name, origin=record.origin,
                                 reason=reason(error)) from error

    def claims(self, where: ClaimFilter | None = None, *, limit: int | None = None,
               offset: int = 0) -> list[StoredClaim]:
        """Stored claims matching `where`, by publication date, document and claim order;
        `limit` and `offset` page through them in that order."""
        c, d = schema.claims.c, schema.documents.c
        query = select(schema.claims, d.published, d.origin).join(
            schema.documents, d.id == c.document_id
        ).where(*_conditions(where or ClaimFilter())).order_by(
            d.published, c.document_id, func.length(c.claim_id), c.claim_id
        ).limit(limit).offset(offset or None)
        with self._connect() as conn:
            return [_stored_claim(row) for row in conn.execute(query)]

    def count_claims(self, where: ClaimFilter | None = None) -> int:
        """How many stored claims match `where`."""
        query = select(func.count()).select_from(schema.claims.join(
            schema.documents, schema.documents.c.id == schema.claims.c.document_id
        )).where(*_conditions(where or ClaimFilter()))
        with self._connect() as conn:
            return int(conn.execute(query).scalar_one())

    def document(self, document_id: str) -> dict[str, Any] | None:
        """A stored document's text and metadata, by its hash or its own id; None if unknown."""
        d = schema.documents.c
        query = select(d.id, d.external_id, d.origin, d.lang, d.published, d.outlet, d.url,
                       d.title, d.status, d.text).where(
            or_(d.id == document_id, d.external_id == document_id)).limit(1)
        with self._connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else dict(row._mapping)

    def counts(self) -> dict[str, int]:
        """How many documents, sentences and claims are stored."""
        with self._connect() as conn:
            return {
                table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (schema.documents, schema.sentences, schema.claims)
            }

    def _connect(self) -> Any:
        try:
            return self.engine.connect()
        except SQLAlchemyError as error:
            raise StoreError.of("E308", name=self.name, reason=reason(error)) from error


def _conditions(where: ClaimFilter) -> list[Any]:
    c, d = schema.claims.c, schema.documents.c
    conditions: list[Any] = []
    if where.outcome is not None:
        conditions.append(c.outcome == where.outcome)
    if where.victims is not None:
        conditions.append(c.victims.in_(list(where.victims)))
    if where.cause is not None:
        conditions.append(c.cause == where.cause)
    if where.document is not None:
        conditions.append(or_(c.document_id == where.document, d.external_id == where.document))
    if where.first is not None:
        conditions.append(or_(c.period_end.is_(None), c.period_end >= where.first))
    if where.last is not None:
        conditions.append(or_(c.period_start.is_(None), c.period_start <= where.last))
    if where.regions is not None:
        conditions.append(or_(*(_inside(path) for path in where.regions)))
    return conditions


def _inside(path: tuple[str, ...]) -> Any:
    column = schema.claims.c.region
    if not path:
        return column.is_not(None)
    joined = REGION_SEPARATOR.join(path)
    return or_(column == joined,
               column.startswith(joined + REGION_SEPARATOR, autoescape=True))


def _storable(row: dict[str, Any]) -> dict[str, Any]:
    # Both stores take the same reports: NUL and lone surrogates become U+FFFD.
    return {key: repair_text(value) if isinstance(value, str) else value
            for key, value in row.items()}


def _document_row(record: DocumentRecord) -> dict[str, Any]:
    return _storable({
        "id": record.id, "external_id": record.external_id, "origin": record.origin,
        "lang": record.lang, "published": record.published, "outlet": record.outlet,
        "url": record.url, "title": record.title, "status": record.status,
        "text": record.text, "ingested_at": datetime.now(UTC),
    })


def _claim_row(document_id: str, claim: Claim, region: tuple[str, ...] | None) -> dict[str, Any]:
    place, source, period = claim.place, claim.source, claim.period
    return _storable({
        "document_id": document_id, "claim_id": claim.id, "quote": claim.quote,
        "outcome": claim.outcome, "cause": claim.cause, "victims": claim.victims,
        "value": claim.count.value, "qualifier": claim.count.qualifier,
        "high": claim.count.high, "part_of": claim.part_of,
        "period_start": period.start if period else None,
        "period_end": period.end if period else None,
        "place": place.name if place else None, "lat": place.lat if place else None,
        "lon": place.lon if place else None, "country": place.country if place else None,
        "precision": place.precision if place else None,
        "region": REGION_SEPARATOR.join(region) if region else None,
        "source": source.name if source else None,
        "source_type": source.type if source else None,
        "start": claim.start, "end": claim.end,
        "sentence_start": claim.sentence_start, "sentence_end": claim.sentence_end,
    })


def _stored_claim(row: Row[Any]) -> StoredClaim:
    m = row._mapping
    period = None
    if m["period_start"] is not None or m["period_end"] is not None:
        period = Period(m["period_start"], m["period_end"])
    place = None
    if m["place"] is not None:
        place = Place(m["place"], m["lat"], m["lon"], m["country"], m["precision"])
    source = Source(m["source"], m["source_type"]) if m["source"] is not None else None
    claim = Claim(
        id=m["claim_id"], quote=m["quote"], outcome=m["outcome"], cause=m["cause"],
        victims=m["victims"], count=Count(m["value"], m["qualifier"], m["high"]),
        part_of=m["part_of"], period=period, place=place, source=source, start=m["start"],
        end=m["end"], sentence_start=m["sentence_start"], sentence_end=m["sentence_end"],
    )
    region = tuple(m["region"].split(REGION_SEPARATOR)) if m["region"] else None
    return StoredClaim(m["document_id"], claim, region, m["published"], m["origin"])

