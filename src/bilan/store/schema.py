"""The store's tables, as SQLAlchemy Core metadata.

Offsets are character offsets into `documents.text`, end exclusive; periods are
inclusive days. `claims.region` is the region path joined with "/" (see
`bilan.records.StoredClaim`).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

migrations = Table(
    "bilan_migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

# One row: a counter every write transaction adds one to, committed with the write, so an
# answer computed at one generation holds until the generation changes (`Store.generation`).
generation = Table(
    "bilan_generation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("value", Integer, nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("external_id", Text),
    Column("origin", Text, nullable=False),
    Column("lang", String(8), nullable=False),
    Column("published", Date),
    Column("outlet", Text),
    Column("url", Text),
    Column("title", Text),
    Column("status", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("claim_id", String(20), primary_key=True),
    Column("quote", Text, nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("cause", String(20), nullable=False),
    Column("victims", String(20), nullable=False),
    Column("value", Integer, nullable=False),
    Column("qualifier", String(20), nullable=False),
    Column("high", Integer),
    Column("part_of", String(20)),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("place", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
    Column("precision", String(10)),
    Column("region", Text),
    Column("source", Text),
    Column("source_type", String(20)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
)

# Created by a later migration than the tables, so they are not part of `create_all`.
claim_indexes = (
    Index("claims_outcome_period", claims.c.outcome, claims.c.period_start),
    Index("claims_region", claims.c.region),
)

# The claims page joins every matching claim to its document's date and origin: this index
# holds both, so the join never reads the documents' rows (their text).
document_indexes = (
    Index("documents_id_published_origin", documents.c.id, documents.c.published,
          documents.c.origin),
)

# One row per incident of a stored document (bilan.incidents), with the event it belongs
# to across reports. `payload` is the incident as JSON; `country`, `first_day` and
# `last_day` are the blocking keys events are rebuilt by.
incidents = Table(
    "incidents",
    metadata,
    Column("document_id", String(64), ForeignKey("documents.id"), primary_key=True),
    Column("incident_id", String(20), primary_key=True),
    Column("event_id", String(40)),
    Column("top_level", Integer, nullable=False),
    Column("country", String(2)),
    Column("first_day", Date),
    Column("last_day", Date),
    Column("payload", Text, nullable=False),
)
incident_indexes = (
    Index("incidents_country_day", incidents.c.country, incidents.c.first_day),
    Index("incidents_event", incidents.c.event_id),
)
