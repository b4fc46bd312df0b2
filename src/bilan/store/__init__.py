"""The claim store: SQLite by default, PostgreSQL by URL, through SQLAlchemy Core."""

from bilan.store.migrations import MIGRATIONS, applied, migrate
from bilan.store.store import ClaimFilter, DocumentRecord, Store, database_url

__all__ = ["MIGRATIONS", "ClaimFilter", "DocumentRecord", "Store", "applied", "database_url",
           "migrate"]
